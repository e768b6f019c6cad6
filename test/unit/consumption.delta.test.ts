// consumptionBetween, hand-worked: rollover, replacement with a new multiplier, the correction after
// estimates, and the review queue with its proposals and staff resolutions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimals } from '../../shared/domain/consumption/delta';
import {
  consumptionBetween,
  type ReadingPoint,
  type RegisterSpec,
  type ReplaceEvent,
} from '../../shared/domain/consumption';

const point = (id: string, at: string, value: number, estimated = false): ReadingPoint => ({
  id,
  at,
  value,
  estimated,
});
const A = '2024-03-01T00:00:00Z';
const B = '2024-04-01T00:00:00Z';
const plain: RegisterSpec = { multiplier: 1, digits: null };

describe('consumptionBetween: the plain and rollover cases', () => {
  it('counts (v2 − v1) × multiplier', () => {
    // (1,250.5 − 1,200.5) × 40 = 50 × 40 = 2,000
    const i = consumptionBetween(
      point('a', A, 1200.5),
      point('b', B, 1250.5),
      { multiplier: 40, digits: 6 },
      [],
    );
    expect(i).toMatchObject({ amount: 2000, kind: 'normal', estimated: false });
    expect(i).toMatchObject({ from: A, to: B, fromReadingId: 'a', toReadingId: 'b' });
  });

  it('reads a drop on a 5-digit register as a rollover: 99,870 → 00,130 is 260 units', () => {
    // 10^5 − 99,870 + 130 = 130 + 130 = 260 < 50,000 (half the register) → rollover
    // 260 units × multiplier 40 = 10,400
    const i = consumptionBetween(
      point('a', A, 99870),
      point('b', B, 130),
      { multiplier: 40, digits: 5 },
      [],
    );
    expect(i.kind).toBe('rollover');
    expect(i.amount).toBe(10400);
    expect(i.review).toBeUndefined();
  });

  it('does not wrap when the wrap-around is half the register or more', () => {
    // 10^5 − 40,000 + 30,000 = 90,000 ≥ 50,000 → not a rollover: review, nothing counted
    const i = consumptionBetween(
      point('a', A, 40000),
      point('b', B, 30000),
      { multiplier: 1, digits: 5 },
      [],
    );
    expect(i.kind).toBe('review');
    expect(i.amount).toBeNull();
    // One keystroke (3 → 4 in the leading digit) makes it consistent: a typo, 30,000 → 40,000.
    expect(i.review).toEqual({
      reason: 'negative_delta',
      delta: -10000,
      proposed: 'typo',
      suggestion: { reading: 'to', value: 40000, edit: 'digit' },
    });
  });
});

describe('consumptionBetween: a replacement between the readings', () => {
  it('adds the old register part and the new one, each with its own multiplier', () => {
    // Old CT 100/5 (× 20): closing 5,430.5 − v1 5,210.5 = 220 → 220 × 20 = 4,400
    // New CT 200/5 (× 40): v2 38 − opening 0 = 38 → 38 × 40 = 1,520
    // Total 4,400 + 1,520 = 5,920
    const swap: ReplaceEvent = {
      kind: 'replace',
      at: '2024-03-15T04:00:00Z',
      closing: 5430.5,
      opening: 0,
      spec: { multiplier: 40, digits: 6 },
    };
    const i = consumptionBetween(
      point('a', A, 5210.5),
      point('b', B, 38),
      { multiplier: 20, digits: 5 },
      [swap],
    );
    expect(i).toMatchObject({ kind: 'replacement', amount: 5920 });
  });

  it('carries a correction into the old part when an estimate preceded the swap', () => {
    // Estimate 5,300 (ran high); the old register actually closed at 5,250: (5,250 − 5,300) × 20
    // = −1,000, a correction; the new register adds (12 − 0) × 40 = 480. Total −520, counted.
    const swap: ReplaceEvent = {
      kind: 'replace',
      at: '2024-03-15T04:00:00Z',
      closing: 5250,
      opening: 0,
      spec: { multiplier: 40, digits: null },
    };
    const i = consumptionBetween(
      point('e', A, 5300, true),
      point('b', B, 12),
      { multiplier: 20, digits: null },
      [swap],
    );
    expect(i).toMatchObject({ kind: 'correction', amount: -520, estimated: true });
  });

  it('keeps 0.1-unit decimals exact: 1,250.5 − 1,200.3 is 50.2', () => {
    const i = consumptionBetween(point('a', A, 1200.3), point('b', B, 1250.5), plain, []);
    // Plain float subtraction gives 50.200000000000045; the register difference is decimal.
    expect(1250.5 - 1200.3).not.toBe(50.2);
    expect(i.amount).toBe(50.2);
  });

  it('refuses a replacement outside the pair', () => {
    const swap: ReplaceEvent = {
      kind: 'replace',
      at: '2024-05-01T00:00:00Z',
      closing: 10,
      opening: 0,
      spec: plain,
    };
    expect(() => consumptionBetween(point('a', A, 1), point('b', B, 2), plain, [swap])).toThrow(
      RangeError,
    );
  });
});

describe('consumptionBetween: an actual reading after estimates carries the correction', () => {
  it('counts a negative correction when an actual follows an estimate', () => {
    // Estimate 62,000, actual 57,868: 57,868 − 62,000 = −4,132, kept and counted (AWWA M36)
    const i = consumptionBetween(point('e', A, 62000, true), point('x', B, 57868), plain, []);
    expect(i).toMatchObject({ kind: 'correction', amount: -4132, estimated: true });
  });

  it('still reads a small wrap after an estimate as a rollover, not a correction', () => {
    // 10^4 − 9,990 + 15 = 25 → rollover of 25
    const i = consumptionBetween(
      point('e', A, 9990, true),
      point('x', B, 15),
      {
        multiplier: 1,
        digits: 4,
      },
      [],
    );
    expect(i).toMatchObject({ kind: 'rollover', amount: 25 });
  });

  it('sends a drop between two estimates, or from an actual to an estimate, to review', () => {
    expect(
      consumptionBetween(point('e', A, 500, true), point('f', B, 450, true), plain, []).kind,
    ).toBe('review');
    expect(consumptionBetween(point('a', A, 500), point('f', B, 450, true), plain, []).kind).toBe(
      'review',
    );
  });
});

describe('consumptionBetween: review proposals (no estimates, no digits)', () => {
  it('proposes rollover for a near-full register of unknown size; resolving it counts 260', () => {
    // 99,870 is 5 digits wide and ≥ 90 % of 10^5; the wrap 10^5 − 99,870 + 130 = 260 < 50,000
    const review = consumptionBetween(point('a', A, 99870), point('b', B, 130), plain, []);
    expect(review.amount).toBeNull();
    expect(review.review).toMatchObject({ proposed: 'rollover', digits: 5, delta: -99740 });
    // Staff agree: 260 × multiplier 1 = 260
    const done = consumptionBetween(point('a', A, 99870), point('b', B, 130), plain, [], {
      as: 'rollover',
    });
    expect(done).toMatchObject({ kind: 'rollover', amount: 260 });
    expect(done.review?.resolution).toEqual({ as: 'rollover' });
  });

  it('proposes a typo for a small drop one keystroke from consistent', () => {
    // 4,512 → 4,506 (really 4,560, two digits swapped). Without neighbours the smallest fix wins:
    // 4,506 → 4,516 (one digit) gives +4, the least consumption any single keystroke explains.
    const bare = consumptionBetween(point('a', A, 4512), point('b', B, 4506), plain, []);
    expect(bare.review).toMatchObject({
      proposed: 'typo',
      delta: -6,
      suggestion: { reading: 'to', value: 4516, edit: 'digit' },
    });
    // The next reading, 4,600, is above 4,512: 4,506 is the odd one out, and among the edits that
    // land between 4,512 and 4,600 the transposition 4,560 is the likelier error.
    const framed = consumptionBetween(
      point('a', A, 4512),
      point('b', B, 4506),
      plain,
      [],
      undefined,
      {
        neighbours: { after: 4600 },
      },
    );
    expect(framed.review).toMatchObject({
      proposed: 'typo',
      suggestion: { reading: 'to', value: 4560, edit: 'transposition' },
    });
  });

  it('blames the earlier reading when the one before it agrees with the later', () => {
    // 2,100 → [2,910] → 2,250: 2,100 ≤ 2,250, so 2,910 is the one too high. Keystroke edits of
    // 2,910 within [2,100, 2,250]: 2,190 (9↔1 swapped), 2,110 and 2,210 (9 → 1, 9 → 2); the
    // transposition is the likelier error: 2,910 was 2,190.
    const i = consumptionBetween(point('a', A, 2910), point('b', B, 2250), plain, [], undefined, {
      neighbours: { before: 2100 },
    });
    expect(i.review).toMatchObject({
      proposed: 'typo',
      suggestion: { reading: 'from', value: 2190, edit: 'transposition' },
    });
  });

  it('proposes replacement for a drop to near zero; resolving it counts both registers', () => {
    // 120 ≤ 10 % of 5,000 → an unrecorded new meter
    const review = consumptionBetween(point('a', A, 5000), point('b', B, 120), plain, []);
    expect(review.review?.proposed).toBe('replacement');
    // Staff find the old meter closed at 5,040 and the new opened at 0:
    // (5,040 − 5,000) + (120 − 0) = 40 + 120 = 160, × multiplier 2 = 320
    const done = consumptionBetween(
      point('a', A, 5000),
      point('b', B, 120),
      { multiplier: 2, digits: null },
      [],
      { as: 'replacement', closing: 5040, opening: 0 },
    );
    expect(done).toMatchObject({ kind: 'replacement', amount: 320 });
  });

  it('proposes accept when nothing explains the drop; accepting counts the negative as is', () => {
    // 1,000 → 950: no keystroke of 950 reaches 1,000, none of 1,000 (no new leading 0) reaches
    // 950, 950 > 10 % of 1,000, 1,000 is not near 10^4: accept. Counted: −50 × 3 = −150.
    const review = consumptionBetween(point('a', A, 1000), point('b', B, 950), plain, []);
    expect(review.review?.proposed).toBe('accept');
    const done = consumptionBetween(
      point('a', A, 1000),
      point('b', B, 950),
      { multiplier: 3, digits: null },
      [],
      { as: 'accept' },
    );
    expect(done).toMatchObject({ kind: 'correction', amount: -150 });
  });

  it('keeps the item in review when the resolution does not fit the pair', () => {
    // A replacement whose closing is below v1 explains nothing.
    const i = consumptionBetween(point('a', A, 5000), point('b', B, 120), plain, [], {
      as: 'replacement',
      closing: 4000,
      opening: 0,
    });
    expect(i).toMatchObject({ kind: 'review', amount: null });
  });

  it('ignores a resolution on a pair that needs none', () => {
    const i = consumptionBetween(point('a', A, 100), point('b', B, 150), plain, [], {
      as: 'accept',
    });
    expect(i).toMatchObject({ kind: 'normal', amount: 50 });
    expect(i.review).toBeUndefined();
  });
});

describe('consumptionBetween: bad input', () => {
  it('throws on instants without a zone, pairs out of order and bad specs', () => {
    expect(() =>
      consumptionBetween(point('a', '2024-03-01T00:00', 1), point('b', B, 2), plain, []),
    ).toThrow(RangeError);
    expect(() => consumptionBetween(point('a', B, 1), point('b', A, 2), plain, [])).toThrow(
      RangeError,
    );
    expect(() =>
      consumptionBetween(point('a', A, 1), point('b', B, 2), { multiplier: 0, digits: null }, []),
    ).toThrow(RangeError);
    expect(() => consumptionBetween(point('a', A, -1), point('b', B, 2), plain, [])).toThrow(
      RangeError,
    );
  });
});

describe('decimals: the places of a value as typed, without making its text', () => {
  /** The rule it stands in for: the places of the shortest round-trip text. */
  function byText(value: number): number | null {
    if (Number.isInteger(value)) return 0;
    const text = String(value);
    const point = text.indexOf('.');
    const places = point === -1 || text.includes('e') ? null : text.length - point - 1;
    return places !== null && places > 9 ? null : places;
  }

  it('agrees with the text for typed decimals, arbitrary doubles and small fractions', () => {
    const same = (v: number) => {
      expect(decimals(v), String(v)).toEqual(byText(v));
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 9 }), (n, k) =>
        same(n / 10 ** k),
      ),
      { numRuns: 20_000, seed: 6 },
    );
    fc.assert(fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), same), {
      numRuns: 20_000,
      seed: 7,
    });
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), same), {
      numRuns: 20_000,
      seed: 8,
    });
    for (const v of [0.1, 1250.5, 1e-7, 0.30000000000000004, 42349411076.92278]) same(v);
  });
});
