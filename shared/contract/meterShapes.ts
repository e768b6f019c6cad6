// The shapes of the meters.* methods (see meters.ts for the methods and the rules on instants):
// a reading with the interval ending at it, a lifecycle event, an expected range, a period's
// totals, a review-queue item and a reading-round item.
import { z } from 'zod';
import { Id } from './common';

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/i;
/** Readings before 1970 or from 2100 on are keying errors, not history. */
const FIRST_MS = Date.UTC(1970, 0, 1);
const END_MS = Date.UTC(2100, 0, 1);

function isReadingInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offH, offM] = m
    .slice(1)
    .map((s) => (s === undefined ? 0 : Number(s)));
  const monthDays = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
  if (!month || month > 12 || !day || day > monthDays) return false;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return false;
  if ((offH ?? 0) > 14 || (offM ?? 0) > 59) return false;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms >= FIRST_MS && ms < END_MS;
}

/** An instant with its zone, 1970 ≤ at < 2100. */
export const ReadingInstant = z
  .string()
  .max(40)
  .refine(
    isReadingInstant,
    'expected an ISO instant with Z or an offset, e.g. 2024-03-01T09:30+08:00, 1970–2099',
  );

/** A register value as the dial shows it. */
export const RegisterValue = z.number().finite().nonnegative().lt(1e15);
export const ReadingSource = z.enum(['manual', 'import', 'device']);
export const IntervalKind = z.enum(['normal', 'rollover', 'replacement', 'correction', 'review']);

/** The interval ending at a reading: from the previous reading or lifecycle point. */
export const ReadingInterval = z.object({
  fromAt: z.string(),
  /** This value minus the previous point's, in register units (negative on a drop). */
  registerDelta: z.number(),
  /** Consumption after the multiplier; null while a negative delta waits in the review queue. */
  amount: z.number().nullable(),
  kind: IntervalKind,
  /** Either end estimated. */
  estimated: z.boolean(),
  /** The review-queue item of this interval, open or resolved. */
  reviewId: Id.nullable(),
});

export const ReadingItem = z.object({
  meterId: Id,
  at: z.string(),
  local: z.string(),
  value: z.number(),
  estimated: z.boolean(),
  source: ReadingSource,
  enteredBy: z.string(),
  enteredAt: z.string(),
  /** null for the first reading of an installation. */
  interval: ReadingInterval.nullable(),
});
export type ReadingItem = z.infer<typeof ReadingItem>;

export const MeterEventKind = z.enum(['install', 'replace', 'remove']);
export const MeterEvent = z.object({
  id: Id,
  meterId: Id,
  kind: MeterEventKind,
  at: z.string(),
  local: z.string(),
  /** Last value of the old register (replace, remove). */
  closing: z.number().nullable(),
  /** First value of the new register (install, replace). */
  opening: z.number().nullable(),
  /** The new register's (install, replace). */
  multiplier: z.number().nullable(),
  registerDigits: z.number().int().nullable(),
  serial: z.string().nullable(),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type MeterEvent = z.infer<typeof MeterEvent>;

export const ExpectedRange = z.object({
  low: z.number(),
  high: z.number(),
  typical: z.number(),
  dailyRate: z.number(),
  days: z.number(),
  /** How many past intervals (or days, for interval data) the rate rests on. */
  basis: z.number().int(),
});

/** A period of daily rollups. */
export const Totals = z.object({
  amount: z.number(),
  /** Days with data. */
  days: z.number().int(),
  /** Some of the amount rests on estimated readings. */
  estimated: z.boolean(),
  /** A negative delta awaiting review touches the period: its amount is not counted yet. */
  pending: z.boolean(),
});

const ReviewEnd = z.object({
  at: z.string(),
  value: z.number(),
  /** false: a lifecycle point (install/replace opening, replace/remove closing). */
  reading: z.boolean(),
});

export const ReviewResolutionKind = z.enum([
  'typo',
  'rollover',
  'replacement',
  'accept',
  'cleared',
]);
export const ReviewItem = z.object({
  id: Id,
  meterId: Id,
  meterCode: z.string(),
  meterName: z.string(),
  placeName: z.string().nullable(),
  unit: z.string().nullable(),
  from: ReviewEnd,
  to: ReviewEnd,
  /** to − from in register units; always negative. */
  delta: z.number(),
  proposed: z.enum(['typo', 'rollover', 'replacement', 'accept']),
  /** For a typo: the one-keystroke correction of one end that makes the pair consistent. */
  suggestion: z
    .object({
      reading: z.enum(['from', 'to']),
      value: z.number(),
      edit: z.enum(['transposition', 'digit']),
    })
    .nullable(),
  /** For a rollover: the register size the proposal assumes. */
  proposedDigits: z.number().int().nullable(),
  status: z.enum(['open', 'resolved']),
  /** 'cleared': the pair changed (edited, deleted, split) so that it needs no review. */
  resolution: ReviewResolutionKind.nullable(),
  resolutionDigits: z.number().int().nullable(),
  resolutionClosing: z.number().nullable(),
  resolutionOpening: z.number().nullable(),
  note: z.string(),
  createdAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** A meter on the reading round, with its last reading and the range expected next. */
export const RoundItem = z.object({
  meterId: Id,
  code: z.string(),
  name: z.string(),
  serial: z.string().nullable(),
  utility: z.string().nullable(),
  unit: z.string().nullable(),
  meterLevel: z.number().nullable(),
  multiplier: z.number().nullable(),
  registerDigits: z.number().nullable(),
  placeId: Id.nullable(),
  placeName: z.string().nullable(),
  /** The latest reading strictly before the round's instant: the one the next is read against. */
  last: z
    .object({ at: z.string(), local: z.string(), value: z.number(), estimated: z.boolean() })
    .nullable(),
  /** The amount expected from `last` to the round's instant. */
  expected: ExpectedRange.nullable(),
  /** The expected range as register values (last + amount ÷ multiplier), before any wrap. */
  expectedValues: z.object({ low: z.number(), high: z.number() }).nullable(),
  /** The reading already stored at the round's instant, if any (the meter is read already). */
  existing: z.object({ value: z.number(), estimated: z.boolean() }).nullable().optional(),
});
