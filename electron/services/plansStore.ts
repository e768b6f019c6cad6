// SQL for preventive-maintenance plans and their occurrences: prepared statements and row mapping.
// The derived parts of a Plan (description, upcoming, asset count) are computed in plans.ts.
import type { ChecklistItem } from '../../shared/contract/workOrders';
import type { Plan, PlanRecurrence, PlanTarget } from '../../shared/contract/plans';
import type { Db } from '../store/tx';

export interface PlanRow {
  id: string;
  name: string;
  active: 0 | 1;
  order_type: Plan['orderType'];
  category: Plan['category'];
  priority: Plan['priority'];
  target_json: string;
  place_id: string | null;
  checklist_json: string;
  crew_id: string | null;
  crew_name: string | null;
  estimated_hours: number | null;
  lead_days: number;
  recurrence: 'rrule' | 'after_completion';
  rule: string | null;
  interval_days: number | null;
  start_local: string;
  time_zone: string;
  notes: string;
  open_orders: number;
  created_at: string;
  updated_at: string;
}

/** The columns a create or update writes. */
export type PlanColumns = Omit<PlanRow, 'crew_name' | 'open_orders' | 'created_at'>;

/** Work not yet done (activeStatuses of workOrderTransitions). */
export const ACTIVE_ORDER = `status IN ('open','assigned','in_progress','on_hold')`;

// `occurrence IS NOT NULL` lets SQLite use the partial unique index on (plan_id, occurrence):
// work_orders has no other index on plan_id, and every order a plan generated has an occurrence.
const PLAN_SELECT = `SELECT p.*, c.name AS crew_name,
    (SELECT count(*) FROM work_orders w
      WHERE w.plan_id = p.id AND w.occurrence IS NOT NULL AND w.${ACTIVE_ORDER}) AS open_orders
  FROM pm_plans p LEFT JOIN crews c ON c.id = p.crew_id`;

export function planTarget(row: PlanRow): PlanTarget {
  return JSON.parse(row.target_json) as PlanTarget;
}

export function planRecurrence(row: PlanRow): PlanRecurrence {
  return row.recurrence === 'rrule'
    ? { kind: 'rrule', rule: row.rule ?? '' }
    : { kind: 'afterCompletion', days: row.interval_days ?? 1 };
}

export function toPlanBase(row: PlanRow): Omit<Plan, 'description' | 'upcoming' | 'assetCount'> {
  return {
    id: row.id,
    name: row.name,
    active: row.active === 1,
    orderType: row.order_type,
    category: row.category,
    priority: row.priority,
    target: planTarget(row),
    placeId: row.place_id,
    checklist: JSON.parse(row.checklist_json) as ChecklistItem[],
    crewId: row.crew_id,
    crewName: row.crew_name,
    estimatedHours: row.estimated_hours,
    leadDays: row.lead_days,
    recurrence: planRecurrence(row),
    start: row.start_local,
    timeZone: row.time_zone,
    notes: row.notes,
    openOrders: row.open_orders,
  };
}

function plansStatements(db: Db) {
  return {
    byId: db.prepare<[string], PlanRow>(`${PLAN_SELECT} WHERE p.id = ?`),
    all: db.prepare<[], PlanRow>(`${PLAN_SELECT} ORDER BY p.active DESC, p.name`),
    activeIds: db.prepare<[], { id: string }>(
      `SELECT id FROM pm_plans WHERE active = 1 ORDER BY name`,
    ),
    idByName: db.prepare<[string], { id: string }>(`SELECT id FROM pm_plans WHERE name = ?`),
    insert: db.prepare(
      `INSERT INTO pm_plans (id, name, active, order_type, category, priority, target_json, place_id,
         checklist_json, crew_id, estimated_hours, lead_days, recurrence, rule, interval_days,
         start_local, time_zone, notes, created_at, updated_at)
       VALUES (@id, @name, @active, @order_type, @category, @priority, @target_json, @place_id,
         @checklist_json, @crew_id, @estimated_hours, @lead_days, @recurrence, @rule, @interval_days,
         @start_local, @time_zone, @notes, @updated_at, @updated_at)`,
    ),
    update: db.prepare(
      `UPDATE pm_plans SET name = @name, active = @active, order_type = @order_type,
         category = @category, priority = @priority, target_json = @target_json,
         place_id = @place_id, checklist_json = @checklist_json, crew_id = @crew_id,
         estimated_hours = @estimated_hours, lead_days = @lead_days, recurrence = @recurrence,
         rule = @rule, interval_days = @interval_days, start_local = @start_local,
         time_zone = @time_zone, notes = @notes, updated_at = @updated_at
       WHERE id = @id`,
    ),
    remove: db.prepare(`DELETE FROM pm_plans WHERE id = ?`),
    /** The latest occurrence the plan has reached (ordered or missed); text order is time order. */
    lastOccurrence: db.prepare<[string], { occurrence: string | null }>(
      `SELECT max(occurrence) AS occurrence FROM pm_occurrences WHERE plan_id = ?`,
    ),
    claimOccurrence: db.prepare(
      `INSERT INTO pm_occurrences (plan_id, occurrence, due_date, state, work_order_id, created_at)
       VALUES (@planId, @occurrence, @dueDate, @state, NULL, @now)
       ON CONFLICT (plan_id, occurrence) DO NOTHING`,
    ),
    linkOrder: db.prepare(
      `UPDATE pm_occurrences SET work_order_id = ? WHERE plan_id = ? AND occurrence = ?`,
    ),
    /** The plan's orders not yet done, oldest occurrence first. */
    activeOrders: db.prepare<[string], { id: string; occurrence: string }>(
      `SELECT id, occurrence FROM work_orders
       WHERE plan_id = ? AND occurrence IS NOT NULL AND ${ACTIVE_ORDER} ORDER BY occurrence`,
    ),
    lastCompletedAt: db.prepare<[string], { at: string | null }>(
      `SELECT max(completed_at) AS at FROM work_orders
       WHERE plan_id = ? AND occurrence IS NOT NULL AND completed_at IS NOT NULL`,
    ),
    crewExists: db.prepare<[string], { one: number }>(`SELECT 1 AS one FROM crews WHERE id = ?`),
    placeExists: db.prepare<[string], { one: number }>(`SELECT 1 AS one FROM places WHERE id = ?`),
  };
}

export type PlansStatements = ReturnType<typeof plansStatements>;

const cache = new WeakMap<Db, PlansStatements>();

export function plansSql(db: Db): PlansStatements {
  let s = cache.get(db);
  if (!s) {
    s = plansStatements(db);
    cache.set(db, s);
  }
  return s;
}
