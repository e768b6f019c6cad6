// The write path's core, shared by every change to a meter's history (a reading added, edited,
// moved or deleted, a bulk of readings, a lifecycle event, a review resolved): the engine's round
// trip of shared/domain/consumption/respread.ts, inside the caller's transaction.
//   1. the caller names the window whose intervals the change alters (affectedIntervals);
//   2. the window's intervals before the change, intervalsOf(…, { within }), with the staff
//      resolutions that still fit their pairs;
//   3. the change is written; the intervals after it, the same way;
//   4. the difference is spread over local days into meter_daily (metersDaily.ts, via dailyDelta),
//      and the review queue follows the window's review intervals (metersReviews.ts).
// A change that would leave a reading outside an installation, or events out of order, is refused.
import { DeskError } from '../../shared/contract/errors';
import {
  intervalsOf,
  type ConsumptionInterval,
  type HistoryIssue,
  type LifecycleEvent,
  type MeterReading,
  type RegisterSpec,
  type Resolution,
} from '../../shared/domain/consumption';
import type { Ctx } from '../context';
import type { Db } from '../store/tx';
import { applyDayChanges } from './metersDaily';
import { eventsOf, type EventRow } from './metersEventStore';
import { reconcileReviews } from './metersReviews';
import { reviewRowsIn, type ReviewRow } from './metersReviewStore';
import {
  meterKey,
  readingAfter,
  readingBefore,
  readingsBetween,
  toEngine,
} from './metersReadingStore';
import { iso, type Meter, type Window } from './metersStore';

export interface MeterState {
  /** The window's readings plus the nearest one either side (they only word review proposals). */
  readings: MeterReading[];
  events: EventRow[];
}

export function windowOf(within: { from: string | null; to: string | null }): Window {
  return {
    from: within.from === null ? null : Date.parse(within.from),
    to: within.to === null ? null : Date.parse(within.to),
  };
}

export function loadState(db: Db, meter: Meter, w: Window): MeterState {
  const key = meterKey(db, meter.id);
  const before = w.from === null ? undefined : readingBefore(db, key, w.from);
  const after = w.to === null ? undefined : readingAfter(db, key, w.to);
  const rows = [
    ...(before ? [before] : []),
    ...readingsBetween(db, key, w.from, w.to),
    ...(after ? [after] : []),
  ];
  return { readings: rows.map(toEngine), events: eventsOf(db, meter.id) };
}

export function engineEvents(rows: readonly EventRow[]): LifecycleEvent[] {
  return rows.map((e): LifecycleEvent => {
    const spec = { multiplier: e.multiplier ?? 1, digits: e.register_digits };
    if (e.kind === 'install')
      return { kind: 'install', at: iso(e.at), opening: e.opening ?? 0, spec };
    if (e.kind === 'replace') {
      return {
        kind: 'replace',
        at: iso(e.at),
        closing: e.closing ?? 0,
        opening: e.opening ?? 0,
        spec,
      };
    }
    return { kind: 'remove', at: iso(e.at), closing: e.closing ?? 0 };
  });
}

/** The register in force before the first event (the asset's own when there is none). */
export function startSpec(meter: Meter, events: readonly EventRow[]): RegisterSpec {
  const first = events[0];
  if (!first || first.kind === 'install') return meter.spec;
  return { multiplier: first.prev_multiplier ?? 1, digits: first.prev_digits };
}

/**
 * Register values at interval ends: a reading (its id is its ms) or a lifecycle point's value —
 * the opening where an interval starts at an install or replace, the closing where one ends at a
 * replace or remove.
 */
export function endValues(
  state: MeterState,
): (side: 'from' | 'to', at: number, reading: boolean) => number | undefined {
  const readings = new Map(state.readings.map((r) => [r.id, r.value]));
  const events = new Map(state.events.map((e) => [e.at, e]));
  return (side, at, reading) => {
    if (reading) return readings.get(String(at));
    const e = events.get(at);
    return (side === 'from' ? e?.opening : e?.closing) ?? undefined;
  };
}

function resolutionOf(row: ReviewRow): Resolution | undefined {
  if (row.status !== 'resolved') return undefined;
  if (row.resolution === 'accept') return { as: 'accept' };
  if (row.resolution === 'rollover') {
    return row.resolution_digits === null
      ? { as: 'rollover' }
      : { as: 'rollover', digits: row.resolution_digits };
  }
  if (row.resolution === 'replacement') {
    return {
      as: 'replacement',
      closing: row.resolution_closing ?? 0,
      opening: row.resolution_opening ?? 0,
    };
  }
  return undefined;
}

/** Staff decisions by interval key, for the pairs whose values are still the decided ones. */
export function resolutionsFor(
  rows: readonly ReviewRow[],
  state: MeterState,
): Map<string, Resolution> {
  const map = new Map<string, Resolution>();
  if (!rows.some((r) => resolutionOf(r))) return map;
  const valueAt = endValues(state);
  for (const row of rows) {
    const resolution = resolutionOf(row);
    if (!resolution) continue;
    const from = valueAt('from', row.from_at, row.from_reading === 1);
    const to = valueAt('to', row.to_at, row.to_reading === 1);
    if (from === row.from_value && to === row.to_value) map.set(row.interval_key, resolution);
  }
  return map;
}

export function historyIn(
  meter: Meter,
  state: MeterState,
  w: Window,
  resolutions: ReadonlyMap<string, Resolution>,
): { intervals: ConsumptionInterval[]; issues: HistoryIssue[] } {
  return intervalsOf(state.readings, engineEvents(state.events), {
    spec: startSpec(meter, state.events),
    within: {
      from: w.from === null ? null : iso(w.from),
      to: w.to === null ? null : iso(w.to),
    },
    resolutions,
  });
}

const issueKey = (i: HistoryIssue): string => `${i.kind}|${i.readingId ?? ''}|${i.at}`;

function refuseNewIssues(before: HistoryIssue[], after: HistoryIssue[], meter: Meter): void {
  const known = new Set(before.map(issueKey));
  const fresh = after.filter((i) => !known.has(issueKey(i)));
  if (fresh.length === 0) return;
  const outside = fresh.filter((i) => i.kind === 'outside_installation');
  const message =
    outside.length > 0
      ? `表 ${meter.code} 在 ${outside[0]?.at} 未安装（已拆除或尚未安装），读数无处归属 / ` +
        `Meter ${meter.code} is not installed at ${outside[0]?.at}: ${outside.length} reading(s) would be outside any installation`
      : `表 ${meter.code} 的安装、更换、拆除顺序不成立 / ` +
        `Meter ${meter.code}: the install, replace and remove events would be out of order`;
  throw new DeskError('CONFLICT', message, {
    reason: outside.length > 0 ? 'OUTSIDE_INSTALLATION' : 'LIFECYCLE_CONFLICT',
    issues: fresh.slice(0, 20),
  });
}

export interface SpreadResult {
  after: MeterState;
  intervals: ConsumptionInterval[];
}

export interface RespreadOptions {
  /** Builds the new state in memory (the bulk path: no re-read of what it just inserted). */
  afterState?: (before: MeterState) => MeterState;
  /** The write changed the meter's own register (an event synced to the asset): read it again. */
  reloadMeter?: () => Meter;
}

/**
 * The window grown by one reading each way. The intervals just outside a change keep their amounts
 * (their ends did not change) and cancel in the day changes, but a review proposal looks at the
 * readings either side of its pair, so theirs are worded again with what the change brought.
 */
function widen(db: Db, meter: Meter, w: Window): Window {
  const key = meterKey(db, meter.id);
  const before = w.from === null ? undefined : readingBefore(db, key, w.from);
  const after = w.to === null ? undefined : readingAfter(db, key, w.to);
  return { from: before ? before.at : null, to: after ? after.at : null };
}

/**
 * Runs `write` and keeps the window's rollups and review rows true, all in the caller's
 * transaction. By default the window is read again after the write.
 */
export function respread(
  ctx: Ctx,
  meter: Meter,
  changed: Window,
  write: () => void,
  options: RespreadOptions = {},
): SpreadResult {
  const w = widen(ctx.db, meter, changed);
  const before = loadState(ctx.db, meter, w);
  const oldHistory = historyIn(
    meter,
    before,
    w,
    resolutionsFor(reviewRowsIn(ctx.db, meter.id, w), before),
  );
  write();
  const now = options.reloadMeter ? options.reloadMeter() : meter;
  const after = options.afterState ? options.afterState(before) : loadState(ctx.db, now, w);
  const rows = reviewRowsIn(ctx.db, meter.id, w);
  const newHistory = historyIn(now, after, w, resolutionsFor(rows, after));
  refuseNewIssues(oldHistory.issues, newHistory.issues, meter);
  applyDayChanges(ctx.db, meter, oldHistory.intervals, newHistory.intervals);
  reconcileReviews(ctx, meter, rows, after, newHistory.intervals);
  return { after, intervals: newHistory.intervals };
}
