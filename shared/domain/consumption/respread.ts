// Keeping daily rollups true when a reading is inserted, edited, moved or deleted, without
// recomputing a meter's history. An interval's amount depends only on its two ends (their values,
// the estimated flag of the first, the register, a staff resolution keyed by the pair), so a change
// at one reading alters only the intervals between its previous and next neighbours.
//
// The service's round trip:
//   1. span = affectedIntervals(readings, change)           (on the readings before the change)
//   2. load the readings with span.within.from ≤ at ≤ span.within.to, before and after the change
//   3. old = intervalsOf(before, events, { ...options, within: span.within }).intervals
//      new = intervalsOf(after,  events, { ...options, within: span.within }).intervals
//   4. add dailyDelta(old, new, zone) to the rollup table, in the same transaction as the write.
// Review proposals may look one reading further out, so a windowed run can word a proposal
// differently from a full one; amounts, and so rollups, never differ.
import { calendarize } from './calendarize';
import {
  instantMs,
  requireInstant,
  type ConsumptionInterval,
  type DailyAmount,
  type MeterReading,
} from './types';

type Counted = Pick<ConsumptionInterval, 'from' | 'to' | 'amount'>;

/** Days in order, with the amounts of repeated days summed. */
function toList(days: Map<string, number>): DailyAmount[] {
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, amount]) => ({ day, amount }));
}

function spreadInto(
  days: Map<string, number>,
  interval: Counted,
  sign: 1 | -1,
  zone: string,
): void {
  if (interval.amount === null) return;
  for (const share of calendarize(interval.from, interval.to, interval.amount, zone)) {
    days.set(share.day, (days.get(share.day) ?? 0) + sign * share.amount);
  }
}

const signature = (i: Counted): string =>
  `${instantMs(i.from)}|${instantMs(i.to)}|${i.amount === null ? 'null' : String(i.amount)}`;

/**
 * The per-day changes that turn rollups built from `oldIntervals` into rollups built from
 * `newIntervals`. Intervals present unchanged on both sides (same span and amount) cancel before any
 * spreading, so passing a whole history is correct too, only slower; review intervals (amount null)
 * count nothing. Every day a changed interval touches is listed, even when its net change is 0.
 */
export function dailyDelta(
  oldIntervals: readonly Counted[],
  newIntervals: readonly Counted[],
  timeZone: string,
): DailyAmount[] {
  const unmatched = new Map<string, number>();
  for (const i of oldIntervals) unmatched.set(signature(i), (unmatched.get(signature(i)) ?? 0) + 1);
  const added: Counted[] = [];
  for (const i of newIntervals) {
    const key = signature(i);
    const left = unmatched.get(key) ?? 0;
    if (left > 0) unmatched.set(key, left - 1);
    else added.push(i);
  }
  const days = new Map<string, number>();
  for (const i of oldIntervals) {
    const key = signature(i);
    const left = unmatched.get(key) ?? 0;
    if (left === 0) continue;
    unmatched.set(key, left - 1);
    spreadInto(days, i, -1, timeZone);
  }
  for (const i of added) spreadInto(days, i, 1, timeZone);
  return toList(days);
}

/** Daily rollups of a set of intervals, from scratch (the reference the deltas must agree with). */
export function rollup(intervals: readonly Counted[], timeZone: string): DailyAmount[] {
  return dailyDelta([], intervals, timeZone);
}

/** Rollups with a delta added; days that appear only in the delta are created. */
export function applyDelta(
  rollups: readonly DailyAmount[],
  delta: readonly DailyAmount[],
): DailyAmount[] {
  const days = new Map<string, number>();
  for (const r of rollups) days.set(r.day, (days.get(r.day) ?? 0) + r.amount);
  for (const d of delta) days.set(d.day, (days.get(d.day) ?? 0) + d.amount);
  return toList(days);
}

/** A reading whose value or flag changes, or that is deleted (`id`); one added (`insertedAt`, also
 * for a lifecycle event added or edited at that instant); one whose instant moves (`id` + `movedTo`). */
export type ReadingChange = { id: string; movedTo?: string } | { insertedAt: string };

export interface AffectedSpan {
  /** The nearest reading strictly before the change (null: none). */
  previous: MeterReading | null;
  /** The nearest reading strictly after the change (null: none). */
  next: MeterReading | null;
  /** The window to recompute: the neighbours' instants, null where unbounded. */
  within: { from: string | null; to: string | null };
}

function spanAround(readings: readonly MeterReading[], ms: number, skipId?: string): AffectedSpan {
  let previous: MeterReading | null = null;
  let next: MeterReading | null = null;
  let previousMs = -Infinity;
  let nextMs = Infinity;
  for (const r of readings) {
    if (r.id === skipId) continue;
    const at = instantMs(r.at);
    if (!Number.isFinite(at)) continue;
    if (at < ms && at > previousMs) [previous, previousMs] = [r, at];
    if (at > ms && at < nextMs) [next, nextMs] = [r, at];
  }
  return { previous, next, within: { from: previous?.at ?? null, to: next?.at ?? null } };
}

/**
 * The neighbours whose intervals a change alters: the interval from the previous reading to the
 * changed one and from it to the next (for an insertion, the one interval it splits). Readings
 * sharing the changed instant fall inside the window, so their pairing is recomputed too.
 */
export function affectedIntervals(
  readings: readonly MeterReading[],
  change: ReadingChange,
): AffectedSpan {
  if ('insertedAt' in change) {
    return spanAround(readings, requireInstant(change.insertedAt, 'insertedAt'));
  }
  const reading = readings.find((r) => r.id === change.id);
  if (!reading) throw new RangeError(`reading ${change.id} is not in the list`);
  const here = spanAround(readings, requireInstant(reading.at, 'reading.at'));
  if (change.movedTo === undefined) return here;
  // A move is a deletion here and an insertion there: the union of both windows.
  const there = spanAround(readings, requireInstant(change.movedTo, 'movedTo'), change.id);
  const earlier = (a: string | null, b: string | null): string | null =>
    a === null || b === null ? null : instantMs(a) <= instantMs(b) ? a : b;
  const later = (a: string | null, b: string | null): string | null =>
    a === null || b === null ? null : instantMs(a) >= instantMs(b) ? a : b;
  return {
    previous: here.previous,
    next: here.next,
    within: {
      from: earlier(here.within.from, there.within.from),
      to: later(here.within.to, there.within.to),
    },
  };
}
