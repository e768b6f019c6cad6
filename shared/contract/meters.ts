// Meter readings and consumption (issue 6): readings with their deltas, lifecycle events (install,
// replace, remove), daily rollups and their monthly and yearly sums, the review queue of negative
// deltas, and the reading round of a building.
//
// Instants: every `at` the API takes is an ISO-8601 instant WITH its zone — 'Z' or an explicit
// offset ('2024-03-01T09:30+08:00'). A local wall time alone is refused: it names no instant in a
// DST gap and two in an overlap, and the engine never guesses a zone. Results give `at` in UTC
// ('…Z') and `local` ('YYYY-MM-DD HH:mm') in the site's zone, which every result names.
// A reading is identified by (meterId, at); readings at the same instant are the same reading.
// Amounts are in the meter's unit after the multiplier; register values and `registerDelta` are
// as the dial shows them.
import { z } from 'zod';
import { LocalDate, Utility } from './assets';
import { Id } from './common';
import {
  ExpectedRange,
  IntervalKind,
  MeterEvent,
  ReadingInstant,
  ReadingItem,
  ReadingSource,
  RegisterValue,
  ReviewItem,
  RoundItem,
  Totals,
} from './meterShapes';

export * from './meterShapes';

const Multiplier = z.number().finite().positive().max(1e6);
const Digits = z.number().int().min(1).max(12);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');
const Year = z.number().int().min(1970).max(2099);
const noNul = (s: string): boolean => !s.includes('\u0000');
const ShortNote = z.string().trim().max(500).refine(noNul, 'must not contain a NUL character');

const Resolution = z.discriminatedUnion('as', [
  /** Correct one end's value (it must be a reading); the pair must then need no review. */
  z
    .object({ as: z.literal('typo'), reading: z.enum(['from', 'to']), value: RegisterValue })
    .strict(),
  /** The register rolled over at 10^digits (default: the meter's digits, else the value's width). */
  z.object({ as: z.literal('rollover'), digits: Digits.optional() }).strict(),
  /** An unrecorded swap between the two readings: closing of the old register, opening of the new. */
  z
    .object({ as: z.literal('replacement'), closing: RegisterValue, opening: RegisterValue })
    .strict(),
  /** Count the negative delta as it is (the register really ran back). */
  z.object({ as: z.literal('accept') }).strict(),
]);

const ReadingKey = { meterId: Id, at: ReadingInstant };
const Range = <T extends z.ZodType>(bound: T) => ({ meterId: Id, from: bound, to: bound });
const ListOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number(),
    unit: z.string().nullable(),
    timeZone: z.string(),
  });

const EventCommon = { meterId: Id, at: ReadingInstant, note: ShortNote.default('') };
const NewRegister = {
  /** Omitted: the register before it (replace) or the meter's (install). */
  multiplier: Multiplier.optional(),
  registerDigits: Digits.nullable().optional(),
  serial: z
    .string()
    .trim()
    .max(100)
    .refine(noNul, 'must not contain a NUL character')
    .nullable()
    .optional(),
};

export const metersMethods = {
  /** Saves one reading; refused with CONFLICT when the meter already has one at that instant. */
  'meters.addReading': {
    input: z
      .object({
        ...ReadingKey,
        value: RegisterValue,
        estimated: z.boolean().default(false),
        source: ReadingSource.default('manual'),
      })
      .strict(),
    result: ReadingItem,
  },
  /** Changes a reading's value, estimated flag or instant (a move). */
  'meters.editReading': {
    input: z
      .object({
        ...ReadingKey,
        patch: z
          .object({ at: ReadingInstant, value: RegisterValue, estimated: z.boolean() })
          .partial()
          .strict(),
      })
      .strict(),
    result: ReadingItem,
  },
  'meters.deleteReading': {
    input: z.object(ReadingKey).strict(),
    result: z.object({ meterId: Id, at: z.string(), value: z.number(), estimated: z.boolean() }),
  },
  /** A meter's readings newest first, each with the interval ending at it. */
  'meters.readings': {
    input: z
      .object({
        meterId: Id,
        /** Inclusive bounds on the instant. */
        from: ReadingInstant.optional(),
        to: ReadingInstant.optional(),
        offset: z.number().int().nonnegative().max(100_000_000).default(0),
        limit: z.number().int().positive().max(1000).default(100),
      })
      .strict(),
    result: ListOf(ReadingItem),
  },
  /**
   * What a reading would give, without saving it: its interval from the previous point, the
   * expected range there and whether the amount is outside it (the round screen's warning).
   */
  'meters.checkReading': {
    input: z
      .object({ ...ReadingKey, value: RegisterValue, estimated: z.boolean().default(false) })
      .strict(),
    result: z.object({
      previous: z.object({ at: z.string(), value: z.number(), estimated: z.boolean() }).nullable(),
      amount: z.number().nullable(),
      kind: IntervalKind.nullable(),
      registerDelta: z.number().nullable(),
      expected: ExpectedRange.nullable(),
      outside: z.boolean(),
      /** The reading already stored at this instant, if any. */
      existing: z.object({ value: z.number(), estimated: z.boolean() }).nullable(),
    }),
  },
  'meters.addEvent': {
    input: z.discriminatedUnion('kind', [
      z
        .object({
          ...EventCommon,
          kind: z.literal('install'),
          opening: RegisterValue,
          ...NewRegister,
        })
        .strict(),
      z
        .object({
          ...EventCommon,
          kind: z.literal('replace'),
          closing: RegisterValue,
          opening: RegisterValue,
          ...NewRegister,
        })
        .strict(),
      z.object({ ...EventCommon, kind: z.literal('remove'), closing: RegisterValue }).strict(),
    ]),
    result: MeterEvent,
  },
  'meters.deleteEvent': {
    input: z.object({ id: Id }).strict(),
    result: MeterEvent,
  },
  'meters.events': {
    input: z.object({ meterId: Id }).strict(),
    result: z.object({ items: z.array(MeterEvent), timeZone: z.string() }),
  },
  /** Daily consumption from the rollups, local days of the site, both bounds inclusive. */
  'meters.daily': {
    input: z.object(Range(LocalDate)).strict(),
    result: ListOf(Totals.omit({ days: true }).extend({ day: z.string() })),
  },
  /** Sums of the daily rollups by local month, both bounds inclusive. */
  'meters.monthly': {
    input: z.object(Range(Month)).strict(),
    result: ListOf(Totals.extend({ month: z.string() })),
  },
  /** Sums of the daily rollups by local year, both bounds inclusive. */
  'meters.yearly': {
    input: z.object(Range(Year)).strict(),
    result: ListOf(Totals.extend({ year: z.number().int() })),
  },
  /** The review queue, oldest first; by default the open items of every meter. */
  'meters.reviews': {
    input: z
      .object({
        status: z.enum(['open', 'resolved']).default('open'),
        meterId: Id.optional(),
        offset: z.number().int().nonnegative().max(10_000_000).default(0),
        limit: z.number().int().positive().max(500).default(100),
      })
      .strict(),
    result: z.object({ items: z.array(ReviewItem), total: z.number().int() }),
  },
  'meters.resolveReview': {
    input: z.object({ id: Id, resolution: Resolution, note: ShortNote.default('') }).strict(),
    result: ReviewItem,
  },
  /** The meters of a place's subtree (a building's route) with their last reading and range. */
  'meters.round': {
    input: z
      .object({
        placeId: Id,
        utility: Utility.optional(),
        /** When the round is read (default now): the expected range runs to this instant. */
        at: ReadingInstant.optional(),
      })
      .strict(),
    result: z.object({ at: z.string(), timeZone: z.string(), items: z.array(RoundItem) }),
  },
  /** Recomputes a meter's rollups and review queue from all its readings (after a zone change). */
  'meters.rebuild': {
    input: z.object({ meterId: Id }).strict(),
    result: z.object({
      days: z.number().int(),
      intervals: z.number().int(),
      open: z.number().int(),
    }),
  },
} as const;
