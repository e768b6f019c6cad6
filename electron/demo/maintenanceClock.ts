// Demo maintenance time: instants as epoch milliseconds while generating, local days and times of
// the demo campuses (Asia/Shanghai, a fixed UTC+8 with no daylight saving since 1991, so plain
// arithmetic is exact and far faster than a zone library over hundreds of thousands of instants).
import type { Rng } from './random';

const OFFSET_MS = 8 * 3_600_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Epoch ms of a local wall-clock time on the campus. */
export function localMs(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS;
}

/** YYYY-MM-DD on the campus at the instant. */
export function localDay(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The campus year at the instant (work-order numbers are per local year). */
export function localYear(ms: number): number {
  return new Date(ms + OFFSET_MS).getUTCFullYear();
}

/** Local hour of day 0–23. */
export function localHour(ms: number): number {
  return new Date(ms + OFFSET_MS).getUTCHours();
}

/** Epoch ms of local midnight starting the day YYYY-MM-DD. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The span the history covers: 1 January of the first year to the end (now or 31 December). */
export interface Window {
  firstYear: number;
  lastYear: number;
  startMs: number;
  /** Nothing happens after this instant; what is unfinished here is the "current" work. */
  endMs: number;
  /** The campus day of endMs. */
  today: string;
}

export function historyWindow(lastYear: number, nowIso: string): Window {
  const firstYear = lastYear - 4;
  const startMs = localMs(firstYear, 1, 1);
  const endMs = Math.max(startMs, Math.min(Date.parse(nowIso), localMs(lastYear + 1, 1, 1) - 1));
  return { firstYear, lastYear, startMs, endMs, today: localDay(endMs) };
}

/**
 * Relative demand by month: fewer reports in the winter (Feb) and summer (Jul–Aug) vacations, more
 * when term starts in September and March.
 */
const monthWeights = [0.8, 0.5, 1.2, 1.1, 1.1, 1.0, 0.6, 0.5, 1.3, 1.2, 1.1, 1.0];
const weightTotal = monthWeights.reduce((a, b) => a + b, 0);

/** A local instant in the year, weighted by month, in waking hours (07:00–20:59). */
export function instantInYear(rng: Rng, year: number, months?: readonly number[]): number {
  let month = 12;
  if (months) {
    month = rng.pick(months);
  } else {
    let r = rng.next() * weightTotal;
    for (let m = 0; m < 12; m += 1) {
      r -= monthWeights[m] ?? 0;
      if (r < 0) {
        month = m + 1;
        break;
      }
    }
  }
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return localMs(year, month, rng.int(1, days), rng.int(7, 20), rng.int(0, 59));
}

/** A duration in ms drawn uniformly between two numbers of hours. */
export function hours(rng: Rng, min: number, max: number): number {
  return Math.round((min + rng.next() * (max - min)) * HOUR);
}
