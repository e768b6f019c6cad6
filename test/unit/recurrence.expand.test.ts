// The RFC 5545 semantics plans rely on, each with dates worked out by hand from a calendar
// (1 January 2026 is a Thursday). Expansion runs in floating local time; see recurrence.zone for
// the conversion of those local times to UTC.
import { describe, expect, it } from 'vitest';
import { localToUtc, occurrences, RuleError } from '../../shared/domain/recurrence';

const SH = 'Asia/Shanghai';
const at = (day: string, time = '08:00'): string => `${day}T${time}`;
const days = (list: string[], time = '08:00'): string[] => list.map((d) => at(d, time));

describe('DTSTART and COUNT', () => {
  it('does not count the start as an occurrence unless it matches the rule', () => {
    expect(occurrences('FREQ=MONTHLY;BYDAY=-1FR', at('2026-01-01'), SH, { limit: 3 })).toEqual(
      days(['2026-01-30', '2026-02-27', '2026-03-27']),
    );
  });

  it('includes the start when it matches', () => {
    // 2026-01-01 is a Thursday.
    expect(occurrences('FREQ=WEEKLY;BYDAY=TH', at('2026-01-01'), SH, { limit: 2 })).toEqual(
      days(['2026-01-01', '2026-01-08']),
    );
  });

  it('counts only real occurrences', () => {
    expect(
      occurrences('FREQ=MONTHLY;BYDAY=-1FR;COUNT=3', at('2026-01-01'), SH, { limit: 10 }),
    ).toEqual(days(['2026-01-30', '2026-02-27', '2026-03-27']));
  });

  it('stops at COUNT', () => {
    expect(occurrences('FREQ=DAILY;COUNT=3', at('2026-01-01'), SH, { limit: 10 })).toEqual(
      days(['2026-01-01', '2026-01-02', '2026-01-03']),
    );
  });

  it('counts COUNT from the start even when a later window is asked', () => {
    const opts = { limit: 10, from: at('2026-01-02') };
    expect(occurrences('FREQ=DAILY;COUNT=3', at('2026-01-01'), SH, opts)).toEqual(
      days(['2026-01-02', '2026-01-03']),
    );
    expect(
      occurrences('FREQ=DAILY;COUNT=3', at('2026-01-01'), SH, {
        limit: 10,
        from: at('2026-01-04'),
      }),
    ).toEqual([]);
  });

  it('honours limit, from and to (both inclusive)', () => {
    const opts = { limit: 10, from: at('2026-01-03'), to: at('2026-01-05') };
    expect(occurrences('FREQ=DAILY', at('2026-01-01'), SH, opts)).toEqual(
      days(['2026-01-03', '2026-01-04', '2026-01-05']),
    );
    expect(occurrences('FREQ=DAILY', at('2026-01-01'), SH, { limit: 2 })).toHaveLength(2);
    expect(occurrences('FREQ=DAILY', at('2026-01-01'), SH, { limit: 0 })).toEqual([]);
  });
});

describe('month days', () => {
  it('skips months without a 31st instead of clamping', () => {
    expect(occurrences('FREQ=MONTHLY;BYMONTHDAY=31', at('2026-01-01'), SH, { limit: 8 })).toEqual(
      days([
        '2026-01-31',
        '2026-03-31',
        '2026-05-31',
        '2026-07-31',
        '2026-08-31',
        '2026-10-31',
        '2026-12-31',
        '2027-01-31',
      ]),
    );
  });

  it('takes BYMONTHDAY=-1 as the last day, 28 or 29 February', () => {
    expect(occurrences('FREQ=MONTHLY;BYMONTHDAY=-1', at('2027-01-01'), SH, { limit: 3 })).toEqual(
      days(['2027-01-31', '2027-02-28', '2027-03-31']),
    );
    expect(occurrences('FREQ=MONTHLY;BYMONTHDAY=-1', at('2027-12-01'), SH, { limit: 4 })).toEqual(
      days(['2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31']),
    );
  });

  it('keeps 29 February to leap years, skipping 2100', () => {
    const rule = 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29';
    expect(occurrences(rule, at('2026-01-01'), SH, { limit: 3 })).toEqual(
      days(['2028-02-29', '2032-02-29', '2036-02-29']),
    );
    expect(occurrences(rule, at('2096-01-01'), SH, { limit: 2 })).toEqual(
      days(['2096-02-29', '2104-02-29']),
    );
  });
});

describe('weekdays in a month', () => {
  it('finds the last Friday of each month', () => {
    expect(occurrences('FREQ=MONTHLY;BYDAY=-1FR', at('2026-04-01'), SH, { limit: 3 })).toEqual(
      days(['2026-04-24', '2026-05-29', '2026-06-26']),
    );
  });

  it('skips months without a fifth Friday', () => {
    expect(occurrences('FREQ=MONTHLY;BYDAY=5FR', at('2026-01-01'), SH, { limit: 9 })).toEqual(
      days([
        '2026-01-30',
        '2026-05-29',
        '2026-07-31',
        '2026-10-30',
        '2027-01-29',
        '2027-04-30',
        '2027-07-30',
        '2027-10-29',
        '2027-12-31',
      ]),
    );
  });

  it('finds the last weekday (Mon–Fri) of each month', () => {
    const rule = 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1';
    expect(occurrences(rule, at('2026-01-01'), SH, { limit: 6 })).toEqual(
      days(['2026-01-30', '2026-02-27', '2026-03-31', '2026-04-30', '2026-05-29', '2026-06-30']),
    );
  });

  it('gives the first and last Sunday of every other month', () => {
    const rule = 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU';
    expect(occurrences(rule, at('2026-01-01'), SH, { limit: 8 })).toEqual(
      days([
        '2026-01-04',
        '2026-01-25',
        '2026-03-01',
        '2026-03-29',
        '2026-05-03',
        '2026-05-31',
        '2026-07-05',
        '2026-07-26',
      ]),
    );
  });
});

describe('UNTIL', () => {
  const rule = (until: string) => `FREQ=WEEKLY;BYDAY=MO;UNTIL=${until}`;
  const start = at('2026-01-05'); // a Monday

  it('ends at the occurrence before an UNTIL that is not one', () => {
    expect(occurrences(rule('20260125T080000'), start, SH, { limit: 10 })).toEqual(
      days(['2026-01-05', '2026-01-12', '2026-01-19']),
    );
  });

  it('is inclusive only when it falls on an occurrence', () => {
    expect(occurrences(rule('20260119T080000'), start, SH, { limit: 10 })).toEqual(
      days(['2026-01-05', '2026-01-12', '2026-01-19']),
    );
    expect(occurrences(rule('20260119T075900'), start, SH, { limit: 10 })).toEqual(
      days(['2026-01-05', '2026-01-12']),
    );
  });

  it('reads a date alone as the whole local day', () => {
    expect(occurrences(rule('20260119'), start, SH, { limit: 10 })).toHaveLength(3);
    expect(occurrences(rule('20260118'), start, SH, { limit: 10 })).toHaveLength(2);
  });

  it('converts a UTC UNTIL into the plan zone (08:00 Shanghai is 00:00Z)', () => {
    expect(occurrences(rule('20260119T000000Z'), start, SH, { limit: 10 })).toHaveLength(3);
    expect(occurrences(rule('20260118T235959Z'), start, SH, { limit: 10 })).toHaveLength(2);
  });

  it('gives nothing when UNTIL is before the start', () => {
    expect(occurrences(rule('20260101'), start, SH, { limit: 10 })).toEqual([]);
  });
});

describe('a plan created late in the evening (Asia/Shanghai, UTC+8)', () => {
  it('keeps daily occurrences on their local days', () => {
    const local = occurrences('FREQ=DAILY', '2026-03-01T23:30', SH, { limit: 3 });
    expect(local).toEqual(['2026-03-01T23:30', '2026-03-02T23:30', '2026-03-03T23:30']);
    expect(local.map((l) => localToUtc(l, SH))).toEqual([
      '2026-03-01T15:30:00.000Z',
      '2026-03-02T15:30:00.000Z',
      '2026-03-03T15:30:00.000Z',
    ]);
  });

  it('puts a Monday rule started on Sunday 23:30 on the Monday', () => {
    // 2026-03-01 is a Sunday; in UTC it is already... still Sunday 15:30, so nothing shifts.
    const local = occurrences('FREQ=WEEKLY;BYDAY=MO', '2026-03-01T23:30', SH, { limit: 2 });
    expect(local).toEqual(['2026-03-02T23:30', '2026-03-09T23:30']);
    expect(localToUtc('2026-03-02T23:30', SH)).toBe('2026-03-02T15:30:00.000Z');
  });

  it('reads a UTC UNTIL as the same local evening', () => {
    const rule = 'FREQ=DAILY;UNTIL=20260302T153000Z';
    expect(occurrences(rule, '2026-03-01T23:30', SH, { limit: 10 })).toEqual([
      '2026-03-01T23:30',
      '2026-03-02T23:30',
    ]);
  });
});

describe('BYSETPOS', () => {
  it('gives no duplicate with several positions', () => {
    const rule = 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1';
    expect(occurrences(rule, at('2026-01-01'), SH, { limit: 6 })).toEqual(
      days(['2026-01-01', '2026-01-30', '2026-02-02', '2026-02-27', '2026-03-02', '2026-03-31']),
    );
  });

  it('gives a day once when two positions select it, and COUNT counts it once', () => {
    const rule = 'FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=1,-1';
    expect(occurrences(rule, at('2026-01-01'), SH, { limit: 3 })).toEqual(
      days(['2026-01-01', '2026-02-01', '2026-03-01']),
    );
    expect(occurrences(`${rule};COUNT=3`, at('2026-01-01'), SH, { limit: 10 })).toEqual(
      days(['2026-01-01', '2026-02-01', '2026-03-01']),
    );
  });

  it('keeps order when a position misses (BYSETPOS=-1,5,1 in months with four Mondays)', () => {
    expect(
      occurrences('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1,5,1', at('2026-01-01'), SH, { limit: 4 }),
    ).toEqual(days(['2026-01-05', '2026-01-26', '2026-02-02', '2026-02-23']));
  });
});

describe('WEEKLY with BYSETPOS from a mid-week start', () => {
  // 2026-01-07 is a Wednesday; its week (WKST=MO) runs Mon 5 – Sun 11 January.
  const wed = at('2026-01-07');

  it('selects the last matching day of each week, the start week included', () => {
    const rule = 'FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1';
    expect(occurrences(rule, wed, SH, { limit: 3 })).toEqual(
      days(['2026-01-09', '2026-01-16', '2026-01-23']),
    );
  });

  it('counts positions from the week start, not from the start day', () => {
    // Position 1 of the start week is Monday 5th, before the start: that week gives nothing.
    const rule = 'FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=1';
    expect(occurrences(rule, wed, SH, { limit: 3 })).toEqual(
      days(['2026-01-12', '2026-01-19', '2026-01-26']),
    );
    expect(occurrences(`${rule};INTERVAL=2`, wed, SH, { limit: 2 })).toEqual(
      days(['2026-01-19', '2026-02-02']),
    );
  });

  it('uses WKST for the weeks', () => {
    // Weeks Sun–Sat: {Sun 4, Mon 5} then {Sun 11, Mon 12}; weeks Mon–Sun: {Mon 5, Sun 11}.
    const rule = 'FREQ=WEEKLY;BYDAY=SU,MO;BYSETPOS=-1';
    expect(occurrences(`${rule};WKST=SU`, wed, SH, { limit: 2 })).toEqual(
      days(['2026-01-12', '2026-01-19']),
    );
    expect(occurrences(rule, wed, SH, { limit: 2 })).toEqual(days(['2026-01-11', '2026-01-18']));
    // Weeks Sun–Sat: {Tue 6, Sat 10}; position 1 is Tuesday 6th, before the start.
    expect(
      occurrences('FREQ=WEEKLY;BYDAY=TU,SA;BYSETPOS=1;WKST=SU', wed, SH, { limit: 2 }),
    ).toEqual(days(['2026-01-13', '2026-01-20']));
  });
});

// How fast these are is measured in `npm run bench` (area maintenance), never asserted here: the
// machines that run the tests are shared and their timings are noise.
describe('bounds', () => {
  it('expands a daily rule over five years', () => {
    const got = occurrences('FREQ=DAILY', at('2026-01-01'), SH, {
      limit: 5000,
      to: at('2030-12-31'),
    });
    expect(got).toHaveLength(1826);
    expect(got.at(-1)).toBe(at('2030-12-31'));
  });

  it('jumps to a window far in the future instead of expanding up to it', () => {
    const got = occurrences('FREQ=DAILY;INTERVAL=3', at('2026-01-01'), SH, {
      limit: 3,
      from: at('2526-03-01', '00:00'),
    });
    // 2026-01-01 + 182,682 days (a multiple of 3) is 2526-03-03.
    expect(got).toEqual(days(['2526-03-03', '2526-03-06', '2526-03-09']));
  });

  it('ends rules that never match instead of searching to year 9999', () => {
    const never = [
      'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29', // from 2025: never a leap year
      'FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31', // from April: always April
      'FREQ=MONTHLY;BYMONTHDAY=1;BYDAY=5MO', // a fifth Monday is never the 1st
    ];
    for (const rule of never) {
      expect(occurrences(rule, at('2025-04-01'), SH, { limit: 5 })).toEqual([]);
    }
  });
});

describe('arguments', () => {
  it.each([
    ['DTSTART', () => occurrences('FREQ=DAILY', '2026-01-01 08:00', SH, { limit: 1 })],
    ['limit', () => occurrences('FREQ=DAILY', at('2026-01-01'), SH, { limit: -1 })],
    ['limit', () => occurrences('FREQ=DAILY', at('2026-01-01'), SH, { limit: 1.5 })],
    ['from', () => occurrences('FREQ=DAILY', at('2026-01-01'), SH, { limit: 1, from: 'soon' })],
    [
      'to',
      () => occurrences('FREQ=DAILY', at('2026-01-01'), SH, { limit: 1, to: '2026-13-01T00:00' }),
    ],
    ['timeZone', () => occurrences('FREQ=DAILY', at('2026-01-01'), 'Nowhere', { limit: 1 })],
    ['BYDAY', () => occurrences('FREQ=DAILY;BYDAY=XX', at('2026-01-01'), SH, { limit: 1 })],
  ])('names %s when it is wrong', (part, call) => {
    let caught: unknown;
    try {
      call();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleError);
    expect((caught as RuleError).part).toBe(part);
  });
});
