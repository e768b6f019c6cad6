// Demo consumption model: what each demo meter really passed, day by day (hour by hour for the
// potable inlets with interval data), as a cumulative curve the readings are then taken from.
// Modelled on the seed college: building use and floor area set a building's level (dormitories
// and canteens dominate water; labs, library and offices weigh on power), the school year sets
// the season (vacations in February and July–August, summer peaks in June and September), and
// per-capita use falls a few percent a year while headcount grows. Level-1 meters are the sum of
// their level-2 children plus losses, so a water balance shows a few percent unaccounted for.
// Everything is drawn from the demo's seeded generator; instants are UTC ms, days Shanghai days.
import { DAY, HOUR } from './maintenanceClock';
import type { Rng } from './random';

/** Per m² of floor area per year at this model's reference year, by building use. */
const intensity: Record<string, { water: number; electricity: number }> = {
  dormitory: { water: 2.1, electricity: 28 },
  canteen: { water: 3.2, electricity: 55 },
  teaching: { water: 0.38, electricity: 25 },
  lab: { water: 0.42, electricity: 40 },
  library: { water: 0.25, electricity: 30 },
  gym: { water: 1.0, electricity: 25 },
  office: { water: 0.35, electricity: 40 },
  other: { water: 0.5, electricity: 25 },
};

/** Month factors (Jan…Dec): vacation dips in Feb and Jul–Aug, peaks in the hot teaching months. */
const season = {
  water: [0.92, 0.5, 1.02, 1.05, 1.12, 1.22, 0.8, 0.55, 1.18, 1.08, 1.0, 0.96],
  electricity: [1.05, 0.55, 0.92, 0.9, 1.02, 1.25, 0.85, 0.62, 1.22, 0.95, 0.98, 1.1],
};
/** How strongly a use follows the school calendar (offices work through the vacations). */
const calendarWeight: Record<string, number> = {
  dormitory: 1,
  canteen: 1,
  teaching: 1,
  lab: 0.9,
  library: 0.8,
  gym: 0.7,
  office: 0.4,
  other: 0.7,
};
/** Weekend factor: teaching buildings empty out, dormitories fill up. */
const weekend: Record<string, number> = {
  dormitory: 1.08,
  canteen: 0.8,
  gym: 1.1,
  other: 0.8,
};
/** Share of a day's water use by local hour: night minimum 01:00–05:00, morning and evening peaks. */
const hourShape = (() => {
  const raw = [
    0.55, 0.32, 0.24, 0.22, 0.24, 0.38, 0.85, 1.55, 1.45, 1.15, 1.05, 1.35, 1.5, 1.2, 1.0, 0.95,
    1.0, 1.25, 1.55, 1.5, 1.45, 1.55, 1.35, 0.9,
  ];
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / sum);
})();
/** The irrigation controllers' seasonal budget (% of the programmed run time), Jan…Dec. */
const wateringBudget = [0.2, 0.2, 0.4, 0.7, 0.9, 1.1, 1.3, 1.3, 1.0, 0.7, 0.4, 0.2];

/** Per-capita use falls by this share a year (LED retrofits, water-saving fittings, metering). */
export const PER_CAPITA_FALL = { water: 0.05, electricity: 0.035 };

/** The local calendar of the model's days. */
export interface Calendar {
  startMs: number;
  days: number;
  year: Int16Array;
  /** 0–11 */
  month: Int8Array;
  /**
   * The school month (0–11), turning about the 26th: vacations start late in January and June.
   * Level-2 meters read round the 25th–28th then see one season per interval, so their readings,
   * spread evenly over the interval, stay close to the truth the level-1 interval data shows.
   */
  term: Int8Array;
  /** Saturday or Sunday. */
  weekend: Uint8Array;
  /** National Day week: the campus empties. */
  holiday: Uint8Array;
}

const OFFSET_MS = 8 * HOUR;

export function calendar(startMs: number, days: number): Calendar {
  const cal: Calendar = {
    startMs,
    days,
    year: new Int16Array(days),
    month: new Int8Array(days),
    term: new Int8Array(days),
    weekend: new Uint8Array(days),
    holiday: new Uint8Array(days),
  };
  for (let d = 0; d < days; d += 1) {
    const t = new Date(startMs + d * DAY + OFFSET_MS);
    cal.year[d] = t.getUTCFullYear();
    cal.month[d] = t.getUTCMonth();
    cal.term[d] = new Date(t.getTime() + 5 * DAY).getUTCMonth();
    const dow = t.getUTCDay();
    cal.weekend[d] = dow === 0 || dow === 6 ? 1 : 0;
    cal.holiday[d] = t.getUTCMonth() === 9 && t.getUTCDate() <= 7 ? 1 : 0;
  }
  return cal;
}

/** Year → factor on the first year's level: headcount growth times falling per-capita use. */
export type YearFactor = (year: number) => number;

export function yearFactor(
  rng: Rng,
  persons: ReadonlyMap<number, number>,
  firstYear: number,
  lastYear: number,
  fall: number,
): YearFactor {
  const known = [...persons.keys()].sort((a, b) => a - b);
  const personsIn = (y: number): number => {
    const year = Math.min(Math.max(y, known[0] ?? y), known[known.length - 1] ?? y);
    return persons.get(year) ?? 1;
  };
  const base = personsIn(firstYear);
  const table = new Map<number, number>();
  for (let y = firstYear; y <= lastYear; y += 1) {
    const wobble = 1 + (rng.next() - 0.5) * 0.01;
    table.set(y, (personsIn(y) / base) * (1 - fall) ** (y - firstYear) * wobble);
  }
  return (y) => table.get(y) ?? 1;
}

/** Annual amount of a building meter at the reference level (before year and season factors). */
export function buildingAnnual(
  rng: Rng,
  use: string | null,
  areaM2: number | null,
  utility: 'water' | 'electricity',
): number {
  const per = intensity[use ?? 'other'] ?? intensity.other;
  return (per?.[utility] ?? 0) * (areaM2 ?? 3000) * (0.85 + rng.next() * 0.3);
}

/** Daily amounts of a building meter over the calendar. */
export function buildingDaily(
  rng: Rng,
  cal: Calendar,
  annual: number,
  use: string | null,
  utility: 'water' | 'electricity',
  factor: YearFactor,
): Float64Array {
  const key = use ?? 'other';
  const weight = calendarWeight[key] ?? 0.7;
  const weekendFactor = weekend[key] ?? (utility === 'water' ? 0.45 : 0.55);
  const out = new Float64Array(cal.days);
  for (let d = 0; d < cal.days; d += 1) {
    const s = 1 + weight * ((season[utility][cal.term[d] ?? 0] ?? 1) - 1);
    const w = cal.weekend[d] ? weekendFactor : 1;
    const h = cal.holiday[d] ? 1 - 0.5 * weight : 1;
    const noise = 1 + (rng.next() - 0.5) * 0.16;
    out[d] = (annual / 365) * factor(cal.year[d] ?? 0) * s * w * h * noise;
  }
  return out;
}

/**
 * A level-1 meter over daily steps: its children's sum plus a loss share of it, the share varying
 * from day to day (transformer and line losses follow load and temperature) when given an rng.
 */
export function parentDaily(
  children: readonly Float64Array[],
  days: number,
  loss: number,
  rng?: Rng,
): Float64Array {
  const out = new Float64Array(days);
  for (const c of children) {
    for (let d = 0; d < days; d += 1) out[d] = (out[d] ?? 0) + (c[d] ?? 0);
  }
  for (let d = 0; d < days; d += 1) {
    out[d] = (out[d] ?? 0) * (1 + loss * (rng ? 0.5 + rng.next() : 1));
  }
  return out;
}

export interface InletOptions {
  /** Unaccounted-for share of the children's use, lost as a steady background flow. */
  loss: number;
  /** A leak adding `flow` m³/h from `startMs` on; null for none. */
  leak: { startMs: number; flow: number } | null;
}

/**
 * A potable inlet hour by hour: each day's use by its buildings spread by the hourly shape, plus
 * the background loss (a steady flow, at the year's level) and a leak's steady flow once it starts.
 * The steady flows are what the minimum night flow sees.
 */
export function inletHourly(
  rng: Rng,
  cal: Calendar,
  children: readonly Float64Array[],
  options: InletOptions,
): Float64Array {
  const daily = parentDaily(children, cal.days, 0);
  const yearMean = new Map<number, { sum: number; n: number }>();
  for (let d = 0; d < cal.days; d += 1) {
    const m = yearMean.get(cal.year[d] ?? 0) ?? { sum: 0, n: 0 };
    m.sum += daily[d] ?? 0;
    m.n += 1;
    yearMean.set(cal.year[d] ?? 0, m);
  }
  const out = new Float64Array(cal.days * 24);
  for (let d = 0; d < cal.days; d += 1) {
    const mean = yearMean.get(cal.year[d] ?? 0);
    const background = mean ? (options.loss * mean.sum) / mean.n / 24 : 0;
    for (let h = 0; h < 24; h += 1) {
      const i = d * 24 + h;
      const noise = 1 + (rng.next() - 0.5) * 0.2;
      const leaking = options.leak && cal.startMs + i * HOUR >= options.leak.startMs;
      out[i] =
        (daily[d] ?? 0) * (hourShape[h] ?? 0) * noise +
        background +
        (leaking ? (options.leak?.flow ?? 0) : 0);
    }
  }
  return out;
}

export interface Zone {
  areaM2: number;
  /** RRULE-style weekdays ('MO'…'SU') the zone waters on. */
  days: readonly string[];
  minutes: number;
  precipMmH: number;
}

const DOW = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * The reclaimed-water meter feeding the irrigation zones: each zone's programmed run (area ×
 * precipitation rate × minutes) on its days, scaled by the controllers' seasonal budget, skipped
 * on rainy days.
 */
export function irrigationDaily(rng: Rng, cal: Calendar, zones: readonly Zone[]): Float64Array {
  const out = new Float64Array(cal.days);
  for (let d = 0; d < cal.days; d += 1) {
    if (rng.chance(0.22)) continue;
    const dow = DOW[new Date(cal.startMs + d * DAY + OFFSET_MS).getUTCDay()] ?? 'SU';
    const budget = wateringBudget[cal.month[d] ?? 0] ?? 1;
    let m3 = 0;
    for (const z of zones) {
      if (z.days.includes(dow)) m3 += (z.areaM2 * z.precipMmH * z.minutes) / 60 / 1000;
    }
    out[d] = m3 * budget * (0.9 + rng.next() * 0.2);
  }
  return out;
}

/** A meter's cumulative amount (in its unit, after the multiplier) from the model's start. */
export interface Curve {
  startMs: number;
  stepMs: number;
  /** Cumulative amount at the start of each step; one more entry than steps. */
  cum: Float64Array;
}

export function curveOf(startMs: number, stepMs: number, steps: Float64Array): Curve {
  const cum = new Float64Array(steps.length + 1);
  for (let i = 0; i < steps.length; i += 1) cum[i + 1] = (cum[i] ?? 0) + (steps[i] ?? 0);
  return { startMs, stepMs, cum };
}

/** The amount passed by an instant, spread evenly within a step. */
export function amountAt(c: Curve, ms: number): number {
  const x = (ms - c.startMs) / c.stepMs;
  const last = c.cum.length - 1;
  if (x <= 0) return 0;
  if (x >= last) return c.cum[last] ?? 0;
  const i = Math.floor(x);
  const a = c.cum[i] ?? 0;
  return a + (x - i) * ((c.cum[i + 1] ?? a) - a);
}
