// One reading at a time: add, edit (value, estimated flag, or a move to another instant), delete,
// and the paged list with each reading's interval. Each write is one transaction holding the
// reading, the re-spread of the intervals it touches (affectedIntervals → respread), the review
// queue's update and the audit entry. Readings are identified by (meter, instant).
import type { ReadingItem } from '../../shared/contract/meters';
import { DeskError } from '../../shared/contract/errors';
import {
  affectedIntervals,
  intervalKey,
  type MeterReading,
  type ReadingChange,
} from '../../shared/domain/consumption';
import { registerDifference } from '../../shared/domain/consumption/delta';
import type { Ctx } from '../context';
import { nowIso, writeAudit } from '../store/tx';
import { reviewRowsIn } from './metersReviewStore';
import { eventsOf } from './metersEventStore';
import {
  endValues,
  historyIn,
  resolutionsFor,
  respread,
  windowOf,
  type MeterState,
} from './metersSpread';
import {
  deleteReading,
  ensureMeterKey,
  insertEntry,
  insertReading,
  meterKey,
  readingAfter,
  readingAt,
  readingBefore,
  toEngine,
  updateReading,
  type ReadingDetail,
  type ReadingRow,
  type ReadingSource,
} from './metersReadingStore';
import { iso, localText, type Meter } from './metersStore';

/** The readings either side of an instant, for affectedIntervals. */
function neighbours(ctx: Ctx, key: number | null, at: number): ReadingRow[] {
  const list: ReadingRow[] = [];
  const before = readingBefore(ctx.db, key, at);
  const after = readingAfter(ctx.db, key, at);
  if (before) list.push(before);
  if (after) list.push(after);
  return list;
}

function uniqueEngine(rows: ReadingRow[]): MeterReading[] {
  const seen = new Map<number, ReadingRow>();
  for (const r of rows) seen.set(r.at, r);
  return [...seen.values()].map(toEngine);
}

/** What the audit keeps of a reading: the meter's code and name label the entry. */
function snapshot(meter: Meter, r: { at: number; value: number; estimated: boolean | 0 | 1 }) {
  return {
    code: meter.code,
    name: meter.name,
    at: iso(r.at),
    local: localText(r.at, meter.zone),
    value: r.value,
    estimated: r.estimated === true || r.estimated === 1,
  };
}

function requireReading(ctx: Ctx, meter: Meter, at: number): ReadingDetail {
  const row = readingAt(ctx.db, meterKey(ctx.db, meter.id), at);
  if (!row) {
    throw new DeskError('NOT_FOUND', `Meter ${meter.code} has no reading at ${iso(at)}`, {
      meterId: meter.id,
      at: iso(at),
    });
  }
  return row;
}

function refuseDuplicate(ctx: Ctx, meter: Meter, key: number, at: number): void {
  const existing = readingAt(ctx.db, key, at);
  if (!existing) return;
  throw new DeskError(
    'CONFLICT',
    `表 ${meter.code} 在 ${localText(at, meter.zone)} 已有读数 ${existing.value} / ` +
      `Meter ${meter.code} already has a reading at ${iso(at)} (${existing.value})`,
    { reason: 'DUPLICATE_READING', at: iso(at), value: existing.value },
  );
}

/** Adds a reading; the caller holds the transaction. */
export function addReadingIn(
  ctx: Ctx,
  meter: Meter,
  r: { at: number; value: number; estimated: boolean; source: ReadingSource },
): void {
  const key = ensureMeterKey(ctx.db, meter.id);
  refuseDuplicate(ctx, meter, key, r.at);
  const span = affectedIntervals(uniqueEngine(neighbours(ctx, key, r.at)), {
    insertedAt: iso(r.at),
  });
  respread(ctx, meter, windowOf(span.within), () => {
    insertReading(ctx.db, key, r, insertEntry(ctx.db, r.source, ctx.actor, nowIso()));
  });
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'meter_reading',
    entityId: meter.id,
    action: 'create',
    after: { ...snapshot(meter, r), source: r.source },
  });
}

export interface ReadingPatch {
  at?: number | undefined;
  value?: number | undefined;
  estimated?: boolean | undefined;
}

/** Edits or moves a reading; the caller holds the transaction. Returns its instant after. */
export function editReadingIn(ctx: Ctx, meter: Meter, at: number, patch: ReadingPatch): number {
  const old = requireReading(ctx, meter, at);
  const key = meterKey(ctx.db, meter.id) as number;
  const next = {
    at: patch.at ?? at,
    value: patch.value ?? old.value,
    estimated: patch.estimated ?? old.estimated === 1,
  };
  const moved = next.at !== at;
  if (!moved && next.value === old.value && next.estimated === (old.estimated === 1)) return at;
  if (moved) refuseDuplicate(ctx, meter, key, next.at);
  const around = [
    old,
    ...neighbours(ctx, key, at),
    ...(moved ? neighbours(ctx, key, next.at) : []),
  ];
  const change: ReadingChange = moved
    ? { id: String(at), movedTo: iso(next.at) }
    : { id: String(at) };
  const span = affectedIntervals(uniqueEngine(around), change);
  respread(ctx, meter, windowOf(span.within), () => {
    // The editor becomes who entered the value; the source stays what it was.
    const entry = insertEntry(ctx.db, old.source, ctx.actor, nowIso());
    if (moved) {
      deleteReading(ctx.db, key, at);
      insertReading(ctx.db, key, next, entry);
    } else {
      updateReading(ctx.db, key, next, entry);
    }
  });
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'meter_reading',
    entityId: meter.id,
    action: 'update',
    before: snapshot(meter, old),
    after: snapshot(meter, next),
  });
  return next.at;
}

/** Deletes a reading; the caller holds the transaction. */
export function deleteReadingIn(ctx: Ctx, meter: Meter, at: number): ReadingDetail {
  const old = requireReading(ctx, meter, at);
  const key = meterKey(ctx.db, meter.id) as number;
  const around = [old, ...neighbours(ctx, key, at)];
  const span = affectedIntervals(uniqueEngine(around), { id: String(at) });
  respread(ctx, meter, windowOf(span.within), () => deleteReading(ctx.db, key, at));
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'meter_reading',
    entityId: meter.id,
    action: 'delete',
    before: { ...snapshot(meter, old), source: old.source },
  });
  return old;
}

/**
 * Readings (newest first) with the interval ending at each: the page plus the reading before
 * its oldest, through the engine with the staff resolutions, as the rollups saw them.
 */
export function readingItems(ctx: Ctx, meter: Meter, page: ReadingDetail[]): ReadingItem[] {
  if (page.length === 0) return [];
  const key = meterKey(ctx.db, meter.id);
  const newest = page[0] as ReadingDetail;
  const oldest = page[page.length - 1] as ReadingDetail;
  const before = readingBefore(ctx.db, key, oldest.at);
  // No reading before: the page's oldest may follow an install, whose opening starts its interval.
  const w = { from: before?.at ?? null, to: newest.at };
  const state: MeterState = {
    readings: [...(before ? [before] : []), ...[...page].reverse()].map(toEngine),
    events: eventsOf(ctx.db, meter.id),
  };
  const rows = reviewRowsIn(ctx.db, meter.id, w);
  const history = historyIn(meter, state, w, resolutionsFor(rows, state));
  const reviewIds = new Map(rows.map((r) => [r.interval_key, r.id]));
  const valueAt = endValues(state);
  const byEnd = new Map(history.intervals.map((i) => [i.toReadingId, i]));
  return page.map((r) => {
    const i = byEnd.get(String(r.at));
    const fromValue = i && valueAt('from', Date.parse(i.from), i.fromReadingId !== null);
    return {
      meterId: meter.id,
      at: iso(r.at),
      local: localText(r.at, meter.zone),
      value: r.value,
      estimated: r.estimated === 1,
      source: r.source,
      enteredBy: r.entered_by,
      enteredAt: r.entered_at,
      interval:
        i && fromValue !== undefined
          ? {
              fromAt: i.from,
              registerDelta: registerDifference(fromValue, r.value),
              amount: i.amount,
              kind: i.kind,
              estimated: i.estimated,
              reviewId: reviewIds.get(intervalKey(i)) ?? null,
            }
          : null,
    };
  });
}
