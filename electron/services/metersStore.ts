// The meter as the meters services see it: its asset record, register and site zone, the meters of
// a place's subtree, and the instant conversions at the API boundary (the tables hold UTC epoch
// milliseconds; see migration 0100). Readings, events, rollups and review rows have their own
// store modules (metersReadingStore, metersEventStore, metersDaily, metersReviewStore).
import { DateTime } from 'luxon';
import { DeskError } from '../../shared/contract/errors';
import type { RegisterSpec } from '../../shared/domain/consumption';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { PLACE_LABEL } from './assetsStore';
import { siteTimeZone } from './siteTime';

export interface Meter {
  id: string;
  code: string;
  name: string;
  placeId: string | null;
  placeName: string | null;
  unit: string | null;
  utility: string | null;
  meterLevel: number | null;
  serial: string | null;
  multiplier: number | null;
  registerDigits: number | null;
  status: string;
  /** The site's IANA zone: local days, months and years of the rollups. */
  zone: string;
  /** The asset's register: the one in force when the history has no events. */
  spec: RegisterSpec;
}

interface MeterRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  place_id: string | null;
  place_label: string | null;
  unit: string | null;
  utility: string | null;
  meter_level: number | null;
  serial: string | null;
  multiplier: number | null;
  register_digits: number | null;
  status: string;
}

export const METER_SELECT = `SELECT a.id, a.code, a.name, a.kind, a.place_id, a.unit, a.utility,
    a.meter_level, a.serial, a.multiplier, a.register_digits, a.status, ${PLACE_LABEL} AS place_label
  FROM assets a
  LEFT JOIN places p1 ON p1.id = a.place_id
  LEFT JOIN places p2 ON p2.id = p1.parent_id
  LEFT JOIN places p3 ON p3.id = p2.parent_id`;

/** A register from stored columns; a value no dial can have is a configuration error to show. */
export function specOf(
  code: string,
  multiplier: number | null,
  digits: number | null,
): RegisterSpec {
  const m = multiplier ?? 1;
  if (typeof m !== 'number' || !Number.isFinite(m) || m <= 0) {
    throw new DeskError('CONFLICT', `Meter ${code} has an invalid multiplier (${String(m)})`, {
      reason: 'INVALID_REGISTER',
    });
  }
  if (digits !== null && !(Number.isInteger(digits) && digits >= 1 && digits <= 15)) {
    throw new DeskError('CONFLICT', `Meter ${code} has invalid register digits (${digits})`, {
      reason: 'INVALID_REGISTER',
    });
  }
  return { multiplier: m, digits };
}

export function toMeter(db: Db, row: MeterRow): Meter {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    placeId: row.place_id,
    placeName: row.place_label,
    unit: row.unit,
    utility: row.utility,
    meterLevel: row.meter_level,
    serial: row.serial,
    multiplier: row.multiplier,
    registerDigits: row.register_digits,
    status: row.status,
    zone: siteTimeZone(db, row.place_id),
    spec: specOf(row.code, row.multiplier, row.register_digits),
  };
}

export function requireMeter(db: Db, id: string): Meter {
  const row = prepared(db, `${METER_SELECT} WHERE a.id = ?`).get(id) as MeterRow | undefined;
  if (!row || row.kind !== 'meter') {
    throw new DeskError('NOT_FOUND', `No meter with id ${id}`, { id });
  }
  return toMeter(db, row);
}

/** Meters (not retired) placed anywhere in a place's subtree, by code. */
export function metersUnder(db: Db, placeId: string, utility: string | null): Meter[] {
  const rows = prepared(
    db,
    `${METER_SELECT}
     WHERE a.kind = 'meter' AND a.status <> 'retired' AND (@utility IS NULL OR a.utility = @utility)
       AND a.place_id IN (WITH RECURSIVE sub(id) AS (
         SELECT @placeId UNION ALL SELECT p.id FROM places p JOIN sub ON p.parent_id = sub.id)
         SELECT id FROM sub)
     ORDER BY a.code`,
  ).all({ placeId, utility }) as MeterRow[];
  return rows.map((row) => toMeter(db, row));
}

/** Instants in ms, null where unbounded; both ends inclusive, like the engine's `within`. */
export interface Window {
  from: number | null;
  to: number | null;
}

// ---- instants -------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
/** Years 1970–9999: the span toISOString writes with four digits, as the fast path does. */
const ISO_END_MS = 253_402_300_800_000;
let isoDay = Number.NaN;
let isoPrefix = '';
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * The UTC ISO text of an instant, exactly as Date#toISOString writes it ('2024-03-01T02:00:00.000Z').
 * The date part is remembered between calls: the engine needs text instants, and a bulk import
 * formats hundreds of thousands of consecutive ones (toISOString cost more than the insert).
 */
export function iso(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms >= ISO_END_MS) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== isoDay) {
    isoDay = day;
    isoPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const t = ms - day * DAY_MS;
  const time = `${pad(Math.floor(t / 3_600_000), 2)}:${pad(Math.floor(t / 60_000) % 60, 2)}`;
  return `${isoPrefix}${time}:${pad(Math.floor(t / 1000) % 60, 2)}.${pad(t % 1000, 3)}Z`;
}

/** 'YYYY-MM-DD HH:mm' in the zone. */
export function localText(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** Epoch ms of an instant the contract already checked. */
export function msOf(at: string): number {
  return Date.parse(at);
}
