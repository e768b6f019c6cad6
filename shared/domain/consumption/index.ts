// The consumption engine's public face: the amount between two readings (rollover, replacement,
// correction, review), a meter's history as intervals, spreading amounts over a zone's local days,
// the rollup deltas for an edited reading, and the expected range for the reading round.
// Pure TypeScript (luxon only): no Node, no DOM, no database.
export type {
  ConsumptionInterval,
  ConsumptionSettings,
  DailyAmount,
  IntervalKind,
  LifecycleEvent,
  MeterReading,
  Proposal,
  ReadingPoint,
  RegisterSpec,
  ReplaceEvent,
  Resolution,
  ReviewNote,
  TypoSuggestion,
} from './types';
export { DEFAULT_CONSUMPTION_SETTINGS, intervalKey } from './types';
export type { BetweenOptions } from './delta';
export { consumptionBetween, registerStep, settingsOf } from './delta';
export type { Neighbours } from './review';
export type { HistoryIssue, HistoryOptions, MeterHistory, Resolutions } from './intervals';
export { intervalsOf } from './intervals';
export { calendarize, dayLabel, localDayOf, spreadMs } from './calendarize';
export type { AffectedSpan, ReadingChange } from './respread';
export { affectedIntervals, applyDelta, dailyDelta, rollup } from './respread';
export type { ExpectedRange, ExpectedSettings, HistoryInterval } from './expected';
export { DEFAULT_EXPECTED_SETTINGS, expectedRange, isOutsideRange } from './expected';
