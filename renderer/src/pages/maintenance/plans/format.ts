// Display helpers shared by the plans table and the editor: local times with weekday names, and
// the common IANA zones offered by the time-zone select.

/** Weekday names from the browser's Intl data, Monday first (index 0 = Monday, as in RuleSpec). */
export function weekdayNames(language: string, width: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/**
 * "2027-01-04 08:00 周一" from the API's local wall-clock text (YYYY-MM-DDTHH:mm). The text is
 * already in the plan's zone, so only its calendar date is used for the weekday: no zone maths.
 */
export function formatLocal(local: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(local);
  if (!match) return local;
  const [, y, m, d, time] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    date,
  );
  return `${y}-${m}-${d} ${time} ${weekday}`;
}

/** Zones a Chinese campus or park is likely to need first; the site's own zone is always added. */
export const commonTimeZones = [
  'Asia/Shanghai',
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Singapore',
  'Asia/Bangkok',
  'Asia/Kuala_Lumpur',
  'Asia/Jakarta',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/Moscow',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
  'UTC',
] as const;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
