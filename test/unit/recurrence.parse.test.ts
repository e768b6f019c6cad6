// Reading and writing rule text: the supported subset, its canonical form, and the errors that
// name the part at fault in Chinese and English.
import { describe, expect, it } from 'vitest';
import { formatRule, parseRule, RuleError } from '../../shared/domain/recurrence';

const SH = 'Asia/Shanghai';

function errorOf(rule: string, zone = SH): RuleError {
  try {
    parseRule(rule, zone);
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error(`expected ${rule} to be refused`);
}

describe('parseRule', () => {
  it('reads every supported part', () => {
    expect(
      parseRule(
        'FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU,MO;BYMONTHDAY=1,-1;BYMONTH=3,1;BYSETPOS=-1,1;WKST=SU;COUNT=5',
        SH,
      ),
    ).toEqual({
      freq: 'MONTHLY',
      interval: 2,
      byDay: [{ weekday: 0 }, { weekday: 6, n: 1 }, { weekday: 6, n: -1 }],
      byMonthDay: [1, -1],
      byMonth: [1, 3],
      bySetPos: [1, -1],
      wkst: 6,
      count: 5,
    });
  });

  it('is case-insensitive and order-free, with an optional RRULE: prefix', () => {
    const canonical = parseRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR', SH);
    expect(parseRule('rrule:byday=fr,mo;interval=2;freq=weekly', SH)).toEqual(canonical);
    expect(parseRule(' RRULE:FREQ=WEEKLY; BYDAY=MO,FR ;INTERVAL=2; ', SH)).toEqual(canonical);
  });

  it('defaults INTERVAL to 1 and leaves WKST=MO out', () => {
    expect(parseRule('FREQ=DAILY;WKST=MO', SH)).toEqual({ freq: 'DAILY', interval: 1 });
  });

  it('reads the three UNTIL forms as local time in the zone', () => {
    expect(parseRule('FREQ=DAILY;UNTIL=20261231', SH).until).toBe('2026-12-31T23:59');
    expect(parseRule('FREQ=DAILY;UNTIL=20261231T083045', SH).until).toBe('2026-12-31T08:30');
    // 15:30Z is 23:30 in Shanghai, the same evening, not the next UTC day.
    expect(parseRule('FREQ=DAILY;UNTIL=20261231T153000Z', SH).until).toBe('2026-12-31T23:30');
    expect(parseRule('FREQ=DAILY;UNTIL=20261231T163000Z', SH).until).toBe('2027-01-01T00:30');
    expect(parseRule('FREQ=DAILY;UNTIL=20260701T153000Z', 'America/New_York').until).toBe(
      '2026-07-01T11:30',
    );
  });

  it.each([
    ['FREQ=DAILY;BYDAY=XX', 'BYDAY', 'BYDAY: "XX" 不是星期几 / is not a weekday'],
    ['FREQ=HOURLY', 'FREQ', undefined],
    ['BYDAY=MO', 'FREQ', undefined],
    ['FREQ=DAILY;BYHOUR=8', 'BYHOUR', undefined],
    ['FREQ=DAILY;BYWEEKNO=1', 'BYWEEKNO', undefined],
    ['FREQ=DAILY;FREQ=WEEKLY', 'FREQ', undefined],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL', undefined],
    ['FREQ=DAILY;INTERVAL=x', 'INTERVAL', undefined],
    ['FREQ=DAILY;INTERVAL=', 'INTERVAL', undefined],
    ['FREQ=WEEKLY;BYDAY=1MO', 'BYDAY', undefined],
    ['FREQ=MONTHLY;BYDAY=6MO', 'BYDAY', undefined],
    ['FREQ=MONTHLY;BYDAY=0MO', 'BYDAY', undefined],
    ['FREQ=YEARLY;BYMONTH=3;BYDAY=6MO', 'BYDAY', undefined],
    ['FREQ=YEARLY;BYDAY=54MO', 'BYDAY', undefined],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY', undefined],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY', undefined],
    ['FREQ=MONTHLY;BYMONTHDAY=1,,2', 'BYMONTHDAY', undefined],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY', undefined],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'BYMONTHDAY', undefined],
    ['FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=31,-31', 'BYMONTHDAY', undefined],
    ['FREQ=MONTHLY;BYMONTH=13', 'BYMONTH', undefined],
    ['FREQ=MONTHLY;BYSETPOS=1', 'BYSETPOS', undefined],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0', 'BYSETPOS', undefined],
    ['FREQ=DAILY;BYDAY=MO;BYSETPOS=2', 'BYSETPOS', undefined],
    ['FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=3', 'BYSETPOS', undefined],
    ['FREQ=DAILY;COUNT=0', 'COUNT', undefined],
    ['FREQ=DAILY;COUNT=3;UNTIL=20261231', 'COUNT', undefined],
    ['FREQ=DAILY;UNTIL=2026-12-31', 'UNTIL', undefined],
    ['FREQ=DAILY;UNTIL=20260230', 'UNTIL', undefined],
    ['FREQ=DAILY;UNTIL=20261231T250000', 'UNTIL', undefined],
    ['FREQ=DAILY;WKST=XX', 'WKST', undefined],
    ['FREQ=DAILY;BYDAY', 'RRULE', undefined],
    ['', 'RRULE', undefined],
    ['DTSTART:20260101T080000\nRRULE:FREQ=DAILY', 'RRULE', undefined],
    ['FREQ=DAILY;X Y=1', 'RRULE', undefined],
  ])('refuses %j, naming %s', (rule, part, message) => {
    const error = errorOf(rule);
    expect(error.part).toBe(part);
    expect(error.message.startsWith(`${part}: `)).toBe(true);
    // Every message has a Chinese and an English half.
    expect(error.message).toMatch(/[\u4e00-\u9fff].* \/ [a-zA-Z]/);
    if (message) expect(error.message).toBe(message);
  });

  it('refuses a zone that is not IANA', () => {
    expect(errorOf('FREQ=DAILY', 'Mars/Olympus').part).toBe('timeZone');
  });
});

describe('formatRule', () => {
  it('writes the canonical form', () => {
    const rule = parseRule('byday=-1su,1su;interval=2;freq=monthly;wkst=mo', SH);
    expect(formatRule(rule)).toBe('FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU');
    expect(
      formatRule({ freq: 'YEARLY', interval: 1, byMonthDay: [29], byMonth: [2], count: 4 }),
    ).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=4');
  });

  it('writes UNTIL in local (floating) form, a whole day as the date alone', () => {
    const utc = parseRule('FREQ=DAILY;UNTIL=20261231T153000Z', SH);
    expect(formatRule(utc)).toBe('FREQ=DAILY;UNTIL=20261231T233000');
    expect(formatRule(parseRule('FREQ=DAILY;UNTIL=20261231', SH))).toBe(
      'FREQ=DAILY;UNTIL=20261231',
    );
  });

  it('round-trips with parseRule', () => {
    for (const text of [
      'FREQ=DAILY',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;BYSETPOS=-1;WKST=SU',
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=12',
      'FREQ=MONTHLY;BYMONTHDAY=1,15,-1;UNTIL=20270101T080000',
      'FREQ=YEARLY;BYMONTH=3;BYDAY=1MO',
    ]) {
      expect(formatRule(parseRule(text, SH))).toBe(text);
      expect(parseRule(formatRule(parseRule(text, SH)), SH)).toEqual(parseRule(text, SH));
    }
  });

  it('refuses a rule outside the subset', () => {
    expect(() => formatRule({ freq: 'WEEKLY', interval: 1, byDay: [{ weekday: 7 }] })).toThrow(
      RuleError,
    );
  });
});
