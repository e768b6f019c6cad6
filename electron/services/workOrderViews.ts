// Handlers of the work-order views: the month/week calendar (due work per local day) and the
// "today" board (each crew's orders due by a day, overdue first). The KPIs are workOrderKpis.ts.
import { DateTime } from 'luxon';
import { priorities, type WorkOrderRow } from '../../shared/contract/workOrders';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import { prepared } from '../store/statementCache';
import { computeKpis } from './workOrderKpis';
import { ACTIVE_SQL, OVERDUE_SQL, rankSql, rowsByIds, todayContext } from './workOrdersStore';

type Method = 'workOrders.calendar' | 'workOrders.board' | 'workOrders.kpis';

const MAX_CALENDAR_DAYS = 62;
/** A day cell shows this many orders; its total still counts them all. */
const ITEMS_PER_DAY = 50;

const PRIORITY_RANK = rankSql('w.priority', priorities);

/** Every local day from `from` to `to`, inclusive (plain calendar arithmetic, no zone needed). */
function daysBetween(from: string, to: string): string[] {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  const count = Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(start, 'days').days) + 1;
  if (count > MAX_CALENDAR_DAYS || count < 1) {
    const message =
      count < 1 ? 'must not be before from' : `at most ${MAX_CALENDAR_DAYS} days from "from"`;
    throw new DeskError('VALIDATION', `to: ${message}`, { issues: [{ path: 'to', message }] });
  }
  return Array.from({ length: count }, (_, i) => start.plus({ days: i }).toISODate() ?? from);
}

function groupBy<T>(items: T[], key: (item: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export const workOrderViewsHandlers: Handlers<Method> = {
  'workOrders.calendar': ({ from, to, crewId, includeDone }, ctx) => {
    const days = daysBetween(from, to);
    const today = todayContext(ctx.db);
    // Done work shows when asked; cancelled work never does (nothing was done on that day).
    const where = `w.due_date BETWEEN @from AND @to
      AND ${includeDone ? `w.status <> 'cancelled'` : `w.status IN (${ACTIVE_SQL})`}
      ${crewId !== undefined ? 'AND w.crew_id = @crewId' : ''}`;
    const params = { ...today, from, to, crewId: crewId ?? null };
    const counts = prepared(
      ctx.db,
      `SELECT w.due_date AS day, count(*) AS total, sum(${OVERDUE_SQL}) AS overdue
       FROM work_orders w WHERE ${where} GROUP BY w.due_date`,
    ).all(params) as { day: string; total: number; overdue: number }[];
    const ids = prepared(
      ctx.db,
      `SELECT row_key FROM (
         SELECT w.rowid AS row_key, w.due_date, row_number() OVER (
           PARTITION BY w.due_date ORDER BY ${PRIORITY_RANK}, w.number) AS rn
         FROM work_orders w WHERE ${where})
       WHERE rn <= ${ITEMS_PER_DAY} ORDER BY due_date, rn`,
    )
      .pluck()
      .all(params) as number[];
    const byDay = groupBy(rowsByIds(ctx.db, ids, today, 'rowid'), (r) => r.dueDate);
    const countByDay = new Map(counts.map((c) => [c.day, c]));
    return {
      days: days.map((date) => ({
        date,
        total: countByDay.get(date)?.total ?? 0,
        overdue: countByDay.get(date)?.overdue ?? 0,
        items: byDay.get(date) ?? [],
      })),
    };
  },

  'workOrders.board': ({ date }, ctx) => {
    const today = todayContext(ctx.db);
    const day = date ?? today.tDefault;
    const due = `w.status IN (${ACTIVE_SQL}) AND (w.due_date IS NULL OR w.due_date <= @day)`;
    const params = { ...today, day };
    const ids = prepared(
      ctx.db,
      `SELECT w.rowid FROM work_orders w WHERE ${due}
       ORDER BY ${OVERDUE_SQL} DESC, ${PRIORITY_RANK}, w.due_date NULLS LAST, w.number`,
    )
      .pluck()
      .all(params) as number[];
    const byCrew = groupBy(rowsByIds(ctx.db, ids, today, 'rowid'), (r) => r.crewId);
    // Every active crew has its column even when empty; a deactivated crew only while it still
    // holds work, so nothing due disappears from the board.
    const crews = prepared(
      ctx.db,
      `SELECT id, name FROM crews c WHERE c.active = 1
         OR EXISTS (SELECT 1 FROM work_orders w WHERE w.crew_id = c.id AND ${due})
       ORDER BY c.name, c.id`,
    ).all(params) as { id: string; name: string }[];
    const columns: { crewId: string | null; crewName: string | null; items: WorkOrderRow[] }[] = [
      { crewId: null, crewName: null, items: byCrew.get(null) ?? [] },
      ...crews.map((c) => ({ crewId: c.id, crewName: c.name, items: byCrew.get(c.id) ?? [] })),
    ];
    return { date: day, crews: columns };
  },

  'workOrders.kpis': (_input, ctx) => computeKpis(ctx.db),
};
