// Property tests of the consumption engine on random meter histories (random instants, values
// keyed to 0.1, multipliers, estimated flags, zones with and without DST, and lifecycles: none,
// install, install + replacement, install + removal):
//  1. without negative deltas, the daily rollups sum to the register's advance × multiplier, to
//     1e-9 relative, whatever days the readings fall on;
//  2. for a random edit (value, flag, insertion, deletion, move), the windowed round trip
//     (affectedIntervals → intervalsOf within the window → dailyDelta) applied to the old rollups
//     gives the rollups recomputed from scratch, and touches no day outside the window.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  affectedIntervals,
  applyDelta,
  dailyDelta,
  intervalsOf,
  localDayOf,
  rollup,
  type DailyAmount,
  type LifecycleEvent,
  type MeterReading,
  type ReadingChange,
  type RegisterSpec,
} from '../../shared/domain/consumption';

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'UTC'] as const;
const MULTIPLIERS = [1, 0.5, 2.5, 40, 0.01];
const DAY_S = 86_400;
const MAX_READINGS = 25;

interface Scenario {
  zone: string;
  spec: RegisterSpec;
  readings: MeterReading[];
  events: LifecycleEvent[];
  /** The register's advance × multiplier over the history, from the integer tenths. */
  expected: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    m1: fc.constantFrom(...MULTIPLIERS),
    m2: fc.constantFrom(...MULTIPLIERS),
    startS: fc.integer({ min: Date.UTC(2019, 0, 1) / 1000, max: Date.UTC(2027, 0, 1) / 1000 }),
    gaps: fc.array(fc.integer({ min: 1, max: 90 * DAY_S }), {
      minLength: 1,
      maxLength: MAX_READINGS - 1,
    }),
    first: fc.integer({ min: 0, max: 10_000_000 }),
    steps: fc.array(fc.integer({ min: 0, max: 200_000 }), {
      minLength: MAX_READINGS + 2,
      maxLength: MAX_READINGS + 2,
    }),
    estimated: fc.array(fc.boolean(), { minLength: MAX_READINGS, maxLength: MAX_READINGS }),
    lifecycle: fc.constantFrom('none', 'install', 'replace', 'remove'),
    split: fc.nat(),
    leadS: fc.integer({ min: 0, max: 40 * DAY_S }),
  })
  .map((g): Scenario => {
    const step = (i: number): number => g.steps[i] ?? 0;
    const times = [g.startS * 1000];
    for (const gap of g.gaps) times.push((times[times.length - 1] ?? 0) + gap * 1000);
    // Register values in integer tenths, so the expected advance is exact.
    const tenths = [g.first];
    for (let i = 1; i < times.length; i++) tenths.push((tenths[i - 1] ?? 0) + step(i - 1));
    const spec = { multiplier: g.m1, digits: null };
    const spec2 = { multiplier: g.m2, digits: null };
    const last = times.length - 1;
    const opening = Math.max(0, g.first - step(MAX_READINGS));
    const install: LifecycleEvent = {
      kind: 'install',
      at: iso((times[0] ?? 0) - g.leadS * 1000),
      opening: opening / 10,
      spec,
    };
    let values = tenths;
    let events: LifecycleEvent[] = [];
    let expected = (((tenths[last] ?? 0) - g.first) / 10) * g.m1;
    if (g.lifecycle === 'install') {
      events = [install];
      expected = (((tenths[last] ?? 0) - opening) / 10) * g.m1;
    } else if (g.lifecycle === 'remove') {
      const closing = (tenths[last] ?? 0) + step(MAX_READINGS);
      events = [
        install,
        { kind: 'remove', at: iso((times[last] ?? 0) + g.leadS * 1000), closing: closing / 10 },
      ];
      expected = ((closing - opening) / 10) * g.m1;
    } else if (g.lifecycle === 'replace') {
      // The swap falls inside gap j; later readings are on a new register opening near zero.
      const j = g.split % g.gaps.length;
      const closing = (tenths[j] ?? 0) + step(MAX_READINGS);
      const newOpening = step(MAX_READINGS + 1) % 1000;
      values = tenths.map((v, i) => (i <= j ? v : newOpening + v - (tenths[j] ?? 0)));
      const at = iso(Math.floor(((times[j] ?? 0) + (times[j + 1] ?? 0)) / 2));
      events = [
        install,
        { kind: 'replace', at, closing: closing / 10, opening: newOpening / 10, spec: spec2 },
      ];
      expected =
        ((closing - opening) / 10) * g.m1 + (((values[last] ?? 0) - newOpening) / 10) * g.m2;
    }
    const readings = times.map((t, i) => ({
      id: `r${String(i).padStart(3, '0')}`,
      at: iso(t),
      value: (values[i] ?? 0) / 10,
      estimated: g.estimated[i] ?? false,
    }));
    return { zone: g.zone, spec, readings, events, expected };
  });

const total = (days: DailyAmount[]): number => days.reduce((s, d) => s + d.amount, 0);

function history(s: Scenario, readings: MeterReading[]) {
  return intervalsOf(readings, s.events, { spec: s.spec });
}

describe('consumption properties', () => {
  it('daily rollups sum to (last − first) × multiplier, whatever the reading dates', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { intervals, issues } = history(s, s.readings);
        expect(issues).toEqual([]);
        expect(intervals.every((i) => i.amount !== null && i.amount >= 0)).toBe(true);
        const sum = total(rollup(intervals, s.zone));
        expect(Math.abs(sum - s.expected)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(s.expected)),
        );
      }),
      { numRuns: 200 },
    );
  });

  const editArb = fc.record({
    kind: fc.constantFrom('value', 'insert', 'delete', 'move'),
    pick: fc.nat(),
    value: fc.integer({ min: 0, max: 20_000_000 }),
    estimated: fc.boolean(),
    // Where an inserted or moved reading lands: a fraction of the history, a little beyond both ends.
    place: fc.double({ min: -0.1, max: 1.1, noNaN: true }),
  });

  it('applying dailyDelta of the windowed recompute gives the rollups recomputed from scratch', () => {
    fc.assert(
      fc.property(scenarioArb, editArb, (s, e) => {
        const before = s.readings;
        const target = before[e.pick % before.length] as MeterReading;
        const firstMs = Date.parse(before[0]?.at ?? '');
        const lastMs = Date.parse(before[before.length - 1]?.at ?? '');
        const landing = iso(Math.round(firstMs + e.place * (lastMs - firstMs)) + 1);
        let after: MeterReading[];
        let change: ReadingChange;
        if (e.kind === 'value') {
          after = before.map((r) =>
            r.id === target.id ? { ...r, value: e.value / 10, estimated: e.estimated } : r,
          );
          change = { id: target.id };
        } else if (e.kind === 'insert') {
          after = [
            ...before,
            { id: 'new', at: landing, value: e.value / 10, estimated: e.estimated },
          ];
          change = { insertedAt: landing };
        } else if (e.kind === 'delete') {
          after = before.filter((r) => r.id !== target.id);
          change = { id: target.id };
        } else {
          after = before.map((r) => (r.id === target.id ? { ...r, at: landing } : r));
          change = { id: target.id, movedTo: landing };
        }

        const span = affectedIntervals(before, change);
        const lo = span.within.from === null ? -Infinity : Date.parse(span.within.from);
        const hi = span.within.to === null ? Infinity : Date.parse(span.within.to);
        const slice = (list: MeterReading[]): MeterReading[] =>
          list.filter((r) => Date.parse(r.at) >= lo && Date.parse(r.at) <= hi);
        const options = { spec: s.spec, within: span.within };
        const oldWindow = intervalsOf(slice(before), s.events, options).intervals;
        const newWindow = intervalsOf(slice(after), s.events, options).intervals;
        const delta = dailyDelta(oldWindow, newWindow, s.zone);

        const oldAll = history(s, before).intervals;
        const newAll = history(s, after).intervals;
        const applied = applyDelta(rollup(oldAll, s.zone), delta);
        const fresh = rollup(newAll, s.zone);
        const scale =
          1 + [...oldAll, ...newAll].reduce((sum, i) => sum + Math.abs(i.amount ?? 0), 0);
        const of = (list: DailyAmount[], day: string): number =>
          list.find((d) => d.day === day)?.amount ?? 0;
        for (const day of new Set([...applied, ...fresh].map((d) => d.day))) {
          expect(Math.abs(of(applied, day) - of(fresh, day))).toBeLessThanOrEqual(1e-9 * scale);
        }
        // Only the days between the neighbours are touched.
        const firstDay = span.within.from && localDayOf(span.within.from, s.zone);
        const lastDay = span.within.to && localDayOf(span.within.to, s.zone);
        for (const d of delta) {
          if (firstDay) expect(d.day >= firstDay).toBe(true);
          if (lastDay) expect(d.day <= lastDay).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
