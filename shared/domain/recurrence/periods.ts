// The calendar arithmetic of a rule's periods (day, WKST week, month, year): where a period starts,
// how to skip whole INTERVAL steps ahead, and the start-dependent defaults made explicit so that
// expansion may begin at another anchor than the plan's start.
import { DAY_MS, dayNumber, weekdayOf } from './local';
import type { ParsedRule } from './types';

/**
 * Writes rrule's start-dependent defaults into the rule, so the expansion may begin at another
 * anchor than the plan's start without changing which days match.
 */
export function withDefaults(rule: ParsedRule, start: number): ParsedRule {
  const plan = { ...rule };
  const d = new Date(start);
  if (rule.freq === 'WEEKLY' && !rule.byDay) plan.byDay = [{ weekday: weekdayOf(start) }];
  if (rule.freq === 'MONTHLY' && !rule.byDay && !rule.byMonthDay) {
    plan.byMonthDay = [d.getUTCDate()];
  }
  if (rule.freq === 'YEARLY' && !rule.byDay && !rule.byMonthDay) {
    plan.byMonth ??= [d.getUTCMonth() + 1];
    plan.byMonthDay = [d.getUTCDate()];
  }
  return plan;
}

const timeOfDay = (t: number): number => t - dayNumber(t) * DAY_MS;

/** The start of the period (day, WKST week, month, year) holding `t`, at t's time of day. */
export function periodStart(plan: ParsedRule, t: number): number {
  const d = new Date(t);
  switch (plan.freq) {
    case 'DAILY':
      return t;
    case 'WEEKLY':
      return t - ((weekdayOf(t) - (plan.wkst ?? 0) + 7) % 7) * DAY_MS;
    case 'MONTHLY':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) + timeOfDay(t);
    case 'YEARLY':
      return Date.UTC(d.getUTCFullYear(), 0, 1) + timeOfDay(t);
  }
}

/** The latest period start at or before `target` that keeps INTERVAL's phase from `aligned`. */
export function anchorBefore(plan: ParsedRule, aligned: number, target: number): number {
  const a = new Date(aligned);
  const t = new Date(target);
  const months = (t.getUTCFullYear() - a.getUTCFullYear()) * 12 + t.getUTCMonth() - a.getUTCMonth();
  const periods = {
    DAILY: dayNumber(target) - dayNumber(aligned),
    WEEKLY: Math.floor((dayNumber(target) - dayNumber(aligned)) / 7),
    MONTHLY: months,
    YEARLY: t.getUTCFullYear() - a.getUTCFullYear(),
  }[plan.freq];
  const k = Math.max(0, Math.floor(periods / plan.interval) * plan.interval);
  switch (plan.freq) {
    case 'DAILY':
      return aligned + k * DAY_MS;
    case 'WEEKLY':
      return aligned + 7 * k * DAY_MS;
    case 'MONTHLY':
      return Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + k, 1) + timeOfDay(aligned);
    case 'YEARLY':
      return Date.UTC(a.getUTCFullYear() + k, 0, 1) + timeOfDay(aligned);
  }
}

/** Identifies the period of an rrule result, to gather each period's results before using them. */
export function periodKey(plan: ParsedRule, t: number): number {
  const d = new Date(t);
  switch (plan.freq) {
    case 'DAILY':
      return dayNumber(t);
    case 'WEEKLY':
      return Math.floor((dayNumber(t) + 3 - (plan.wkst ?? 0)) / 7);
    case 'MONTHLY':
      return d.getUTCFullYear() * 12 + d.getUTCMonth();
    case 'YEARLY':
      return d.getUTCFullYear();
  }
}
