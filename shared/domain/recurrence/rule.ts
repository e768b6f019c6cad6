// The supported RRULE subset as a checked, canonical ParsedRule, and its canonical text. Every path
// into the module (rule text, the editor's specs, formatRule) goes through normalizeRule, so a rule
// that can be stored is one the expander can run.
import { parseLocal, formatLocal } from './local';
import { RuleError, WEEKDAY_CODES, type ByDay, type Freq, type ParsedRule } from './types';

const FREQS: readonly Freq[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const MAX_INTERVAL = 1000;
const MAX_COUNT = 100_000;
/** Longest each month can be (February in a leap year). */
const MONTH_MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Positives ascending, then negatives ascending: "1,15,-1", "first and last". */
function positionKey(n: number): number {
  return n > 0 ? n : 1000 + n;
}

function sortedUnique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => positionKey(a) - positionKey(b));
}

function checkInts(part: string, values: number[], ok: (v: number) => boolean, range: string) {
  for (const v of values) {
    if (!isInt(v) || !ok(v)) {
      throw new RuleError(
        part,
        `"${String(v)}" 超出范围（${range}）`,
        `is out of range (${range})`,
      );
    }
  }
}

function normalizeByDay(rule: ParsedRule, list: ByDay[]): ByDay[] {
  const monthly = rule.freq === 'MONTHLY' || (rule.freq === 'YEARLY' && !!rule.byMonth?.length);
  const maxN = monthly ? 5 : 53;
  const seen = new Map<string, ByDay>();
  for (const entry of list) {
    if (!isInt(entry.weekday) || entry.weekday < 0 || entry.weekday > 6) {
      throw new RuleError('BYDAY', `"${String(entry.weekday)}" 不是星期几`, 'is not a weekday');
    }
    const n = entry.n;
    if (n !== undefined) {
      if (rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY') {
        throw new RuleError(
          'BYDAY',
          `"${n}${WEEKDAY_CODES[entry.weekday]}" 序号只能用于 MONTHLY 或 YEARLY`,
          'ordinals are allowed only with FREQ=MONTHLY or YEARLY',
        );
      }
      if (!isInt(n) || n === 0 || Math.abs(n) > maxN) {
        throw new RuleError(
          'BYDAY',
          `"${String(n)}${WEEKDAY_CODES[entry.weekday]}" 序号应在 1..${maxN} 或 -${maxN}..-1`,
          `the ordinal must be 1..${maxN} or -${maxN}..-1`,
        );
      }
    }
    const clean: ByDay =
      n === undefined ? { weekday: entry.weekday } : { weekday: entry.weekday, n };
    seen.set(`${n ?? 0}:${entry.weekday}`, clean);
  }
  // Plain weekdays first, then ordinals as positions are ordered: 'MO,1SU,-1SU'.
  const key = (d: ByDay): number => (d.n === undefined ? 0 : positionKey(d.n));
  return [...seen.values()].sort((a, b) => key(a) - key(b) || a.weekday - b.weekday);
}

/** Checks a rule against the supported subset and returns it in canonical form. */
export function normalizeRule(rule: ParsedRule): ParsedRule {
  if (!FREQS.includes(rule.freq)) {
    throw new RuleError(
      'FREQ',
      `"${String(rule.freq)}" 不受支持（仅 DAILY、WEEKLY、MONTHLY、YEARLY）`,
      'is not supported (only DAILY, WEEKLY, MONTHLY, YEARLY)',
    );
  }
  const out: ParsedRule = { freq: rule.freq, interval: rule.interval };
  if (!isInt(rule.interval) || rule.interval < 1 || rule.interval > MAX_INTERVAL) {
    throw new RuleError(
      'INTERVAL',
      `"${String(rule.interval)}" 应为 1..${MAX_INTERVAL} 的整数`,
      `must be a whole number 1..${MAX_INTERVAL}`,
    );
  }
  if (rule.byMonth?.length) {
    checkInts('BYMONTH', rule.byMonth, (v) => v >= 1 && v <= 12, '1..12');
    out.byMonth = sortedUnique(rule.byMonth);
  }
  if (rule.byDay?.length) out.byDay = normalizeByDay({ ...rule, byMonth: out.byMonth }, rule.byDay);
  if (rule.byMonthDay?.length) {
    if (rule.freq === 'WEEKLY') {
      throw new RuleError(
        'BYMONTHDAY',
        '不能与 FREQ=WEEKLY 同用（RFC 5545）',
        'must not be used with FREQ=WEEKLY (RFC 5545)',
      );
    }
    checkInts('BYMONTHDAY', rule.byMonthDay, (v) => v !== 0 && Math.abs(v) <= 31, '1..31, -31..-1');
    out.byMonthDay = sortedUnique(rule.byMonthDay);
    // A day no chosen month ever has would leave rrule scanning to year 9999 for nothing.
    const months = out.byMonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const fits = months.some((m) =>
      out.byMonthDay?.some((d) => Math.abs(d) <= (MONTH_MAX_DAYS[m - 1] ?? 0)),
    );
    if (!fits) {
      throw new RuleError(
        'BYMONTHDAY',
        `"${out.byMonthDay.join(',')}" 在所选月份中从不出现`,
        'never falls in the months chosen',
      );
    }
  }
  if (rule.bySetPos?.length) normalizeSetPos(rule, out);
  if (rule.count !== undefined && rule.until !== undefined) {
    throw new RuleError(
      'COUNT',
      'COUNT 与 UNTIL 不能同时使用',
      'COUNT and UNTIL cannot be used together',
    );
  }
  if (rule.count !== undefined) {
    if (!isInt(rule.count) || rule.count < 1 || rule.count > MAX_COUNT) {
      throw new RuleError(
        'COUNT',
        `"${String(rule.count)}" 应为 1..${MAX_COUNT} 的整数`,
        `must be a whole number 1..${MAX_COUNT}`,
      );
    }
    out.count = rule.count;
  }
  if (rule.until !== undefined) out.until = formatLocal(parseLocal(rule.until, 'UNTIL'));
  if (rule.wkst !== undefined) {
    if (!isInt(rule.wkst) || rule.wkst < 0 || rule.wkst > 6) {
      throw new RuleError('WKST', `"${String(rule.wkst)}" 不是星期几`, 'is not a weekday');
    }
    // Monday is the default, so leaving it out keeps one canonical form per rule.
    if (rule.wkst !== 0) out.wkst = rule.wkst;
  }
  return out;
}

function normalizeSetPos(rule: ParsedRule, out: ParsedRule): void {
  const positions = rule.bySetPos ?? [];
  if (!out.byDay && !out.byMonthDay && !out.byMonth) {
    throw new RuleError(
      'BYSETPOS',
      '必须与另一个 BYxxx 规则项同用',
      'must be used together with another BYxxx part',
    );
  }
  // Positions beyond the largest possible set can never select anything.
  const maxSet = {
    DAILY: 1,
    WEEKLY: out.byDay?.length ?? 1,
    MONTHLY: 31,
    YEARLY: 366,
  }[rule.freq];
  checkInts(
    'BYSETPOS',
    positions,
    (v) => v !== 0 && Math.abs(v) <= maxSet,
    `1..${maxSet}, -${maxSet}..-1`,
  );
  out.bySetPos = sortedUnique(positions);
}

function byDayText(d: ByDay): string {
  return `${d.n ?? ''}${WEEKDAY_CODES[d.weekday] ?? '?'}`;
}

/** Canonical 'FREQ=…;…' text (no DTSTART); parseRule reads it back to the same ParsedRule. */
export function formatRule(rule: ParsedRule): string {
  const r = normalizeRule(rule);
  const parts = [`FREQ=${r.freq}`];
  if (r.interval !== 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.byMonth) parts.push(`BYMONTH=${r.byMonth.join(',')}`);
  if (r.byMonthDay) parts.push(`BYMONTHDAY=${r.byMonthDay.join(',')}`);
  if (r.byDay) parts.push(`BYDAY=${r.byDay.map(byDayText).join(',')}`);
  if (r.bySetPos) parts.push(`BYSETPOS=${r.bySetPos.join(',')}`);
  if (r.wkst !== undefined) parts.push(`WKST=${WEEKDAY_CODES[r.wkst] ?? 'MO'}`);
  if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
  if (r.until !== undefined) {
    // Floating form: the rule text carries no zone, and UNTIL is local like the plan's start. The
    // last minute of a day is written as the date alone, which parseRule reads back as that day.
    const [date = '', time = ''] = r.until.split('T');
    const day = date.replaceAll('-', '');
    parts.push(time === '23:59' ? `UNTIL=${day}` : `UNTIL=${day}T${time.replace(':', '')}00`);
  }
  return parts.join(';');
}
