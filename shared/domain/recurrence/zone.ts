// Crossing between local wall-clock time in an IANA zone and UTC instants, with RFC 5545's rules
// for the two DST edge cases: a time in a spring-forward gap moves forward by the gap's length, and
// a time repeated at fall-back means its first (earlier) instant.
import { DateTime, IANAZone } from 'luxon';
import { DAY_MS, floorMinute, formatLocal, MINUTE_MS, parseLocal } from './local';
import { RuleError, type LocalDateTime } from './types';

export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.trim() !== '' && IANAZone.isValidZone(zone);
}

export function requireZone(zone: string): IANAZone {
  if (!isValidTimeZone(zone)) {
    throw new RuleError(
      'timeZone',
      `"${String(zone)}" 不是有效的 IANA 时区`,
      'is not a valid IANA time zone',
    );
  }
  return IANAZone.create(zone);
}

/** UTC ms of a floating wall-clock time in the zone. */
function floatingToUtcMs(wall: number, zone: IANAZone): number {
  // Offsets a day either side bracket any single transition; real zones never have two in 48 h.
  const before = zone.offset(wall - DAY_MS);
  const after = zone.offset(wall + DAY_MS);
  const fits = [before, after]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((utc) => wall - zone.offset(utc) * MINUTE_MS === utc);
  if (fits.length > 0) return Math.min(...fits);
  // In the gap: reading the wall time with the offset in force before it lands one gap later.
  return wall - before * MINUTE_MS;
}

export function utcMsToFloating(utc: number, zone: IANAZone): number {
  return utc + zone.offset(utc) * MINUTE_MS;
}

/** The UTC instant (ISO 'YYYY-MM-DDTHH:mm:ss.sssZ') of a local time in a zone (DST gap: moved forward; overlap: the earlier instant). */
export function localToUtc(local: LocalDateTime, timeZone: string): string {
  const zone = requireZone(timeZone);
  return new Date(floatingToUtcMs(parseLocal(local, 'local'), zone)).toISOString();
}

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The local wall-clock time (seconds dropped) of a UTC instant in a zone. */
export function utcToLocal(isoUtc: string, timeZone: string): LocalDateTime {
  const zone = requireZone(timeZone);
  // An instant without Z or an offset would silently mean the machine's zone; refuse it.
  const parsed =
    typeof isoUtc === 'string' && INSTANT_PATTERN.test(isoUtc)
      ? DateTime.fromISO(isoUtc, { zone: 'utc' })
      : null;
  if (!parsed || !parsed.isValid) {
    throw new RuleError(
      'isoUtc',
      `"${String(isoUtc)}" 不是带 Z 或时差的 ISO 时刻`,
      'is not an ISO instant with Z or an offset',
    );
  }
  // Seconds are dropped (floored): the instant lies within that local minute.
  return formatLocal(floorMinute(utcMsToFloating(parsed.toMillis(), zone)));
}
