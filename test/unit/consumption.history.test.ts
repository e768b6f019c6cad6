// intervalsOf, hand-worked: a meter's lifecycle (install, replacement mid-month with a new
// multiplier, removal), estimates corrected by an actual read in a negative month, resolutions by
// interval key, and readings outside an installation returned as issues rather than thrown.
import { describe, expect, it } from 'vitest';
import {
  consumptionBetween,
  intervalKey,
  intervalsOf,
  rollup,
  type DailyAmount,
  type LifecycleEvent,
  type MeterReading,
} from '../../shared/domain/consumption';

const SH = 'Asia/Shanghai';

/** 'YYYY-MM-DD HH:mm' in Shanghai (UTC+8, no DST) as a UTC instant. */
function sh(local: string): string {
  const [date = '', time = '00:00'] = local.split(' ');
  const [h = 0, m = 0] = time.split(':').map(Number);
  const ms = Date.parse(`${date}T00:00:00Z`) + (h - 8) * 3_600_000 + m * 60_000;
  return new Date(ms).toISOString();
}
const reading = (id: string, local: string, value: number, estimated = false): MeterReading => ({
  id,
  at: sh(local),
  value,
  estimated,
});
const monthTotal = (days: DailyAmount[], month: string): number =>
  days.filter((d) => d.day.startsWith(month)).reduce((s, d) => s + d.amount, 0);
const dayAmount = (days: DailyAmount[], day: string): number =>
  days.find((d) => d.day === day)?.amount ?? 0;

describe('intervalsOf: a replacement mid-month', () => {
  // Installed 2024-02-01 with opening 5,000 on CT 100/5 (× 20); read 03-01 at 5,210.5; replaced
  // 03-15 12:00 (old closes at 5,430.5, new CT 200/5 meter (× 40) opens at 0); read 04-01 at 38.
  const events: LifecycleEvent[] = [
    { kind: 'install', at: sh('2024-02-01'), opening: 5000, spec: { multiplier: 20, digits: 5 } },
    {
      kind: 'replace',
      at: sh('2024-03-15 12:00'),
      closing: 5430.5,
      opening: 0,
      spec: { multiplier: 40, digits: 6 },
    },
  ];
  const readings = [reading('r2', '2024-04-01', 38), reading('r1', '2024-03-01', 5210.5)];

  it('splits at the swap: old part before it, new part after, each with its multiplier', () => {
    const { intervals, issues } = intervalsOf(readings, events);
    expect(issues).toEqual([]);
    expect(intervals.map((i) => [i.fromReadingId, i.toReadingId, i.kind, i.amount])).toEqual([
      // install → r1: (5,210.5 − 5,000) × 20 = 210.5 × 20 = 4,210
      [null, 'r1', 'normal', 4210],
      // r1 → closing: (5,430.5 − 5,210.5) × 20 = 220 × 20 = 4,400
      ['r1', null, 'replacement', 4400],
      // opening → r2: (38 − 0) × 40 = 1,520
      [null, 'r2', 'replacement', 1520],
    ]);
  });

  it('makes March = old part + new part, and matches consumptionBetween over the swap', () => {
    const days = rollup(intervalsOf(readings, events).intervals, SH);
    // March: 4,400 + 1,520 = 5,920 (04-01 00:00 ends the interval, so April gets nothing)
    expect(monthTotal(days, '2024-03')).toBeCloseTo(5920, 9);
    expect(monthTotal(days, '2024-02')).toBeCloseTo(4210, 9);
    // The old part runs 03-01 00:00 → 03-15 12:00 = 348 h; the new 03-15 12:00 → 04-01 = 396 h.
    //   Mar 14: 4,400 × 24/348             = 303.448…
    //   Mar 15: 4,400 × 12/348 + 1,520 × 12/396 = 151.724… + 46.060… = 197.785…
    //   Mar 16: 1,520 × 24/396             = 92.121…
    expect(dayAmount(days, '2024-03-14')).toBeCloseTo((4400 * 24) / 348, 9);
    expect(dayAmount(days, '2024-03-15')).toBeCloseTo((4400 * 12) / 348 + (1520 * 12) / 396, 9);
    expect(dayAmount(days, '2024-03-16')).toBeCloseTo((1520 * 24) / 396, 9);
    const [swap] = events.slice(1);
    const single = consumptionBetween(
      { id: 'r1', at: sh('2024-03-01'), value: 5210.5, estimated: false },
      { id: 'r2', at: sh('2024-04-01'), value: 38, estimated: false },
      { multiplier: 20, digits: 5 },
      swap?.kind === 'replace' ? [swap] : [],
    );
    expect(single).toMatchObject({ kind: 'replacement', amount: 5920 });
  });
});

describe('intervalsOf: estimates corrected by an actual read', () => {
  // Monthly reads at 00:00 on the 1st. Estimates ran high (+6,000 a month); the actual read on
  // 04-01 shows 57,868, so March carries 57,868 − 62,000 = −4,132 (AWWA M36's example figure).
  const readings = [
    reading('jan', '2024-01-01', 50000),
    reading('feb', '2024-02-01', 56000, true),
    reading('mar', '2024-03-01', 62000, true),
    reading('apr', '2024-04-01', 57868),
  ];

  it('keeps the negative correction, counted, in its own period', () => {
    const { intervals } = intervalsOf(readings, [], { spec: { multiplier: 1, digits: null } });
    expect(intervals.map((i) => [i.kind, i.amount, i.estimated])).toEqual([
      ['normal', 6000, true],
      ['normal', 6000, true],
      ['correction', -4132, true],
    ]);
    const days = rollup(intervals, SH);
    // Jan +6,000, Feb +6,000, Mar −4,132; the quarter 6,000 + 6,000 − 4,132 = 7,868 = 57,868 − 50,000
    expect(monthTotal(days, '2024-01')).toBeCloseTo(6000, 9);
    expect(monthTotal(days, '2024-02')).toBeCloseTo(6000, 9);
    expect(monthTotal(days, '2024-03')).toBeCloseTo(-4132, 9);
    // Every March day is negative: −4,132 / 31 = −133.29…
    expect(dayAmount(days, '2024-03-10')).toBeCloseTo(-4132 / 31, 9);
  });
});

describe('intervalsOf: review items and their resolutions', () => {
  const spec = { multiplier: 2, digits: null };
  const readings = [
    reading('a', '2024-01-01', 99700),
    reading('b', '2024-02-01', 99870),
    reading('c', '2024-03-01', 130),
    reading('d', '2024-04-01', 400),
  ];

  it('queues the drop with its proposal and counts nothing for it', () => {
    const { intervals } = intervalsOf(readings, [], { spec });
    const review = intervals[1];
    expect(review).toMatchObject({ kind: 'review', amount: null, fromReadingId: 'b' });
    expect(review?.review?.proposed).toBe('rollover');
    expect(review && intervalKey(review)).toBe('b->c');
    // Only the two good intervals count: (99,870 − 99,700) × 2 + (400 − 130) × 2 = 340 + 540
    const total = rollup(intervals, SH).reduce((s, d) => s + d.amount, 0);
    expect(total).toBeCloseTo(880, 9);
  });

  it('counts it once staff resolve it by key (a Map or a plain record)', () => {
    for (const resolutions of [
      new Map([['b->c', { as: 'rollover' as const }]]),
      { 'b->c': { as: 'rollover' as const } },
    ]) {
      const { intervals } = intervalsOf(readings, [], { spec, resolutions });
      // (10^5 − 99,870 + 130) × 2 = 260 × 2 = 520
      expect(intervals[1]).toMatchObject({ kind: 'rollover', amount: 520 });
    }
    const accepted = intervalsOf(readings, [], { spec, resolutions: { 'b->c': { as: 'accept' } } });
    // (130 − 99,870) × 2 = −199,480
    expect(accepted.intervals[1]).toMatchObject({ kind: 'correction', amount: -199480 });
  });

  it('uses the neighbours to find the odd reading', () => {
    // 1,000 → 1,450 → [1,405] → 1,500: the reading after, 1,500, is above 1,450, so 1,405 is the odd
    // one; a transposition, 1,450 ≤ 1,450 ≤ 1,500 (zero use), is proposed.
    const { intervals } = intervalsOf(
      [
        reading('p', '2024-01-01', 1000),
        reading('q', '2024-02-01', 1450),
        reading('r', '2024-03-01', 1405),
        reading('s', '2024-04-01', 1500),
      ],
      [],
      { spec: { multiplier: 1, digits: null } },
    );
    expect(intervals[1]?.review).toMatchObject({
      proposed: 'typo',
      suggestion: { reading: 'to', value: 1450, edit: 'transposition' },
    });
  });
});

describe('intervalsOf: lifecycle edges', () => {
  const spec = { multiplier: 1, digits: null };

  it('ends at remove and returns later readings as issues, not intervals', () => {
    const { intervals, issues } = intervalsOf(
      [
        reading('a', '2024-01-10', 120),
        reading('late', '2024-03-01', 200),
        reading('early', '2023-12-01', 90),
      ],
      [
        { kind: 'install', at: sh('2024-01-01'), opening: 100, spec },
        { kind: 'remove', at: sh('2024-02-01'), closing: 150 },
      ],
    );
    // install → a: 20; a → remove: 30
    expect(intervals.map((i) => [i.fromReadingId, i.toReadingId, i.amount])).toEqual([
      [null, 'a', 20],
      ['a', null, 30],
    ]);
    expect(intervals[1] && intervalKey(intervals[1])).toBe(`a->${sh('2024-02-01')}`);
    expect(issues).toEqual([
      { kind: 'outside_installation', readingId: 'early', at: sh('2023-12-01') },
      { kind: 'outside_installation', readingId: 'late', at: sh('2024-03-01') },
    ]);
  });

  it('puts a reading at the swap instant on the new register and one at removal on the old', () => {
    const at = sh('2024-02-01');
    const { intervals } = intervalsOf(
      [reading('x', '2024-02-01', 0), reading('y', '2024-03-01', 50)],
      [
        { kind: 'install', at: sh('2024-01-01'), opening: 10, spec },
        { kind: 'replace', at, closing: 40, opening: 0, spec },
        { kind: 'remove', at: sh('2024-03-01'), closing: 50 },
      ],
    );
    expect(intervals.map((i) => [i.from, i.to, i.fromReadingId, i.toReadingId, i.amount])).toEqual([
      [sh('2024-01-01'), at, null, null, 30],
      [at, at, null, 'x', 0],
      [at, sh('2024-03-01'), 'x', 'y', 50],
      [sh('2024-03-01'), sh('2024-03-01'), 'y', null, 0],
    ]);
  });

  it('flags bad readings and out-of-order lifecycle events as issues', () => {
    const { intervals, issues } = intervalsOf(
      [
        reading('a', '2024-01-05', 10),
        { id: 'bad', at: '2024-01-06T00:00:00', value: 12, estimated: false },
        reading('neg', '2024-01-07', -3),
        reading('b', '2024-01-08', 14),
      ],
      [
        { kind: 'remove', at: sh('2023-12-01'), closing: 1 },
        { kind: 'install', at: sh('2024-01-01'), opening: 10, spec },
        { kind: 'install', at: sh('2024-01-02'), opening: 10, spec },
      ],
    );
    expect(issues.map((i) => [i.kind, i.readingId])).toEqual([
      ['invalid_reading', 'bad'],
      ['invalid_reading', 'neg'],
      ['lifecycle_conflict', null],
      ['lifecycle_conflict', null],
    ]);
    expect(intervals.map((i) => i.amount)).toEqual([0, 4]);
  });

  it('needs a register: an install event or options.spec', () => {
    const { intervals, issues } = intervalsOf([reading('a', '2024-01-05', 10)], []);
    expect(intervals).toEqual([]);
    expect(issues).toEqual([
      { kind: 'outside_installation', readingId: 'a', at: sh('2024-01-05') },
    ]);
  });
});
