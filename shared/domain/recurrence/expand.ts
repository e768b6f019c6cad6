// Expansion of a rule into local wall-clock occurrences. rrule 2.8 does the RFC 5545 work in
// "floating" mode (wall-clock fields read as UTC, no tzid); this file corrects what it gets wrong,
// computes DAILY rules directly, skips ahead to far windows, and keeps scanning bounded.
import * as rruleModule from 'rrule';
import type { Options } from 'rrule';
import { DAY_MS, daysInMonth, formatLocal, parseLocal, weekdayOf } from './local';
import { parseRule } from './parse';
import { anchorBefore, periodKey, periodStart, withDefaults } from './periods';
import { RuleError, type LocalDateTime, type ParsedRule } from './types';

type RRuleLib = typeof rruleModule;

/** rrule's `main` is a UMD build: Node's ESM loader sees one default export, bundlers the names. */
function loadRRule(): RRuleLib {
  const ns: object = rruleModule;
  return 'RRule' in ns ? rruleModule : (Reflect.get(ns, 'default') as RRuleLib);
}
const { RRule, Weekday } = loadRRule();

const FREQUENCY = {
  DAILY: RRule.DAILY,
  WEEKLY: RRule.WEEKLY,
  MONTHLY: RRule.MONTHLY,
  YEARLY: RRule.YEARLY,
} as const;

/** rrule's iterator gives up after this year (its dateutil.MAXYEAR) and nowhere sooner. */
const RRULE_MAX_YEAR = 9999;
/** 400 Gregorian years are 146097 days, exactly 20871 weeks: dates, weekdays and leap years repeat. */
const CYCLE_YEARS = 400;
const CYCLE_MS = 146_097 * DAY_MS;
/** A scan this many years long that finds nothing ends the expansion. */
const HORIZON_YEARS = 200;
const MAX_LIMIT = 100_000;

interface Window {
  limit: number;
  from?: number;
  to?: number;
}

interface Scan extends Window {
  start: number;
  until?: number;
  count?: number;
  out: number[];
  /** The last occurrence counted: results at or before it are repeats. */
  last: number;
  counted: number;
  found: boolean;
  done: boolean;
}

/**
 * BYDAY for rrule. rrule filters by plain weekdays AND by ordinal ones, where RFC 5545 takes their
 * union ('1MO,FR': the first Monday and every Friday; rrule gives nothing), so in a mixed list each
 * plain weekday becomes every ordinal it can have (1..5 in a month, 1..53 in a year).
 */
function rruleByDay(plan: ParsedRule): InstanceType<typeof Weekday>[] | null {
  const list = plan.byDay;
  if (!list) return null;
  const mixed = list.some((d) => d.n === undefined) && list.some((d) => d.n !== undefined);
  if (!mixed) return list.map((d) => new Weekday(d.weekday, d.n));
  const most = plan.freq === 'YEARLY' && !plan.byMonth ? 53 : 5;
  return list.flatMap((d) =>
    d.n !== undefined
      ? [new Weekday(d.weekday, d.n)]
      : Array.from({ length: most }, (_, i) => new Weekday(d.weekday, i + 1)),
  );
}

function rruleOptions(plan: ParsedRule, dtstart: Date): Partial<Options> {
  return {
    freq: FREQUENCY[plan.freq],
    interval: plan.interval,
    wkst: plan.wkst ?? 0,
    byweekday: rruleByDay(plan),
    bymonthday: plan.byMonthDay ?? null,
    bymonth: plan.byMonth ?? null,
    dtstart,
  };
}

/**
 * BYSETPOS over one period's whole candidate set. rrule 2.8 gets it wrong in four ways, so it is
 * never given BYSETPOS: a day picked by two positions comes out twice (and COUNT counts it twice);
 * a negative position past the set's size picks the first day (slice(-2) of one day); a positive
 * one past it becomes an Invalid Date that unsorts the period; and a WEEKLY rule's first week is
 * counted from the start day instead of from WKST.
 */
function selectPositions(plan: ParsedRule, batch: number[]): number[] {
  const set = [...new Set(batch)].sort((a, b) => a - b);
  if (!plan.bySetPos) return set;
  const picked = plan.bySetPos.map((pos) => set[pos > 0 ? pos - 1 : set.length + pos]);
  return [...new Set(picked.filter((t) => t !== undefined))].sort((a, b) => a - b);
}

/** Uses one period's occurrences, ascending: repeats dropped, then COUNT, UNTIL and the window. */
function take(occurrences: number[], scan: Scan): void {
  for (const t of occurrences) {
    // Consecutive scans may overlap by a period; anything at or before the last one is a repeat.
    if (t <= scan.last || t < scan.start) continue;
    if ((scan.until !== undefined && t > scan.until) || (scan.to !== undefined && t > scan.to)) {
      scan.done = true;
      return;
    }
    scan.last = t;
    scan.found = true;
    scan.counted += 1;
    if (scan.from === undefined || t >= scan.from) scan.out.push(t);
    if (scan.out.length >= scan.limit || (scan.count !== undefined && scan.counted >= scan.count)) {
      scan.done = true;
      return;
    }
  }
}

/** The last year a scan from `anchorYear` needs to cover: the window's end, or the horizon. */
function boundYear(anchorYear: number, scan: Scan): number {
  const end = Math.min(scan.until ?? Infinity, scan.to ?? Infinity);
  const endYear = Number.isFinite(end) ? new Date(end).getUTCFullYear() : Infinity;
  return Math.max(anchorYear, Math.min(anchorYear + HORIZON_YEARS, endYear));
}

/** Runs rrule from `anchor`; returns the last year whose periods it covered. */
function scanWithRRule(plan: ParsedRule, anchor: number, scan: Scan): number {
  // rrule stops only at a result or after year 9999, so a rule that rarely or never matches would
  // scan for thousands of years. Moving the scan by whole 400-year cycles, which changes no date's
  // weekday or leap day, puts rrule's own stop just after the bound year.
  const cycles = Math.floor(
    (RRULE_MAX_YEAR - boundYear(new Date(anchor).getUTCFullYear(), scan)) / CYCLE_YEARS,
  );
  const shift = cycles * CYCLE_MS;
  const rrule = new RRule(rruleOptions(plan, new Date(anchor + shift)), true);
  let batch: number[] = [];
  let key = Number.NaN;
  rrule.all((date) => {
    const t = date.getTime() - shift;
    const k = periodKey(plan, t);
    if (k !== key) {
      if (batch.length > 0) take(selectPositions(plan, batch), scan);
      batch = [];
      key = k;
      if (scan.done) return false;
    }
    batch.push(t);
    return true;
  });
  if (!scan.done && batch.length > 0) take(selectPositions(plan, batch), scan);
  return RRULE_MAX_YEAR - cycles * CYCLE_YEARS;
}

function dayMatches(plan: ParsedRule, t: number): boolean {
  const d = new Date(t);
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (plan.byMonth && !plan.byMonth.includes(month)) return false;
  if (plan.byDay && !plan.byDay.some((b) => b.weekday === weekdayOf(t))) return false;
  const fromEnd = day - daysInMonth(d.getUTCFullYear(), month) - 1;
  return !plan.byMonthDay || plan.byMonthDay.some((md) => md === day || md === fromEnd);
}

/**
 * DAILY rules without rrule: a daily period is one day, so BYDAY, BYMONTH and BYMONTHDAY are plain
 * filters and BYSETPOS (only ±1 is accepted) keeps the day. rrule's per-day bookkeeping made five
 * years of a daily rule cost tens of milliseconds; this loop costs well under one.
 */
function scanDaily(plan: ParsedRule, anchor: number, scan: Scan): number {
  const lastYear = boundYear(new Date(anchor).getUTCFullYear(), scan);
  const end = Date.UTC(lastYear + 1, 0, 1);
  for (let t = anchor; t < end && !scan.done; t += plan.interval * DAY_MS) {
    if (dayMatches(plan, t)) take([t], scan);
  }
  return lastYear;
}

/** Occurrences as floating ms, ascending; the window filters without changing COUNT's counting. */
function expand(rule: ParsedRule, start: number, window: Window): number[] {
  const until = rule.until === undefined ? undefined : parseLocal(rule.until, 'UNTIL');
  if (Math.min(until ?? Infinity, window.to ?? Infinity) < start) return [];
  const scan: Scan = {
    ...window,
    start,
    until,
    count: rule.count,
    out: [],
    last: -Infinity,
    counted: 0,
    found: false,
    done: window.limit <= 0,
  };
  const plan = withDefaults(rule, start);
  // Scanning whole periods (a WEEKLY rule from the WKST day of the start's week) gives BYSETPOS
  // each period's full set; days before the start are dropped after the positions are taken.
  const aligned = periodStart(plan, start);
  // COUNT is counted from the start, so only a rule without it may skip ahead to `from`.
  let anchor =
    rule.count === undefined && window.from !== undefined && window.from > start
      ? anchorBefore(plan, aligned, window.from)
      : aligned;
  const end = Math.min(until ?? Infinity, window.to ?? Infinity);
  while (!scan.done) {
    scan.found = false;
    const coveredYear =
      plan.freq === 'DAILY' ? scanDaily(plan, anchor, scan) : scanWithRRule(plan, anchor, scan);
    if (!scan.found || end < Date.UTC(coveredYear + 1, 0, 1)) break;
    // The next anchor may repeat the last period scanned; take() drops the repeats.
    anchor = anchorBefore(plan, aligned, Date.UTC(coveredYear + 1, 0, 1));
  }
  return scan.out;
}

/** Occurrences in local time, ascending: at most `limit`, only those >= `from` when given (inclusive) and <= `to` when given (inclusive); always honours COUNT/UNTIL counted from start. */
export function occurrences(
  rule: string,
  start: LocalDateTime,
  timeZone: string,
  opts: { limit: number; from?: LocalDateTime; to?: LocalDateTime },
): LocalDateTime[] {
  const parsed = parseRule(rule, timeZone);
  const startMs = parseLocal(start, 'DTSTART');
  if (!Number.isInteger(opts.limit) || opts.limit < 0 || opts.limit > MAX_LIMIT) {
    throw new RuleError(
      'limit',
      `"${String(opts.limit)}" 应为 0..${MAX_LIMIT} 的整数`,
      `must be a whole number 0..${MAX_LIMIT}`,
    );
  }
  const window: Window = { limit: opts.limit };
  if (opts.from !== undefined) window.from = parseLocal(opts.from, 'from');
  if (opts.to !== undefined) window.to = parseLocal(opts.to, 'to');
  return expand(parsed, startMs, window).map(formatLocal);
}
