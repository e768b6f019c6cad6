// The water-balance tree on screen: each parent meter with its input (its own consumption),
// metered (Σ its children), unaccounted and loss rate; a row opens to its children. A loss rate
// above the threshold and children exceeding their parent are red, data gaps amber.
import { Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type {
  WaterBalanceNode,
  WaterBalanceResult,
} from '../../../../../shared/contract/analyticsShapes';
import { formatNumber, formatPercent } from '../common/format';
import { alarmFlags, hasAlarm } from './balanceTable';

type Row = Omit<WaterBalanceNode, 'children'> & { key: string; children?: Row[] };

/** antd shows an expander for any `children` array, so leaves get none at all. */
function toRow(node: WaterBalanceNode): Row {
  const { children, ...rest } = node;
  return {
    ...rest,
    key: node.meterId,
    ...(children.length ? { children: children.map(toRow) } : {}),
  };
}

export function BalanceTree({ result }: { result: WaterBalanceResult }) {
  const { t, i18n } = useTranslation();
  const amount = (v: number | null) => formatNumber(v, i18n.language);
  const columns: ColumnsType<Row> = [
    {
      title: t('analytics.col.meter'),
      key: 'meter',
      render: (_, r) => `${r.code} ${r.name}`,
    },
    { title: t('analytics.col.place'), dataIndex: 'placeName' },
    { title: t('analytics.balance.input'), dataIndex: 'input', align: 'right', render: amount },
    { title: t('analytics.balance.metered'), dataIndex: 'metered', align: 'right', render: amount },
    {
      title: t('analytics.balance.unaccounted'),
      dataIndex: 'unaccounted',
      align: 'right',
      render: amount,
    },
    {
      title: t('analytics.balance.lossRate'),
      key: 'loss',
      align: 'right',
      render: (_, r) => (
        <span className={hasAlarm(r) ? 'report-bad' : undefined} data-testid={`loss-${r.code}`}>
          {formatPercent(r.lossRate, i18n.language)}
        </span>
      ),
    },
    {
      title: t('analytics.col.flags'),
      key: 'flags',
      render: (_, r) =>
        r.flags.map((f) => (
          <Tooltip key={f} title={t(`analytics.balance.flagHints.${f}`)}>
            <Tag color={alarmFlags.includes(f) ? 'red' : 'gold'}>
              {t(`analytics.balance.flags.${f}`)}
            </Tag>
          </Tooltip>
        )),
    },
  ];
  const root = toRow(result);
  return (
    <Table<Row>
      size="small"
      data-testid="balance-tree"
      columns={columns}
      dataSource={[root]}
      pagination={false}
      rowClassName={(r) => (hasAlarm(r) ? 'report-row-bad' : '')}
      expandable={{ defaultExpandedRowKeys: [root.key] }}
      scroll={{ x: 'max-content' }}
    />
  );
}
