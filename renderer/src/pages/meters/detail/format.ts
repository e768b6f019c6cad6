// Numbers and times of the meter screens. Register values and amounts keep up to three decimals
// (the precision meter readings are keyed with); days, months and instants are in the SITE's zone
// that the API names with every result, never the zone of the PC showing them.
import { DateTime } from 'luxon';

/** The documented default site zone, used only until the API has named the meter's zone. */
export const FALLBACK_ZONE = 'Asia/Shanghai';

export function formatValue(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(value);
}

/** A signed change with a real minus sign, which reads better in a table than a hyphen. */
export function formatSigned(value: number, language: string): string {
  const text = formatValue(Math.abs(value), language);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** An API instant ('…Z') as the site's wall time, 'YYYY-MM-DD HH:mm'. */
export function localTime(at: string, zone: string): string {
  const time = DateTime.fromISO(at, { zone });
  return time.isValid ? time.toFormat('yyyy-MM-dd HH:mm') : at;
}

/** Today's date at the site. */
export function siteToday(zone: string): string {
  return DateTime.now().setZone(zone).toISODate() ?? DateTime.now().toISODate() ?? '';
}

/** 'YYYY-MM-DD' shifted by whole days (calendar arithmetic, no zone involved). */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate() ?? day;
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to && out.length < 4000; day = addDays(day, 1)) out.push(day);
  return out;
}

/** Every month 'YYYY-MM' from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let month = DateTime.fromISO(`${from}-01`, { zone: 'UTC' });
  const last = DateTime.fromISO(`${to}-01`, { zone: 'UTC' });
  while (month <= last && out.length < 1200) {
    out.push(month.toFormat('yyyy-MM'));
    month = month.plus({ months: 1 });
  }
  return out;
}

/** The month `months` before (negative) or after the month of a day. */
export function monthOf(day: string, months = 0): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ months }).toFormat('yyyy-MM');
}
