// The columns of the parts table, with the per-part actions (入库, 领用, 盘点调整, history, edit).
import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { Part } from '../../../../../shared/contract/parts';
import { formatQty } from './format';

export type PartAction = 'receive' | 'issue' | 'adjust' | 'movements' | 'edit';

const actionKeys: readonly PartAction[] = ['receive', 'issue', 'adjust', 'movements', 'edit'];

export function partColumns(
  t: TFunction,
  language: string,
  onAction: (action: PartAction, part: Part) => void,
): ColumnsType<Part> {
  const qty = (n: number) => formatQty(n, language);
  return [
    { key: 'name', title: t('parts.columns.name'), dataIndex: 'name', ellipsis: true },
    { key: 'spec', title: t('parts.columns.spec'), dataIndex: 'spec', ellipsis: true },
    { key: 'unit', title: t('parts.columns.unit'), dataIndex: 'unit', width: 64 },
    {
      key: 'onHand',
      title: t('parts.columns.onHand'),
      width: 96,
      align: 'right',
      render: (_v, p) => (
        <Typography.Text type={p.belowReorder ? 'danger' : undefined}>
          {qty(p.onHand)}
        </Typography.Text>
      ),
    },
    {
      key: 'reorderPoint',
      title: t('parts.columns.reorderPoint'),
      width: 88,
      align: 'right',
      render: (_v, p) => qty(p.reorderPoint),
    },
    {
      key: 'storage',
      title: t('parts.columns.storage'),
      ellipsis: true,
      render: (_v, p) => [p.storagePlacePath, p.storageNote].filter(Boolean).join(' '),
    },
    {
      key: 'status',
      title: t('parts.columns.status'),
      width: 112,
      render: (_v, p) =>
        p.belowReorder ? (
          <Tag color="red">{t('parts.status.below')}</Tag>
        ) : (
          <Tag color="green">{t('parts.status.ok')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('parts.columns.actions'),
      width: 300,
      render: (_v, p) => (
        <Space size={0} wrap>
          {actionKeys.map((action) => (
            <Button
              key={action}
              type="link"
              size="small"
              onClick={() => onAction(action, p)}
              aria-label={`${t(`parts.actions.${action}`)} ${p.name}`}
            >
              {t(`parts.actions.${action}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
}
