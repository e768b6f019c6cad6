// Property test of the incremental write path on a real file: after any sequence of adds, edits,
// moves, deletions, estimated flags, replacements and review decisions on a small 4-digit register
// (so rollovers and negative deltas are common), the rollups and review queue maintained change by
// change equal what meters.rebuild computes from all the readings at once.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { Asset } from '../../shared/contract/assets';
import { call } from '../support/api';
import { createMeter, dailyTable } from '../support/meters';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let meter: Asset;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  meter = createMeter(api, 'SB-P', { registerDigits: 4 }).meter;
});

afterEach(() => t.cleanup());

const START = Date.parse('2024-01-01T00:00:00Z');
const HOUR = 3_600_000;
const instant = (hour: number): string => new Date(START + hour * HOUR).toISOString();

type Op =
  | { op: 'add'; hour: number; value: number; estimated: boolean }
  | { op: 'edit'; pick: number; value: number }
  | { op: 'flag'; pick: number }
  | { op: 'move'; pick: number; hour: number }
  | { op: 'delete'; pick: number }
  | { op: 'replace'; hour: number; closing: number; opening: number; multiplier: number }
  | { op: 'remove'; hour: number; closing: number }
  | { op: 'unevent'; pick: number }
  | { op: 'accept'; pick: number };

const hour = fc.integer({ min: 0, max: 24 * 90 });
const value = fc.integer({ min: 0, max: 9_999 });
const pick = fc.nat();
const ops: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constant('add' as const), hour, value, estimated: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('edit' as const), pick, value }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('flag' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), pick, hour }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('replace' as const),
      hour,
      closing: value,
      opening: value,
      multiplier: fc.constantFrom(1, 2.5),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), hour, closing: value }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unevent' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('accept' as const), pick }) },
);

function readings() {
  return call(api, 'meters.readings', { meterId: meter.id, limit: 1000 }).items;
}

function apply(o: Op): void {
  const list = o.op === 'add' || o.op === 'replace' || o.op === 'remove' ? [] : readings();
  const chosen = 'pick' in o ? list[o.pick % Math.max(1, list.length)] : undefined;
  const at = chosen?.at ?? '';
  const send = (method: string, input: unknown) => api.dispatch(method, input);
  switch (o.op) {
    case 'add':
      send('meters.addReading', {
        meterId: meter.id,
        at: instant(o.hour),
        value: o.value,
        estimated: o.estimated,
      });
      break;
    case 'edit':
      if (chosen) send('meters.editReading', { meterId: meter.id, at, patch: { value: o.value } });
      break;
    case 'flag':
      if (chosen)
        send('meters.editReading', {
          meterId: meter.id,
          at,
          patch: { estimated: !chosen.estimated },
        });
      break;
    case 'move':
      if (chosen)
        send('meters.editReading', { meterId: meter.id, at, patch: { at: instant(o.hour) } });
      break;
    case 'delete':
      if (chosen) send('meters.deleteReading', { meterId: meter.id, at });
      break;
    case 'replace':
      send('meters.addEvent', {
        meterId: meter.id,
        kind: 'replace',
        at: instant(o.hour),
        closing: o.closing,
        opening: o.opening,
        multiplier: o.multiplier,
      });
      break;
    case 'remove':
      send('meters.addEvent', {
        meterId: meter.id,
        kind: 'remove',
        at: instant(o.hour),
        closing: o.closing,
      });
      break;
    case 'unevent': {
      const events = call(api, 'meters.events', { meterId: meter.id }).items;
      const event = events[o.pick % Math.max(1, events.length)];
      if (event) send('meters.deleteEvent', { id: event.id });
      break;
    }
    case 'accept': {
      const open = call(api, 'meters.reviews', { meterId: meter.id }).items;
      const item = open[o.pick % Math.max(1, open.length)];
      if (item) send('meters.resolveReview', { id: item.id, resolution: { as: 'accept' } });
      break;
    }
  }
}

function queue() {
  return call(api, 'meters.reviews', { meterId: meter.id, limit: 500 }).items.map((r) => ({
    id: r.id,
    from: r.from,
    to: r.to,
    delta: r.delta,
  }));
}

describe('incremental rollups', () => {
  it('equal a rebuild from all readings after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(ops, { minLength: 5, maxLength: 40 }), (sequence) => {
        for (const o of sequence) apply(o);
        const days = dailyTable(api, meter.id);
        const open = queue();
        call(api, 'meters.rebuild', { meterId: meter.id });
        const rebuilt = dailyTable(api, meter.id);
        expect(rebuilt.map((d) => [d.day, d.intervals, d.estimated, d.pending])).toEqual(
          days.map((d) => [d.day, d.intervals, d.estimated, d.pending]),
        );
        rebuilt.forEach((d, i) => expect(d.amount).toBeCloseTo(days[i]!.amount, 6));
        expect(queue()).toEqual(open);
        // Start the next run from an empty meter.
        api.core.db.exec(
          'DELETE FROM meter_readings; DELETE FROM meter_daily; DELETE FROM meter_reviews; DELETE FROM meter_events;',
        );
      }),
      { numRuns: 100, seed: 6_2026 },
    );
  });
});
