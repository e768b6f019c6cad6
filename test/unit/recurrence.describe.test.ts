// Plain-language descriptions (Chinese and English) and the editor model (RuleSpec) with its
// conversions to and from rule text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeRule,
  RuleError,
  ruleFromSpec,
  specFromRule,
  type RuleSpec,
} from '../../shared/domain/recurrence';

describe('describeRule', () => {
  it.each([
    [
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO',
      '每 3 个月的第一个星期一',
      'every 3 months on the first Monday',
    ],
    ['FREQ=DAILY', '每天', 'every day'],
    ['FREQ=DAILY;INTERVAL=2;COUNT=10', '每 2 天，共 10 次', 'every 2 days, 10 times'],
    ['FREQ=WEEKLY;BYDAY=SA;COUNT=1', '每周的星期六，共 1 次', 'every week on Saturday, once'],
    [
      'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      '每周的星期一、星期三和星期五',
      'every week on Monday, Wednesday and Friday',
    ],
    ['FREQ=MONTHLY;BYMONTHDAY=31', '每月的 31 日', 'every month on the 31st'],
    [
      'FREQ=MONTHLY;BYMONTHDAY=1,15,-1',
      '每月的 1 日、15 日和最后一天',
      'every month on the 1st, the 15th and the last day',
    ],
    ['FREQ=MONTHLY;BYDAY=-1FR', '每月的最后一个星期五', 'every month on the last Friday'],
    [
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      '每月的最后一个工作日',
      'every month on the last weekday',
    ],
    [
      'FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU',
      '每 2 个月的第一个和最后一个星期日',
      'every 2 months on the first and last Sunday',
    ],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '每年 2 月 29 日', 'every year on February 29'],
    [
      'FREQ=YEARLY;BYMONTH=3;BYDAY=1MO',
      '每年 3 月的第一个星期一',
      'every year on the first Monday in March',
    ],
    [
      'FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1',
      '每周的星期一、星期三和星期五中的最后一个',
      'every week on the last of Monday, Wednesday and Friday',
    ],
    [
      'FREQ=MONTHLY;BYDAY=5FR;UNTIL=20271231',
      '每月的第五个星期五，直到 2027-12-31',
      'every month on the fifth Friday, until 2027-12-31',
    ],
    [
      'FREQ=MONTHLY;BYMONTH=1,7;BYMONTHDAY=1',
      '每月的 1 日（仅 1 月和 7 月）',
      'every month on the 1st, only in January and July',
    ],
    [
      'FREQ=MONTHLY;UNTIL=20261231T153000Z',
      '每月，直到 2026-12-31 15:30 UTC',
      'every month, until 2026-12-31 15:30 UTC',
    ],
  ])('%s', (rule, zh, en) => {
    expect(describeRule(rule, 'zh-CN')).toBe(zh);
    expect(describeRule(rule, 'en')).toBe(en);
  });

  it('throws RuleError for a rule outside the subset', () => {
    expect(() => describeRule('FREQ=HOURLY', 'en')).toThrow(RuleError);
  });
});

describe('ruleFromSpec', () => {
  it.each<[RuleSpec, string]>([
    [{ kind: 'daily', every: 1 }, 'FREQ=DAILY'],
    [{ kind: 'daily', every: 2 }, 'FREQ=DAILY;INTERVAL=2'],
    [{ kind: 'weekly', every: 2, weekdays: [4, 0] }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR'],
    [{ kind: 'monthlyByDay', every: 1, monthDays: [15, -1, 1] }, 'FREQ=MONTHLY;BYMONTHDAY=1,15,-1'],
    [
      { kind: 'monthlyByWeekday', every: 3, ordinal: 1, weekday: 0 },
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO',
    ],
    [{ kind: 'monthlyByWeekday', every: 1, ordinal: -1, weekday: 4 }, 'FREQ=MONTHLY;BYDAY=-1FR'],
    [{ kind: 'lastWeekdayOfMonth', every: 1 }, 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'],
    [{ kind: 'yearly', every: 1, month: 2, monthDay: 29 }, 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'],
  ])('%j → %s', (spec, rule) => {
    expect(ruleFromSpec(spec)).toBe(rule);
  });

  it('adds the end: COUNT, a whole local day, or a local time', () => {
    const spec: RuleSpec = { kind: 'daily', every: 1 };
    expect(ruleFromSpec(spec, { count: 10 })).toBe('FREQ=DAILY;COUNT=10');
    expect(ruleFromSpec(spec, { until: '2026-12-31' })).toBe('FREQ=DAILY;UNTIL=20261231');
    expect(ruleFromSpec(spec, { until: '2026-12-31T18:00' })).toBe(
      'FREQ=DAILY;UNTIL=20261231T180000',
    );
  });

  it.each<[RuleSpec, { count?: number; until?: string } | undefined, string]>([
    [{ kind: 'weekly', every: 1, weekdays: [] }, undefined, 'BYDAY'],
    [{ kind: 'weekly', every: 1, weekdays: [7] }, undefined, 'BYDAY'],
    [{ kind: 'daily', every: 0 }, undefined, 'INTERVAL'],
    [{ kind: 'monthlyByDay', every: 1, monthDays: [0] }, undefined, 'BYMONTHDAY'],
    [{ kind: 'monthlyByDay', every: 1, monthDays: [-2] }, undefined, 'BYMONTHDAY'],
    [{ kind: 'yearly', every: 1, month: 2, monthDay: 30 }, undefined, 'BYMONTHDAY'],
    [{ kind: 'yearly', every: 1, month: 13, monthDay: 1 }, undefined, 'BYMONTH'],
    [{ kind: 'daily', every: 1 }, { count: 2, until: '2026-12-31' }, 'COUNT'],
    [{ kind: 'daily', every: 1 }, { until: '2026-02-30' }, 'UNTIL'],
  ])('refuses %j (%j), naming %s', (spec, end, part) => {
    let caught: unknown;
    try {
      ruleFromSpec(spec, end);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleError);
    expect((caught as RuleError).part).toBe(part);
  });
});

describe('specFromRule', () => {
  it('reads rules in any case and order', () => {
    expect(specFromRule('rrule:bysetpos=-1;byday=fr,th,we,tu,mo;freq=monthly;count=5')).toEqual({
      kind: 'lastWeekdayOfMonth',
      every: 1,
    });
    expect(specFromRule('FREQ=WEEKLY;BYDAY=FR,MO;WKST=SU')).toEqual({
      kind: 'weekly',
      every: 1,
      weekdays: [0, 4],
    });
  });

  it.each([
    'FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU',
    'FREQ=WEEKLY',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=SU',
    'FREQ=MONTHLY;BYMONTHDAY=-2',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
    'FREQ=MONTHLY;BYDAY=MO',
    'FREQ=YEARLY',
    'FREQ=YEARLY;BYMONTH=2,3;BYMONTHDAY=1',
    'FREQ=DAILY;BYDAY=MO',
    'not a rule',
  ])('gives null for %s (beyond the editor)', (rule) => {
    expect(specFromRule(rule)).toBeNull();
  });

  const specArb: fc.Arbitrary<RuleSpec> = fc.oneof(
    fc.record({ kind: fc.constant('daily' as const), every: fc.integer({ min: 1, max: 12 }) }),
    fc.record({
      kind: fc.constant('weekly' as const),
      every: fc.integer({ min: 1, max: 12 }),
      weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    }),
    fc.record({
      kind: fc.constant('monthlyByDay' as const),
      every: fc.integer({ min: 1, max: 12 }),
      monthDays: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant(-1)), {
        minLength: 1,
        maxLength: 5,
      }),
    }),
    fc.record({
      kind: fc.constant('monthlyByWeekday' as const),
      every: fc.integer({ min: 1, max: 12 }),
      ordinal: fc.constantFrom(1, 2, 3, 4, 5, -1 as const),
      weekday: fc.integer({ min: 0, max: 6 }),
    }),
    fc.record({
      kind: fc.constant('lastWeekdayOfMonth' as const),
      every: fc.integer({ min: 1, max: 12 }),
    }),
    fc.record({
      kind: fc.constant('yearly' as const),
      every: fc.integer({ min: 1, max: 12 }),
      month: fc.integer({ min: 1, max: 12 }),
      monthDay: fc.integer({ min: 1, max: 28 }),
    }),
  );

  it('gives back the spec ruleFromSpec wrote (lists in reading order)', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const expected = { ...spec };
        if (expected.kind === 'weekly')
          expected.weekdays = [...expected.weekdays].sort((a, b) => a - b);
        if (expected.kind === 'monthlyByDay') {
          expected.monthDays = [...expected.monthDays].sort(
            (a, b) => (a < 0 ? 99 : a) - (b < 0 ? 99 : b),
          );
        }
        expect(specFromRule(ruleFromSpec(spec, { count: 3 }))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
