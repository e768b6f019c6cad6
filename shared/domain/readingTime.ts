// Timestamps as metering platforms and spreadsheets write them, read into UTC instants. A stamp
// that carries its zone ('Z', '+08:00', '+0800') is an instant as it stands; one without
// ('2025-03-01 08:00', an Excel date cell) is a wall time and needs the zone the user picked.
// Wall times that a DST change skips are refused, never shifted: a reading "at 02:30" on a
// spring-forward night names no instant. In a repeated hour the earlier instant is taken.
//
// Speed matters here (a million rows an import): the text is scanned by hand rather than by a
// regular expression per row, and zone offsets are memoized per wall-clock hour.
import { IANAZone } from 'luxon';

export type StampReading =
  | { kind: 'instant'; ms: number }
  /** Wall-clock milliseconds: the local time read as if it were UTC. */
  | { kind: 'wall'; wall: number }
  | { kind: 'bad'; reason: string };

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * The digits scanned last: their value and the index after them. Module
 * state rather than a returned tuple: a million timestamps would otherwise allocate eight million
 * short-lived arrays.
 */
let scanValue = 0;
let scanEnd = 0;
/** The date part of the last stamp read and its UTC midnight (wall clock), for the next one. */
let lastDate = '';
let lastDayMs = 0;

/** Scans digits from `i`; returns how many there were. */
function digits(s: string, i: number): number {
  let value = 0;
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
    j++;
  }
  scanValue = value;
  scanEnd = j;
  return j - i;
}

const isDateSep = (ch: string) =>
  ch === '-' || ch === '/' || ch === '.' || ch === '年' || ch === '月';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/**
 * Reads 'YYYY-MM-DD[( |T)HH:mm[:ss[.fff]]][Z|±HH[:mm]]', with '/' or '.' or 年月日 between the
 * date's parts, one- or two-digit month, day and hour, and an optional 时/点 style is not accepted
 * (platforms do not write it). A date alone is local midnight.
 */
export function readStamp(text: string): StampReading {
  const value = parseStamp(text);
  if (stampKind === 'instant') return { kind: 'instant', ms: value };
  if (stampKind === 'wall') return { kind: 'wall', wall: value };
  return { kind: 'bad', reason: stampReason };
}

/** What the last parseStamp found: an instant, a wall time, or nothing (and why). */
let stampKind: StampReading['kind'] = 'bad';
let stampReason = '';

export function lastStamp(): { kind: StampReading['kind']; reason: string } {
  return { kind: stampKind, reason: stampReason };
}

export function lastStampKind(): StampReading['kind'] {
  return stampKind;
}

function bad(reason: string): number {
  stampKind = 'bad';
  stampReason = reason;
  return Number.NaN;
}

/**
 * readStamp without an object per call (a million-row import's path): the number is the
 * instant's or the wall time's ms, and lastStampKind() says which (NaN and 'bad' when
 * unreadable; lastStamp() then gives the reason).
 */
export function parseStamp(text: string): number {
  const s = text.trim();
  if (s === '') return bad('empty');
  let i: number;
  let dayMs: number;
  const c = s.charCodeAt(lastDate.length);
  if (lastDate !== '' && s.startsWith(lastDate) && !(c >= 48 && c <= 57)) {
    // The same date as the stamp before (a platform's file changes date once a day).
    i = lastDate.length;
    dayMs = lastDayMs;
  } else {
    let n = digits(s, 0);
    const year = scanValue;
    if (n !== 4 || !isDateSep(s.charAt(scanEnd))) return bad('not a date and time');
    n = digits(s, scanEnd + 1);
    const month = scanValue;
    if (n < 1 || n > 2 || !isDateSep(s.charAt(scanEnd))) return bad('not a date and time');
    n = digits(s, scanEnd + 1);
    const day = scanValue;
    if (n < 1 || n > 2) return bad('not a date and time');
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return bad('no such date');
    }
    if (year < 1970 || year > 2099) return bad('year outside 1970–2099');
    i = scanEnd;
    if (s.charAt(i) === '日') i++;
    dayMs = Date.UTC(year, month - 1, day);
    lastDate = s.slice(0, i);
    lastDayMs = dayMs;
  }
  let n: number;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  if (i < s.length && (s.charAt(i) === 'T' || s.charAt(i) === ' ')) {
    while (s.charAt(i) === ' ' || s.charAt(i) === 'T') i++;
    n = digits(s, i);
    if (n < 1 || n > 2 || s.charAt(scanEnd) !== ':') return bad('not a time of day');
    hour = scanValue;
    n = digits(s, scanEnd + 1);
    if (n !== 2) return bad('not a time of day');
    minute = scanValue;
    i = scanEnd;
    if (s.charAt(i) === ':') {
      n = digits(s, i + 1);
      if (n !== 2) return bad('not a time of day');
      second = scanValue;
      i = scanEnd;
      if (s.charAt(i) === '.' || s.charAt(i) === ',') {
        n = digits(s, i + 1);
        const places = n;
        if (places < 1 || places > 9) return bad('not a time of day');
        millis =
          Math.floor(scanValue / 10 ** Math.max(0, places - 3)) * 10 ** Math.max(0, 3 - places);
        i = scanEnd;
      }
    }
    // 24:00 is the end of the day, as ISO 8601 allows.
    if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && minute + second + millis > 0)) {
      return bad('no such time of day');
    }
  }
  const wall = dayMs + hour * HOUR_MS + minute * MINUTE_MS + second * 1000;
  const wallMs = wall + millis;
  while (s.charAt(i) === ' ') i++;
  if (i === s.length) {
    stampKind = 'wall';
    return wallMs;
  }
  const zone = s.charAt(i);
  stampKind = 'instant';
  if ((zone === 'Z' || zone === 'z') && i + 1 === s.length) return wallMs;
  if (zone !== '+' && zone !== '-') return bad('unreadable time zone');
  n = digits(s, i + 1);
  let offset: number;
  let end: number;
  if (n === 4) {
    offset = Math.floor(scanValue / 100) * 60 + (scanValue % 100);
    end = scanEnd;
  } else if (n === 2 && s.charAt(scanEnd) === ':') {
    const hours = scanValue;
    n = digits(s, scanEnd + 1);
    if (n !== 2) return bad('unreadable time zone');
    offset = hours * 60 + scanValue;
    end = scanEnd;
  } else if (n === 2) {
    offset = scanValue * 60;
    end = scanEnd;
  } else {
    return bad('unreadable time zone');
  }
  if (end !== s.length || offset > 14 * 60) return bad('unreadable time zone');
  const sign = zone === '+' ? 1 : -1;
  return wallMs - sign * offset * MINUTE_MS;
}

/**
 * Wall times of one zone to UTC instants, memoized per wall-clock hour (a year of hourly data
 * costs 8,760 offset lookups, not a million). null: the wall time falls in a DST gap.
 */
export class WallClock {
  private readonly zone: IANAZone;
  private readonly hours = new Map<number, number | null | 'mixed'>();

  constructor(timeZone: string) {
    if (!IANAZone.isValidZone(timeZone)) {
      throw new RangeError(`"${timeZone}" is not a valid IANA time zone`);
    }
    this.zone = IANAZone.create(timeZone);
  }

  toUtc(wall: number): number | null {
    const hour = Math.floor(wall / HOUR_MS);
    let offset = this.hours.get(hour);
    if (offset === undefined) {
      // An hour whose first and last minute share an offset has it throughout; an hour with a
      // transition inside (zones that shift by 30 minutes) is looked up minute by minute.
      const first = this.offsetAt(hour * HOUR_MS);
      const last = this.offsetAt(hour * HOUR_MS + HOUR_MS - MINUTE_MS);
      offset = first === last ? first : 'mixed';
      if (this.hours.size > 200_000) this.hours.clear();
      this.hours.set(hour, offset);
    }
    const minutes = offset === 'mixed' ? this.offsetAt(wall) : offset;
    return minutes === null ? null : wall - minutes * MINUTE_MS;
  }

  /** The offset (minutes) at a wall time: the earlier instant's when it repeats, null in a gap. */
  private offsetAt(wall: number): number | null {
    const candidates = [
      this.zone.offset(wall - 14 * HOUR_MS),
      this.zone.offset(wall + 14 * HOUR_MS),
    ];
    const fits = candidates
      .map((offset) => ({ offset, utc: wall - offset * MINUTE_MS }))
      .filter(({ offset, utc }) => this.zone.offset(utc) === offset)
      .sort((a, b) => a.utc - b.utc);
    return fits[0]?.offset ?? null;
  }
}
