// Local wall-clock times as "floating" milliseconds: the wall-clock fields read as if UTC. Every
// calendar computation in this module happens on these numbers, so no zone can shift a day.
import { RuleError, type LocalDateTime } from './types';

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Floating ms of a wall-clock time, or null when a field is out of range. */
export function floatingFromFields(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number | null {
  // Years below 1000 would need Date's two-digit-year workaround and never occur in plans.
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** Parses 'YYYY-MM-DDTHH:mm' strictly; `part` names the argument in the error. */
export function parseLocal(value: string, part: string): number {
  const m = typeof value === 'string' ? LOCAL_PATTERN.exec(value) : null;
  const ms = m
    ? floatingFromFields(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]))
    : null;
  if (ms === null) {
    throw new RuleError(
      part,
      `"${String(value)}" 不是有效的本地时间 YYYY-MM-DDTHH:mm`,
      'is not a valid local time YYYY-MM-DDTHH:mm',
    );
  }
  return ms;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatLocal(ms: number): LocalDateTime {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}

/** Drops seconds and milliseconds (floors, also before 1970). */
export function floorMinute(ms: number): number {
  return ms - (((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
}

/** Days since 1970-01-01 (a Thursday). */
export function dayNumber(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(ms: number): number {
  return (((dayNumber(ms) + 3) % 7) + 7) % 7;
}
