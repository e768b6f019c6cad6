// Consumption read from the daily rollups only (the charts' source): days, and monthly and yearly
// sums of days, never a pass over the readings. And the one full pass there is: rebuilding a
// meter's rollups and review rows from all its readings, for when what they were spread with
// changed outside this module (the site's time zone, a register edited on the asset form): the
// place writes ask for it through meterZones and respreadRezoned, the asset writes through
// respreadChangedMeter.
import type { Asset } from '../../shared/contract/assets';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, writeAudit, type Db } from '../store/tx';
import { applyDayChanges, clearDaily, dailyRows, periodSums, type PeriodRow } from './metersDaily';
import { eventsOf } from './metersEventStore';
import { reconcileReviews } from './metersReviews';
import { reviewRowsIn } from './metersReviewStore';
import { historyIn, resolutionsFor } from './metersSpread';
import { meterKey, readingsBetween, toEngine } from './metersReadingStore';
import { requireMeter, type Meter } from './metersStore';
import { siteTimeZone } from './siteTime';

type Method = 'meters.daily' | 'meters.monthly' | 'meters.yearly' | 'meters.rebuild';

/** About ten years of days: a longer chart should use months. */
const MAX_DAYS = 3700;

function refuseReversed(from: string | number, to: string | number): void {
  if (from > to) {
    throw new DeskError('VALIDATION', 'Invalid input: to: must not be before from', {
      issues: [{ path: 'to', message: 'must not be before from' }],
    });
  }
}

function listOf<T>(meter: Meter, items: T[], total: number) {
  return { items, total, unit: meter.unit, timeZone: meter.zone };
}

function totals(row: PeriodRow) {
  return {
    amount: row.amount,
    days: row.days,
    estimated: row.estimated > 0,
    pending: row.pending > 0,
  };
}

const sum = (rows: readonly { amount: number }[]): number => rows.reduce((s, r) => s + r.amount, 0);

/** Rebuilds a meter's rollups and review rows from scratch; the caller holds the transaction. */
export function rebuildMeter(ctx: Ctx, meter: Meter): { intervals: number } {
  const state = {
    readings: readingsBetween(ctx.db, meterKey(ctx.db, meter.id), null, null).map(toEngine),
    events: eventsOf(ctx.db, meter.id),
  };
  const all = { from: null, to: null };
  const rows = reviewRowsIn(ctx.db, meter.id, all);
  const history = historyIn(meter, state, all, resolutionsFor(rows, state));
  clearDaily(ctx.db, meter.id);
  applyDayChanges(ctx.db, meter, [], history.intervals);
  reconcileReviews(ctx, meter, rows, state, history.intervals);
  return { intervals: history.intervals.length };
}

// Readings or events: an install and a replacement bound an interval of their own, reading or not.
const WITH_HISTORY = `SELECT meter_id FROM meter_keys k
    WHERE EXISTS (SELECT 1 FROM meter_readings r WHERE r.meter = k.key)
  UNION SELECT meter_id FROM meter_events`;

function hasHistory(db: Db, meterId: string): boolean {
  const row = prepared(
    db,
    `SELECT EXISTS (SELECT 1 FROM meter_keys k JOIN meter_readings r ON r.meter = k.key
                    WHERE k.meter_id = @id)
         OR EXISTS (SELECT 1 FROM meter_events WHERE meter_id = @id) AS yes`,
  ).get({ id: meterId }) as { yes: number };
  return row.yes === 1;
}

/** What of an asset decides how a meter's history is spread. */
type SpreadBasis = Pick<Asset, 'id' | 'kind' | 'placeId' | 'multiplier' | 'registerDigits'>;

/**
 * After an asset write (the form, a bulk edit, an import), in its transaction: a meter whose
 * multiplier, digits or site zone (placed under another site) changed has rollups and review rows
 * spread with the old ones, so they are rebuilt. Nothing is done when none of those changed or
 * the meter has nothing spread. Not for the event path, whose respread already counts the
 * register it syncs to the asset. Returns whether it rebuilt.
 */
export function respreadChangedMeter(ctx: Ctx, before: SpreadBasis, after: SpreadBasis): boolean {
  if (before.kind !== 'meter' || after.kind !== 'meter') return false;
  // An empty multiplier counts as 1 (specOf): filling it in with 1 changes no amount.
  const register =
    (before.multiplier ?? 1) !== (after.multiplier ?? 1) ||
    (before.registerDigits ?? null) !== (after.registerDigits ?? null);
  const moved =
    before.placeId !== after.placeId &&
    siteTimeZone(ctx.db, before.placeId) !== siteTimeZone(ctx.db, after.placeId);
  if ((!register && !moved) || !hasHistory(ctx.db, after.id)) return false;
  rebuildMeter(ctx, requireMeter(ctx.db, after.id));
  return true;
}

/** The zones meters with history are spread in, and the place each hangs in, by id. */
export type MeterZones = ReadonlyMap<string, { placeId: string | null; zone: string }>;

/**
 * The zone of every meter with history, in code order, taken before a place write that can change
 * which zone they keep (a site's zone; a building moved to another site; the first site, whose
 * zone meters in no site keep, created or deleted). Every meter is looked at, so the caller asks
 * only when such a change is possible.
 */
export function meterZones(db: Db): MeterZones {
  const rows = prepared(
    db,
    `SELECT id, place_id FROM assets WHERE kind = 'meter' AND id IN (${WITH_HISTORY}) ORDER BY code`,
  ).all() as { id: string; place_id: string | null }[];
  const zoneOf = placeZones(db);
  return new Map(rows.map((r) => [r.id, { placeId: r.place_id, zone: zoneOf(r.place_id) }]));
}

/** siteTimeZone remembered per place: many meters hang in few places. */
function placeZones(db: Db): (placeId: string | null) => string {
  const seen = new Map<string | null, string>();
  return (placeId) => {
    let zone = seen.get(placeId);
    if (zone === undefined) {
      zone = siteTimeZone(db, placeId);
      seen.set(placeId, zone);
    }
    return zone;
  };
}

/**
 * After the place write, in its transaction: rebuilds the meters whose zone is no longer the one
 * in `before`, as their rollups hold the old zone's local days. Returns how many.
 */
export function respreadRezoned(ctx: Ctx, before: MeterZones): number {
  const zoneOf = placeZones(ctx.db);
  let rebuilt = 0;
  for (const [id, { placeId, zone }] of before) {
    if (zoneOf(placeId) === zone) continue;
    rebuildMeter(ctx, requireMeter(ctx.db, id));
    rebuilt += 1;
  }
  return rebuilt;
}

export const rollupMethods: Handlers<Method> = {
  'meters.daily': ({ meterId, from, to }, ctx) => {
    refuseReversed(from, to);
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (span >= MAX_DAYS) {
      throw new DeskError('VALIDATION', `Invalid input: to: at most ${MAX_DAYS} days at once`, {
        issues: [{ path: 'to', message: `at most ${MAX_DAYS} days at once` }],
      });
    }
    const meter = requireMeter(ctx.db, meterId);
    const rows = dailyRows(ctx.db, meter.id, from, to);
    const items = rows.map((r) => ({
      day: r.day,
      amount: r.amount,
      estimated: r.estimated > 0,
      pending: r.pending > 0,
    }));
    return listOf(meter, items, sum(rows));
  },

  'meters.monthly': ({ meterId, from, to }, ctx) => {
    refuseReversed(from, to);
    const meter = requireMeter(ctx.db, meterId);
    const rows = periodSums(ctx.db, meter.id, 7, `${from}-01`, `${to}-31`);
    const items = rows.map((r) => ({ month: r.period, ...totals(r) }));
    return listOf(meter, items, sum(rows));
  },

  'meters.yearly': ({ meterId, from, to }, ctx) => {
    refuseReversed(from, to);
    const meter = requireMeter(ctx.db, meterId);
    const rows = periodSums(ctx.db, meter.id, 4, `${from}-01-01`, `${to}-12-31`);
    const items = rows.map((r) => ({ year: Number(r.period), ...totals(r) }));
    return listOf(meter, items, sum(rows));
  },

  'meters.rebuild': ({ meterId }, ctx) =>
    inTransaction(ctx.db, () => {
      const meter = requireMeter(ctx.db, meterId);
      const { intervals } = rebuildMeter(ctx, meter);
      const counts = prepared(
        ctx.db,
        `SELECT (SELECT count(*) FROM meter_daily WHERE meter_id = @id) AS days,
                (SELECT count(*) FROM meter_reviews WHERE meter_id = @id AND status = 'open') AS open`,
      ).get({ id: meter.id }) as { days: number; open: number };
      const result = { days: counts.days, intervals, open: counts.open };
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'meter_daily',
        entityId: meter.id,
        action: 'update',
        after: { code: meter.code, name: meter.name, timeZone: meter.zone, ...result },
        note: '重算日用量 / daily rollups rebuilt',
      });
      return result;
    }),
};
