// Property tests: random rules from the supported subset, expanded by the module and by a
// deliberately naive reference written here (day by day, straight from RFC 5545's wording, no
// rrule), must agree; results must be strictly ascending and unique; and a windowed query must
// equal the matching slice of the full expansion.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRule,
  localToUtc,
  occurrences,
  parseRule,
  RuleError,
  utcToLocal,
  type ParsedRule,
} from '../../shared/domain/recurrence';

const DAY = 86_400_000;
const TZ = 'Asia/Shanghai';

const pad = (n: number): string => String(n).padStart(2, '0');
function local(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
function floating(text: string): number {
  const [date = '', time = ''] = text.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
}

/** Does calendar day `day` (days since 1970) belong to the rule's candidate set, before BYSETPOS? */
function dayMatches(rule: ParsedRule, day: number, start: Date): boolean {
  const date = new Date(day * DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const dom = date.getUTCDate();
  const wd = (date.getUTCDay() + 6) % 7;
  const monthLen = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const noDays = !rule.byDay && !rule.byMonthDay;
  const byMonth =
    rule.byMonth ?? (rule.freq === 'YEARLY' && noDays ? [start.getUTCMonth() + 1] : undefined);
  const byMonthDay =
    rule.byMonthDay ??
    ((rule.freq === 'MONTHLY' || rule.freq === 'YEARLY') && noDays
      ? [start.getUTCDate()]
      : undefined);
  const byDay =
    rule.byDay ?? (rule.freq === 'WEEKLY' ? [{ weekday: (start.getUTCDay() + 6) % 7 }] : undefined);
  if (byMonth && !byMonth.includes(m)) return false;
  if (byMonthDay && !byMonthDay.some((md) => (md > 0 ? dom === md : dom === monthLen + md + 1)))
    return false;
  if (!byDay) return true;
  // An ordinal counts within the month (MONTHLY, or YEARLY with BYMONTH), else within the year.
  const inMonth = rule.freq === 'MONTHLY' || !!rule.byMonth;
  const index = inMonth ? dom - 1 : Math.round((day * DAY - Date.UTC(y, 0, 1)) / DAY);
  const length = inMonth ? monthLen : new Date(Date.UTC(y, 1, 29)).getUTCDate() === 29 ? 366 : 365;
  const nth = Math.floor(index / 7) + 1;
  const nthFromEnd = -(Math.floor((length - 1 - index) / 7) + 1);
  return byDay.some(
    (b) => b.weekday === wd && (b.n === undefined || b.n === nth || b.n === nthFromEnd),
  );
}

/** The days of period number p (counted from the start's period), as days since 1970. */
function periodDays(rule: ParsedRule, start: Date, p: number): number[] {
  const startDay = Math.floor(start.getTime() / DAY);
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  switch (rule.freq) {
    case 'DAILY':
      return [startDay + p];
    case 'WEEKLY': {
      const wd = (start.getUTCDay() + 6) % 7;
      const weekStart = startDay - ((wd - (rule.wkst ?? 0) + 7) % 7) + 7 * p;
      return range(weekStart, weekStart + 7);
    }
    case 'MONTHLY':
      return range(Date.UTC(y, m + p, 1) / DAY, Date.UTC(y, m + p + 1, 1) / DAY);
    case 'YEARLY':
      return range(Date.UTC(y + p, 0, 1) / DAY, Date.UTC(y + p + 1, 0, 1) / DAY);
  }
}

function reference(rule: ParsedRule, startText: string, toText: string): string[] {
  const startMs = floating(startText);
  const start = new Date(startMs);
  const to = floating(toText);
  const until = rule.until === undefined ? Infinity : floating(rule.until);
  const time = startMs - Math.floor(startMs / DAY) * DAY;
  const out: string[] = [];
  let counted = 0;
  for (let p = 0; ; p += rule.interval) {
    const days = periodDays(rule, start, p);
    if ((days[0] ?? Infinity) * DAY > to) return out;
    let set = days.filter((d) => dayMatches(rule, d, start));
    if (rule.bySetPos) {
      const picked = rule.bySetPos.map((pos) => set[pos > 0 ? pos - 1 : set.length + pos]);
      set = [...new Set(picked.filter((d): d is number => d !== undefined))].sort((a, b) => a - b);
    }
    for (const d of set) {
      const t = d * DAY + time;
      if (t < startMs) continue;
      if (t > until || t > to) return out;
      out.push(local(t));
      counted += 1;
      if (rule.count !== undefined && counted >= rule.count) return out;
    }
  }
}

const weekday = fc.integer({ min: 0, max: 6 });
const signed = (max: number) =>
  fc.oneof(fc.integer({ min: 1, max }), fc.integer({ min: -max, max: -1 }));

const ruleArb = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY' as const),
    interval: fc.integer({ min: 1, max: 4 }),
    byDay: fc.option(
      fc.array(fc.record({ weekday, n: fc.option(signed(5), { nil: undefined }) }), {
        minLength: 1,
        maxLength: 4,
      }),
      { nil: undefined },
    ),
    byMonthDay: fc.option(fc.array(signed(31), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    byMonth: fc.option(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }), {
      nil: undefined,
    }),
    bySetPos: fc.option(fc.array(signed(4), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    wkst: fc.option(weekday, { nil: undefined }),
    count: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    untilDays: fc.option(fc.integer({ min: -10, max: 1500 }), { nil: undefined }),
  })
  .map(({ untilDays, ...r }) => {
    // Shape the draw towards rules the subset accepts, so few runs are discarded.
    const rule: ParsedRule & { untilDays?: number } = { ...r, untilDays };
    if (r.freq === 'DAILY' || r.freq === 'WEEKLY') {
      rule.byDay = r.byDay?.map((b) => ({ weekday: b.weekday }));
    }
    if (r.freq === 'WEEKLY') rule.byMonthDay = undefined;
    if (r.freq === 'DAILY') rule.bySetPos = r.bySetPos?.map((p) => (p > 0 ? 1 : -1));
    if (r.freq === 'WEEKLY') {
      const size = new Set(rule.byDay?.map((b) => b.weekday) ?? [0]).size;
      rule.bySetPos = r.bySetPos?.filter((p) => Math.abs(p) <= size);
      if (rule.bySetPos?.length === 0) rule.bySetPos = undefined;
    }
    if (rule.count !== undefined) rule.untilDays = undefined;
    return rule;
  });

const startArb = fc
  .record({ day: fc.integer({ min: 0, max: 4000 }), minute: fc.integer({ min: 0, max: 1439 }) })
  .map(({ day, minute }) => local(Date.UTC(2020, 0, 1) + day * DAY + minute * 60_000));

/** The rule as text, or null when it is outside the subset (the run is then skipped). */
function ruleText(rule: ParsedRule & { untilDays?: number }, start: string): string | null {
  const { untilDays, ...parsed } = rule;
  if (untilDays !== undefined)
    parsed.until = local(floating(start) + untilDays * DAY + 37 * 60_000);
  try {
    return formatRule(parsed);
  } catch (error) {
    if (error instanceof RuleError) return null;
    throw error;
  }
}

describe('occurrences (property)', () => {
  it('match the naive reference, ascend strictly, and window as a slice of the full list', () => {
    fc.assert(
      fc.property(
        ruleArb,
        startArb,
        fc.integer({ min: -40, max: 2200 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 50 }),
        (rule, start, fromDays, spanDays, limit) => {
          const text = ruleText(rule, start);
          fc.pre(text !== null);
          const rulePlain = parseRule(text ?? '', TZ);
          const to = local(floating(start) + 2200 * DAY);
          const full = occurrences(text ?? '', start, TZ, { limit: 5000, to });
          expect(full).toEqual(reference(rulePlain, start, to));
          for (let i = 1; i < full.length; i++) {
            expect((full[i - 1] ?? '') < (full[i] ?? '')).toBe(true);
          }
          const from = local(floating(start) + fromDays * DAY + 7 * 60_000);
          // Kept inside the full list's range, so the slice is comparable.
          const until = local(Math.min(floating(from) + spanDays * DAY, floating(to)));
          const windowed = occurrences(text ?? '', start, TZ, { limit, from, to: until });
          expect(windowed).toEqual(full.filter((o) => o >= from && o <= until).slice(0, limit));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('formatRule / parseRule (property)', () => {
  it('round-trip to the same rule', () => {
    fc.assert(
      fc.property(ruleArb, startArb, (rule, start) => {
        const text = ruleText(rule, start);
        fc.pre(text !== null);
        const parsed = parseRule(text ?? '', TZ);
        expect(formatRule(parsed)).toBe(text);
        expect(parseRule(formatRule(parsed), TZ)).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });
});

describe('zone conversion (property)', () => {
  const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'];
  it('maps each instant to a local minute that maps back to that minute (earliest on overlap)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
        (zone, minute) => {
          const instant = new Date(minute * 60_000).toISOString();
          const wall = utcToLocal(instant, zone);
          const back = localToUtc(wall, zone);
          // Back is the instant itself, or an hour (half on Lord Howe) earlier in a fall-back.
          expect(Date.parse(back)).toBeLessThanOrEqual(minute * 60_000);
          expect(minute * 60_000 - Date.parse(back)).toBeLessThanOrEqual(3_600_000);
          expect(utcToLocal(back, zone)).toBe(wall);
        },
      ),
      { numRuns: 500 },
    );
  });
});
