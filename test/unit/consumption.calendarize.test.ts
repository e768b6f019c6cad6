// calendarize, hand-worked: a month boundary in Asia/Shanghai, spring-forward and fall-back days in
// America/New_York and Europe/Berlin, a zone whose midnight falls in the DST gap, and the edge
// cases (inside one day, zero length, ending at midnight, the remainder on the last day).
import { describe, expect, it } from 'vitest';
import { calendarize, localDayOf, type DailyAmount } from '../../shared/domain/consumption';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

const close = (actual: DailyAmount[], expected: DailyAmount[]): void => {
  expect(actual.map((d) => d.day)).toEqual(expected.map((d) => d.day));
  actual.forEach((d, i) => expect(d.amount).toBeCloseTo(expected[i]?.amount ?? NaN, 9));
};
const monthOf = (days: DailyAmount[], month: string): number =>
  days.filter((d) => d.day.startsWith(month)).reduce((s, d) => s + d.amount, 0);

describe('calendarize across a month boundary (Asia/Shanghai, UTC+8)', () => {
  it('spreads by hours over Shanghai days, not UTC days', () => {
    // 2024-01-30 18:00 CST (10:00Z) → 2024-02-02 06:00 CST (02-01 22:00Z): 60 h, 600 units, 10/h
    //   Jan 30: 18:00–24:00 =  6 h →  60
    //   Jan 31: 24 h              → 240
    //   Feb 01: 24 h              → 240
    //   Feb 02: 00:00–06:00 =  6 h →  60
    const days = calendarize('2024-01-30T10:00:00Z', '2024-02-01T22:00:00Z', 600, SH);
    close(days, [
      { day: '2024-01-30', amount: 60 },
      { day: '2024-01-31', amount: 240 },
      { day: '2024-02-01', amount: 240 },
      { day: '2024-02-02', amount: 60 },
    ]);
    // January gets 300 and February 300; by UTC days January would have had 14 + 24 = 38 h = 380.
    expect(monthOf(days, '2024-01')).toBeCloseTo(300, 9);
    expect(monthOf(days, '2024-02')).toBeCloseTo(300, 9);
    const utc = calendarize('2024-01-30T10:00:00Z', '2024-02-01T22:00:00Z', 600, 'UTC');
    expect(monthOf(utc, '2024-01')).toBeCloseTo(380, 9);
  });
});

describe('calendarize over daylight-saving changes', () => {
  it('gives the 23-hour spring-forward day 23/48 of a 48-hour interval (New York)', () => {
    // 2024-03-10 02:00 EST → 03:00 EDT. From 03-09 00:00 EST (05:00Z) for 48 h to 03-11 05:00Z:
    //   Mar 09: 05:00Z → 03-10 05:00Z      = 24 h → 480 × 24/48 = 240
    //   Mar 10: 05:00Z → 03-11 04:00Z      = 23 h → 480 × 23/48 = 230
    //   Mar 11: 04:00Z (00:00 EDT) → 05:00Z =  1 h → 480 ×  1/48 =  10
    close(calendarize('2024-03-09T05:00:00Z', '2024-03-11T05:00:00Z', 480, NY), [
      { day: '2024-03-09', amount: 240 },
      { day: '2024-03-10', amount: 230 },
      { day: '2024-03-11', amount: 10 },
    ]);
  });

  it('does the same for Berlin, spring and autumn', () => {
    // 2024-03-31 02:00 CET → 03:00 CEST. From 03-30 00:00 CET (03-29 23:00Z) for 48 h:
    //   Mar 30: 24 h → 240; Mar 31: 23 h → 230; Apr 01: 00:00–01:00 CEST = 1 h → 10
    close(calendarize('2024-03-29T23:00:00Z', '2024-03-31T23:00:00Z', 480, BERLIN), [
      { day: '2024-03-30', amount: 240 },
      { day: '2024-03-31', amount: 230 },
      { day: '2024-04-01', amount: 10 },
    ]);
    // 2024-10-27 03:00 CEST → 02:00 CET: a 25-hour day. From 10-26 00:00 CEST (10-25 22:00Z) to
    // 10-28 01:00 CET (10-28 00:00Z) = 50 h, 500 units: Oct 26 24 h → 240, Oct 27 25 h → 250,
    // Oct 28 1 h → 10
    close(calendarize('2024-10-25T22:00:00Z', '2024-10-28T00:00:00Z', 500, BERLIN), [
      { day: '2024-10-26', amount: 240 },
      { day: '2024-10-27', amount: 250 },
      { day: '2024-10-28', amount: 10 },
    ]);
  });

  it('starts a day at the end of a DST gap at midnight (America/Santiago)', () => {
    // 2024-09-08 00:00 −04 jumps to 01:00 −03: the day begins at 04:00Z and lasts 23 h.
    //   Sep 07: 04:00Z → 09-08 04:00Z = 24 h → 470 × 24/47 = 240
    //   Sep 08: 04:00Z → 09-09 03:00Z = 23 h → 470 × 23/47 = 230
    close(calendarize('2024-09-07T04:00:00Z', '2024-09-09T03:00:00Z', 470, 'America/Santiago'), [
      { day: '2024-09-07', amount: 240 },
      { day: '2024-09-08', amount: 230 },
    ]);
  });
});

describe('calendarize edge cases', () => {
  it('puts an interval inside one local day on that day, whole', () => {
    // 2024-05-01 01:00–23:00 CST = 04-30 17:00Z → 05-01 15:00Z: one Shanghai day
    expect(calendarize('2024-04-30T17:00:00Z', '2024-05-01T15:00:00Z', 12.5, SH)).toEqual([
      { day: '2024-05-01', amount: 12.5 },
    ]);
  });

  it('puts a zero-length interval with an amount on its instant’s day', () => {
    // 2024-05-01 23:30Z is 05-02 07:30 in Shanghai
    expect(calendarize('2024-05-01T23:30:00Z', '2024-05-01T23:30:00Z', 42, SH)).toEqual([
      { day: '2024-05-02', amount: 42 },
    ]);
  });

  it('does not touch the day that starts where the interval ends', () => {
    // 05-01 00:00 CST → 05-02 00:00 CST: exactly one day
    expect(calendarize('2024-04-30T16:00:00Z', '2024-05-01T16:00:00Z', 7, SH)).toEqual([
      { day: '2024-05-01', amount: 7 },
    ]);
  });

  it('puts the rounding remainder on the last day so the parts sum to the amount', () => {
    // 1/3 of an odd amount over 3 equal days does not divide exactly in binary
    const days = calendarize('2024-04-30T16:00:00Z', '2024-05-03T16:00:00Z', 100.1, SH);
    expect(days).toHaveLength(3);
    const [a, b, c] = days.map((d) => d.amount);
    expect(c).toBe(100.1 - ((a ?? 0) + (b ?? 0)));
    expect(Math.abs(days.reduce((s, d) => s + d.amount, 0) - 100.1)).toBeLessThanOrEqual(1e-12);
  });

  it('spreads negative corrections the same way', () => {
    close(calendarize('2024-04-30T16:00:00Z', '2024-05-02T16:00:00Z', -10, SH), [
      { day: '2024-05-01', amount: -5 },
      { day: '2024-05-02', amount: -5 },
    ]);
  });

  it('refuses reversed intervals, zone-less instants and unknown zones', () => {
    expect(() => calendarize('2024-05-02T00:00:00Z', '2024-05-01T00:00:00Z', 1, SH)).toThrow(
      RangeError,
    );
    expect(() => calendarize('2024-05-01T00:00:00', '2024-05-02T00:00:00Z', 1, SH)).toThrow(
      RangeError,
    );
    expect(() =>
      calendarize('2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z', 1, 'Mars/Base'),
    ).toThrow(RangeError);
  });

  it('names the local day of an instant', () => {
    expect(localDayOf('2024-12-31T16:00:00Z', SH)).toBe('2025-01-01');
    expect(localDayOf('2024-12-31T16:00:00Z', NY)).toBe('2024-12-31');
  });
});
