// What the plain-language recurrence editor holds, and the conversions between it and the plan's
// recurrence. The rule text itself is written and read by the shared recurrence module, so the
// editor and the core agree on every RRULE; this file only adds the end (COUNT / UNTIL), the
// "N days after completion" mode and the raw-rule fallback.
import type { PlanRecurrence } from '../../../../../shared/contract/plans';
import { ruleFromSpec, specFromRule, type RuleSpec } from '../../../../../shared/domain/recurrence';

export type RuleMode = RuleSpec['kind'];
export type Mode = RuleMode | 'afterCompletion';
export type Ordinal = 1 | 2 | 3 | 4 | 5 | -1;
export type EndKind = 'never' | 'count' | 'until';

export const modes: readonly Mode[] = [
  'daily',
  'weekly',
  'monthlyByDay',
  'monthlyByWeekday',
  'lastWeekdayOfMonth',
  'yearly',
  'afterCompletion',
];
export const ordinals: readonly Ordinal[] = [1, 2, 3, 4, 5, -1];

export interface RecurrenceDraft {
  mode: Mode;
  every: number;
  /** 0 = Monday … 6 = Sunday. */
  weekdays: number[];
  /** 1…31, -1 = the last day. */
  monthDays: number[];
  ordinal: Ordinal;
  weekday: number;
  month: number;
  monthDay: number;
  /** For "N days after the last completion". */
  days: number;
  end: EndKind;
  count: number;
  /** YYYY-MM-DD, inclusive. */
  until: string | null;
  /** The raw rule is edited directly (and is the source of truth) when on. */
  advanced: boolean;
  rawRule: string;
}

export const defaultDraft: RecurrenceDraft = {
  mode: 'monthlyByWeekday',
  every: 1,
  weekdays: [0],
  monthDays: [1],
  ordinal: 1,
  weekday: 0,
  month: 1,
  monthDay: 1,
  days: 30,
  end: 'never',
  count: 10,
  until: null,
  advanced: false,
  rawRule: '',
};

function specOf(d: RecurrenceDraft, mode: RuleMode): RuleSpec {
  const every = Math.max(1, Math.floor(d.every || 1));
  switch (mode) {
    case 'daily':
      return { kind: 'daily', every };
    case 'weekly':
      return { kind: 'weekly', every, weekdays: [...d.weekdays].sort((a, b) => a - b) };
    case 'monthlyByDay':
      // Ascending, with "last day" after the numbered days, as people read a list of dates.
      return {
        kind: 'monthlyByDay',
        every,
        monthDays: [...d.monthDays].sort((a, b) => (a < 0 ? 99 : a) - (b < 0 ? 99 : b)),
      };
    case 'monthlyByWeekday':
      return { kind: 'monthlyByWeekday', every, ordinal: d.ordinal, weekday: d.weekday };
    case 'lastWeekdayOfMonth':
      return { kind: 'lastWeekdayOfMonth', every };
    case 'yearly':
      return { kind: 'yearly', every, month: d.month, monthDay: d.monthDay };
  }
}

function endOf(d: RecurrenceDraft): { count?: number; until?: string } | undefined {
  if (d.end === 'count') return { count: Math.max(1, Math.floor(d.count || 1)) };
  if (d.end === 'until' && d.until) return { until: d.until };
  return undefined;
}

/** The rule the simple editor writes (empty when a required choice is missing). */
export function ruleOfDraft(d: RecurrenceDraft): string {
  if (d.mode === 'afterCompletion') return '';
  if (d.advanced) return d.rawRule.trim();
  if (d.mode === 'weekly' && d.weekdays.length === 0) return '';
  if (d.mode === 'monthlyByDay' && d.monthDays.length === 0) return '';
  try {
    return ruleFromSpec(specOf(d, d.mode), endOf(d));
  } catch {
    // A combination the module refuses: no rule, which the preview shows as invalid.
    return '';
  }
}

export function recurrenceOfDraft(d: RecurrenceDraft): PlanRecurrence {
  if (d.mode === 'afterCompletion') return { kind: 'afterCompletion', days: d.days };
  return { kind: 'rrule', rule: ruleOfDraft(d) };
}

/** COUNT and UNTIL are read here: they are the editor's "end", not part of the spec. */
function endOfRule(rule: string): Pick<RecurrenceDraft, 'end' | 'count' | 'until'> {
  const count = /(?:^|;)COUNT=(\d+)/i.exec(rule);
  if (count?.[1]) return { end: 'count', count: Number(count[1]), until: null };
  const until = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})/i.exec(rule);
  if (until) return { end: 'until', count: 10, until: `${until[1]}-${until[2]}-${until[3]}` };
  return { end: 'never', count: 10, until: null };
}

/** Rule parts as a set, so the same rule written in another order still counts as the same. */
function partsOf(rule: string): string {
  return rule
    .replace(/^RRULE:/i, '')
    .split(';')
    .map((p) => p.trim().toUpperCase())
    .filter((p) => p && p !== 'INTERVAL=1')
    .sort()
    .join(';');
}

/** The editor state for a saved rule: the simple editor when it can say the same, raw text if not. */
export function draftOfRule(rule: string): RecurrenceDraft {
  const base = { ...defaultDraft, ...endOfRule(rule), rawRule: rule };
  const spec = specFromRule(rule);
  if (!spec) return { ...base, advanced: true };
  const { kind, ...fields } = spec;
  const draft: RecurrenceDraft = { ...base, ...fields, mode: kind, advanced: false };
  // A rule the module reads but would write differently (an UNTIL with a time, say) stays raw, so
  // saving the plan unchanged never rewrites its rule.
  if (partsOf(ruleOfDraft(draft)) !== partsOf(rule)) return { ...base, advanced: true };
  return draft;
}

export function draftOfRecurrence(recurrence: PlanRecurrence): RecurrenceDraft {
  if (recurrence.kind === 'afterCompletion') {
    return { ...defaultDraft, mode: 'afterCompletion', days: recurrence.days };
  }
  return draftOfRule(recurrence.rule);
}

/**
 * Leaves advanced mode: the raw rule goes back into the simple editor, or null when the simple
 * editor cannot say it (the caller then stays in advanced mode and says why).
 */
export function leaveAdvanced(d: RecurrenceDraft): RecurrenceDraft | null {
  const next = draftOfRule(d.rawRule.trim());
  return next.advanced ? null : next;
}
