// Minimum night flow (MNF) and the leak-alert rule of DOMAIN.md, as pure functions over numbers:
//  - per night, the inlet meters' flows are summed FIRST and the minimum of the sum is taken over
//    the night window (the minimum of each meter apart would add minima of different hours);
//  - baseline: the median of the previous N evaluated nights (nights with data and without
//    irrigation that could pass the inlets; such nights say nothing about leaks);
//  - a night exceeds when its MNF is above the baseline by BOTH the ratio and the absolute flow;
//    an alert is raised on the Nth consecutive exceeding night and lasts while nights exceed.
// Nights without data or excluded for irrigation neither extend nor break a run: they are not
// evaluated. The baseline is DOMAIN's literal rule, so a leak nobody repairs becomes the new
// normal once it fills half the baseline nights; the alert keeps the nights it covered.
//
// One refinement DOMAIN does not spell out: legitimate night use follows occupancy. When students
// come back from a vacation the night minimum of a campus rises by half or more, as a leak's
// would — but so does the day's use ABOVE the night floor (the day's volume − 24 × MNF), which a
// leak leaves unchanged (it lifts the floor itself, hour after hour). So a night that exceeds
// while that demand has also risen by the rule's ratio over its own baseline median is marked
// 'demand': shown, kept in the baseline (it is the new normal), never counted towards an alert.

/** A meter's average flow over one interval, m³/h, on [from, to) in epoch ms. */
export interface FlowPiece {
  from: number;
  to: number;
  flow: number;
}

export interface MeterFlows {
  meterId: string;
  /** Sorted by `from`, not overlapping; gaps are intervals without usable data. */
  pieces: readonly FlowPiece[];
}

export interface NightMinimum {
  /** The least summed flow over the window, m³/h. */
  mnf: number;
  /** Start of the span where the minimum lies. */
  at: number;
  /** Each meter's flow in that span, in the order given. */
  byMeter: { meterId: string; flow: number }[];
}

/** The piece covering instant t, or undefined (a gap). */
function pieceAt(pieces: readonly FlowPiece[], t: number): FlowPiece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid] as FlowPiece;
    if (t < p.from) hi = mid - 1;
    else if (t >= p.to) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/**
 * The minimum over [start, end) of the summed flow, where the sum is piecewise constant between
 * the ends of every meter's pieces. Null when any meter leaves part of the window uncovered: a
 * sum missing a meter would look like a quiet night.
 */
export function minimumSummedFlow(
  meters: readonly MeterFlows[],
  start: number,
  end: number,
): NightMinimum | null {
  if (meters.length === 0 || !(end > start)) return null;
  const cuts = new Set<number>([start, end]);
  for (const m of meters) {
    for (const p of m.pieces) {
      if (p.from > start && p.from < end) cuts.add(p.from);
      if (p.to > start && p.to < end) cuts.add(p.to);
    }
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  let best: NightMinimum | null = null;
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const t = bounds[i] as number;
    const byMeter: NightMinimum['byMeter'] = [];
    let sum = 0;
    for (const m of meters) {
      const p = pieceAt(m.pieces, t);
      if (!p) return null;
      byMeter.push({ meterId: m.meterId, flow: p.flow });
      sum += p.flow;
    }
    if (best === null || sum < best.mnf) best = { mnf: sum, at: t, byMeter };
  }
  return best;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface LeakRule {
  baselineNights: number;
  /** Share above the baseline (0.3 = 30%). */
  ratio: number;
  /** Flow above the baseline, m³/h. */
  absoluteM3h: number;
  /** Consecutive exceeding nights that raise an alert. */
  nights: number;
}

export const nightStatuses = [
  'no_data',
  'irrigation',
  'warming_up',
  'normal',
  /** Exceeds, but the day's use above the night floor rose as much: occupancy, not a leak. */
  'demand',
  'exceeds',
  'alert',
] as const;
export type NightStatus = (typeof nightStatuses)[number];

export interface NightInput {
  night: string;
  /** Null when the window is not fully covered by every inlet's interval data. */
  mnf: number | null;
  /** Irrigation that could pass the inlets is scheduled in the window. */
  irrigation: boolean;
  /**
   * The night's local day: its volume through the inlets − 24 × MNF (m³), the use above the
   * night floor; null when the day is not complete or not known.
   */
  demand: number | null;
}

export interface NightResult {
  night: string;
  mnf: number | null;
  baseline: number | null;
  /** The flow above which the night exceeds: max(baseline × (1 + ratio), baseline + absolute). */
  threshold: number | null;
  status: NightStatus;
  /** Exceeding evaluated nights in a row, this one included (0 when it does not exceed). */
  streak: number;
  /** Median of the baseline nights' demand (see NightInput.demand). */
  demandBaseline: number | null;
}

/** Fewer evaluated nights than this before a night: its baseline is not yet trusted. */
export function minimumBaselineNights(rule: LeakRule): number {
  return Math.ceil(rule.baselineNights / 2);
}

export function thresholdOf(baseline: number, rule: LeakRule): number {
  return Math.max(baseline * (1 + rule.ratio), baseline + rule.absoluteM3h);
}

/** Evaluates nights in date order (consecutive local dates are expected, gaps are allowed). */
export function evaluateNights(nights: readonly NightInput[], rule: LeakRule): NightResult[] {
  const history: { mnf: number; demand: number | null }[] = [];
  const minimum = minimumBaselineNights(rule);
  let streak = 0;
  return nights.map((n): NightResult => {
    const blank = { night: n.night, mnf: n.mnf, baseline: null, threshold: null, streak: 0 };
    if (n.mnf === null || n.irrigation) {
      const status = n.mnf === null ? 'no_data' : 'irrigation';
      return { ...blank, status, demandBaseline: null };
    }
    const previous = history.slice(-rule.baselineNights);
    history.push({ mnf: n.mnf, demand: n.demand });
    if (previous.length < minimum) return { ...blank, status: 'warming_up', demandBaseline: null };
    const baseline = median(previous.map((p) => p.mnf)) as number;
    const demands = previous.map((p) => p.demand).filter((d): d is number => d !== null);
    const demandBaseline = demands.length >= minimum ? median(demands) : null;
    const threshold = thresholdOf(baseline, rule);
    const exceeds = n.mnf > threshold;
    const occupancy =
      exceeds &&
      n.demand !== null &&
      demandBaseline !== null &&
      demandBaseline > 0 &&
      n.demand > demandBaseline * (1 + rule.ratio);
    streak = exceeds && !occupancy ? streak + 1 : 0;
    const status = occupancy
      ? 'demand'
      : !exceeds
        ? 'normal'
        : streak >= rule.nights
          ? 'alert'
          : 'exceeds';
    return { night: n.night, mnf: n.mnf, baseline, threshold, status, streak, demandBaseline };
  });
}

export interface AlertRun {
  /** First exceeding night of the run: when the excess began. */
  startNight: string;
  /** The Nth exceeding night: when the rule fired. */
  raisedNight: string;
  /** Last exceeding night of the run so far. */
  lastNight: string;
  /** The run reaches the last evaluated night: the excess goes on. */
  ongoing: boolean;
  exceedingNights: number;
  /** Baseline and MNF on the first night, and the highest MNF of the run. */
  baseline: number;
  startMnf: number;
  peakMnf: number;
}

/** The alerts of evaluated nights: every run of exceeding nights that reached the rule's count. */
export function alertRuns(results: readonly NightResult[], rule: LeakRule): AlertRun[] {
  const runs: AlertRun[] = [];
  let run: NightResult[] = [];
  // A 'demand' night ends a run as a normal one does: the rise was occupancy.
  const evaluated = results.filter(
    (r) => r.status === 'normal' || r.status === 'demand' || isExceeding(r),
  );
  const close = (ongoing: boolean) => {
    const first = run[0];
    const raised = run[rule.nights - 1];
    const last = run[run.length - 1];
    if (first && raised && last) {
      runs.push({
        startNight: first.night,
        raisedNight: raised.night,
        lastNight: last.night,
        ongoing,
        exceedingNights: run.length,
        baseline: first.baseline ?? 0,
        startMnf: first.mnf ?? 0,
        peakMnf: Math.max(...run.map((r) => r.mnf ?? 0)),
      });
    }
    run = [];
  };
  for (const r of evaluated) {
    if (isExceeding(r)) run.push(r);
    else close(false);
  }
  close(true);
  return runs;
}

function isExceeding(r: NightResult): boolean {
  return r.status === 'exceeds' || r.status === 'alert';
}
