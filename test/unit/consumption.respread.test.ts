// Re-spreading after an edit: affectedIntervals finds the neighbours, intervalsOf recomputes only
// the window between them, and dailyDelta gives the per-day changes, which touch only the days of
// the two adjacent intervals and bring the old rollups to what a full recompute gives.
import { describe, expect, it } from 'vitest';
import {
  affectedIntervals,
  applyDelta,
  dailyDelta,
  intervalsOf,
  rollup,
  type AffectedSpan,
  type DailyAmount,
  type MeterReading,
  type ReadingChange,
} from '../../shared/domain/consumption';

const SH = 'Asia/Shanghai';
const spec = { multiplier: 1, digits: null };

/** 'YYYY-MM-DD' at 10:00 Shanghai (02:00Z). */
const at10 = (date: string): string => `${date}T02:00:00.000Z`;
const r = (id: string, date: string, value: number): MeterReading => ({
  id,
  at: at10(date),
  value,
  estimated: false,
});
// 300 a month, read at 10:00 on the 1st.
const history = [
  r('r1', '2024-01-01', 100),
  r('r2', '2024-02-01', 400),
  r('r3', '2024-03-01', 700),
  r('r4', '2024-04-01', 1000),
  r('r5', '2024-05-01', 1300),
];

function inWindow(readings: MeterReading[], span: AffectedSpan): MeterReading[] {
  const from = span.within.from === null ? -Infinity : Date.parse(span.within.from);
  const to = span.within.to === null ? Infinity : Date.parse(span.within.to);
  return readings.filter((x) => Date.parse(x.at) >= from && Date.parse(x.at) <= to);
}

/** The service's round trip, on the window only. */
function respread(before: MeterReading[], after: MeterReading[], change: ReadingChange) {
  const span = affectedIntervals(before, change);
  const options = { spec, within: span.within };
  const old = intervalsOf(inWindow(before, span), [], options).intervals;
  const next = intervalsOf(inWindow(after, span), [], options).intervals;
  return { span, old, next, delta: dailyDelta(old, next, SH) };
}

function expectSameRollups(actual: DailyAmount[], expected: DailyAmount[]): void {
  const days = new Set([...actual, ...expected].map((d) => d.day));
  const of = (list: DailyAmount[], day: string): number =>
    list.find((d) => d.day === day)?.amount ?? 0;
  for (const day of days) expect(of(actual, day)).toBeCloseTo(of(expected, day), 9);
}

const full = (readings: MeterReading[]): DailyAmount[] =>
  rollup(intervalsOf(readings, [], { spec }).intervals, SH);

describe('an edited reading in the middle of history', () => {
  // r3 corrected from 700 to 760: r2 → r3 goes 300 → 360 (+60), r3 → r4 goes 300 → 240 (−60).
  const edited = history.map((x) => (x.id === 'r3' ? { ...x, value: 760 } : x));
  const { span, old, next, delta } = respread(history, edited, { id: 'r3' });

  it('has r2 and r4 as its neighbours and recomputes only the two intervals between them', () => {
    expect(span.previous?.id).toBe('r2');
    expect(span.next?.id).toBe('r4');
    expect(span.within).toEqual({ from: at10('2024-02-01'), to: at10('2024-04-01') });
    expect(old.map((i) => [i.fromReadingId, i.toReadingId, i.amount])).toEqual([
      ['r2', 'r3', 300],
      ['r3', 'r4', 300],
    ]);
    expect(next.map((i) => i.amount)).toEqual([360, 240]);
  });

  it('touches only the days from r2 to r4', () => {
    expect(delta[0]?.day).toBe('2024-02-01');
    expect(delta[delta.length - 1]?.day).toBe('2024-04-01');
    // 2024-02-01 10:00 → 03-01 10:00 is 29 days (696 h); 03-01 10:00 → 04-01 10:00 is 31 days (744 h)
    //   Feb 10: +60 × 24/696 = 2.0689…       Mar 10: −60 × 24/744 = −1.9354…
    //   Mar 01: +60 × 10/696 − 60 × 14/744 = 0.8620… − 1.1290… = −0.2670…
    const of = (day: string): number => delta.find((d) => d.day === day)?.amount ?? NaN;
    expect(of('2024-02-10')).toBeCloseTo((60 * 24) / 696, 9);
    expect(of('2024-03-10')).toBeCloseTo((-60 * 24) / 744, 9);
    expect(of('2024-03-01')).toBeCloseTo((60 * 10) / 696 - (60 * 14) / 744, 9);
    // Whole months: February +60 × 686/696, March +60 × 10/696 − 60 × 734/744; in total 0.
    expect(delta.reduce((s, d) => s + d.amount, 0)).toBeCloseTo(0, 9);
  });

  it('brings the old rollups to a full recompute, and agrees with a whole-history diff', () => {
    expectSameRollups(applyDelta(full(history), delta), full(edited));
    // Unchanged intervals cancel before spreading, so a whole-history diff gives the same days.
    const wide = dailyDelta(
      intervalsOf(history, [], { spec }).intervals,
      intervalsOf(edited, [], { spec }).intervals,
      SH,
    );
    expect(wide.map((d) => d.day)).toEqual(delta.map((d) => d.day));
  });
});

describe('insertions, deletions and moves', () => {
  it('an insertion splits one interval: its neighbours are the readings either side', () => {
    const added = r('new', '2024-03-15', 850);
    const after = [...history, added];
    const { span, old, next, delta } = respread(history, after, { insertedAt: added.at });
    expect([span.previous?.id, span.next?.id]).toEqual(['r3', 'r4']);
    expect(old.map((i) => i.amount)).toEqual([300]);
    expect(next.map((i) => i.amount)).toEqual([150, 150]);
    expect(delta.every((d) => d.day >= '2024-03-01' && d.day <= '2024-04-01')).toBe(true);
    expectSameRollups(applyDelta(full(history), delta), full(after));
  });

  it('an insertion before the first reading has no previous neighbour', () => {
    const added = r('first', '2023-12-01', 50);
    const span = affectedIntervals(history, { insertedAt: added.at });
    expect(span).toMatchObject({ previous: null, within: { from: null, to: at10('2024-01-01') } });
  });

  it('a deletion joins its two intervals', () => {
    const after = history.filter((x) => x.id !== 'r3');
    const { next, delta } = respread(history, after, { id: 'r3' });
    expect(next.map((i) => i.amount)).toEqual([600]);
    expectSameRollups(applyDelta(full(history), delta), full(after));
  });

  it('a move recomputes both places: where the reading was and where it goes', () => {
    const after = history.map((x) => (x.id === 'r3' ? { ...x, at: at10('2024-04-15') } : x));
    const { span, delta } = respread(history, after, { id: 'r3', movedTo: at10('2024-04-15') });
    expect(span.within).toEqual({ from: at10('2024-02-01'), to: at10('2024-05-01') });
    expectSameRollups(applyDelta(full(history), delta), full(after));
  });

  it('refuses an unknown reading id', () => {
    expect(() => affectedIntervals(history, { id: 'nope' })).toThrow(RangeError);
  });
});
