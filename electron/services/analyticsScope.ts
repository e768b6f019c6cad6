// What an analytics figure is made of: the site or place it is about, the meters in it, and
// their sums over days from the daily rollups. Every consumption figure of the analytics goes
// through sumsByMeter/sumsByPeriod, which read meter_daily by its primary key (meter_id, day) for
// a known list of meters and a day range: the cost is days × meters, whatever the readings.
//
// Meters are found by their place's ancestors (a place is at most four levels deep: site ›
// building › floor › room), which reads the few hundred meters of the register through the kind
// index rather than walking a site's thousands of rooms.
import type { Utility } from '../../shared/contract/assets';
import { DeskError } from '../../shared/contract/errors';
import type { UtilityKind } from '../../shared/domain/analytics';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { localDate, siteTimeZone } from './siteTime';

export interface PlaceInfo {
  id: string;
  kind: string;
  name: string;
  code: string | null;
  area: number | null;
  use: string | null;
}

export interface Site extends PlaceInfo {
  zone: string;
  /** The site's local date now. */
  today: string;
}

function placeRow(db: Db, id: string): PlaceInfo | undefined {
  return prepared(
    db,
    `SELECT id, kind, name, code, area_m2 AS area, building_use AS use FROM places WHERE id = ?`,
  ).get(id) as PlaceInfo | undefined;
}

export function requirePlace(db: Db, id: string): PlaceInfo {
  const place = placeRow(db, id);
  if (!place) throw new DeskError('NOT_FOUND', `No place with id ${id}`, { id });
  return place;
}

export function requireSite(db: Db, id: string): Site {
  const place = requirePlace(db, id);
  if (place.kind !== 'site') {
    throw new DeskError('NOT_FOUND', `No site with id ${id} (it is a ${place.kind})`, { id });
  }
  const zone = siteTimeZone(db, id);
  return { ...place, zone, today: localDate(zone) };
}

/** The site a place belongs to (itself for a site). */
export function siteOf(db: Db, placeId: string): string {
  const row = prepared(
    db,
    `WITH RECURSIVE up(id, parent_id) AS (
       SELECT id, parent_id FROM places WHERE id = ?
       UNION ALL SELECT p.id, p.parent_id FROM places p JOIN up ON p.id = up.parent_id)
     SELECT id FROM up WHERE parent_id IS NULL`,
  ).get(placeId) as { id: string } | undefined;
  if (!row) throw new DeskError('NOT_FOUND', `No place with id ${placeId}`, { id: placeId });
  return row.id;
}

export interface ScopeMeter {
  id: string;
  code: string;
  name: string;
  level: number | null;
  utility: Utility | null;
  parentId: string | null;
  placeId: string | null;
  placeName: string | null;
  placeArea: number | null;
  buildingId: string | null;
  status: string;
}

const METERS_IN = `SELECT a.id, a.code, a.name, a.meter_level AS level, a.utility,
    a.parent_meter_id AS parentId, a.place_id AS placeId, p1.name AS placeName,
    p1.area_m2 AS placeArea, a.status,
    CASE WHEN p1.kind = 'building' THEN p1.id WHEN p2.kind = 'building' THEN p2.id
         WHEN p3.kind = 'building' THEN p3.id END AS buildingId
  FROM assets a
  LEFT JOIN places p1 ON p1.id = a.place_id
  LEFT JOIN places p2 ON p2.id = p1.parent_id
  LEFT JOIN places p3 ON p3.id = p2.parent_id
  LEFT JOIN places p4 ON p4.id = p3.parent_id
  WHERE a.kind = 'meter' AND (@utility IS NULL OR a.utility = @utility)`;

/**
 * Every meter (retired ones too: they measured their past) of a utility in a place's subtree,
 * of one level if given — a filter on the meter's own columns, checked before the place joins.
 */
export function metersIn(
  db: Db,
  placeId: string,
  utility: UtilityKind | null,
  level: number | null = null,
): ScopeMeter[] {
  return prepared(
    db,
    `${METERS_IN} AND (@level IS NULL OR a.meter_level = @level)
       AND @scope IN (p1.id, p2.id, p3.id, p4.id) ORDER BY a.code`,
  ).all({ scope: placeId, utility, level }) as ScopeMeter[];
}

export function meterById(db: Db, meterId: string): ScopeMeter {
  const row = prepared(db, `${METERS_IN} AND a.id = @id`).get({ id: meterId, utility: null }) as
    ScopeMeter | undefined;
  if (!row) throw new DeskError('NOT_FOUND', `No meter with id ${meterId}`, { id: meterId });
  return row;
}

/** The meters of a list whose parent meter is not in the list: summing them counts nothing twice. */
export function topMeters(meters: readonly ScopeMeter[]): ScopeMeter[] {
  const ids = new Set(meters.map((m) => m.id));
  return meters.filter((m) => m.parentId === null || !ids.has(m.parentId));
}

export type TotalSource = 'level1' | 'top_meters' | 'none';

export interface ScopeTotalMeters {
  meters: ScopeMeter[];
  source: TotalSource;
}

/**
 * The meters whose sum is a place's total of a utility. For a site: its level-1 meters, as
 * DOMAIN.md defines the supply; a site with none (a campus metered building by building) falls
 * back to its top-most meters, so it still has a total, and `source` says which rule applied.
 * For any other place: its top-most meters (a building's level-2 meters, not their sub-meters).
 */
export function totalMeters(db: Db, place: PlaceInfo, utility: UtilityKind): ScopeTotalMeters {
  if (place.kind === 'site') {
    const level1 = metersIn(db, place.id, utility, 1);
    if (level1.length > 0) return { meters: level1, source: 'level1' };
  }
  const top = topMeters(metersIn(db, place.id, utility));
  return { meters: top, source: top.length > 0 ? 'top_meters' : 'none' };
}

// ---- sums over the daily rollups --------------------------------------------------------------

export interface MeterSum {
  meterId: string;
  amount: number;
  days: number;
  estimatedDays: number;
  pendingDays: number;
}

/** Each meter's sum over from..to (inclusive local days); meters without rows are absent. */
export function sumsByMeter(
  db: Db,
  meterIds: readonly string[],
  from: string,
  to: string,
): Map<string, MeterSum> {
  if (meterIds.length === 0) return new Map();
  const rows = prepared(
    db,
    `SELECT meter_id AS meterId, sum(amount) AS amount, count(*) AS days,
            count(*) FILTER (WHERE estimated > 0) AS estimatedDays,
            count(*) FILTER (WHERE pending > 0) AS pendingDays
     FROM meter_daily
     WHERE meter_id IN (SELECT value FROM json_each(@ids)) AND day >= @from AND day <= @to
     GROUP BY meter_id`,
  ).all({ ids: JSON.stringify(meterIds), from, to }) as MeterSum[];
  return new Map(rows.map((r) => [r.meterId, r]));
}

export interface PeriodSum {
  period: string;
  amount: number;
  /** Distinct days with data on any of the meters. */
  days: number;
  estimated: number;
  pending: number;
}

/** Sums of several meters by month (width 7) or year (4) over from..to. */
export function sumsByPeriod(
  db: Db,
  meterIds: readonly string[],
  width: 4 | 7,
  from: string,
  to: string,
): PeriodSum[] {
  if (meterIds.length === 0) return [];
  return prepared(
    db,
    `SELECT substr(day, 1, ${width}) AS period, sum(amount) AS amount,
            count(DISTINCT day) AS days, max(estimated) AS estimated, max(pending) AS pending
     FROM meter_daily
     WHERE meter_id IN (SELECT value FROM json_each(@ids)) AND day >= @from AND day <= @to
     GROUP BY period ORDER BY period`,
  ).all({ ids: JSON.stringify(meterIds), from, to }) as PeriodSum[];
}

/** The last day with data of any of the meters in from..to. */
export function lastDataDay(
  db: Db,
  meterIds: readonly string[],
  from: string,
  to: string,
): string | null {
  return dataDay(db, 'max', meterIds, from, to);
}

function dataDay(
  db: Db,
  end: 'min' | 'max',
  meterIds: readonly string[],
  from: string,
  to: string,
): string | null {
  if (meterIds.length === 0) return null;
  const row = prepared(
    db,
    `SELECT ${end}(day) AS day FROM meter_daily
     WHERE meter_id IN (SELECT value FROM json_each(@ids)) AND day >= @from AND day <= @to`,
  ).get({ ids: JSON.stringify(meterIds), from, to }) as { day: string | null };
  return row.day;
}

/** The first day any of the meters has a rollup in [from, to]; null when none has. */
export function firstDataDay(
  db: Db,
  meterIds: readonly string[],
  from: string,
  to: string,
): string | null {
  return dataDay(db, 'min', meterIds, from, to);
}

/** Σ amounts of a sum map over some meters; null when none of them has data. */
export function totalOf(sums: ReadonlyMap<string, MeterSum>, meterIds: readonly string[]) {
  let total: number | null = null;
  for (const id of meterIds) {
    const s = sums.get(id);
    if (s) total = (total ?? 0) + s.amount;
  }
  return total;
}

/** The calendar the analytics work in: the years the contract's Year allows. */
const FIRST_DAY = '1900-01-01';
const LAST_DAY = '2200-12-31';

/**
 * Refuses a span of days outside 1900–2200 (day arithmetic past year 9999 would leave the
 * 'YYYY-MM-DD' form), running backwards, or longer than `max` days. Returns its length.
 */
export function checkSpan(from: string, to: string, max: number): number {
  const refuse = (path: string, message: string): never => {
    throw new DeskError('VALIDATION', `Invalid input: ${path}: ${message}`, {
      issues: [{ path, message }],
    });
  };
  if (from < FIRST_DAY || from > LAST_DAY) refuse('from', 'a date from 1900 to 2200');
  if (to < FIRST_DAY || to > LAST_DAY) refuse('to', 'a date from 1900 to 2200');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1) refuse('to', 'must not be before from');
  if (days > max) refuse('to', `at most ${max} days at once`);
  return days;
}
