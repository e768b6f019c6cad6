// expectedRange for the reading round, hand-worked: median daily rate ± 3 robust standard
// deviations (1.4826 × MAD), scaled to the days since the last reading.
import { describe, expect, it } from 'vitest';
import {
  consumptionBetween,
  expectedRange,
  isOutsideRange,
  type HistoryInterval,
} from '../../shared/domain/consumption';

const DAY = 86_400_000;
const START = Date.parse('2024-01-01T02:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

/** Consecutive 30-day intervals with these amounts. */
function thirtyDayHistory(amounts: number[]): HistoryInterval[] {
  return amounts.map((amount, i) => ({
    from: iso(START + i * 30 * DAY),
    to: iso(START + (i + 1) * 30 * DAY),
    amount,
  }));
}

describe('expectedRange', () => {
  // Amounts 270, 285, 300, 300, 315, 330 over 30 days → rates 9, 9.5, 10, 10, 10.5, 11 per day.
  //   median = (10 + 10) / 2 = 10
  //   |rate − 10| = 1, .5, 0, 0, .5, 1 → sorted 0, 0, .5, .5, 1, 1 → MAD = (.5 + .5) / 2 = .5
  //   spread = 3 × 1.4826 × .5 = 2.2239 per day
  // Next reading 30 days after the last: typical 300, low 7.7761 × 30 = 233.283,
  // high 12.2239 × 30 = 366.717.
  const history = thirtyDayHistory([300, 270, 330, 285, 315, 300]);
  const lastTo = START + 6 * 30 * DAY;

  it('is the median rate ± 3 robust sigmas over the days since the last reading', () => {
    const range = expectedRange(history, iso(lastTo + 30 * DAY));
    expect(range).not.toBeNull();
    expect(range?.typical).toBeCloseTo(300, 9);
    expect(range?.low).toBeCloseTo(233.283, 9);
    expect(range?.high).toBeCloseTo(366.717, 9);
    expect(range).toMatchObject({ dailyRate: 10, days: 30, basis: 6 });
  });

  it('shrugs off one wild interval, reviews, corrections and estimates', () => {
    const noisy: HistoryInterval[] = [
      ...history,
      { from: iso(lastTo - 5 * DAY), to: iso(lastTo - 4 * DAY), amount: null, kind: 'review' },
      { from: iso(lastTo - 4 * DAY), to: iso(lastTo - 3 * DAY), amount: -900, kind: 'correction' },
      { from: iso(lastTo - 3 * DAY), to: iso(lastTo - 2 * DAY), amount: 500, estimated: true },
    ];
    // The three extra intervals are left out; the rule still rests on the six above.
    expect(expectedRange(noisy, iso(lastTo + 30 * DAY))?.basis).toBe(6);
    // A leak month (3,000) as a seventh leaves the median at 10 and MAD at .5:
    const leak = thirtyDayHistory([300, 270, 330, 285, 315, 300, 3000]);
    const range = expectedRange(leak, iso(START + 7 * 30 * DAY + 30 * DAY));
    // rates 9, 9.5, 10, 10, 10.5, 11, 100: median 10; deviations 0, 0, .5, .5, 1, 1, 90: MAD .5
    expect(range?.typical).toBeCloseTo(300, 9);
    expect(range?.high).toBeCloseTo(366.717, 9);
  });

  it('keeps a floor of 10 % of the rate for a perfectly steady meter', () => {
    // MAD 0 → spread = max(0, 10 % × 10) = 1 per day; 15 days: 150 ± 15
    const range = expectedRange(
      thirtyDayHistory([300, 300, 300]),
      iso(START + 3 * 30 * DAY + 15 * DAY),
    );
    expect(range).toMatchObject({ typical: 150, low: 135, high: 165 });
  });

  it('uses only the latest 12 intervals', () => {
    // 12 intervals at 20/day after 6 at 10/day: the old ones fall out of the window.
    const amounts = [...Array(6).fill(300), ...Array(12).fill(600)] as number[];
    const range = expectedRange(thirtyDayHistory(amounts), iso(START + 18 * 30 * DAY + DAY));
    expect(range).toMatchObject({ dailyRate: 20, basis: 12 });
  });

  it('gives no range on fewer than 3 usable intervals', () => {
    expect(expectedRange(thirtyDayHistory([300, 300]), iso(lastTo))).toBeNull();
  });

  it('flags an amount outside the range, and nothing when there is no range', () => {
    const range = expectedRange(history, iso(lastTo + 30 * DAY));
    expect(isOutsideRange(range, 300)).toBe(false);
    expect(isOutsideRange(range, 233)).toBe(true);
    expect(isOutsideRange(range, 367)).toBe(true);
    expect(isOutsideRange(null, 1e9)).toBe(false);
    // On the reading round, a typed value becomes an amount through consumptionBetween first, so
    // a rollover is judged by what it counts: 99,990 → 00,290 on 5 digits is 300.
    const amount = consumptionBetween(
      { id: 'last', at: iso(lastTo), value: 99990, estimated: false },
      { id: null, at: iso(lastTo + 30 * DAY), value: 290, estimated: false },
      { multiplier: 1, digits: 5 },
      [],
    ).amount;
    expect(amount).toBe(300);
    expect(isOutsideRange(range, amount ?? NaN)).toBe(false);
  });
});
