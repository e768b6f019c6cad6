// Building blocks shared by the method schemas of every domain.
import { z } from 'zod';

/** Globally unique text id (UUIDv7) — never an autoincrement integer, so databases can later sync. */
export const Id = z.string().min(1).max(64);

/** SQLite measures text only up to a NUL, so text holding one would slip past length rules. */
const noNul = (s: string) => !s.includes('\u0000');
const NUL_MESSAGE = 'must not contain a NUL character';

/** A person-facing name: trimmed, non-empty, bounded so a pasted novel cannot land in a cell. */
export const Name = z.string().trim().min(1).max(200).refine(noNul, NUL_MESSAGE);

export const Notes = z.string().max(5000).refine(noNul, NUL_MESSAGE);

/** A short code (place or asset): trimmed, no NUL. */
export const ShortCode = z.string().trim().min(1).max(40).refine(noNul, NUL_MESSAGE);

/** An IANA time zone name the runtime knows ('Asia/Shanghai'). */
export const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'not a known IANA time zone');

/** UTC instant as ISO-8601 text. */
export const Instant = z.string();

export const PositiveArea = z.number().finite().nonnegative().max(1e9);

export const Paging = z.object({
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(1000).default(100),
});

type WithoutDefaults<S extends z.ZodRawShape> = {
  [K in keyof S]: S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K];
};

/**
 * The patch schema of an input schema: every field optional and, unlike `.partial()`, with the
 * creation defaults removed — zod still fills a default into a missing field of a partial object,
 * so a patch of `{notes}` would otherwise reset every defaulted field it did not name.
 */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      field instanceof z.ZodDefault ? field.unwrap() : field,
    ]),
  );
  return z.object(shape as WithoutDefaults<S>).partial();
}
