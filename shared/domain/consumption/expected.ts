// The expected consumption for the reading round screen, so a reader sees at once that a value is
// off. The rule, robust to the odd bad period:
//   - take the last 12 counted intervals (by end) with a positive duration, leaving out reviews,
//     corrections and estimated ones (they say nothing about real use);
//   - rate_i = amount_i / days_i; typical rate = median(rate); spread = 3 × 1.4826 × MAD(rate)
//     (1.4826 × MAD estimates a standard deviation; 3 of them is the usual outlier fence), but at
//     least 10 % of the typical rate, so a steady meter does not flag every small wobble;
//   - over d days since the last interval: typical = rate × d, low = max(0, rate − spread) × d,
//     high = (rate + spread) × d.
// Fewer than 3 usable intervals give no range (null): a new meter is not judged on one period.
// For interval-data meters pass daily rollups as the history, not 15-minute intervals. Compare a
// candidate reading's amount, from consumptionBetween (so rollovers count right), with the range.
import { requireInstant, type IntervalKind } from './types';

const DAY_MS = 86_400_000;
/** Scales the median absolute deviation to a standard deviation for normally distributed data. */
const MAD_TO_SIGMA = 1.4826;

export interface ExpectedSettings {
  /** How many of the latest intervals to use. */
  window: number;
  /** Fewer usable intervals than this give no range. */
  minIntervals: number;
  /** Half-width of the range in robust standard deviations. */
  spreadSigmas: number;
  /** Minimum half-width as a share of the typical rate. */
  minSpreadShare: number;
}

export const DEFAULT_EXPECTED_SETTINGS: Readonly<ExpectedSettings> = Object.freeze({
  window: 12,
  minIntervals: 3,
  spreadSigmas: 3,
  minSpreadShare: 0.1,
});

export interface HistoryInterval {
  from: string;
  to: string;
  amount: number | null;
  kind?: IntervalKind;
  estimated?: boolean;
}

export interface ExpectedRange {
  low: number;
  high: number;
  typical: number;
  /** The daily rate behind the figures and the days since the last interval. */
  dailyRate: number;
  days: number;
  /** How many intervals the rate rests on. */
  basis: number;
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

const ascending = (a: number, b: number): number => a - b;

/** The expected amount between the last interval's end and `nextAt`; null when history is too short. */
export function expectedRange(
  history: readonly HistoryInterval[],
  nextAt: string,
  settings: Partial<ExpectedSettings> = {},
): ExpectedRange | null {
  const s = { ...DEFAULT_EXPECTED_SETTINGS, ...settings };
  const nextMs = requireInstant(nextAt, 'nextAt');
  const usable = history
    .map((h) => ({
      h,
      fromMs: requireInstant(h.from, 'history.from'),
      toMs: requireInstant(h.to, 'history.to'),
    }))
    .filter(
      ({ h, fromMs, toMs }) =>
        h.amount !== null &&
        Number.isFinite(h.amount) &&
        toMs > fromMs &&
        h.kind !== 'review' &&
        h.kind !== 'correction' &&
        h.estimated !== true,
    )
    .sort((a, b) => a.toMs - b.toMs)
    .slice(-Math.max(1, Math.floor(s.window)));
  if (usable.length < s.minIntervals) return null;

  const rates = usable
    .map(({ h, fromMs, toMs }) => (h.amount ?? 0) / ((toMs - fromMs) / DAY_MS))
    .sort(ascending);
  const rate = median(rates);
  const mad = median(rates.map((r) => Math.abs(r - rate)).sort(ascending));
  const spread = Math.max(s.spreadSigmas * MAD_TO_SIGMA * mad, s.minSpreadShare * Math.abs(rate));
  const lastTo = usable[usable.length - 1]?.toMs ?? nextMs;
  const days = Math.max(0, (nextMs - lastTo) / DAY_MS);
  return {
    low: Math.max(0, rate - spread) * days,
    high: (rate + spread) * days,
    typical: rate * days,
    dailyRate: rate,
    days,
    basis: usable.length,
  };
}

/** Is an amount below the range's low or above its high? No range (null) never flags. */
export function isOutsideRange(range: ExpectedRange | null, amount: number): boolean {
  if (!range) return false;
  return amount < range.low || amount > range.high;
}
