// The rrule 2.8 faults the recurrence module corrects, each shown on rrule itself and then on
// occurrences(). If a "rrule itself" expectation starts failing after an upgrade, the fault is
// fixed upstream and its workaround in shared/domain/recurrence/expand.ts can be reconsidered.
import * as rruleModule from 'rrule';
import { describe, expect, it } from 'vitest';
import { occurrences } from '../../shared/domain/recurrence';

type RRuleLib = typeof rruleModule;
const ns: object = rruleModule;
const { rrulestr, datetime } =
  'RRule' in ns ? rruleModule : (Reflect.get(ns, 'default') as RRuleLib);

/** rrule's own first results, floating mode, as 'YYYY-MM-DD'. */
function raw(rule: string, start: Date, n: number): string[] {
  return rrulestr(rule, { dtstart: start })
    .all((_, i) => i < n)
    .map((d) => d.toISOString().slice(0, 10));
}
const ours = (rule: string, start: string, n: number): string[] =>
  occurrences(rule, start, 'UTC', { limit: n }).map((o) => o.slice(0, 10));

describe('rrule 2.8 faults, corrected', () => {
  it('a day picked by two BYSETPOS values comes out twice, and COUNT counts both', () => {
    const rule = 'FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=1,-1';
    expect(raw(rule, datetime(2026, 1, 1, 8, 0), 4)).toEqual([
      '2026-01-01',
      '2026-01-01',
      '2026-02-01',
      '2026-02-01',
    ]);
    expect(raw(`${rule};COUNT=3`, datetime(2026, 1, 1, 8, 0), 9)).toHaveLength(3);
    expect(ours(rule, '2026-01-01T08:00', 3)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(ours(`${rule};COUNT=3`, '2026-01-01T08:00', 9)).toHaveLength(3);
  });

  it('WEEKLY+BYSETPOS counts the first week from the start day, not from WKST', () => {
    // Wednesday 7 January 2026: the week's first matching day is Monday the 5th, before the start.
    const rule = 'FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=1';
    expect(raw(rule, datetime(2026, 1, 7, 8, 0), 2)).toEqual(['2026-01-07', '2026-01-12']);
    expect(ours(rule, '2026-01-07T08:00', 2)).toEqual(['2026-01-12', '2026-01-19']);
  });

  it('a negative BYSETPOS past the set size picks the first day', () => {
    // Mondays that are the 1st: 2020 has one (1 June), so "second to last" exists only from 2021
    // (1 Feb, 1 Mar, 1 Nov → 1 March).
    const rule = 'FREQ=YEARLY;BYDAY=MO;BYMONTHDAY=1;BYSETPOS=-2';
    expect(raw(rule, datetime(2020, 1, 1, 0, 0), 1)).toEqual(['2020-06-01']);
    expect(ours(rule, '2020-01-01T00:00', 1)).toEqual(['2021-03-01']);
  });

  it('a positive BYSETPOS past the set size unsorts the month', () => {
    // January 2026 has four Mondays, so position 5 misses and rrule sorts an Invalid Date.
    const rule = 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1,5,1';
    expect(raw(rule, datetime(2026, 1, 1, 8, 0), 2)).toEqual(['2026-01-26', '2026-01-05']);
    expect(ours(rule, '2026-01-01T08:00', 2)).toEqual(['2026-01-05', '2026-01-26']);
  });

  it('plain and ordinal BYDAY values are intersected instead of united', () => {
    // RFC 5545: 1MO,MO is every Monday (the first one included); rrule keeps only first Mondays.
    expect(raw('FREQ=MONTHLY;BYDAY=1MO,MO', datetime(2026, 1, 1, 8, 0), 2)).toEqual([
      '2026-01-05',
      '2026-02-02',
    ]);
    expect(ours('FREQ=MONTHLY;BYDAY=1MO,MO', '2026-01-01T08:00', 2)).toEqual([
      '2026-01-05',
      '2026-01-12',
    ]);
    // The first Monday and every Friday (rrule finds none and scans on to year 9999).
    expect(ours('FREQ=MONTHLY;BYDAY=1MO,FR', '2026-01-01T08:00', 4)).toEqual([
      '2026-01-02',
      '2026-01-05',
      '2026-01-09',
      '2026-01-16',
    ]);
  });
});
