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
const BAD = (reason: string): StampReading => ({ kind: 'bad', reason });

/** Reads digits from `i`; returns [value, next index, digit count]. */
function digits(s: string, i: number): [number, number, number] {
  let value = 0;
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
    j++;
  }
  return [value, j, j - i];
}

const isDateSep = (ch: string) =>
  ch === '-' || ch === '/' || ch === '.' || ch === '年' || ch === '月';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads 'YYYY-MM-DD[( |T)HH:mm[:ss[.fff]]][Z|±HH[:mm]]', with '/' or '.' or 年月日 between the
 * date's parts, one- or two-digit month, day and hour, and an optional 时/点 style is not accepted
 * (platforms do not write it). A date alone is local midnight.
 */
export function readStamp(text: string): StampReading {
  const s = text.trim();
  if (s === '') return BAD('empty');
  const [year, i1, n1] = digits(s, 0);
  if (n1 !== 4 || !isDateSep(s.charAt(i1))) return BAD('not a date and time');
  const [month, i2, n2] = digits(s, i1 + 1);
  if (n2 < 1 || n2 > 2 || !isDateSep(s.charAt(i2))) return BAD('not a date and time');
  const [day, i3, n3] = digits(s, i2 + 1);
  if (n3 < 1 || n3 > 2) return BAD('not a date and time');
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return BAD('no such date');
  }
  if (year < 1970 || year > 2099) return BAD('year outside 1970–2099');
  let i = i3;
  if (s.charAt(i) === '日') i++;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  if (i < s.length && (s.charAt(i) === 'T' || s.charAt(i) === ' ')) {
    while (s.charAt(i) === ' ' || s.charAt(i) === 'T') i++;
    const [h, j1, m1] = digits(s, i);
    if (m1 < 1 || m1 > 2 || s.charAt(j1) !== ':') return BAD('not a time of day');
    const [mi, j2, m2] = digits(s, j1 + 1);
    if (m2 !== 2) return BAD('not a time of day');
    hour = h;
    minute = mi;
    i = j2;
    if (s.charAt(i) === ':') {
      const [sec, j3, m3] = digits(s, i + 1);
      if (m3 !== 2) return BAD('not a time of day');
      second = sec;
      i = j3;
      if (s.charAt(i) === '.' || s.charAt(i) === ',') {
        const [frac, j4, m4] = digits(s, i + 1);
        if (m4 < 1 || m4 > 9) return BAD('not a time of day');
        millis = Math.floor(frac / 10 ** Math.max(0, m4 - 3)) * 10 ** Math.max(0, 3 - m4);
        i = j4;
      }
    }
    // 24:00 is the end of the day, as ISO 8601 allows.
    if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && minute + second + millis > 0)) {
      return BAD('no such time of day');
    }
  }
  const wall = Date.UTC(year, month - 1, day) + hour * HOUR_MS + minute * MINUTE_MS + second * 1000;
  const wallMs = wall + millis;
  while (s.charAt(i) === ' ') i++;
  if (i === s.length) return { kind: 'wall', wall: wallMs };
  const zone = s.charAt(i);
  if ((zone === 'Z' || zone === 'z') && i + 1 === s.length) return { kind: 'instant', ms: wallMs };
  if (zone !== '+' && zone !== '-') return BAD('unreadable time zone');
  const [oh, k1, p1] = digits(s, i + 1);
  let offset: number;
  let end: number;
  if (p1 === 4) {
    offset = Math.floor(oh / 100) * 60 + (oh % 100);
    end = k1;
  } else if (p1 === 2 && s.charAt(k1) === ':') {
    const [om, k2, p2] = digits(s, k1 + 1);
    if (p2 !== 2) return BAD('unreadable time zone');
    offset = oh * 60 + om;
    end = k2;
  } else if (p1 === 2) {
    offset = oh * 60;
    end = k1;
  } else {
    return BAD('unreadable time zone');
  }
  if (end !== s.length || offset > 14 * 60) return BAD('unreadable time zone');
  const sign = zone === '+' ? 1 : -1;
  return { kind: 'instant', ms: wallMs - sign * offset * MINUTE_MS };
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
