// Labels and colours of the coded values the maintenance views show: priorities, statuses and
// trades. Kept under this module's own keys because the orders module is written alongside.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Trade } from '../../../../../shared/contract/crews';
import { trades } from '../../../../../shared/contract/crews';
import type { Priority } from '../../../../../shared/contract/workOrders';
import type { WorkOrderStatus } from '../../../../../shared/domain/workOrderTransitions';

const priorityColor: Record<Priority, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'default',
};

/** Lower sorts first: the order a crew should pick up work in. */
export const priorityRank: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

const statusColor: Record<WorkOrderStatus, string> = {
  open: 'default',
  assigned: 'blue',
  in_progress: 'processing',
  on_hold: 'warning',
  completed: 'success',
  verified: 'success',
  closed: 'default',
  cancelled: 'default',
};

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return <Tag color={priorityColor[priority]}>{t(`board.priority.${priority}`)}</Tag>;
}

export function StatusTag({ status }: { status: WorkOrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`board.status.${status}`)}</Tag>;
}

/** Select options over the four trades, in the UI language. */
export function useTradeOptions(): { value: Trade; label: string }[] {
  const { t } = useTranslation();
  return trades.map((value) => ({ value, label: t(`crews.trade.${value}`) }));
}
