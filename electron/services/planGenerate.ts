// Generation of preventive work orders from plans, run by plans.generate, at app start and daily.
// Each plan is one transaction: read what it has reached (pm_occurrences), expand what is due up
// to today + lead days in the plan's zone, order or record each occurrence. The primary key of
// pm_occurrences is claimed before an order is written, so a second run, or a second process
// racing this one, never makes a second order for an occurrence.
import { DateTime } from 'luxon';
import type { ResultOf } from '../../shared/contract';
import { DeskError } from '../../shared/contract/errors';
import { occurrences } from '../../shared/domain/recurrence';
import type { Ctx } from '../context';
import { inTransaction, nowIso, writeAudit, type Db } from '../store/tx';
import { planTarget, plansSql, type PlanRow } from './plansStore';
import { targetAssetIds } from './planTarget';
import { localDate } from './siteTime';
import { insertWorkOrder } from './workOrderCreate';

export type GenerateResult = ResultOf<'plans.generate'>;
type OrderRef = GenerateResult['orders'][number];

/** Enough for a daily rule over a 270-year gap; the subset has at most one occurrence a day. */
const MAX_OCCURRENCES = 100_000;
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";
const NOTE = '计划生成';

// Local days and times are wall-clock values: arithmetic on them reads them as UTC so that no
// zone (and no DST change) can shift a day.
function floating(local: string): DateTime {
  return DateTime.fromISO(local, { zone: 'utc' });
}

export function addDays(day: string, days: number): string {
  return floating(day).plus({ days }).toISODate() ?? day;
}

function addMinute(local: string): string {
  return floating(local).plus({ minutes: 1 }).toFormat(LOCAL_FORMAT);
}

function later(a: string, b: string): string {
  return a >= b ? a : b;
}

const dueDateOf = (occurrence: string): string => occurrence.slice(0, 10);

/**
 * The next occurrence of an after-completion plan: the later of its start and the local day of the
 * last completion + N days, at the start's time of day. It always lies after the last occurrence
 * reached, so a cancelled or missed order pushes the schedule one interval on instead of stalling
 * it on an occurrence already recorded.
 */
export function nextAfterCompletion(db: Db, row: PlanRow, today: string): string {
  const sql = plansSql(db);
  const days = row.interval_days ?? 1;
  const time = row.start_local.slice(11);
  const last = sql.lastOccurrence.get(row.id)?.occurrence ?? null;
  let next = row.start_local;
  const done = sql.lastCompletedAt.get(row.id)?.at;
  if (done)
    next = later(next, `${addDays(localDate(row.time_zone, new Date(done)), days)}T${time}`);
  if (last === null) {
    // A new plan whose start lies in the past begins today, not with years of history.
    next = later(next, `${today}T${time}`);
  } else if (next <= last) {
    next = `${addDays(dueDateOf(last), days)}T${time}`;
  }
  return next;
}

/** Occurrences not yet reached with a local day up to the horizon, ascending. */
function dueOccurrences(db: Db, row: PlanRow, today: string, horizon: string): string[] {
  const sql = plansSql(db);
  if (row.recurrence === 'after_completion') {
    // One order at a time: the next one is only known once the current one is done.
    if (sql.activeOrders.get(row.id)) return [];
    const next = nextAfterCompletion(db, row, today);
    return dueDateOf(next) <= horizon ? [next] : [];
  }
  const last = sql.lastOccurrence.get(row.id)?.occurrence ?? null;
  // A new plan whose start lies in the past begins today, not with years of history.
  const floor = last === null ? `${today}T00:00` : addMinute(last);
  return occurrences(row.rule ?? '', row.start_local, row.time_zone, {
    limit: MAX_OCCURRENCES,
    from: later(floor, row.start_local),
    to: `${horizon}T23:59`,
  });
}

interface PlanOutcome {
  created: number;
  overdue: number;
  missed: string[];
  orders: OrderRef[];
}

function orderOccurrence(ctx: Ctx, row: PlanRow, occurrence: string, assetIds: string[]): OrderRef {
  const dueDate = dueDateOf(occurrence);
  const checklist = (JSON.parse(row.checklist_json) as { text: string }[]).map(({ text }) => ({
    text,
    done: false,
  }));
  const created = insertWorkOrder(ctx, {
    type: row.order_type,
    category: row.category,
    // The title column holds 200 characters; the date must survive.
    title: `${row.name.slice(0, 188)} ${dueDate}`,
    description: row.notes,
    placeId: row.place_id,
    assetIds,
    crewId: row.crew_id,
    technicianId: null,
    priority: row.priority,
    dueDate,
    checklist,
    estimatedHours: row.estimated_hours,
    newLampType: null,
    newPowerW: null,
    requester: '',
    requesterPhone: '',
    planId: row.id,
    occurrence,
    note: NOTE,
  });
  plansSql(ctx.db).linkOrder.run(created.id, row.id, occurrence);
  return { ...created, planId: row.id, occurrence };
}

/**
 * Catch-up rule: occurrences already past their due day (the app was closed) are recorded as
 * missed, except the latest of them, which is ordered and counted overdue: one order to do the
 * work now, while compliance still counts the skipped ones as due and not done. Occurrences due
 * today or later within the lead window are all ordered.
 *
 * Empty targets (every asset retired, or a filter that matches nothing yet): an occurrence past
 * its due day is recorded as missed with no order, so the plan moves on and the gap shows in the
 * compliance figures; one still ahead is left unrecorded, so an asset added before its due day
 * still gets it ordered at the next run.
 */
function generatePlan(ctx: Ctx, row: PlanRow, today: string): PlanOutcome {
  const sql = plansSql(ctx.db);
  const outcome: PlanOutcome = { created: 0, overdue: 0, missed: [], orders: [] };
  const due = dueOccurrences(ctx.db, row, today, addDays(today, row.lead_days));
  const latestPast = due.filter((o) => dueDateOf(o) < today).at(-1);
  // Evaluated once per plan and run, only when an order is to be written: a filter target picks
  // up the assets added since the last run.
  let assetIds: string[] | null = null;
  const now = nowIso();
  const claim = (occurrence: string, state: 'ordered' | 'missed'): boolean =>
    sql.claimOccurrence.run({
      planId: row.id,
      occurrence,
      dueDate: dueDateOf(occurrence),
      state,
      now,
    }).changes > 0;

  for (const occurrence of due) {
    const overdue = dueDateOf(occurrence) < today;
    if (overdue && occurrence !== latestPast) {
      if (claim(occurrence, 'missed')) outcome.missed.push(occurrence);
      continue;
    }
    assetIds ??= targetAssetIds(ctx.db, planTarget(row));
    if (assetIds.length === 0) {
      if (!overdue) break;
      if (claim(occurrence, 'missed')) outcome.missed.push(occurrence);
      continue;
    }
    if (!claim(occurrence, 'ordered')) continue;
    outcome.orders.push(orderOccurrence(ctx, row, occurrence, assetIds));
    outcome.created += 1;
    if (overdue) outcome.overdue += 1;
  }
  if (outcome.created > 0 || outcome.missed.length > 0) {
    // Orders carry their own audit entries; this one also keeps the missed occurrences.
    writeAudit(ctx.db, {
      actor: ctx.actor,
      entity: 'plan',
      entityId: row.id,
      action: 'update',
      after: {
        created: outcome.orders.map((o) => o.number),
        overdue: outcome.overdue,
        missed: outcome.missed,
      },
      note: NOTE,
    });
  }
  return outcome;
}

/**
 * Generates every active plan (or the one named) up to `today`: a local day applied to every
 * plan, or an instant whose local day is taken in each plan's zone (now when absent). Plans are
 * separate transactions: a plan that fails is rolled back alone, the others are still generated,
 * and the first failure is thrown at the end (running again is harmless: it is idempotent).
 */
export function generateDuePlans(ctx: Ctx, today?: string | Date, planId?: string): GenerateResult {
  const sql = plansSql(ctx.db);
  if (planId !== undefined && !sql.byId.get(planId)) {
    throw new DeskError('NOT_FOUND', `No plan with id ${planId}`, { id: planId });
  }
  const ids = planId !== undefined ? [planId] : sql.activeIds.all().map((r) => r.id);
  const result: GenerateResult = { created: 0, overdue: 0, missed: 0, plans: 0, orders: [] };
  let failure: unknown = null;
  for (const id of ids) {
    let outcome: PlanOutcome | null;
    try {
      outcome = inTransaction(ctx.db, () => {
        // Read again inside the transaction: the plan may have changed since the list was read.
        const row = sql.byId.get(id);
        if (!row || row.active !== 1) return null;
        const day =
          typeof today === 'string' ? today : localDate(row.time_zone, today ?? new Date());
        return generatePlan(ctx, row, day);
      });
    } catch (error) {
      // One broken plan must not hold back the others' orders; the caller still hears of it.
      failure ??= error;
      continue;
    }
    if (!outcome) continue;
    result.plans += 1;
    result.created += outcome.created;
    result.overdue += outcome.overdue;
    result.missed += outcome.missed.length;
    result.orders.push(...outcome.orders);
  }
  if (failure !== null) throw failure;
  return result;
}
