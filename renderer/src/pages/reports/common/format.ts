// Numbers of the report screens and their exports. The API answers shares and changes as fractions
// (0.12 = 12%); people read them as percentages, so the screen and the CSV/XLSX show percentages
// while everything underneath stays a fraction.

/** A number in the UI language with at most `digits` decimals; '—' for a missing figure. */
export function formatNumber(value: number | null | undefined, language: string, digits = 2) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
}

/** A fraction as a percentage, e.g. 0.0321 → '3.2%'. */
export function formatPercent(value: number | null | undefined, language: string, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(language, {
    style: 'percent',
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}

/** A signed change as a percentage with a real minus sign (reads better than a hyphen). */
export function formatChange(value: number | null | undefined, language: string, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = formatPercent(Math.abs(value), language, digits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** A signed number with a real minus sign: a gap to a target, say. */
export function formatSignedNumber(value: number, language: string, digits = 2) {
  const text = formatNumber(Math.abs(value), language, digits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** Rounded for a file: a plain number (no grouping) that Excel and scripts read as such. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The local calendar's current year; reports default to it. */
export function currentYear(): number {
  return new Date().getFullYear();
}

/** Today on this PC's calendar, 'YYYY-MM-DD'. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * First and last day of a year, or of one month of it (month 1–12). A period still running ends
 * yesterday, the last whole day: counting the days ahead would flag every meter as missing days
 * and, in a water balance, compare a parent and children over days nobody has read yet.
 */
export function periodOf(year: number, month: number | null): { from: string; to: string } {
  const mm = String(month ?? 1).padStart(2, '0');
  const from = `${year}-${mm}-01`;
  const last = new Date(Date.UTC(year, month ?? 12, 0)).getUTCDate();
  const end = `${year}-${String(month ?? 12).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
  const yesterday = shiftDay(today(), -1);
  return { from, to: end > yesterday && yesterday >= from ? yesterday : end };
}

/** 'YYYY-MM-DD' shifted by whole days (calendar arithmetic in UTC, so no zone shifts it). */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
