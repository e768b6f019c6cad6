// Consumption between two register values, DOMAIN.md "Meters and readings" to the letter:
// (v2 − v1) × multiplier; a drop on a register with digits whose wrap-around 10^digits − v1 + v2 is
// under half the register is a rollover; a replacement between the two readings counts closing − v1
// on the old register plus v2 − opening on the new, each with its own multiplier; an actual reading
// right after an estimated one carries the correction in its own period, negative or not (kind
// 'correction', counted); any other drop goes to review with a proposal and counts nothing until
// staff resolve it. Nothing is ever silently reset or dropped.
import { proposeExplanation, integerWidth, type Neighbours } from './review';
import {
  DEFAULT_CONSUMPTION_SETTINGS,
  requireInstant,
  requireSpec,
  requireValue,
  isRegisterValue,
  type ConsumptionInterval,
  type ConsumptionSettings,
  type IntervalKind,
  type ReadingPoint,
  type RegisterSpec,
  type ReplaceEvent,
  type Resolution,
  type ReviewNote,
} from './types';

export interface BetweenOptions {
  settings?: Partial<ConsumptionSettings>;
  /** Register values either side of the pair; they sharpen the review proposal, never the amount. */
  neighbours?: Neighbours;
}

/** One register's step; amount null only for an unresolved review. */
export interface Step {
  amount: number | null;
  kind: IntervalKind;
  review?: ReviewNote;
}

/**
 * Decimal places of a value as typed (1250.5 → 1), or null when it has no short decimal form:
 * the fewest places k ≤ MAX_DECIMALS at which the value is the double nearest a k-place decimal —
 * the places of its shortest round-trip text (String(value)), found without making the text,
 * which a million-reading import would otherwise pay for twice per reading. Values whose text
 * would use an exponent (below 1e-6) count as having none, as their text would.
 */
export function decimals(value: number): number | null {
  if (Number.isInteger(value)) return 0;
  if (Math.abs(value) < 1e-6) return null;
  for (let k = 1, scale = 10; k <= MAX_DECIMALS; k++, scale *= 10) {
    // Near 2^52 the product's rounding can reach half a unit and the test above could fail; the
    // text decides there (rare: large registers with many places).
    if (Math.abs(value) * scale >= 2 ** 49) return decimalsOfText(value);
    if (Math.round(value * scale) / scale === value) return k;
  }
  return null;
}

function decimalsOfText(value: number): number | null {
  const text = String(value);
  const point = text.indexOf('.');
  const places = point === -1 || text.includes('e') ? null : text.length - point - 1;
  return places !== null && places > MAX_DECIMALS ? null : places;
}

/** Largest decimal places kept exact; readings are keyed to a few places, never nine. */
const MAX_DECIMALS = 9;

/**
 * b − a as the decimal difference of the values as typed: 1250.5 − 1200.3 gives 50.2, not
 * 50.200000000000045. The float error of a subtraction scales with the register (10^6 and more),
 * not with the consumption, so without this a month of 0.1 on a large dial would drift from the
 * sum of its parts; with it, sums of intervals match last − first to float rounding of the sums.
 */
export function registerDifference(a: number, b: number): number {
  const raw = b - a;
  const da = decimals(a);
  const db = decimals(b);
  if (da === null || db === null) return raw;
  const scale = 10 ** Math.max(da, db);
  if (Math.max(da, db) > MAX_DECIMALS || Math.max(Math.abs(a), Math.abs(b)) * scale >= 2 ** 52) {
    return raw;
  }
  return Math.round(raw * scale) / scale;
}

export function settingsOf(partial?: Partial<ConsumptionSettings>): ConsumptionSettings {
  return { ...DEFAULT_CONSUMPTION_SETTINGS, ...partial };
}

/** Staff's decision applied to a review; a decision that does not fit the pair leaves it in review. */
function resolve(
  v1: number,
  v2: number,
  spec: RegisterSpec,
  note: ReviewNote,
  r: Resolution,
): Step {
  const m = spec.multiplier;
  const review: ReviewNote = { ...note, resolution: r };
  if (r.as === 'accept') {
    return { amount: registerDifference(v1, v2) * m, kind: 'correction', review };
  }
  if (r.as === 'rollover') {
    const digits = r.digits ?? spec.digits ?? note.digits ?? integerWidth(v1);
    const size = 10 ** digits;
    if (Number.isInteger(digits) && digits >= 1 && digits <= 15 && v1 < size && v2 < size) {
      return { amount: (size + registerDifference(v1, v2)) * m, kind: 'rollover', review };
    }
  } else if (
    isRegisterValue(r.closing) &&
    isRegisterValue(r.opening) &&
    r.closing >= v1 &&
    v2 >= r.opening
  ) {
    // Sum the two parts separately, as a recorded replacement does, so both give the same figure.
    const amount = registerDifference(v1, r.closing) * m + registerDifference(r.opening, v2) * m;
    return { amount, kind: 'replacement', review };
  }
  return { amount: null, kind: 'review', review: note };
}

/** The step between two values on one register. */
export function registerStep(
  v1: number,
  v2: number,
  spec: RegisterSpec,
  fromEstimated: boolean,
  toEstimated: boolean,
  settings: ConsumptionSettings,
  resolution?: Resolution,
  neighbours: Neighbours = {},
): Step {
  const m = spec.multiplier;
  const delta = registerDifference(v1, v2);
  if (delta >= 0) return { amount: delta * m, kind: 'normal' };
  if (spec.digits !== null) {
    const size = 10 ** spec.digits;
    const wrapped = size + delta;
    // Readings beyond the register's size mean the digits are misconfigured: no automatic wrap.
    if (v1 < size && v2 < size && wrapped < settings.rolloverShare * size) {
      return { amount: wrapped * m, kind: 'rollover' };
    }
  }
  if (fromEstimated && !toEstimated) return { amount: delta * m, kind: 'correction' };
  const note: ReviewNote = {
    reason: 'negative_delta',
    delta,
    ...proposeExplanation(v1, v2, neighbours, settings),
  };
  if (resolution) return resolve(v1, v2, spec, note, resolution);
  return { amount: null, kind: 'review', review: note };
}

/** Register parts of a pair split by replacements: [v1 → closing₁], [opening₁ → closing₂] … [openingₙ → v2]. */
function partsOf(
  prev: ReadingPoint,
  next: ReadingPoint,
  spec: RegisterSpec,
  replacements: readonly ReplaceEvent[],
): { v1: number; v2: number; spec: RegisterSpec; fromEst: boolean; toEst: boolean }[] {
  const parts = [];
  let start = { value: prev.value, spec, estimated: prev.estimated };
  for (const r of replacements) {
    // Closing and opening are read at the swap: actual values.
    parts.push({
      v1: start.value,
      v2: r.closing,
      spec: start.spec,
      fromEst: start.estimated,
      toEst: false,
    });
    start = { value: r.opening, spec: r.spec, estimated: false };
  }
  parts.push({
    v1: start.value,
    v2: next.value,
    spec: start.spec,
    fromEst: start.estimated,
    toEst: next.estimated,
  });
  return parts;
}

/**
 * One interval between two readings (or lifecycle points) of a meter. `spec` is the register `prev`
 * was read on; `replacementsBetween` are the swaps between the two, each bringing its new spec.
 * `resolution` turns a review into a counted interval; it is ignored on anything but a review, so
 * a stale decision never overrides a pair that no longer needs one.
 */
export function consumptionBetween(
  prev: ReadingPoint,
  next: ReadingPoint,
  spec: RegisterSpec,
  replacementsBetween: readonly ReplaceEvent[] = [],
  resolution?: Resolution,
  options: BetweenOptions = {},
): ConsumptionInterval {
  const fromMs = requireInstant(prev.at, 'prev.at');
  const toMs = requireInstant(next.at, 'next.at');
  if (toMs < fromMs) throw new RangeError(`next.at ${next.at} is before prev.at ${prev.at}`);
  requireValue(prev.value, 'prev.value');
  requireValue(next.value, 'next.value');
  requireSpec(spec);
  const swaps = [...replacementsBetween].sort(
    (a, b) => requireInstant(a.at, 'replacement.at') - requireInstant(b.at, 'replacement.at'),
  );
  for (const r of swaps) {
    const at = requireInstant(r.at, 'replacement.at');
    if (at < fromMs || at > toMs) {
      throw new RangeError(`replacement at ${r.at} is not between the readings`);
    }
    requireValue(r.closing, 'replacement.closing');
    requireValue(r.opening, 'replacement.opening');
    requireSpec(r.spec, 'replacement.spec');
  }
  const settings = settingsOf(options.settings);
  const neighbours = options.neighbours ?? {};
  const parts = partsOf(prev, next, spec, swaps);
  let pending = resolution;
  const steps = parts.map((p, i) => {
    const around: Neighbours = {
      ...(i === 0 && neighbours.before !== undefined ? { before: neighbours.before } : {}),
      ...(i === parts.length - 1 && neighbours.after !== undefined
        ? { after: neighbours.after }
        : {}),
    };
    const step = registerStep(p.v1, p.v2, p.spec, p.fromEst, p.toEst, settings, pending, around);
    // A decision is about one drop: the first part that needed it.
    if (step.review) pending = undefined;
    return step;
  });

  const base = {
    from: prev.at,
    to: next.at,
    fromReadingId: prev.id,
    toReadingId: next.id,
    estimated: prev.estimated || next.estimated,
  };
  const open = steps.find((s) => s.amount === null);
  if (open) {
    return { ...base, amount: null, kind: 'review', ...(open.review && { review: open.review }) };
  }
  const single = steps.length === 1 ? steps[0] : undefined;
  if (single) {
    return {
      ...base,
      amount: single.amount,
      kind: single.kind,
      ...(single.review && { review: single.review }),
    };
  }
  const amount = steps.reduce((sum, s) => sum + (s.amount ?? 0), 0);
  const reviewed = steps.find((s) => s.review)?.review;
  const kind: IntervalKind = steps.some((s) => s.kind === 'correction')
    ? 'correction'
    : 'replacement';
  return { ...base, amount, kind, ...(reviewed && { review: reviewed }) };
}
