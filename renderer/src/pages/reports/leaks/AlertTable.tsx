// The leak alerts of the period, newest first: when the run of exceeding nights started, when the
// rule fired, how far above the baseline, the likely inlet, and the repair request made from it.
// A row click shows that alert's night-flow chart.
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  LeakAlert,
  LeakAlertsResult,
} from '../../../../../shared/contract/analyticsSiteShapes';
import type { DataTable } from '../common/dataTable';
import { formatNumber } from '../common/format';
import { ConvertButton } from './ConvertButton';

function likely(a: LeakAlert): string {
  const m = a.meters.find((x) => x.meterId === a.likelyMeterId);
  return m ? `${m.code} ${m.name}` : '';
}

export function alertsTable(t: TFunction, r: LeakAlertsResult): DataTable {
  return {
    columns: [
      { title: t('analytics.leaks.startNight') },
      { title: t('analytics.leaks.raisedNight') },
      { title: t('analytics.leaks.lastNight') },
      { title: t('analytics.leaks.exceedingNights'), kind: 'number', digits: 0 },
      { title: `${t('analytics.leaks.baseline')} (${r.unit})`, kind: 'number', digits: 3 },
      { title: `${t('analytics.leaks.peak')} (${r.unit})`, kind: 'number', digits: 3 },
      { title: `${t('analytics.leaks.excess')} (${r.unit})`, kind: 'number', digits: 3 },
      { title: t('analytics.leaks.likelyMeter') },
      { title: t('analytics.leaks.state') },
      { title: t('analytics.leaks.request') },
    ],
    rows: r.items.map((a) => [
      a.startNight,
      a.raisedNight,
      a.lastNight,
      a.exceedingNights,
      a.baseline,
      a.peakMnf,
      a.excess,
      likely(a),
      t(a.ongoing ? 'analytics.leaks.ongoing' : 'analytics.leaks.ended'),
      a.requestNumber,
    ]),
  };
}

interface Props {
  result: LeakAlertsResult;
  selected: string | null;
  onSelect: (id: string) => void;
  onConverted: () => void;
}

export function AlertTable({ result, selected, onSelect, onConverted }: Props) {
  const { t, i18n } = useTranslation();
  const flow = (v: number) => formatNumber(v, i18n.language, 2);
  const columns: ColumnsType<LeakAlert> = [
    { title: t('analytics.leaks.startNight'), dataIndex: 'startNight' },
    { title: t('analytics.leaks.raisedNight'), dataIndex: 'raisedNight' },
    { title: t('analytics.leaks.lastNight'), dataIndex: 'lastNight' },
    { title: t('analytics.leaks.exceedingNights'), dataIndex: 'exceedingNights', align: 'right' },
    { title: t('analytics.leaks.baseline'), dataIndex: 'baseline', align: 'right', render: flow },
    { title: t('analytics.leaks.peak'), dataIndex: 'peakMnf', align: 'right', render: flow },
    {
      title: `${t('analytics.leaks.excess')} (${result.unit})`,
      dataIndex: 'excess',
      align: 'right',
      render: (v: number) => <span className="report-bad">+{flow(v)}</span>,
    },
    { title: t('analytics.leaks.likelyMeter'), key: 'likely', render: (_, a) => likely(a) },
    {
      title: t('analytics.leaks.state'),
      key: 'state',
      render: (_, a) =>
        a.ongoing ? (
          <Tag color="red">{t('analytics.leaks.ongoing')}</Tag>
        ) : (
          <Tag>{t('analytics.leaks.ended')}</Tag>
        ),
    },
    {
      title: t('analytics.leaks.request'),
      key: 'request',
      render: (_, a) => <ConvertButton alert={a} onConverted={onConverted} />,
    },
  ];
  return (
    <Table<LeakAlert>
      size="small"
      data-testid="leak-alerts"
      rowKey="id"
      columns={columns}
      dataSource={result.items}
      pagination={false}
      rowClassName={(a) => (a.id === selected ? 'ant-table-row-selected' : '')}
      onRow={(a) => ({ onClick: () => onSelect(a.id), style: { cursor: 'pointer' } })}
      scroll={{ x: 'max-content' }}
    />
  );
}
