// Timestamps as platforms and spreadsheets write them (readStamp), and wall times in a zone to UTC
// (WallClock), including the hours a DST change skips or repeats, checked against instants
// written out by hand.
import { describe, expect, it } from 'vitest';
import { readStamp, WallClock } from '../../shared/domain/readingTime';

const ms = (iso: string) => Date.parse(iso);

describe('readStamp', () => {
  it.each([
    ['2025-03-01T08:00:00+08:00', '2025-03-01T00:00:00Z'],
    ['2025-03-01T08:00+08:00', '2025-03-01T00:00:00Z'],
    ['2025-03-01 08:00:00+0800', '2025-03-01T00:00:00Z'],
    ['2025-03-01T08:00:00+08', '2025-03-01T00:00:00Z'],
    ['2025-03-01T00:00:00Z', '2025-03-01T00:00:00Z'],
    ['2025-03-01T00:00:00.250Z', '2025-03-01T00:00:00.250Z'],
    ['2025-03-01T00:00:00.5Z', '2025-03-01T00:00:00.500Z'],
    ['2025-02-28T21:30:00-05:00', '2025-03-01T02:30:00Z'],
    ['2025-03-01T24:00Z', '2025-03-02T00:00:00Z'],
  ])('reads %s as the instant %s', (text, instant) => {
    expect(readStamp(text)).toEqual({ kind: 'instant', ms: ms(instant) });
  });

  it.each([
    ['2025-03-01 08:00', '2025-03-01T08:00:00Z'],
    ['2025/3/1 8:00', '2025-03-01T08:00:00Z'],
    ['2025.03.01 08:00:30', '2025-03-01T08:00:30Z'],
    ['2025年3月1日 08:00', '2025-03-01T08:00:00Z'],
    ['2025-03-01', '2025-03-01T00:00:00Z'],
    ['  2024-02-29 23:59  ', '2024-02-29T23:59:00Z'],
  ])('reads %s as a wall time', (text, wall) => {
    expect(readStamp(text)).toEqual({ kind: 'wall', wall: ms(wall) });
  });

  it.each([
    [''],
    ['yesterday'],
    ['2025-13-01 08:00'],
    ['2025-02-29 08:00'],
    ['2025-03-01 25:00'],
    ['2025-03-01 24:30'],
    ['2025-03-01 08:60'],
    ['2025-03-01 8'],
    ['1969-12-31 23:00'],
    ['2025-03-01T08:00+8:00'],
    ['2025-03-01T08:00+15:00'],
    ['2025-03-01T08:00 CST'],
    ['45678.5'],
  ])('refuses %j', (text) => {
    expect(readStamp(text).kind).toBe('bad');
  });
});

describe('WallClock', () => {
  it('reads Shanghai wall times at +08:00', () => {
    const clock = new WallClock('Asia/Shanghai');
    expect(clock.toUtc(ms('2025-03-01T08:00:00Z'))).toBe(ms('2025-03-01T00:00:00Z'));
  });

  it('refuses the hour New York skips and takes the earlier of the hour it repeats', () => {
    const clock = new WallClock('America/New_York');
    expect(clock.toUtc(ms('2025-03-09T01:59:00Z'))).toBe(ms('2025-03-09T06:59:00Z'));
    expect(clock.toUtc(ms('2025-03-09T02:30:00Z'))).toBeNull();
    expect(clock.toUtc(ms('2025-03-09T03:00:00Z'))).toBe(ms('2025-03-09T07:00:00Z'));
    // 01:30 happens twice on 2 November: at −04:00 first.
    expect(clock.toUtc(ms('2025-11-02T01:30:00Z'))).toBe(ms('2025-11-02T05:30:00Z'));
    expect(clock.toUtc(ms('2025-11-02T02:30:00Z'))).toBe(ms('2025-11-02T07:30:00Z'));
  });

  it('handles a zone that shifts by half an hour inside an hour (Lord Howe)', () => {
    const clock = new WallClock('Australia/Lord_Howe');
    // Clocks go from 02:00 to 02:30 (+10:30 → +11:00) on 5 October 2025.
    expect(clock.toUtc(ms('2025-10-05T01:59:00Z'))).toBe(ms('2025-10-04T15:29:00Z'));
    expect(clock.toUtc(ms('2025-10-05T02:15:00Z'))).toBeNull();
    expect(clock.toUtc(ms('2025-10-05T02:45:00Z'))).toBe(ms('2025-10-04T15:45:00Z'));
  });

  it('refuses a zone that does not exist', () => {
    expect(() => new WallClock('Mars/Olympus')).toThrow(/not a valid IANA time zone/);
  });
});
