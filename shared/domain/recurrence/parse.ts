// Reading RRULE text: parts are case-insensitive and in any order, an optional 'RRULE:' prefix is
// allowed, and anything outside the supported subset is refused with an error naming the part.
import { floatingFromFields, floorMinute, formatLocal } from './local';
import { normalizeRule } from './rule';
import { requireZone, utcMsToFloating } from './zone';
import { RuleError, WEEKDAY_CODES, type ByDay, type Freq, type ParsedRule } from './types';

const SUPPORTED = new Set([
  'FREQ',
  'INTERVAL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYSETPOS',
  'COUNT',
  'UNTIL',
  'WKST',
]);

function integer(part: string, text: string): number {
  if (!/^[+-]?\d{1,6}$/.test(text)) {
    throw new RuleError(part, `"${text}" 不是整数`, 'is not a whole number');
  }
  return Number(text);
}

function list(part: string, text: string): string[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) {
    throw new RuleError(part, `"${text}" 中有空项`, 'has an empty item');
  }
  return items;
}

function weekday(part: string, code: string): number {
  const index = (WEEKDAY_CODES as readonly string[]).indexOf(code);
  if (index < 0) throw new RuleError(part, `"${code}" 不是星期几`, 'is not a weekday');
  return index;
}

function byDay(text: string): ByDay[] {
  return list('BYDAY', text).map((item) => {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    if (!m || m[2] === undefined) {
      throw new RuleError('BYDAY', `"${item}" 不是星期几`, 'is not a weekday');
    }
    const day = weekday('BYDAY', m[2]);
    return m[1] === undefined ? { weekday: day } : { weekday: day, n: Number(m[1]) };
  });
}

/**
 * UNTIL as a local wall-clock minute. A date alone means the whole of that local day; a UTC time
 * is converted into the zone; seconds are floored, since occurrences fall on whole minutes.
 */
function until(text: string, toLocal: (utcMs: number) => number): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(text);
  const fields = m ? m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v))) : [];
  const [y = 0, mo = 0, d = 0, h, mi, s] = fields;
  const dateOnly = m !== null && h === undefined;
  const wall = floatingFromFields(y, mo, d, dateOnly ? 23 : (h ?? 0), dateOnly ? 59 : (mi ?? 0));
  if (!m || wall === null || (s ?? 0) > 59) {
    throw new RuleError(
      'UNTIL',
      `"${text}" 应为 YYYYMMDD、YYYYMMDDTHHMMSS 或 YYYYMMDDTHHMMSSZ`,
      'must be YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ',
    );
  }
  if (m[7] !== 'Z') return formatLocal(wall);
  return formatLocal(floorMinute(toLocal(wall + (s ?? 0) * 1000)));
}

/** Splits the text into NAME → VALUE, refusing unknown, repeated and empty parts. */
function splitParts(rule: string): Map<string, string> {
  if (typeof rule !== 'string')
    throw new RuleError('RRULE', '规则不是文本', 'the rule is not text');
  let text = rule.trim().toUpperCase();
  if (text.startsWith('RRULE:')) text = text.slice('RRULE:'.length).trim();
  if (text === '') throw new RuleError('RRULE', '规则为空', 'the rule is empty');
  if (/[\r\n:]/.test(text)) {
    throw new RuleError(
      'RRULE',
      '只接受 RRULE 规则本身（开始时间另行给出）',
      'only the rule itself is accepted (the start is given separately)',
    );
  }
  const parts = new Map<string, string>();
  // A trailing ';' is common in hand-written rules and harmless.
  for (const piece of text.split(';').map((p) => p.trim())) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    if (eq <= 0) {
      throw new RuleError('RRULE', `"${piece}" 不是 名称=值 的形式`, 'is not in NAME=VALUE form');
    }
    const name = piece.slice(0, eq).trim();
    const value = piece.slice(eq + 1).trim();
    if (!/^[A-Z][A-Z-]*$/.test(name)) {
      throw new RuleError('RRULE', `"${piece}" 不是 名称=值 的形式`, 'is not in NAME=VALUE form');
    }
    if (!SUPPORTED.has(name)) {
      throw new RuleError(name, '不支持此规则项', 'this rule part is not supported');
    }
    if (parts.has(name)) throw new RuleError(name, '重复出现', 'appears more than once');
    if (value === '') throw new RuleError(name, '缺少取值', 'has no value');
    parts.set(name, value);
  }
  return parts;
}

/** Parses with a caller-chosen reading of a UTC UNTIL (the zone's, or UTC for descriptions). */
export function parseRuleWith(rule: string, toLocal: (utcMs: number) => number): ParsedRule {
  const parts = splitParts(rule);
  const freq = parts.get('FREQ');
  if (freq === undefined) throw new RuleError('FREQ', '缺少 FREQ', 'FREQ is missing');
  const raw: ParsedRule = { freq: freq as Freq, interval: 1 };
  for (const [name, value] of parts) {
    if (name === 'INTERVAL') raw.interval = integer(name, value);
    else if (name === 'BYDAY') raw.byDay = byDay(value);
    else if (name === 'BYMONTHDAY') raw.byMonthDay = list(name, value).map((v) => integer(name, v));
    else if (name === 'BYMONTH') raw.byMonth = list(name, value).map((v) => integer(name, v));
    else if (name === 'BYSETPOS') raw.bySetPos = list(name, value).map((v) => integer(name, v));
    else if (name === 'COUNT') raw.count = integer(name, value);
    else if (name === 'UNTIL') raw.until = until(value, toLocal);
    else if (name === 'WKST') raw.wkst = weekday(name, value);
  }
  return normalizeRule(raw);
}

export function parseRule(rule: string, timeZone: string): ParsedRule {
  const zone = requireZone(timeZone);
  return parseRuleWith(rule, (utcMs) => utcMsToFloating(utcMs, zone));
}
