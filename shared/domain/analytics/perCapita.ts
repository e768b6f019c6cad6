// Per-capita and period arithmetic of DOMAIN.md's indicators, as pure functions: standard persons
// (a weighted headcount), per-capita figures per day and per year, the year-on-year change and the
// calendar of a reporting period (whole year, or year to date compared with the same days of the
// year before). No I/O: the services read the sums and headcounts and call these.

export type UtilityKind = 'water' | 'reclaimed_water' | 'electricity';

export interface Headcount {
  students: number;
  staff: number;
  residents: number;
  others: number;
}

export type Weights = Headcount;

/** 标准人数: Σ group × weight (weights are settings; non-resident groups count half by default). */
export function standardPersons(h: Headcount, w: Weights): number {
  return (
    h.students * w.students + h.staff * w.staff + h.residents * w.residents + h.others * w.others
  );
}

/** The unit a utility's consumption is kept in (a meter's own unit is display text only). */
export function unitOf(utility: UtilityKind): 'm³' | 'kWh' {
  return utility === 'electricity' ? 'kWh' : 'm³';
}

export interface PerCapitaUnits {
  perDay: string;
  perYear: string;
}

/** Water per day in litres (L/(person·day)), per year in m³; electricity in kWh both ways. */
export function perCapitaUnits(utility: UtilityKind): PerCapitaUnits {
  return utility === 'electricity'
    ? { perDay: 'kWh/(person·day)', perYear: 'kWh/(person·year)' }
    : { perDay: 'L/(person·day)', perYear: 'm³/(person·year)' };
}

export interface PerCapita {
  perDay: number | null;
  perYear: number | null;
}

/**
 * Per-capita figures of a period's total: per day = total / (persons × days), in litres for water
 * (m³ × 1000); per year = total / persons over the period (a whole year gives the yearly figure;
 * year to date gives the use so far). Null when there is no total or nobody to divide by.
 */
export function perCapita(
  utility: UtilityKind,
  total: number | null,
  persons: number | null,
  days: number,
): PerCapita {
  if (total === null || persons === null || !(persons > 0) || !(days > 0)) {
    return { perDay: null, perYear: null };
  }
  const scale = utility === 'electricity' ? 1 : 1000;
  return { perDay: (total * scale) / (persons * days), perYear: total / persons };
}

/** (current − previous) / previous; null when either is missing or previous is zero. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

// ---- periods ---------------------------------------------------------------------------------

/** 'YYYY-MM-DD' ± days, on the proleptic calendar (no zone: local dates are plain dates). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both inclusive. */
export function daysBetween(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

export interface Period {
  year: number;
  from: string;
  to: string;
  days: number;
  /** Shorter than the calendar year: the year to date. */
  partial: boolean;
}

/**
 * The reporting period of a year: the whole year, unless the year is still running on `today`
 * (the site's local date), when it ends on the last day with data (or yesterday when there is
 * none yet), so the days divided by are days that could have data; and it starts on the first
 * day with data when the meters' history begins inside the year (a first year read from
 * December is a month, not a year).
 */
export function yearPeriod(
  year: number,
  today: string,
  lastDataDay: string | null,
  firstDataDay: string | null = null,
): Period {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const from =
    firstDataDay !== null && firstDataDay > start && firstDataDay <= end ? firstDataDay : start;
  let to = end;
  if (today <= end) {
    const cap = lastDataDay !== null && lastDataDay < today ? lastDataDay : addDays(today, -1);
    to = cap < from ? from : cap;
  }
  return { year, from, to, days: daysBetween(from, to), partial: from > start || to < end };
}

/**
 * The same days one year earlier, for a year-on-year change over the same period length: a
 * period ending on 29 February compares with one ending on the 28th.
 */
export function previousPeriod(p: Period): Period {
  const year = p.year - 1;
  const shift = (day: string) => {
    const moved = `${year}${day.slice(4)}`;
    return moved.endsWith('-02-29') && !isLeap(year) ? `${year}-02-28` : moved;
  };
  const from = shift(p.from);
  const to = shift(p.to);
  return { year, from, to, days: daysBetween(from, to), partial: p.partial };
}

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The last day of a 'YYYY-MM' month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
