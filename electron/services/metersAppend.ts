// The bulk write's fast path for the common case of interval data and monthly rounds: new
// readings that all come after a meter's last reading and its last lifecycle event. No stored
// interval then changes — the only ones are new, from the last stored reading through the batch
// — so there is nothing to take away from the rollups and no window to re-read: each new pair's
// amount comes from the engine's own registerStep (the same rule the general path applies), its
// days from the engine's spreadMs, and the per-day sums and counters go to meter_daily at once.
//
// Anything else goes the general way (metersSpread.respread), which returns the same rollups:
// a pair that needs review (its row and proposal come from the general path), a meter with no
// reading yet but lifecycle events (the install point opens the first interval), a removed
// meter, or a review ending at the last stored reading (its proposal looks at the next reading).
import {
  registerStep,
  settingsOf,
  spreadMs,
  dayLabel,
  type RegisterSpec,
} from '../../shared/domain/consumption';
import type { Db } from '../store/tx';
import { writeDayChanges, type DayChange } from './metersDaily';
import { eventsOf } from './metersEventStore';
import type { ReadingColumns } from './metersBulk';
import { insertColumns, readingAfter, readingBefore } from './metersReadingStore';
import type { Meter } from './metersStore';

const settings = settingsOf();

/** The register in force after the last event, or null when the meter was removed. */
function currentSpec(db: Db, meter: Meter): { spec: RegisterSpec | null; events: number } {
  const events = eventsOf(db, meter.id);
  const last = events[events.length - 1];
  if (!last) return { spec: meter.spec, events: 0 };
  if (last.kind === 'remove') return { spec: null, events: events.length };
  return {
    spec: { multiplier: last.multiplier ?? 1, digits: last.register_digits },
    events: events.length,
  };
}

function lastEventAt(db: Db, meterId: string): number | null {
  const events = eventsOf(db, meterId);
  return events.length > 0 ? (events[events.length - 1]?.at ?? null) : null;
}

/**
 * Writes readings start..end-1 of `cols` (sorted, none stored) by the fast path and returns true,
 * or writes nothing and returns false when the general path must do it.
 */
export function appendChunk(
  db: Db,
  meter: Meter,
  key: number,
  entry: number,
  cols: ReadingColumns,
  start: number,
  end: number,
): boolean {
  if (end <= start) return true;
  const firstAt = cols.at[start] as number;
  // Any stored reading after the chunk's first instant — even one inside its span — means stored
  // intervals change: the general path takes those away.
  if (readingAfter(db, key, firstAt) !== undefined) return false;
  const prev = readingBefore(db, key, firstAt);
  const { spec, events } = currentSpec(db, meter);
  if (spec === null) return false;
  if (!prev && events > 0) return false;
  const eventAt = lastEventAt(db, meter.id);
  if (prev && eventAt !== null && eventAt >= prev.at) return false;
  if (prev && reviewEndsAt(db, meter.id, prev.at)) return false;

  const days = new Map<number, DayChange>();
  let fromAt = prev ? prev.at : Number.NaN;
  let fromValue = prev ? prev.value : 0;
  let fromEstimated = prev ? prev.estimated === 1 : false;
  for (let i = start; i < end; i++) {
    const at = cols.at[i] as number;
    const value = cols.value[i] as number;
    const estimated = cols.estimated[i] as boolean;
    if (!Number.isNaN(fromAt)) {
      const step = registerStep(fromValue, value, spec, fromEstimated, estimated, settings);
      if (step.amount === null) return false;
      const either = fromEstimated || estimated;
      spreadMs(fromAt, at, step.amount, meter.zone, (day, share) => {
        let c = days.get(day);
        if (!c) days.set(day, (c = { amount: 0, intervals: 0, estimated: 0, pending: 0 }));
        c.amount += share;
        c.intervals += 1;
        if (either) c.estimated += 1;
      });
    }
    fromAt = at;
    fromValue = value;
    fromEstimated = estimated;
  }
  insertColumns(db, key, entry, cols, start, end);
  const labelled = new Map<string, DayChange>();
  for (const [day, change] of days) labelled.set(dayLabel(day), change);
  writeDayChanges(db, meter.id, labelled);
  return true;
}

function reviewEndsAt(db: Db, meterId: string, at: number): boolean {
  return (
    db
      .prepare('SELECT 1 FROM meter_reviews WHERE meter_id = ? AND to_at >= ? LIMIT 1')
      .get(meterId, at) !== undefined
  );
}
