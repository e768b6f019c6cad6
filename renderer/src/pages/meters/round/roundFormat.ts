// Time and number helpers of the reading round. The reading time is a wall-clock time in the
// site's zone (the round answers which zone that is) and goes to the API as a UTC instant, so a
// PC set to another zone still stores what the reader meant. Values are typed by hand, often
// through a Chinese IME, so full-width digits are accepted.
import { DateTime } from 'luxon';

/** The wall time as the date picker and the state hold it. */
export const WALL_FORMAT = "yyyy-MM-dd'T'HH:mm";

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
}

/** Now, to the minute, as a wall time in `zone`. */
export function nowWall(zone: string): string {
  return DateTime.now().setZone(zone).toFormat(WALL_FORMAT);
}

/** The UTC instant of a wall time in `zone`; null when the text is not a time. */
export function wallToInstant(wall: string, zone: string): string | null {
  const dt = DateTime.fromISO(wall, { zone });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

/** The same instant as a wall time in another zone. */
export function rezone(wall: string, from: string, to: string): string {
  const dt = DateTime.fromISO(wall, { zone: from });
  return dt.isValid ? dt.setZone(to).toFormat(WALL_FORMAT) : wall;
}

/** The local year and month of an instant in `zone` (the month a sheet is for). */
export function localMonth(at: string, zone: string): { year: number; month: number } {
  const dt = DateTime.fromISO(at, { zone });
  return { year: dt.year, month: dt.month };
}

/** 'YYYY-MM-DD HH:mm' → 'YYYY-MM-DD': the date part of the API's `local` text. */
export function datePart(local: string): string {
  return local.slice(0, 10);
}

/** A typed register value: digits with one optional decimal point, half- or full-width. */
export function parseValue(text: string): number | null {
  const ascii = text
    .trim()
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[\uff0e\u3002]/g, '.')
    .replace(/[\s,，]/g, '');
  if (!/^\d+(\.\d+)?$/.test(ascii)) return null;
  const value = Number(ascii);
  return Number.isFinite(value) ? value : null;
}

// No grouping separators: a reader compares the figures with the dial, digit by digit.
const figures = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false });

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : figures.format(value);
}

/**
 * A register range as the reader sees it: low rounded down, high rounded up, to 2 decimals (the
 * small allowance keeps float noise such as 448.20000000000002 from showing as 448.21).
 */
export function formatRange(range: { low: number; high: number } | null): string {
  if (!range) return '—';
  const low = Math.floor(range.low * 100 + 1e-6) / 100;
  const high = Math.ceil(range.high * 100 - 1e-6) / 100;
  return `${formatNumber(low)}–${formatNumber(high)}`;
}

/** An instant as 'YYYY-MM-DD HH:mm' in `zone`. */
export function localText(at: string, zone: string): string {
  const dt = DateTime.fromISO(at, { zone });
  return dt.isValid ? dt.toFormat('yyyy-MM-dd HH:mm') : at;
}

/**
 * A meter's place without the round's own place in front ('图书馆 › 1层 › 水泵房' on the 图书馆
 * round → '1层 › 水泵房'): on a building's round the building is the same on every row.
 */
export function placeWithin(placeName: string | null, roundPlace: string): string {
  if (!placeName) return '';
  const prefix = `${roundPlace} › `;
  return placeName.startsWith(prefix) ? placeName.slice(prefix.length) : placeName;
}

/** The place's own name from a picker label that shows its path ('校区 › 图书馆' → '图书馆'). */
export function lastSegment(label: string): string {
  return label.split(' › ').pop() ?? label;
}
