// The reorder list (补货清单): parts at or below their reorder point with the suggested order,
// exported as a CSV that Excel opens with the Chinese intact.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../../../shared/contract';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { saveText } from '../../../files';
import { toCsv } from './csv';
import { formatQty } from './format';

type Item = ResultOf<'parts.reorderList'>['items'][number];

interface Props {
  open: boolean;
  onClose: () => void;
}

export function ReorderDrawer({ open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<Item[] | null>(null);
  const qty = (n: number) => formatQty(n, i18n.language);

  useEffect(() => {
    if (!open) return;
    let stale = false;
    setItems(null);
    api
      .call('parts.reorderList', {})
      .then((r) => !stale && setItems(r.items))
      .catch((error: unknown) => void message.error(errorText(t, error)));
    return () => {
      stale = true;
    };
  }, [open, message, t]);

  const exportCsv = () => {
    if (!items) return;
    const c = (key: string) => t(`parts.columns.${key}`);
    // Plain numbers (no digit grouping) so the spreadsheet reads them as numbers.
    const rows = [
      [
        c('name'),
        c('spec'),
        c('unit'),
        c('onHand'),
        c('reorderPoint'),
        t('parts.reorder.suggested'),
        c('storage'),
      ],
      ...items.map((p) => [
        p.name,
        p.spec,
        p.unit,
        p.onHand,
        p.reorderPoint,
        p.suggestedOrder,
        [p.storagePlacePath, p.storageNote].filter(Boolean).join(' '),
      ]),
    ];
    const day = new Date().toLocaleDateString('sv'); // YYYY-MM-DD in local time
    saveText(`${t('parts.reorder.fileName')}-${day}.csv`, toCsv(rows));
    void message.success(t('parts.reorder.exported', { count: items.length }));
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={820}
      title={t('parts.reorder.title')}
      extra={
        <Button icon={<DownloadOutlined />} disabled={!items?.length} onClick={exportCsv}>
          {t('parts.reorder.exportCsv')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('parts.reorder.hint')}</Typography.Paragraph>
      <Table<Item>
        size="small"
        rowKey="id"
        loading={open && items === null}
        dataSource={items ?? []}
        pagination={false}
        data-testid="reorder-list"
        locale={{ emptyText: t('parts.reorder.empty') }}
        columns={[
          { key: 'name', title: t('parts.columns.name'), dataIndex: 'name' },
          { key: 'spec', title: t('parts.columns.spec'), dataIndex: 'spec' },
          { key: 'unit', title: t('parts.columns.unit'), dataIndex: 'unit', width: 60 },
          {
            key: 'onHand',
            title: t('parts.columns.onHand'),
            align: 'right',
            render: (_v, p) => qty(p.onHand),
          },
          {
            key: 'reorderPoint',
            title: t('parts.columns.reorderPoint'),
            align: 'right',
            render: (_v, p) => qty(p.reorderPoint),
          },
          {
            key: 'suggested',
            title: t('parts.reorder.suggested'),
            align: 'right',
            render: (_v, p) => <Typography.Text strong>{qty(p.suggestedOrder)}</Typography.Text>,
          },
          {
            key: 'storage',
            title: t('parts.columns.storage'),
            render: (_v, p) => [p.storagePlacePath, p.storageNote].filter(Boolean).join(' '),
          },
        ]}
      />
    </Drawer>
  );
}
