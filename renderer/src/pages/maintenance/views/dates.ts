// Local-day arithmetic for the board and the calendars. Days travel as YYYY-MM-DD text (the
// contract's LocalDate); weeks start on Monday (the Chinese convention) whatever the UI language.
import dayjs, { type Dayjs } from 'dayjs';
// The locales are registered (not made global) so antd's pickers, which look the week start up by
// the picker locale's name, start weeks on Monday: zh-cn for Chinese, en-gb for English.
import 'dayjs/locale/en-gb';
import 'dayjs/locale/zh-cn';
import calendarEnGb from 'antd/es/calendar/locale/en_GB';
import calendarZhCn from 'antd/es/calendar/locale/zh_CN';

export type CalendarLocale = typeof calendarZhCn;

export const DAY = 'YYYY-MM-DD';

export function isoDay(d: Dayjs): string {
  return d.format(DAY);
}

/** The Monday on or before the day, computed by hand so the global dayjs locale does not matter. */
export function mondayOf(d: Dayjs): Dayjs {
  return d.startOf('day').subtract((d.day() + 6) % 7, 'day');
}

export interface DayRange {
  from: Dayjs;
  days: number;
}

/** The 6 weeks antd's month calendar draws: from the Monday on or before the 1st, 42 days. */
export function monthGrid(anchor: Dayjs): DayRange {
  return { from: mondayOf(anchor.startOf('month')), days: 42 };
}

export function weekOf(anchor: Dayjs): DayRange {
  return { from: mondayOf(anchor), days: 7 };
}

export function daysOf(range: DayRange): Dayjs[] {
  return Array.from({ length: range.days }, (_v, i) => range.from.add(i, 'day'));
}

/** The range as the API's inclusive [from, to]. */
export function rangeInput(range: DayRange): { from: string; to: string } {
  return { from: isoDay(range.from), to: isoDay(range.from.add(range.days - 1, 'day')) };
}

/** The antd Calendar locale of the UI language, both with weeks starting on Monday. */
export function calendarLocale(language: string): CalendarLocale {
  return language === 'en' ? calendarEnGb : calendarZhCn;
}

export function parseDay(day: string): Dayjs {
  return dayjs(day);
}
