// The night windows of the minimum-night-flow series (analyticsNightFlow.ts): the site's local
// days, a night's window as UTC instants, and whether an inlet's intervals cover a window. Kept
// apart because getting instants right costs care (DST days, windows across midnight) that the
// series itself need not carry.
import { DateTime } from 'luxon';
import type { LeakAlertSettings } from '../../shared/contract/settings';
import type { z } from 'zod';
import { addDays, windowMinutes, type FlowPiece } from '../../shared/domain/analytics';
import { dayLabel, spreadMs } from '../../shared/domain/consumption';

export type Rule = z.infer<typeof LeakAlertSettings>;

/** A local day of the site: its first instant (UTC ms) and its length in ms. */
export interface LocalDay {
  start: number;
  length: number;
}

/**
 * The site's local days from..to, from ONE spread of the whole span over the zone's days (the
 * engine's memoized day starts), instead of a time-zone lookup per night: luxon's offsets cost
 * microseconds each (Intl), and a year of nights asks for two a night.
 */
export function localDays(from: string, to: string, zone: string): Map<string, LocalDay> {
  const out = new Map<string, LocalDay>();
  const fromMs = DateTime.fromISO(from, { zone }).toMillis();
  const toMs = DateTime.fromISO(addDays(to, 1), { zone }).toMillis();
  let at = fromMs;
  spreadMs(fromMs, toMs, toMs - fromMs, zone, (day, share) => {
    const length = Math.round(share);
    out.set(dayLabel(day), { start: at, length });
    at += length;
  });
  return out;
}

/**
 * UTC ms of the night's window in the site's zone. On a day of 24 hours the wall clock runs at a
 * fixed offset from midnight; a day with a DST change is asked of the zone's rules instead.
 */
export function nightWindow(
  night: string,
  rule: Rule,
  zone: string,
  days: ReadonlyMap<string, LocalDay>,
): [number, number] {
  const [ws, we] = windowMinutes(rule.windowStart, rule.windowEnd);
  const at = (minutes: number) => {
    const day = addDays(night, Math.floor(minutes / 1440));
    const m = ((minutes % 1440) + 1440) % 1440;
    const local = days.get(day);
    if (local && local.length === 86_400_000) return local.start + m * 60_000;
    const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return DateTime.fromISO(`${day}T${hhmm}`, { zone }).toMillis();
  };
  return [at(ws), at(we)];
}

/** Whether pieces cover [start, end) without a gap. */
export function covers(pieces: readonly FlowPiece[], start: number, end: number): boolean {
  let reached = start;
  for (const p of pieces) {
    if (p.to <= reached) continue;
    if (p.from > reached) return false;
    reached = p.to;
    if (reached >= end) return true;
  }
  return reached >= end;
}
