// How work-order values look: status colours, the verb for each legal move (派工, 开始, 完工…) and
// the small facts a form needs. The legal moves themselves come from the order's `next`; this file
// only names them.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatus } from '../../../../../shared/domain/workOrderTransitions';

export const statusColor: Record<WorkOrderStatus, string> = {
  open: 'blue',
  assigned: 'cyan',
  in_progress: 'processing',
  on_hold: 'warning',
  completed: 'green',
  verified: 'lime',
  closed: 'default',
  cancelled: 'default',
};

export const priorityColor: Record<string, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'default',
  low: 'default',
};

export type MoveAction =
  | 'assign'
  | 'reassign'
  | 'unassign'
  | 'start'
  | 'complete'
  | 'verify'
  | 'close'
  | 'hold'
  | 'resume'
  | 'cancel'
  | 'back';

/** The verb for a move: the same target reads differently depending on where the order is. */
export function moveAction(from: WorkOrderStatus, to: WorkOrderStatus): MoveAction {
  if (to === 'cancelled') return 'cancel';
  if (to === 'on_hold') return 'hold';
  if (from === 'on_hold') return 'resume';
  if (to === 'assigned') return from === 'open' ? 'assign' : 'reassign';
  if (to === 'open') return 'unassign';
  if (to === 'in_progress') return from === 'completed' ? 'back' : 'start';
  if (to === 'completed') return 'complete';
  if (to === 'verified') return 'verify';
  return 'close';
}

/** Moves that ask for facts before they happen (the rest only take an optional note). */
export const needsForm: ReadonlySet<MoveAction> = new Set([
  'assign',
  'reassign',
  'complete',
  'verify',
  'hold',
  'back',
  'cancel',
]);

/** Labels of the work-order vocabularies in the UI language. */
export function useOrderText() {
  const { t, i18n } = useTranslation();
  const status = useCallback((s: string) => t(`workOrders.status.${s}`), [t]);
  const type = useCallback((s: string) => t(`workOrders.type.${s}`), [t]);
  const priority = useCallback((s: string) => t(`workOrders.priority.${s}`), [t]);
  const category = useCallback((s: string) => t(`workOrders.category.${s}`), [t]);
  const when = useCallback(
    (iso: string | null) =>
      iso
        ? new Date(iso).toLocaleString(i18n.language, {
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
          })
        : '',
    [i18n.language],
  );
  return { t, status, type, priority, category, when };
}

/** The operator's name on this PC (asked at first start): the default "verified by". */
export function operatorName(): string {
  return localStorage.getItem('utility-desk.operator') ?? '';
}
