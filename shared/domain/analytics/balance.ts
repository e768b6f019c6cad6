// The water balance of one parent meter over a period (DOMAIN.md, Indicators): input Qs = the
// parent's consumption, metered Qc = Σ its children's, unaccounted = Qs − Qc, loss rate =
// unaccounted / Qs; flagged when the loss rate is above the threshold (12% by default, the grade-2
// limit of CJJ 92-2016) and when the children exceed the parent (a faulty or misassigned meter).
// Data flags say when a figure stands on incomplete days, so nobody reads a gap as a loss.

export const balanceFlags = [
  'loss_above_threshold',
  'children_exceed_parent',
  /** The parent or a child has days of the period without data. */
  'missing_days',
  /** Some day of the period counts estimated readings. */
  'estimated',
  /** Some day of the period has a negative delta waiting in the review queue (not counted). */
  'pending_review',
] as const;
export type BalanceFlag = (typeof balanceFlags)[number];

export interface MeterPeriod {
  /** Consumption over the period; null when the meter has no data in it at all. */
  amount: number | null;
  daysWithData: number;
  estimatedDays: number;
  pendingDays: number;
}

export interface Balance {
  input: number | null;
  /** Σ children; null for a meter without children. */
  metered: number | null;
  unaccounted: number | null;
  lossRate: number | null;
  flags: BalanceFlag[];
}

/**
 * The balance of a parent and its children over a period of `days` days. A child without data
 * counts as zero in Qc but raises missing_days, as does a parent with a gap.
 */
export function balanceOf(
  parent: MeterPeriod,
  children: readonly MeterPeriod[],
  days: number,
  threshold: number,
): Balance {
  const flags = new Set<BalanceFlag>();
  const all = [parent, ...children];
  if (all.some((m) => m.daysWithData < days)) flags.add('missing_days');
  if (all.some((m) => m.estimatedDays > 0)) flags.add('estimated');
  if (all.some((m) => m.pendingDays > 0)) flags.add('pending_review');
  const input = parent.amount;
  if (children.length === 0) {
    return { input, metered: null, unaccounted: null, lossRate: null, flags: ordered(flags) };
  }
  const metered = children.reduce((s, c) => s + (c.amount ?? 0), 0);
  if (input === null) {
    return { input, metered, unaccounted: null, lossRate: null, flags: ordered(flags) };
  }
  const unaccounted = input - metered;
  const lossRate = input > 0 ? unaccounted / input : null;
  if (metered > input) flags.add('children_exceed_parent');
  if (lossRate !== null && lossRate > threshold) flags.add('loss_above_threshold');
  return { input, metered, unaccounted, lossRate, flags: ordered(flags) };
}

function ordered(flags: ReadonlySet<BalanceFlag>): BalanceFlag[] {
  return balanceFlags.filter((f) => flags.has(f));
}
