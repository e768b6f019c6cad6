// A demo work order before it is written: its facts and its whole timeline of status changes as
// they would have happened, some of them after the end of the history. Cutting the timeline at the
// end instant gives the order's status today, so the current mix (in progress, on hold, awaiting
// verification, overdue) falls out of the same simulation as the closed history.
import type { WorkOrderStatus } from '../../shared/domain/workOrderTransitions';
import { DAY, hours } from './maintenanceClock';
import type { Rng } from './random';

export interface Step {
  at: number;
  to: WorkOrderStatus;
  actor: string;
  note: string;
}

export interface DraftRequest {
  reportedAt: number;
  reporter: string;
  phone: string;
  source: 'phone' | 'walk_in' | 'patrol' | 'leak_alert';
  category: string;
  description: string;
  priority: string;
  placeId: string;
  assetId: string | null;
  createdBy: string;
  /** When it was merged into the order (duplicates only). */
  mergedAt?: number;
}

export interface PartNeed {
  key: string;
  quantity: number;
}

export interface DraftOrder {
  type: 'corrective' | 'preventive' | 'inspection';
  category: string;
  title: string;
  description: string;
  placeId: string;
  assetIds: readonly string[];
  crewId: string;
  technicianId: string;
  priority: string;
  dueDate: string;
  checklist: readonly string[];
  estimatedHours: number;
  labourHours: number;
  result: string;
  findings: string;
  newLampType: string | null;
  newPowerW: number | null;
  requester: string;
  requesterPhone: string;
  reportedAt: number;
  createdAt: number;
  createdBy: string;
  verifiedBy: string;
  planId: string | null;
  occurrence: string | null;
  people: People;
  timing: Timing;
  /** Filled by lifecycle() once every draft of the campus exists (see maintenance.ts). */
  steps: Step[];
  parts: PartNeed[];
  /** The request it was converted from first, then any merged into it. */
  requests: DraftRequest[];
}

export interface People {
  dispatcher: string;
  technician: string;
  crewName: string;
  verifier: string;
}

export interface Timing {
  /** Hours from assignment to the start of work. */
  response: [number, number];
  /** Hours of work. */
  work: [number, number];
  /** Instant work starts, overriding response (plan orders start on or near their due day). */
  startAt?: number;
  /** Created already assigned (a plan order with its crew), not open. */
  assignedAtCreation?: boolean;
  /** A round done in one go and handed back the same day (inspections). */
  oneVisit?: boolean;
  /**
   * A share of orders wait for parts or a water shut-off; "stuck" ones wait on hold for weeks,
   * "slow" ones stay in progress for weeks (a wall left to dry, a contractor's part on order).
   */
  hold?: 'none' | 'short' | 'stuck' | 'slow';
  cancel?: boolean;
}

const holdNotes = [
  '等待配件到货',
  '需停水施工，待协调时间',
  '待厂家上门维修',
  '需高空作业车，待安排',
];
const cancelNotes = ['报修人已自行处理', '重复报修', '现场核实无故障'];

/** The whole timeline from creation to closing (or cancellation). */
export function lifecycle(rng: Rng, createdAt: number, who: People, t: Timing): Step[] {
  const steps: Step[] = [];
  const push = (at: number, to: WorkOrderStatus, actor: string, note = '') =>
    steps.push({ at, to, actor, note });
  if (t.assignedAtCreation) {
    push(createdAt, 'assigned', who.dispatcher, '计划生成');
  } else {
    push(createdAt, 'open', who.dispatcher);
    if (t.cancel) {
      push(createdAt + hours(rng, 0.5, 24), 'cancelled', who.dispatcher, rng.pick(cancelNotes));
      return steps;
    }
    // Urgent work is dispatched at once; otherwise within hours, or after a weekend or a busy spell.
    const wait =
      t.response[0] < 1
        ? hours(rng, 0.05, 0.5)
        : rng.chance(0.15)
          ? hours(rng, 24, 72)
          : hours(rng, 0.1, 4);
    const assignedAt = createdAt + wait;
    push(assignedAt, 'assigned', who.dispatcher, `派工：${who.crewName} ${who.technician}`);
  }
  const assigned = steps[steps.length - 1]?.at ?? createdAt;
  let at = Math.max(assigned + 10 * 60_000, t.startAt ?? assigned + hours(rng, ...t.response));
  push(at, 'in_progress', who.technician);
  if (t.hold === 'short' || t.hold === 'stuck') {
    at += hours(rng, 0.5, 3);
    push(at, 'on_hold', who.technician, rng.pick(holdNotes));
    at += t.hold === 'stuck' ? rng.int(40, 80) * DAY : rng.int(2, 15) * DAY + hours(rng, 0, 8);
    push(at, 'in_progress', who.technician, '条件具备，继续施工');
  }
  // Some jobs take more than one visit (a part to fetch, mortar or paint to dry), and crews hand
  // their signed paper orders back at the end of the day or the next morning.
  at += hours(rng, ...t.work);
  if (t.oneVisit) at += hours(rng, 0.2, 3);
  else at += (rng.chance(0.25) ? hours(rng, 24, 6 * 24) : 0) + hours(rng, 1, 18);
  if (t.hold === 'slow') at += rng.int(30, 60) * DAY;
  push(at, 'completed', who.technician);
  // The acceptance check (验收) is done on the manager's rounds, within about ten days.
  at += hours(rng, 4, 10 * 24);
  push(at, 'verified', who.verifier, '验收合格');
  at += hours(rng, 0.5, 3 * 24);
  push(at, 'closed', who.dispatcher, '归档');
  return steps;
}

export interface StateAt {
  status: WorkOrderStatus;
  heldFrom: WorkOrderStatus | null;
  events: Step[];
  completedAt: number | null;
  closedAt: number | null;
  startedAt: number | null;
}

/** The order as it stands at `end`: the steps taken by then and what they add up to. */
export function stateAt(steps: readonly Step[], end: number): StateAt {
  const events = steps.filter((s) => s.at <= end);
  const last = events[events.length - 1];
  if (!last) throw new Error('stateAt of an order created after the end');
  const before = events[events.length - 2];
  const find = (to: WorkOrderStatus) => events.findLast((s) => s.to === to)?.at ?? null;
  return {
    status: last.to,
    heldFrom: last.to === 'on_hold' ? (before?.to ?? 'open') : null,
    events,
    completedAt: find('completed'),
    closedAt: find('closed'),
    startedAt: events.find((s) => s.to === 'in_progress')?.at ?? null,
  };
}

/**
 * Hours from assignment to the start of work, by priority, with the long tail real backlogs have:
 * urgent leaks are attended within the hour, while a tenth of routine jobs wait weeks for a free
 * crew, a part or a convenient time — that tail is what keeps a few dozen orders open per campus.
 */
const responseBuckets: Record<string, readonly [number, number, number][]> = {
  urgent: [[1, 0.2, 1.5]],
  high: [
    [0.8, 1, 8],
    [1, 8, 72],
  ],
  normal: [
    [0.5, 3, 48],
    [0.8, 48, 168],
    [0.95, 168, 504],
    [1, 504, 1080],
  ],
  low: [
    [0.4, 24, 168],
    [0.8, 168, 504],
    [1, 504, 1080],
  ],
};

export function correctiveTiming(rng: Rng, priority: string, work: [number, number]): Timing {
  const r = rng.next();
  const bucket = (responseBuckets[priority] ?? responseBuckets.normal ?? []).find(([p]) => r < p);
  return { response: [bucket?.[1] ?? 3, bucket?.[2] ?? 48], work };
}

/** Days to the due date by priority. */
export function dueDays(priority: string): number {
  return priority === 'urgent' ? 1 : priority === 'high' ? 2 : priority === 'normal' ? 5 : 14;
}
