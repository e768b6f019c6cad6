// The work-order lifecycle of DOMAIN.md: open → assigned → in progress → completed → verified
// (验收) → closed, with on hold and cancelled reachable from any open state. The one place that
// says which moves are legal; the service refuses the rest and the UI offers only these.
export const workOrderStatuses = [
  'open',
  'assigned',
  'in_progress',
  'on_hold',
  'completed',
  'verified',
  'closed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

/** Work not yet done: what "open orders", backlog and overdue count. */
export const activeStatuses: readonly WorkOrderStatus[] = [
  'open',
  'assigned',
  'in_progress',
  'on_hold',
];

const moves: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  open: ['assigned', 'on_hold', 'cancelled'],
  assigned: ['in_progress', 'open', 'on_hold', 'cancelled'],
  in_progress: ['completed', 'assigned', 'on_hold', 'cancelled'],
  // Resuming goes back to where the order was held (see resumeTarget); cancelling is always open.
  on_hold: ['open', 'assigned', 'in_progress', 'cancelled'],
  // A failed acceptance check sends the work back to the crew.
  completed: ['verified', 'in_progress'],
  verified: ['closed'],
  closed: [],
  cancelled: [],
};

export function isActive(status: WorkOrderStatus): boolean {
  return activeStatuses.includes(status);
}

/**
 * The statuses an order may move to now. An order on hold offers only the state it was held from
 * (or cancelled), so "resume" cannot skip the assignment or the work.
 */
export function legalTransitions(
  status: WorkOrderStatus,
  heldFrom?: WorkOrderStatus | null,
): WorkOrderStatus[] {
  if (status === 'on_hold') {
    const back = heldFrom && heldFrom !== 'on_hold' ? heldFrom : 'open';
    return [back, 'cancelled'];
  }
  return [...moves[status]];
}

export function canTransition(
  from: WorkOrderStatus,
  to: WorkOrderStatus,
  heldFrom?: WorkOrderStatus | null,
): boolean {
  return legalTransitions(from, heldFrom).includes(to);
}
