// The maintenance indicators of DOMAIN.md: open and overdue orders, mean time to repair, PM
// compliance, backlog age and new requests — each one aggregate statement over indexed columns.
import { DateTime } from 'luxon';
import type { Kpis } from '../../shared/contract/workOrders';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { ACTIVE_SQL, OVERDUE_SQL, todayContext } from './workOrdersStore';

const DAY_MS = 24 * 60 * 60 * 1000;
const buckets = ['0-7', '8-30', '31-90', '90+'] as const;

/** Mean time to repair and the count of completed orders over the last 365 days. */
function repairs(db: Db, since: string): { n: number; mttr: number | null } {
  return prepared(
    db,
    `SELECT count(*) AS n,
       avg(CASE WHEN type = 'corrective'
           THEN (julianday(completed_at) - julianday(reported_at)) * 24 END) AS mttr
     FROM work_orders WHERE completed_at >= ?`,
  ).get(since) as { n: number; mttr: number | null };
}

/**
 * PM compliance over the occurrences due in the last 12 months before today. An occurrence is on
 * time when its order was completed before the end of its due day in the plan's zone; a missed
 * occurrence, a cancelled or unfinished order is due and not on time. The end of each (zone, day)
 * is computed here for the pairs that occur (at most a year of days per zone) and joined in.
 */
function pmCompliance(db: Db, today: string): { due: number; onTime: number } {
  const from = DateTime.fromISO(today, { zone: 'utc' }).minus({ months: 12 }).toISODate() ?? today;
  const pairs = prepared(
    db,
    `SELECT DISTINCT p.time_zone AS zone, o.due_date AS day
     FROM pm_occurrences o JOIN pm_plans p ON p.id = o.plan_id
     WHERE o.due_date >= ? AND o.due_date < ?`,
  ).all(from, today) as { zone: string; day: string }[];
  if (pairs.length === 0) return { due: 0, onTime: 0 };
  const ends: Record<string, string> = {};
  for (const { zone, day } of pairs) {
    const end = DateTime.fromISO(day, { zone }).plus({ days: 1 }).startOf('day');
    // An unknown zone in a hand-edited plan: fall back to the end of the day in UTC+8.
    const instant = end.isValid
      ? end.toJSDate()
      : new Date(Date.parse(`${day}T00:00:00+08:00`) + DAY_MS);
    ends[`${zone}|${day}`] = instant.toISOString();
  }
  return prepared(
    db,
    `WITH ends(k, v) AS MATERIALIZED (SELECT key, value FROM json_each(@ends))
     SELECT count(*) AS due,
       coalesce(sum(o.state = 'ordered' AND w.completed_at IS NOT NULL
                    AND w.completed_at < e.v), 0) AS onTime
     FROM pm_occurrences o
     JOIN pm_plans p ON p.id = o.plan_id
     LEFT JOIN work_orders w ON w.id = o.work_order_id
     LEFT JOIN ends e ON e.k = p.time_zone || '|' || o.due_date
     WHERE o.due_date >= @from AND o.due_date < @today`,
  ).get({ ends: JSON.stringify(ends), from, today }) as { due: number; onTime: number };
}

/** Active orders by whole days since reported: 0–7, 8–30, 31–90, over 90. */
function backlog(db: Db, now: string): Kpis['backlog'] {
  const rows = prepared(
    db,
    `SELECT CASE WHEN age <= 7 THEN '0-7' WHEN age <= 30 THEN '8-30'
                 WHEN age <= 90 THEN '31-90' ELSE '90+' END AS bucket, count(*) AS n
     FROM (SELECT CAST(julianday(?) - julianday(reported_at) AS INTEGER) AS age
           FROM work_orders WHERE status IN (${ACTIVE_SQL}))
     GROUP BY bucket`,
  ).all(now) as { bucket: (typeof buckets)[number]; n: number }[];
  const counts = new Map(rows.map((r) => [r.bucket, r.n]));
  return buckets.map((bucket) => ({ bucket, count: counts.get(bucket) ?? 0 }));
}

export function computeKpis(db: Db, at: Date = new Date()): Kpis {
  const today = todayContext(db, at);
  const count = (sql: string, params: object = {}) =>
    (prepared(db, sql).get(params) as { n: number }).n;
  const { n: completed, mttr } = repairs(db, new Date(at.getTime() - 365 * DAY_MS).toISOString());
  const pm = pmCompliance(db, today.tDefault);
  return {
    open: count(`SELECT count(*) AS n FROM work_orders WHERE status IN (${ACTIVE_SQL})`),
    overdue: count(`SELECT count(*) AS n FROM work_orders w WHERE ${OVERDUE_SQL}`, today),
    mttrHours: mttr,
    completedLast12Months: completed,
    pmCompliance: pm.due > 0 ? pm.onTime / pm.due : null,
    pmDue: pm.due,
    pmOnTime: pm.onTime,
    backlog: backlog(db, at.toISOString()),
    requestsNew: count(`SELECT count(*) AS n FROM repair_requests WHERE status = 'new'`),
  };
}
