// A meter's lifecycle events: install (opening value), replace (closing of the old register,
// opening of the new, optionally a new multiplier, digits or serial), remove (closing value).
// An event changes the intervals from the reading before it up to the next event (a new register
// counts everything after it with its own multiplier), so that window is re-spread with it in one
// transaction. Events out of order (a replace while removed, an install while installed) or
// leaving readings outside an installation are refused. The asset's multiplier, digits and serial
// follow the newest register, through saveAsset, so the register shows what hangs on the wall.
import type { MeterEvent } from '../../shared/contract/meters';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, newId, nowIso, writeAudit } from '../store/tx';
import { requireAsset, saveAsset } from './assets';
import {
  deleteEventRow,
  eventById,
  eventsOf,
  insertEvent,
  toMeterEvent,
  type EventRow,
} from './metersEventStore';
import { respread } from './metersSpread';
import { meterKey, readingBefore } from './metersReadingStore';
import { msOf, requireMeter, type Meter, type Window } from './metersStore';

type Method = 'meters.addEvent' | 'meters.deleteEvent' | 'meters.events';

/** A register as the asset form holds it (a multiplier left empty counts as 1). */
interface Register {
  multiplier: number | null;
  digits: number | null;
  serial: string | null;
}

/** The register in force just before `at`. */
function registerAt(meter: Meter, events: readonly EventRow[], at: number): Register {
  const first = events[0];
  let reg: Register =
    first && first.kind !== 'install'
      ? { multiplier: first.prev_multiplier, digits: first.prev_digits, serial: first.prev_serial }
      : { multiplier: meter.multiplier, digits: meter.registerDigits, serial: meter.serial };
  for (const e of events) {
    if (e.at >= at) break;
    if (e.kind !== 'remove') {
      reg = { multiplier: e.multiplier, digits: e.register_digits, serial: e.serial };
    }
  }
  return reg;
}

/** The re-spread window of an event at `at`: from the reading before it to the next event. */
function eventWindow(ctx: Ctx, meter: Meter, events: readonly EventRow[], row: EventRow): Window {
  const next = events.find((e) => e.at > row.at);
  const before = readingBefore(ctx.db, meterKey(ctx.db, meter.id), row.at);
  // An install decides whether everything before it was installed at all.
  return { from: row.kind === 'install' ? null : (before?.at ?? null), to: next?.at ?? null };
}

/** The next event keeps "the register before me" true when one is added or removed before it. */
function relinkNext(ctx: Ctx, events: readonly EventRow[], at: number, reg: Register): void {
  const next = events.find((e) => e.at > at);
  if (!next) return;
  prepared(
    ctx.db,
    'UPDATE meter_events SET prev_multiplier = ?, prev_digits = ?, prev_serial = ? WHERE id = ?',
  ).run(reg.multiplier, reg.digits, reg.serial, next.id);
}

/** The asset shows the newest register: the last install or replace, else the one before all. */
function syncAsset(ctx: Ctx, meter: Meter, fallback: Register, note: string): void {
  const events = eventsOf(ctx.db, meter.id);
  const last = [...events].reverse().find((e) => e.kind !== 'remove');
  const reg = last
    ? { multiplier: last.multiplier, digits: last.register_digits, serial: last.serial }
    : fallback;
  const asset = requireAsset(ctx, meter.id);
  if (
    asset.multiplier === reg.multiplier &&
    asset.registerDigits === reg.digits &&
    asset.serial === reg.serial
  ) {
    return;
  }
  saveAsset(
    ctx,
    asset,
    { ...asset, multiplier: reg.multiplier, registerDigits: reg.digits, serial: reg.serial },
    note,
  );
}

function audit(ctx: Ctx, meter: Meter, action: 'create' | 'delete', event: MeterEvent): void {
  const snapshot = { code: meter.code, name: meter.name, ...event };
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'meter_event',
    entityId: meter.id,
    action,
    ...(action === 'create' ? { after: snapshot } : { before: snapshot }),
  });
}

const kindText = { install: '安装', replace: '换表', remove: '拆除' } as const;

export const eventMethods: Handlers<Method> = {
  'meters.addEvent': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const meter = requireMeter(ctx.db, input.meterId);
      const at = msOf(input.at);
      const events = eventsOf(ctx.db, meter.id);
      const clash = events.find((e) => e.at === at);
      if (clash) {
        throw new DeskError(
          'CONFLICT',
          `表 ${meter.code} 在该时刻已有“${kindText[clash.kind]}”记录 / Meter ${meter.code} already has a ${clash.kind} event at ${input.at}`,
          { reason: 'DUPLICATE_EVENT', id: clash.id },
        );
      }
      const prev = registerAt(meter, events, at);
      // A new register inherits what the call leaves out from the one before it.
      const fitted: Register | null =
        input.kind === 'remove'
          ? null
          : {
              multiplier: input.multiplier ?? prev.multiplier,
              digits: input.registerDigits !== undefined ? input.registerDigits : prev.digits,
              serial: input.serial !== undefined ? input.serial || null : prev.serial,
            };
      const row: EventRow = {
        id: newId(),
        meter_id: meter.id,
        kind: input.kind,
        at,
        closing: input.kind === 'install' ? null : input.closing,
        opening: input.kind === 'remove' ? null : input.opening,
        multiplier: fitted ? (fitted.multiplier ?? 1) : null,
        register_digits: fitted?.digits ?? null,
        serial: fitted?.serial ?? null,
        prev_multiplier: prev.multiplier,
        prev_digits: prev.digits,
        prev_serial: prev.serial,
        note: input.note,
        created_by: ctx.actor,
        created_at: nowIso(),
      };
      const start = registerAt(meter, events, Number.MIN_SAFE_INTEGER);
      const note = `${kindText[row.kind]} ${input.at}`;
      respread(
        ctx,
        meter,
        eventWindow(ctx, meter, events, row),
        () => {
          insertEvent(ctx.db, row);
          if (fitted) relinkNext(ctx, events, at, fitted);
          syncAsset(ctx, meter, start, note);
        },
        { reloadMeter: () => requireMeter(ctx.db, meter.id) },
      );
      const event = toMeterEvent(row, meter.zone);
      audit(ctx, meter, 'create', event);
      return event;
    }),

  'meters.deleteEvent': ({ id }, ctx) =>
    inTransaction(ctx.db, () => {
      const row = eventById(ctx.db, id);
      if (!row) throw new DeskError('NOT_FOUND', `No meter event with id ${id}`, { id });
      const meter = requireMeter(ctx.db, row.meter_id);
      const events = eventsOf(ctx.db, meter.id);
      const start = registerAt(meter, events, Number.MIN_SAFE_INTEGER);
      const before = {
        multiplier: row.prev_multiplier,
        digits: row.prev_digits,
        serial: row.prev_serial,
      };
      respread(
        ctx,
        meter,
        eventWindow(ctx, meter, events, row),
        () => {
          deleteEventRow(ctx.db, row.id);
          // Without the swap, the old register hangs on until the next event. (Without an
          // install, the register it fitted is still the best account of what hung there.)
          if (row.kind === 'replace') relinkNext(ctx, events, row.at, before);
          syncAsset(ctx, meter, start, `撤销${kindText[row.kind]}记录`);
        },
        { reloadMeter: () => requireMeter(ctx.db, meter.id) },
      );
      const event = toMeterEvent(row, meter.zone);
      audit(ctx, meter, 'delete', event);
      return event;
    }),

  'meters.events': ({ meterId }, ctx) => {
    const meter = requireMeter(ctx.db, meterId);
    return {
      items: eventsOf(ctx.db, meter.id).map((e) => toMeterEvent(e, meter.zone)),
      timeZone: meter.zone,
    };
  },
};
