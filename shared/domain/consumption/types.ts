// The consumption engine's vocabulary: registers, readings, lifecycle events, intervals, the review
// note shown to staff, their resolutions, and the settings whose defaults DOMAIN.md gives. Also the
// few checks every file shares (instants, register specs), so they fail the same way everywhere.

/** A register: its multiplier (CT ratio…) and size; it rolls over at 10^digits (null: unknown). */
export interface RegisterSpec {
  multiplier: number;
  digits: number | null;
}

/** A cumulative register value at a UTC instant, actual or estimated. */
export interface MeterReading {
  id: string;
  /** UTC ISO-8601 instant, with Z or an offset. */
  at: string;
  value: number;
  estimated: boolean;
}

export type LifecycleEvent =
  | { kind: 'install'; at: string; opening: number; spec: RegisterSpec }
  /** closing: last value of the old register; opening: first value of the new one, with its spec. */
  | { kind: 'replace'; at: string; closing: number; opening: number; spec: RegisterSpec }
  | { kind: 'remove'; at: string; closing: number };

export type ReplaceEvent = Extract<LifecycleEvent, { kind: 'replace' }>;

export type IntervalKind = 'normal' | 'rollover' | 'replacement' | 'correction' | 'review';

/** What staff decided for a review item. */
export type Resolution =
  /** The register rolled over; digits defaults to the spec's, else to the earlier reading's width. */
  | { as: 'rollover'; digits?: number }
  /** Count the negative delta as it is (e.g. a register that really ran back). */
  | { as: 'accept' }
  /** An unrecorded meter swap: closing of the old register, opening of the new (same spec). */
  | { as: 'replacement'; closing: number; opening: number };

export type Proposal = 'typo' | 'rollover' | 'replacement' | 'accept';

/** A typo proposal's corrected value for one end of the pair. */
export interface TypoSuggestion {
  reading: 'from' | 'to';
  value: number;
  edit: 'transposition' | 'digit';
}

export interface ReviewNote {
  reason: 'negative_delta';
  /** v2 − v1 in register units (before the multiplier), as the staff see the dials. */
  delta: number;
  proposed: Proposal;
  /** For 'typo': a one-keystroke correction that makes the pair consistent, when one exists. */
  suggestion?: TypoSuggestion;
  /** For 'rollover': the register size the proposal assumes. */
  digits?: number;
  /** Present once staff resolved the item; the interval is then counted under the resolved kind. */
  resolution?: Resolution;
}

export interface ConsumptionInterval {
  /** UTC instants of the two readings (or lifecycle points). */
  from: string;
  to: string;
  /** null at a lifecycle point (install opening, replace closing/opening, remove closing). */
  fromReadingId: string | null;
  toReadingId: string | null;
  /** In the meter's unit after the multiplier; null only for 'review' (not counted until resolved). */
  amount: number | null;
  kind: IntervalKind;
  /** Either end estimated. */
  estimated: boolean;
  review?: ReviewNote;
}

/** One end of an interval: a reading, or a lifecycle point (id null, never estimated). */
export interface ReadingPoint {
  id: string | null;
  at: string;
  value: number;
  estimated: boolean;
}

/** Thresholds DOMAIN.md names; settings with these defaults, never constants buried in code. */
export interface ConsumptionSettings {
  /** A drop is a rollover when 10^digits − v1 + v2 is below this share of the register. */
  rolloverShare: number;
  /** A review proposes 'rollover' when v1 is at least this share of its register (near full). */
  nearFullShare: number;
  /** A review proposes 'replacement' when v2 is at most this share of v1 (a new register near 0). */
  restartShare: number;
}

export const DEFAULT_CONSUMPTION_SETTINGS: Readonly<ConsumptionSettings> = Object.freeze({
  rolloverShare: 0.5,
  nearFullShare: 0.9,
  restartShare: 0.1,
});

/** One local day's share. */
export interface DailyAmount {
  /** 'YYYY-MM-DD' in the site's zone. */
  day: string;
  amount: number;
}

/**
 * The resolution key of an interval: `${fromReadingId}->${toReadingId}`, with a lifecycle end
 * (no reading id) named by its instant instead of 'null', so install→replace and similar
 * reading-less intervals still get distinct keys.
 */
export function intervalKey(interval: {
  from: string;
  to: string;
  fromReadingId: string | null;
  toReadingId: string | null;
}): string {
  return `${interval.fromReadingId ?? interval.from}->${interval.toReadingId ?? interval.to}`;
}

// An instant without Z or an offset would silently mean the machine's zone; refuse it.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch ms of an ISO instant, or NaN when it is not one (no zone, malformed). */
export function instantMs(at: string): number {
  if (typeof at !== 'string' || !INSTANT_PATTERN.test(at)) return Number.NaN;
  return Date.parse(at);
}

/** Epoch ms of an ISO instant; throws RangeError naming the argument otherwise. */
export function requireInstant(at: string, name: string): number {
  const ms = instantMs(at);
  if (!Number.isFinite(ms)) {
    throw new RangeError(`${name}: "${String(at)}" is not an ISO instant with Z or an offset`);
  }
  return ms;
}

/** A register value must be a finite number ≥ 0 (a cumulative dial cannot show less than zero). */
export function isRegisterValue(value: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function requireValue(value: number, name: string): number {
  if (!isRegisterValue(value)) {
    throw new RangeError(`${name}: ${String(value)} is not a register value (finite, ≥ 0)`);
  }
  return value;
}

/** 10^15 is the largest register whose every integer a double still represents. */
const MAX_DIGITS = 15;

export function requireSpec(spec: RegisterSpec, name = 'spec'): RegisterSpec {
  const { multiplier, digits } = spec;
  if (!(typeof multiplier === 'number' && Number.isFinite(multiplier) && multiplier > 0)) {
    throw new RangeError(`${name}.multiplier: ${String(multiplier)} must be finite and > 0`);
  }
  if (digits !== null && !(Number.isInteger(digits) && digits >= 1 && digits <= MAX_DIGITS)) {
    throw new RangeError(`${name}.digits: ${String(digits)} must be null or 1..${MAX_DIGITS}`);
  }
  return spec;
}
