// The demo meter-reading scenario's fixed facts, for the analytics work and tests that look for
// them: which inlet leaks, from which night and by how much; the nights irrigation is scheduled in
// the minimum-night-flow window; the span of the hourly interval data. The demo ends "now" (or on
// 31 December of its lastYear), so dates are derived from that end by the pure rules here rather
// than written down: the same end always gives the same dates.
//
// A night is named by the local (Asia/Shanghai) date its 02:00–04:00 window falls on.
import { addDays, HOUR, historyWindow, localDay, localMs } from './maintenanceClock';

/** The leaking inlet of the first campus (with --scale > 1 its code is `C1-WM1-1`). */
export const LEAK_METER_CODE = 'WM1-1';
/** The constant flow the leak adds, m³/h: well above the 30 % and 0.5 m³/h alert margins. */
export const LEAK_FLOW_M3_PER_H = 4;
/** How long before the end the leak starts (then moved back to a Saturday, see leakStartDay). */
export const LEAK_LEAD_DAYS = 40;
/** Days of hourly interval data on every level-1 potable-water inlet, ending at the demo's end. */
export const HOURLY_DAYS = 365;
export const HOURLY_READINGS = HOURLY_DAYS * 24;

/**
 * The register's night-watering zones (assets.ts: every eighth zone, TU and FR at 02:30, on the
 * reclaimed-water meter). They water inside the MNF window, so the night-flow rule must skip those
 * nights or name them as the likely cause; the potable inlets themselves carry none of it.
 * Codes are the first campus's (with --scale > 1 they are prefixed `C1-`).
 */
export const IRRIGATION_NIGHT_WEEKDAYS = ['TU', 'FR'] as const;
export const IRRIGATION_NIGHT_START = '02:30';
export const IRRIGATION_NIGHT_ZONE_CODES = ['GZ-04', 'GZ-12', 'GZ-20', 'GZ-28', 'GZ-36'] as const;

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** 'MO'…'SU' of a local date. */
export function weekdayOf(day: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? 'SU';
}

/**
 * The leak's first day: LEAK_LEAD_DAYS before the end day, moved back to the Saturday on or
 * before it, so its first three nights (Sat, Sun, Mon) are none of the irrigation nights and a
 * three-night alert is not confounded with watering. The leak starts at 00:00 local that day.
 */
export function leakStartDay(endDay: string): string {
  let day = addDays(endDay, -LEAK_LEAD_DAYS);
  while (weekdayOf(day) !== 'SA') day = addDays(day, -1);
  return day;
}

/** The nights, from `fromDay` to `toDay` inclusive, whose MNF window has irrigation scheduled. */
export function irrigationNights(fromDay: string, toDay: string): string[] {
  const nights: string[] = [];
  const weekdays: readonly string[] = IRRIGATION_NIGHT_WEEKDAYS;
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    if (weekdays.includes(weekdayOf(day))) nights.push(day);
  }
  return nights;
}

export interface MeterReadingsPlan {
  /** The last instant of the history (epoch ms): now, or the end of lastYear if that is earlier. */
  endMs: number;
  /** The local day of endMs. */
  endDay: string;
  /** First and last hourly reading instants (on the hour, UTC ms); HOURLY_READINGS of them. */
  hourlyFromMs: number;
  hourlyToMs: number;
  /** Month of the first monthly reading ('YYYY-MM'): 60 months before the end's month. */
  firstMonth: string;
  leak: { meterCode: string; startDay: string; startMs: number; flowM3PerH: number };
  /** Nights (local dates) of the hourly span with irrigation scheduled in the MNF window. */
  irrigationNights: string[];
}

/** The plan of a demo generated with this lastYear at this instant (generateDemo's `now`). */
export function meterReadingsPlan(lastYear: number, nowIso: string): MeterReadingsPlan {
  const endMs = historyWindow(lastYear, nowIso).endMs;
  const endDay = localDay(endMs);
  const hourlyToMs = Math.floor(endMs / HOUR) * HOUR;
  const hourlyFromMs = hourlyToMs - (HOURLY_READINGS - 1) * HOUR;
  const [year, month] = endDay.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 - 60, 1));
  const startDay = leakStartDay(endDay);
  return {
    endMs,
    endDay,
    hourlyFromMs,
    hourlyToMs,
    firstMonth: first.toISOString().slice(0, 7),
    leak: {
      meterCode: LEAK_METER_CODE,
      startDay,
      startMs: localMs(...(startDay.split('-').map(Number) as [number, number, number])),
      flowM3PerH: LEAK_FLOW_M3_PER_H,
    },
    // The first night whose 02:00 reading is inside the span.
    irrigationNights: irrigationNights(localDay(hourlyFromMs + 22 * HOUR - 1), endDay),
  };
}
