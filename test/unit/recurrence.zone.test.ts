// Local wall-clock time ↔ UTC instants in IANA zones. Expansion itself is zone-free (floating);
// the zone matters when an occurrence becomes an instant, and on DST days RFC 5545's rule holds:
// a local time in the spring-forward gap moves forward by the gap (02:30 → 03:30), and a time that
// happens twice at fall-back means the first (earlier) instant.
import { describe, expect, it } from 'vitest';
import {
  isValidTimeZone,
  localToUtc,
  occurrences,
  RuleError,
  utcToLocal,
} from '../../shared/domain/recurrence';

const NY = 'America/New_York';
const SH = 'Asia/Shanghai';

describe('isValidTimeZone', () => {
  it('accepts IANA names and refuses others', () => {
    expect(isValidTimeZone(SH)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone(NY)).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('localToUtc / utcToLocal', () => {
  it('converts Shanghai (UTC+8, no DST) both ways', () => {
    expect(localToUtc('2026-03-01T23:30', SH)).toBe('2026-03-01T15:30:00.000Z');
    expect(utcToLocal('2026-03-01T15:30:00.000Z', SH)).toBe('2026-03-01T23:30');
    expect(utcToLocal('2026-03-01T16:30:00Z', SH)).toBe('2026-03-02T00:30');
  });

  it('drops seconds and accepts an explicit offset', () => {
    expect(utcToLocal('2026-03-01T15:30:59.999Z', SH)).toBe('2026-03-01T23:30');
    expect(utcToLocal('2026-03-01T10:30:00-05:00', SH)).toBe('2026-03-01T23:30');
  });

  it('refuses instants without a zone, bad local times and bad zones', () => {
    const part = (f: () => unknown): string => {
      try {
        f();
      } catch (error) {
        if (error instanceof RuleError) return error.part;
      }
      return 'no RuleError';
    };
    expect(part(() => utcToLocal('2026-03-01T15:30:00', SH))).toBe('isoUtc');
    expect(part(() => localToUtc('2026-02-30T08:00', SH))).toBe('local');
    expect(part(() => localToUtc('2026-02-01 08:00', SH))).toBe('local');
    expect(part(() => localToUtc('2026-02-01T08:00', 'Nowhere'))).toBe('timeZone');
  });
});

describe('a daily 02:30 rule in New York across the DST changes', () => {
  it('keeps the nominal 02:30 in local occurrences and moves the gap day forward in UTC', () => {
    // 8 March 2026: clocks go from 02:00 EST to 03:00 EDT, so 02:30 does not exist that day.
    const local = occurrences('FREQ=DAILY', '2026-03-07T02:30', NY, { limit: 3 });
    expect(local).toEqual(['2026-03-07T02:30', '2026-03-08T02:30', '2026-03-09T02:30']);
    expect(local.map((l) => localToUtc(l, NY))).toEqual([
      '2026-03-07T07:30:00.000Z', // 02:30 EST (UTC−5)
      '2026-03-08T07:30:00.000Z', // moved forward by the one-hour gap: 03:30 EDT
      '2026-03-09T06:30:00.000Z', // 02:30 EDT (UTC−4)
    ]);
    expect(utcToLocal('2026-03-08T07:30:00.000Z', NY)).toBe('2026-03-08T03:30');
  });

  it('takes the earlier of the two 01:30s at fall-back', () => {
    // 1 November 2026: clocks go from 02:00 EDT back to 01:00 EST, so 01:30 happens twice.
    const local = occurrences('FREQ=DAILY', '2026-10-31T01:30', NY, { limit: 3 });
    expect(local.map((l) => localToUtc(l, NY))).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z', // 01:30 EDT, the first one
      '2026-11-02T06:30:00.000Z',
    ]);
    expect(utcToLocal('2026-11-01T06:30:00.000Z', NY)).toBe('2026-11-01T01:30');
  });
});
