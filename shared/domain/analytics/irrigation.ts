// Irrigation schedules as the analytics read them: whether a zone's programme waters inside a
// night's flow window (the leak rule then leaves the night out), and the water a programme plans
// over a span of days (DOMAIN.md: area × precipitation rate × scheduled minutes), by season.
import { addDays, daysBetween } from './perCapita';

export const weekdayCodes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

export interface Programme {
  /** Weekday codes MO…SU the controller runs on. */
  days: readonly string[];
  /** Local start 'HH:mm'. */
  start: string;
  minutes: number;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** 'MO'…'SU' of a local date. */
export function weekdayOf(day: string): string {
  return weekdayCodes[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? 'SU';
}

/**
 * The night window of a night named by its local date, in minutes from that date's midnight:
 * [start, end); a window whose end is not after its start began the evening before.
 */
export function windowMinutes(windowStart: string, windowEnd: string): [number, number] {
  const s = minutesOf(windowStart);
  const e = minutesOf(windowEnd);
  return e > s ? [s, e] : [s - 1440, e];
}

/**
 * Whether a programme waters for some time inside the night's window: a run starting that day,
 * or one starting the day before and running past midnight into the window.
 */
export function watersInWindow(
  p: Programme,
  night: string,
  windowStart: string,
  windowEnd: string,
): boolean {
  if (!(p.minutes > 0) || p.days.length === 0) return false;
  const [ws, we] = windowMinutes(windowStart, windowEnd);
  const start = minutesOf(p.start);
  for (const offset of [-2, -1, 0]) {
    const day = addDays(night, offset);
    if (!p.days.includes(weekdayOf(day))) continue;
    const from = start + offset * 1440;
    const to = from + p.minutes;
    if (from < we && to > ws) return true;
  }
  return false;
}

/** How many of the days from..to (inclusive) the programme runs on. */
export function runDays(days: readonly string[], from: string, to: string): number {
  const set = new Set(days);
  if (to < from || set.size === 0) return 0;
  const total = daysBetween(from, to);
  // Whole weeks hold each weekday once; the remainder is counted day by day.
  let n = Math.floor(total / 7) * set.size;
  for (let d = addDays(from, Math.floor(total / 7) * 7); d <= to; d = addDays(d, 1)) {
    if (set.has(weekdayOf(d))) n += 1;
  }
  return n;
}

/** Planned water, m³, over from..to: area (m²) × rate (mm/h) × hours per run / 1000 × runs. */
export function plannedM3(
  areaM2: number,
  precipMmH: number,
  p: Programme,
  from: string,
  to: string,
): number {
  return ((areaM2 * precipMmH * (p.minutes / 60)) / 1000) * runDays(p.days, from, to);
}

export const seasons = ['spring', 'summer', 'autumn', 'winter'] as const;
export type Season = (typeof seasons)[number];

/**
 * Meteorological seasons inside one calendar year: spring Mar–May, summer Jun–Aug, autumn
 * Sep–Nov, winter Jan–Feb with December of the same year (a report of a year stays in the year).
 */
export function seasonSpans(year: number): { season: Season; spans: [string, string][] }[] {
  const end = (month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return [
    { season: 'spring', spans: [[`${year}-03-01`, end(5)]] },
    { season: 'summer', spans: [[`${year}-06-01`, end(8)]] },
    { season: 'autumn', spans: [[`${year}-09-01`, end(11)]] },
    {
      season: 'winter',
      spans: [
        [`${year}-01-01`, end(2)],
        [`${year}-12-01`, `${year}-12-31`],
      ],
    },
  ];
}
