// Factories and readers for the maintenance-plan tests: a crew, plan inputs, the orders and
// occurrence records a plan has, and the direct writes that stand in for services other tests own
// (completing or cancelling an order) so these tests depend on generation alone.
import type { Api } from '../../electron/api';
import type { Ctx } from '../../electron/context';
import type { InputOf } from '../../shared/contract';
import type { Plan } from '../../shared/contract/plans';
import { call } from './api';

export type NewPlan = InputOf<'plans.create'>;

/** A crew row written directly: plans only need one to exist. */
export function insertCrew(api: Api, name = '电工班'): string {
  const id = `crew-${name}`;
  const now = new Date().toISOString();
  api.core.db
    .prepare(
      `INSERT INTO crews (id, name, trade, phone, active, notes, created_at, updated_at)
       VALUES (?, ?, 'electrician', '', 1, '', ?, ?)`,
    )
    .run(id, name, now, now);
  return id;
}

/** A weekly Monday 08:00 inspection from 2026-01-05 (a Monday), a week's lead, Shanghai time. */
export function weeklyPlan(
  name: string,
  target: NewPlan['target'],
  extra: Partial<NewPlan> = {},
): NewPlan {
  return {
    name,
    target,
    recurrence: { kind: 'rrule', rule: 'FREQ=WEEKLY;BYDAY=MO' },
    start: '2026-01-05T08:00',
    timeZone: 'Asia/Shanghai',
    leadDays: 7,
    checklist: [{ text: '检查灯具是否点亮' }, { text: '清洁灯罩' }],
    estimatedHours: 2,
    ...extra,
  };
}

export function createPlan(api: Api, input: NewPlan): Plan {
  return call(api, 'plans.create', input);
}

export interface OrderRow {
  id: string;
  number: string;
  type: string;
  title: string;
  status: string;
  plan_id: string | null;
  occurrence: string | null;
  due_date: string | null;
  crew_id: string | null;
  place_id: string | null;
  estimated_hours: number | null;
  checklist_json: string;
  assets: number;
}

/** The orders of a plan (or those whose plan was deleted, with null), by occurrence. */
export function planOrders(api: Api, planId: string | null): OrderRow[] {
  return api.core.db
    .prepare<[string | null], OrderRow>(
      `SELECT w.*, (SELECT count(*) FROM work_order_assets x WHERE x.work_order_id = w.id) AS assets
       FROM work_orders w WHERE w.plan_id IS ? ORDER BY w.occurrence, w.number`,
    )
    .all(planId);
}

export interface OccurrenceRow {
  occurrence: string;
  due_date: string;
  state: 'ordered' | 'missed';
  work_order_id: string | null;
}

export function occurrenceRows(api: Api, planId: string): OccurrenceRow[] {
  return api.core.db
    .prepare<[string], OccurrenceRow>(
      `SELECT occurrence, due_date, state, work_order_id FROM pm_occurrences
       WHERE plan_id = ? ORDER BY occurrence`,
    )
    .all(planId);
}

/** Marks an order completed at a UTC instant (the work-order service's transition, in short). */
export function completeOrder(api: Api, orderId: string, completedAtUtc: string): void {
  api.core.db
    .prepare(`UPDATE work_orders SET status = 'completed', completed_at = ? WHERE id = ?`)
    .run(completedAtUtc, orderId);
}

export function cancelOrder(api: Api, orderId: string): void {
  api.core.db.prepare(`UPDATE work_orders SET status = 'cancelled' WHERE id = ?`).run(orderId);
}

/** The handler context the app passes to generateDuePlans at start. */
export function ctxOf(api: Api): Ctx {
  return { core: api.core, db: api.core.db, actor: api.core.operator };
}
