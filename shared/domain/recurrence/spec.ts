// The plan editor's model: the few shapes people choose from in plain language, and the
// conversions between them and rule text, so the UI never writes RRULE by hand.
import { floatingFromFields, formatLocal, parseLocal } from './local';
import { parseRuleWith } from './parse';
import { formatRule } from './rule';
import { RuleError, type LocalDateTime, type ParsedRule } from './types';

export type RuleSpec =
  | { kind: 'daily'; every: number }
  /** weekdays: 0 = Monday … 6 = Sunday. */
  | { kind: 'weekly'; every: number; weekdays: number[] }
  /** monthDays: 1..31, -1 = the last day. */
  | { kind: 'monthlyByDay'; every: number; monthDays: number[] }
  /** "first Monday", "last Friday". */
  | { kind: 'monthlyByWeekday'; every: number; ordinal: Ordinal; weekday: number }
  /** BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1. */
  | { kind: 'lastWeekdayOfMonth'; every: number }
  | { kind: 'yearly'; every: number; month: number; monthDay: number };

/** until: a local time, or a date 'YYYY-MM-DD' meaning the whole of that local day. */
export interface RuleEnd {
  count?: number;
  until?: LocalDateTime;
}

type Ordinal = 1 | 2 | 3 | 4 | 5 | -1;
const ORDINALS: readonly number[] = [1, 2, 3, 4, 5, -1];
const isOrdinal = (n: number): n is Ordinal => ORDINALS.includes(n);
const WORKDAYS = [0, 1, 2, 3, 4];
const isMonthDay = (d: number): boolean => Number.isInteger(d) && (d === -1 || (d >= 1 && d <= 31));

function check(ok: boolean, part: string, zh: string, en: string): void {
  if (!ok) throw new RuleError(part, zh, en);
}

function ruleOf(spec: RuleSpec): ParsedRule {
  const interval = spec.every;
  switch (spec.kind) {
    case 'daily':
      return { freq: 'DAILY', interval };
    case 'weekly':
      check(
        spec.weekdays.length > 0,
        'BYDAY',
        '请至少选择一个星期几',
        'choose at least one weekday',
      );
      return { freq: 'WEEKLY', interval, byDay: spec.weekdays.map((weekday) => ({ weekday })) };
    case 'monthlyByDay':
      check(spec.monthDays.length > 0, 'BYMONTHDAY', '请至少选择一天', 'choose at least one day');
      check(
        spec.monthDays.every(isMonthDay),
        'BYMONTHDAY',
        `"${spec.monthDays.join(',')}" 应为 1..31 或 -1（最后一天）`,
        'must be 1..31 or -1 (the last day)',
      );
      return { freq: 'MONTHLY', interval, byMonthDay: spec.monthDays };
    case 'monthlyByWeekday':
      check(
        isOrdinal(spec.ordinal),
        'BYDAY',
        `"${String(spec.ordinal)}" 应为 1..5 或 -1（最后一个）`,
        'the ordinal must be 1..5 or -1 (the last)',
      );
      return { freq: 'MONTHLY', interval, byDay: [{ weekday: spec.weekday, n: spec.ordinal }] };
    case 'lastWeekdayOfMonth':
      return {
        freq: 'MONTHLY',
        interval,
        byDay: WORKDAYS.map((weekday) => ({ weekday })),
        bySetPos: [-1],
      };
    case 'yearly':
      check(
        Number.isInteger(spec.monthDay) && spec.monthDay >= 1 && spec.monthDay <= 31,
        'BYMONTHDAY',
        `"${String(spec.monthDay)}" 应为 1..31`,
        'must be 1..31',
      );
      return { freq: 'YEARLY', interval, byMonth: [spec.month], byMonthDay: [spec.monthDay] };
    default:
      throw new RuleError('kind', '未知的重复方式', 'is not a known kind of recurrence');
  }
}

function untilOf(until: string): LocalDateTime {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(until);
  if (!day) return formatLocal(parseLocal(until, 'UNTIL'));
  const wall = floatingFromFields(Number(day[1]), Number(day[2]), Number(day[3]), 23, 59);
  check(wall !== null, 'UNTIL', `"${until}" 不是有效日期`, 'is not a valid date');
  return formatLocal(wall ?? 0);
}

export function ruleFromSpec(spec: RuleSpec, end?: RuleEnd): string {
  const rule = ruleOf(spec);
  if (end?.count !== undefined) rule.count = end.count;
  if (end?.until !== undefined) rule.until = untilOf(end.until);
  return formatRule(rule);
}

const only = (r: ParsedRule, ...keys: (keyof ParsedRule)[]): boolean =>
  (['byDay', 'byMonthDay', 'byMonth', 'bySetPos'] as const).every(
    (k) => keys.includes(k) === (r[k] !== undefined),
  );

/**
 * The editor's shape for a rule, or null when the rule is beyond the editor (or invalid) and is
 * shown as raw text. COUNT and UNTIL are not part of the spec: read them with parseRule.
 */
export function specFromRule(rule: string): RuleSpec | null {
  let r: ParsedRule;
  try {
    r = parseRuleWith(rule, (utcMs) => utcMs);
  } catch (error) {
    if (error instanceof RuleError) return null;
    throw error;
  }
  const every = r.interval;
  const days = r.byDay ?? [];
  const plain = days.every((d) => d.n === undefined);
  if (r.freq === 'DAILY' && only(r)) return { kind: 'daily', every };
  // WKST changes which weeks an INTERVAL>1 rule picks, and the editor has no say in it.
  if (r.freq === 'WEEKLY' && only(r, 'byDay') && plain && (r.wkst === undefined || every === 1)) {
    return { kind: 'weekly', every, weekdays: days.map((d) => d.weekday) };
  }
  if (r.freq === 'MONTHLY' && only(r, 'byMonthDay') && r.byMonthDay?.every(isMonthDay)) {
    return { kind: 'monthlyByDay', every, monthDays: r.byMonthDay };
  }
  const first = days[0];
  if (r.freq === 'MONTHLY' && only(r, 'byDay') && days.length === 1 && first?.n !== undefined) {
    return isOrdinal(first.n)
      ? { kind: 'monthlyByWeekday', every, ordinal: first.n, weekday: first.weekday }
      : null;
  }
  const lastWorkday = plain && days.length === 5 && days.every((d, i) => d.weekday === WORKDAYS[i]);
  if (r.freq === 'MONTHLY' && only(r, 'byDay', 'bySetPos') && lastWorkday) {
    const lastOnly = r.bySetPos?.length === 1 && r.bySetPos[0] === -1;
    return lastOnly ? { kind: 'lastWeekdayOfMonth', every } : null;
  }
  const [month] = r.byMonth ?? [];
  const [monthDay] = r.byMonthDay ?? [];
  if (
    r.freq === 'YEARLY' &&
    only(r, 'byMonth', 'byMonthDay') &&
    r.byMonth?.length === 1 &&
    r.byMonthDay?.length === 1 &&
    month !== undefined &&
    monthDay !== undefined &&
    monthDay > 0
  ) {
    return { kind: 'yearly', every, month, monthDay };
  }
  return null;
}
