// The site's clock: which IANA zone a place's site keeps (default Asia/Shanghai) and what day it is
// there. Due dates, overdue and "today" are local days of the site, never UTC days.
import { DateTime } from 'luxon';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';

// Kept here, not in places.ts: place writes re-spread the meters, whose zone is read here, and the
// constant in places.ts would close an import cycle.
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The zone of the site a place belongs to (the place's own zone if it is a site). */
export function siteTimeZone(db: Db, placeId: string | null | undefined): string {
  if (!placeId) return defaultTimeZone(db);
  const row = prepared(
    db,
    `WITH RECURSIVE up(id, parent_id, time_zone) AS (
       SELECT id, parent_id, time_zone FROM places WHERE id = ?
       UNION ALL SELECT p.id, p.parent_id, p.time_zone FROM places p JOIN up ON p.id = up.parent_id)
     SELECT time_zone FROM up WHERE parent_id IS NULL`,
  ).get(placeId) as { time_zone: string | null } | undefined;
  return row?.time_zone || defaultTimeZone(db);
}

/** The zone of the first site (the usual one-campus database), else Asia/Shanghai. */
export function defaultTimeZone(db: Db): string {
  const row = prepared(
    db,
    // Sites are the roots: parent_id IS NULL reads them from places_by_parent, not every place.
    `SELECT time_zone FROM places WHERE parent_id IS NULL AND kind = 'site' AND time_zone IS NOT NULL
     ORDER BY created_at LIMIT 1`,
  ).get() as { time_zone: string } | undefined;
  return row?.time_zone || DEFAULT_TIME_ZONE;
}

/** YYYY-MM-DD in the zone at the instant (now by default). */
export function localDate(timeZone: string, at: Date = new Date()): string {
  const day = DateTime.fromJSDate(at, { zone: timeZone }).toISODate();
  if (!day) throw new Error(`Invalid time zone: ${timeZone}`);
  return day;
}

/** The calendar year in the zone at the instant, for WO-YYYY numbers. */
export function localYear(timeZone: string, at: Date = new Date()): number {
  return Number(localDate(timeZone, at).slice(0, 4));
}
