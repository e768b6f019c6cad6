// The recurrence module's vocabulary: local wall-clock times, the parsed rule, and the one error
// type, which names the rule part (or argument) at fault so the plan editor can point at it.

/** Local wall-clock time 'YYYY-MM-DDTHH:mm' (seconds omitted). */
export type LocalDateTime = string;

/** One BYDAY entry: weekday 0..6 (0 = Monday, as RFC 5545 and rrule count), optional ordinal. */
export interface ByDay {
  weekday: number;
  n?: number;
}

export type Freq = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface ParsedRule {
  freq: Freq;
  interval: number;
  byDay?: ByDay[];
  byMonthDay?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  count?: number;
  /** Inclusive, local wall-clock time in the plan's zone. */
  until?: LocalDateTime;
  /** Week start 0..6; absent means Monday, the RFC default. */
  wkst?: number;
}

export class RuleError extends Error {
  /** The rule part ('BYDAY', 'UNTIL'…) or argument ('DTSTART', 'timeZone'…) at fault. */
  readonly part: string;

  constructor(part: string, zh: string, en: string) {
    super(`${part}: ${zh} / ${en}`);
    this.name = 'RuleError';
    this.part = part;
  }
}

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
