// Plain-language descriptions of a rule in Chinese and English, for plan lists and the editor's
// preview, e.g. '每 3 个月的第一个星期一' / 'every 3 months on the first Monday'.
import { parseRuleWith } from './parse';
import type { ByDay, ParsedRule } from './types';

type Language = 'zh-CN' | 'en';

const EN_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ZH_DAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const EN_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const ZH_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function joinEn(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function joinZh(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** 1st, 2nd, 3rd, 11th, 21st… */
function suffixed(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (['st', 'nd', 'rd'][(n % 10) - 1] ?? 'th')}`;
}

function ordinalEn(n: number): string {
  if (n === -1) return 'last';
  const word = EN_ORDINALS[Math.abs(n) - 1] ?? suffixed(Math.abs(n));
  return n > 0 ? word : `${word}-to-last`;
}

function ordinalZh(n: number): string {
  if (n === -1) return '最后一个';
  const abs = Math.abs(n);
  const word = abs <= 10 ? `第${ZH_NUMBERS[abs - 1] ?? abs}个` : `第 ${abs} 个`;
  return n > 0 ? word : `倒数${word}`;
}

function monthDayEn(d: number): string {
  if (d === -1) return 'the last day';
  return d > 0 ? `the ${suffixed(d)}` : `the ${ordinalEn(d).replace('-to-last', '-to-last day')}`;
}

function monthDayZh(d: number): string {
  if (d === -1) return '最后一天';
  return d > 0 ? `${d} 日` : `倒数第 ${-d} 天`;
}

const sameDays = (list: ByDay[], days: number[]): boolean =>
  list.length === days.length && list.every((d, i) => d.n === undefined && d.weekday === days[i]);

/** "the first and last Sunday" when one weekday has several ordinals, else one phrase each. */
function byDayText(list: ByDay[], lang: Language): string {
  const first = list[0];
  const oneDay = first !== undefined && list.every((d) => d.weekday === first.weekday);
  if (oneDay && list.every((d) => d.n !== undefined) && list.length > 1) {
    const ns = list.map((d) => d.n ?? 0);
    return lang === 'en'
      ? `the ${joinEn(ns.map(ordinalEn))} ${EN_DAYS[first.weekday]}`
      : `${joinZh(ns.map(ordinalZh))}${ZH_DAYS[first.weekday]}`;
  }
  const items = list.map((d) => {
    const day = (lang === 'en' ? EN_DAYS : ZH_DAYS)[d.weekday] ?? '';
    if (d.n === undefined) return day;
    return lang === 'en' ? `the ${ordinalEn(d.n)} ${day}` : `${ordinalZh(d.n)}${day}`;
  });
  return lang === 'en' ? joinEn(items) : joinZh(items);
}

/** The days a period picks (before BYMONTH), or '' when the start decides them. */
function selection(r: ParsedRule, lang: Language): string {
  const days = r.byDay ? byDayText(r.byDay, lang) : '';
  const mdays = r.byMonthDay
    ? lang === 'en'
      ? joinEn(r.byMonthDay.map(monthDayEn))
      : joinZh(r.byMonthDay.map(monthDayZh))
    : '';
  let text =
    days && mdays
      ? lang === 'en'
        ? `${days} falling on ${mdays}`
        : `${mdays}且为${days}`
      : days || mdays;
  if (r.bySetPos) {
    const en = joinEn(r.bySetPos.map(ordinalEn));
    const zh = joinZh(r.bySetPos.map(ordinalZh));
    const noun =
      !r.byMonthDay && r.byDay && sameDays(r.byDay, [0, 1, 2, 3, 4])
        ? { en: 'weekday', zh: '工作日' }
        : !r.byMonthDay && r.byDay && sameDays(r.byDay, [0, 1, 2, 3, 4, 5, 6])
          ? { en: 'day', zh: '天' }
          : null;
    if (noun) text = lang === 'en' ? `the ${en} ${noun.en}` : `${zh}${noun.zh}`;
    else if (text) text = lang === 'en' ? `the ${en} of ${text}` : `${text}中的${zh}`;
    else text = lang === 'en' ? `the ${en} day` : `${zh}日子`;
  }
  return text;
}

function head(r: ParsedRule, lang: Language): string {
  const n = r.interval;
  const en = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' }[r.freq];
  const zh = { DAILY: '天', WEEKLY: '周', MONTHLY: '个月', YEARLY: '年' }[r.freq];
  if (lang === 'en') return n === 1 ? `every ${en}` : `every ${n} ${en}s`;
  if (n === 1) return { DAILY: '每天', WEEKLY: '每周', MONTHLY: '每月', YEARLY: '每年' }[r.freq];
  return `每 ${n} ${zh}`;
}

function monthsText(months: number[], lang: Language): string {
  return lang === 'en'
    ? joinEn(months.map((m) => EN_MONTHS[m - 1] ?? String(m)))
    : joinZh(months.map((m) => `${m} 月`));
}

function body(r: ParsedRule, lang: Language): string {
  const en = lang === 'en';
  const h = head(r, lang);
  const sel = selection(r, lang);
  const months = r.byMonth ? monthsText(r.byMonth, lang) : '';
  const plainDays = !r.byDay && !r.bySetPos && r.byMonthDay?.every((d) => d > 0);
  if (r.freq === 'YEARLY' && r.byMonth?.length === 1 && plainDays && r.byMonthDay) {
    // "every year on February 29" reads better than "on the 29th in February".
    const days = r.byMonthDay;
    return en
      ? `${h} on ${months} ${joinEn(days.map(String))}`
      : `${h} ${months} ${joinZh(days.map((d) => `${d} 日`))}`;
  }
  if (r.freq === 'YEARLY') {
    const scope = months
      ? { en: ` in ${months}`, zh: ` ${months}的` }
      : r.byMonthDay && !r.byDay
        ? { en: ' of every month', zh: '每月的' }
        : { en: r.byDay?.some((d) => d.n !== undefined) ? ' of the year' : '', zh: '的' };
    if (!sel) return en ? `${h}${scope.en}` : `${h}${months ? ` ${months}` : ''}`;
    return en ? `${h} on ${sel}${scope.en}` : `${h}${scope.zh}${sel}`;
  }
  const only = months ? (en ? `, only in ${months}` : `（仅 ${months}）`) : '';
  if (!sel) return `${h}${only}`;
  if (r.freq === 'DAILY')
    return en
      ? `${h}, only on ${sel}${months ? ` in ${months}` : ''}`
      : `${h}（仅${sel}${months ? `，${months}` : ''}）`;
  return en ? `${h} on ${sel}${only}` : `${h}的${sel}${only}`;
}

function endText(r: ParsedRule, lang: Language, utcUntil: boolean): string {
  if (r.count !== undefined) {
    const times = r.count === 1 ? 'once' : `${r.count} times`;
    return lang === 'en' ? `, ${times}` : `，共 ${r.count} 次`;
  }
  if (r.until === undefined) return '';
  const [date = '', time = ''] = r.until.split('T');
  const when = `${date}${time === '23:59' ? '' : ` ${time}`}${utcUntil ? ' UTC' : ''}`;
  return lang === 'en' ? `, until ${when}` : `，直到 ${when}`;
}

/** Plain-language description of a rule, e.g. zh: '每 3 个月的第一个星期一', en: 'every 3 months on the first Monday'. */
export function describeRule(rule: string, language: Language): string {
  // Without a zone, a UTC UNTIL is read and shown in UTC, and says so.
  const r = parseRuleWith(rule, (utcMs) => utcMs);
  const utcUntil = /UNTIL\s*=\s*\d{8}T\d{6}Z/i.test(rule);
  const text = `${body(r, language)}${endText(r, language, utcUntil)}`;
  // Chinese typesetting puts a space between a numeral and a character: '每 3 个月', '2 月 29 日'.
  return language === 'en'
    ? text
    : text.replace(/([\u4e00-\u9fff])(\d)/g, '$1 $2').replace(/(\d)([\u4e00-\u9fff])/g, '$1 $2');
}
