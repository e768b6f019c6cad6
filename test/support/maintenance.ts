// Small factories for the maintenance tests: crews with technicians, work orders, repair requests,
// walking an order along its lifecycle, local days, and direct SQL for what the API cannot set up
// (back-dated instants, plans and their occurrences, whose service is written elsewhere).
import { DateTime } from 'luxon';
import type { Api } from '../../electron/api';
import { newId, nowIso } from '../../electron/store/tx';
import type { InputOf } from '../../shared/contract';
import type { Crew, Technician } from '../../shared/contract/crews';
import type { RepairRequest, WorkOrder } from '../../shared/contract/workOrders';
import type { WorkOrderStatus } from '../../shared/domain/workOrderTransitions';
import { call } from './api';

export const ZONE = 'Asia/Shanghai';

export function createCrew(
  api: Api,
  name = '电工班',
  extra: Partial<InputOf<'crews.create'>> = {},
) {
  return call(api, 'crews.create', { name, trade: 'electrician', phone: '0571-8888', ...extra });
}

export function addTechnician(api: Api, crew: Crew, name = '王师傅'): Technician {
  return call(api, 'crews.addTechnician', { crewId: crew.id, name, trade: crew.trade });
}

export function createOrder(
  api: Api,
  extra: Partial<InputOf<'workOrders.create'>> = {},
): WorkOrder {
  return call(api, 'workOrders.create', { type: 'corrective', title: '更换灯管', ...extra });
}

export function createRequest(
  api: Api,
  extra: Partial<InputOf<'requests.create'>> = {},
): RepairRequest {
  return call(api, 'requests.create', {
    reporter: '张三',
    phone: '13800000000',
    category: 'lighting',
    description: '教室灯管不亮\n第二排左侧两支',
    ...extra,
  } as InputOf<'requests.create'>);
}

/** The path from open to each status through the usual steps. */
const pathTo: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  open: [],
  assigned: ['assigned'],
  in_progress: ['assigned', 'in_progress'],
  on_hold: ['on_hold'],
  completed: ['assigned', 'in_progress', 'completed'],
  verified: ['assigned', 'in_progress', 'completed', 'verified'],
  closed: ['assigned', 'in_progress', 'completed', 'verified', 'closed'],
  cancelled: ['cancelled'],
};

/** Moves an order along the usual path from where it is to `status`; assigning uses `crewId`. */
export function walkTo(api: Api, order: WorkOrder, status: WorkOrderStatus, crewId?: string) {
  let current = order;
  const path = pathTo[status];
  for (const to of path.slice(path.indexOf(current.status) + 1)) {
    current = call(api, 'workOrders.transition', {
      id: current.id,
      to,
      ...(to === 'assigned' && !current.crewId ? { crewId } : {}),
      ...(to === 'verified' ? { verifiedBy: '李科长' } : {}),
    });
  }
  return current;
}

export function todayIn(zone = ZONE): string {
  return DateTime.now().setZone(zone).toISODate() ?? '';
}

export function addDays(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days: n }).toISODate() ?? day;
}

/** Sets columns of an order directly (back-dating what the API stamps with now). */
export function setOrder(api: Api, id: string, columns: Record<string, unknown>): void {
  const sets = Object.keys(columns).map((c) => `${c} = @${c}`);
  if (sets.length === 0) return;
  api.core.db.prepare(`UPDATE work_orders SET ${sets.join(', ')} WHERE id = @id`).run({
    ...columns,
    id,
  });
}

/** A preventive plan row, written directly: the plans service is tested on its own. */
export function insertPlan(api: Api, name: string, timeZone = ZONE): string {
  const id = newId();
  const now = nowIso();
  api.core.db
    .prepare(
      `INSERT INTO pm_plans (id, name, target_json, recurrence, rule, start_local, time_zone,
         created_at, updated_at)
       VALUES (?, ?, '{"kind":"list","assetIds":[]}', 'rrule', 'FREQ=MONTHLY', ?, ?, ?, ?)`,
    )
    .run(id, name, '2024-01-01T08:00', timeZone, now, now);
  return id;
}

export function insertOccurrence(
  api: Api,
  planId: string,
  dueDate: string,
  state: 'ordered' | 'missed',
  workOrderId: string | null,
): void {
  api.core.db
    .prepare(
      `INSERT INTO pm_occurrences (plan_id, occurrence, due_date, state, work_order_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(planId, `${dueDate}T08:00`, dueDate, state, workOrderId, nowIso());
}
