// Spreading an interval's amount over the local days of a site's zone in proportion to elapsed real
// time, so a 23-hour spring-forward day gets 23 hours' share and a 25-hour day 25. Monthly and
// yearly totals are sums of these days, which makes them independent of the day the readers walked
// round. Intervals are half-open [from, to): an interval ending at local midnight does not touch
// the next day; a zero-length one puts all its amount on its instant's day.
//
// Day arithmetic runs on "floating" milliseconds (the local wall clock read as if it were UTC), so
// a day is floor(floating / 24 h) whatever the offset; only a day's first instant needs the zone's
// rules, including zones whose midnight falls in a DST gap (the day then starts when the gap ends).
import { IANAZone } from 'luxon';
import { requireInstant, type DailyAmount } from './types';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Day boundaries of one zone, memoized: luxon's offset lookup costs microseconds (Intl formatting),
 * and a bulk import of 15-minute data asks about the same few days again and again. The cache is
 * an optimisation only; every answer is what the zone's rules give.
 */
class ZoneDays {
  private readonly starts = new Map<number, number>();
  private day = Number.NaN;
  private dayFrom = 0;
  private dayTo = 0;
  private lastOffsetMs = 0;

  constructor(private readonly zone: IANAZone) {}

  /** UTC ms of the first instant of a local day (days since 1970-01-01 on the zone's calendar). */
  start(day: number): number {
    let ms = this.starts.get(day);
    if (ms === undefined) {
      if (this.starts.size >= MAX_CACHED_DAYS) this.starts.clear();
      ms = dayStart(day, this.zone);
      this.starts.set(day, ms);
    }
    return ms;
  }

  /** The local day of a UTC instant. */
  dayOf(ms: number): number {
    if (ms >= this.dayFrom && ms < this.dayTo) return this.day;
    // Guess the day from the last offset seen and confirm it against memoized day starts: a bulk
    // import walks day after day, meter after meter, and this spares a zone lookup per new day.
    const guess = Math.floor((ms + this.lastOffsetMs) / DAY_MS);
    if (this.start(guess) <= ms && ms < this.start(guess + 1)) return this.enter(guess);
    const offset = this.zone.offset(ms) * MINUTE_MS;
    this.lastOffsetMs = offset;
    return this.enter(Math.floor((ms + offset) / DAY_MS));
  }

  private enter(day: number): number {
    this.day = day;
    this.dayFrom = this.start(day);
    this.dayTo = this.start(day + 1);
    return day;
  }
}

/** About 27 years of days per zone before the cache starts over. */
const MAX_CACHED_DAYS = 10_000;
const zones = new Map<string, ZoneDays>();

function zoneDays(timeZone: string): ZoneDays {
  let days = zones.get(timeZone);
  if (!days) {
    if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
      throw new RangeError(`timeZone: "${String(timeZone)}" is not a valid IANA time zone`);
    }
    days = new ZoneDays(IANAZone.create(timeZone));
    zones.set(timeZone, days);
  }
  return days;
}

/** UTC ms of the first instant of a local day. */
function dayStart(day: number, zone: IANAZone): number {
  const wall = day * DAY_MS;
  // The offsets a day either side bracket any single transition; real zones never have two in 48 h.
  const before = zone.offset(wall - DAY_MS);
  const after = zone.offset(wall + DAY_MS);
  const fits = [before, after]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((utc) => utc + zone.offset(utc) * MINUTE_MS === wall);
  if (fits.length > 0) return Math.min(...fits);
  // Midnight is skipped: the day begins at the transition, which is midnight under the old offset.
  return wall - before * MINUTE_MS;
}

const labels = new Map<number, string>();

/** 'YYYY-MM-DD' of a local day number (memoized: formatting a Date is the next cost after offsets). */
export function dayLabel(day: number): string {
  let label = labels.get(day);
  if (label === undefined) {
    if (labels.size >= MAX_CACHED_DAYS) labels.clear();
    label = new Date(day * DAY_MS).toISOString().slice(0, 10);
    labels.set(day, label);
  }
  return label;
}

/** The local day ('YYYY-MM-DD') of a UTC instant in a zone. */
export function localDayOf(at: string, timeZone: string): string {
  return dayLabel(zoneDays(timeZone).dayOf(requireInstant(at, 'at')));
}

/**
 * The amount of [from, to) spread over the zone's local days by elapsed time. The shares sum to
 * `amount` exactly up to float rounding: every day but the last gets amount × its share of the
 * time, the last gets what is left.
 */
export function calendarize(
  from: string,
  to: string,
  amount: number,
  timeZone: string,
): DailyAmount[] {
  const fromMs = requireInstant(from, 'from');
  const toMs = requireInstant(to, 'to');
  if (toMs < fromMs) throw new RangeError(`to ${to} is before from ${from}`);
  if (!Number.isFinite(amount)) throw new RangeError(`amount ${String(amount)} is not finite`);
  const shares: DailyAmount[] = [];
  spreadMs(fromMs, toMs, amount, timeZone, (day, share) =>
    shares.push({ day: dayLabel(day), amount: share }),
  );
  return shares;
}

/**
 * calendarize on epoch ms, handing each local day (days since 1970-01-01 on the zone's calendar)
 * its share: the bulk write's path, with no ISO text and no arrays. The caller has checked that
 * fromMs ≤ toMs and the amount is finite.
 */
export function spreadMs(
  fromMs: number,
  toMs: number,
  amount: number,
  timeZone: string,
  add: (day: number, share: number) => void,
): void {
  const zone = zoneDays(timeZone);
  // `+ 0` turns −0 into 0, so an empty interval never reports a "negative zero" day.
  const first = zone.dayOf(fromMs);
  if (toMs === fromMs) {
    add(first, amount + 0);
    return;
  }
  // Most intervals of interval data lie inside one day: no list of pieces for them.
  const firstEnd = zone.start(first + 1);
  if (toMs <= firstEnd) {
    add(first, amount + 0);
    return;
  }
  const pieces: { day: number; ms: number }[] = [];
  let cursor = fromMs;
  for (let day = first; cursor < toMs; day++) {
    const end = Math.min(zone.start(day + 1), toMs);
    // A day a zone skipped entirely (Samoa, 2011-12-30) has no time and gets no entry.
    if (end > cursor) pieces.push({ day, ms: end - cursor });
    cursor = Math.max(cursor, end);
  }
  const total = toMs - fromMs;
  let given = 0;
  pieces.forEach((piece, i) => {
    const share = i === pieces.length - 1 ? amount - given : amount * (piece.ms / total);
    given += share;
    add(piece.day, share + 0);
  });
}
