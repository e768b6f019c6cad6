// The columns of the work-order grid: number, status, priority, title, place, crew, due date (red
// with a tag when overdue) and when it was reported. Sortable ones name the store's sort column.
import { Tag } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { WorkOrderRow, workOrderSortColumns } from '../../../../../shared/contract/workOrders';
import { priorityColor, statusColor, useOrderText } from './orderText';

export type OrderSortColumn = (typeof workOrderSortColumns)[number];

export interface OrderSort {
  column: OrderSortColumn;
  direction: 'asc' | 'desc';
}

export interface OrderColumn {
  key: string;
  title: string;
  /** The least width; a growing column also shares what the window has spare. */
  width: number;
  grow?: boolean;
  sort?: OrderSortColumn;
  align?: 'left' | 'right';
  render: (row: WorkOrderRow) => ReactNode;
}

export function DueDate({ row }: { row: Pick<WorkOrderRow, 'dueDate' | 'overdue'> }) {
  const { t } = useOrderText();
  if (!row.dueDate) return null;
  if (!row.overdue) return <>{row.dueDate}</>;
  return (
    <span style={{ color: '#cf1322', fontWeight: 600 }}>
      {row.dueDate}{' '}
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('workOrders.overdue')}
      </Tag>
    </span>
  );
}

export function useOrderColumns(): OrderColumn[] {
  const { t, status, type, priority, when } = useOrderText();
  return useMemo(
    () => [
      {
        key: 'number',
        title: t('workOrders.fields.number'),
        width: 128,
        sort: 'number',
        render: (r) => r.number,
      },
      {
        key: 'status',
        title: t('workOrders.fields.status'),
        width: 84,
        sort: 'status',
        render: (r) => <Tag color={statusColor[r.status]}>{status(r.status)}</Tag>,
      },
      {
        key: 'priority',
        title: t('workOrders.fields.priority'),
        width: 60,
        sort: 'priority',
        render: (r) => <Tag color={priorityColor[r.priority]}>{priority(r.priority)}</Tag>,
      },
      {
        key: 'type',
        title: t('workOrders.fields.type'),
        width: 76,
        sort: 'type',
        render: (r) => type(r.type),
      },
      {
        key: 'title',
        title: t('workOrders.fields.title'),
        width: 180,
        grow: true,
        sort: 'title',
        render: (r) => <span title={r.title}>{r.title}</span>,
      },
      {
        key: 'place',
        title: t('workOrders.fields.place'),
        width: 170,
        grow: true,
        sort: 'placePath',
        render: (r) => <span title={r.placePath}>{r.placePath}</span>,
      },
      {
        key: 'assets',
        title: t('workOrders.fields.assetCount'),
        width: 48,
        align: 'right',
        render: (r) => (r.assetCount ? r.assetCount : ''),
      },
      {
        key: 'crew',
        title: t('workOrders.fields.crew'),
        width: 120,
        sort: 'crewName',
        render: (r) =>
          [r.crewName, r.technicianName].filter((x): x is string => Boolean(x)).join(' · '),
      },
      {
        key: 'due',
        title: t('workOrders.fields.dueDate'),
        width: 136,
        sort: 'dueDate',
        render: (r) => <DueDate row={r} />,
      },
      {
        key: 'reported',
        title: t('workOrders.fields.reportedAt'),
        width: 120,
        sort: 'reportedAt',
        render: (r) => when(r.reportedAt),
      },
    ],
    [t, status, type, priority, when],
  );
}
