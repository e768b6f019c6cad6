// A meter's whole history as consumption intervals, in time order. Lifecycle events cut the history
// into register lives: install opens one (its opening value is the first point), replace closes the
// old register at its closing value and opens the new one at its opening value, remove closes it.
// Intervals join consecutive points of one register, so a replacement splits the surrounding pair
// in two: closing − v1 is spread before the swap and v2 − opening after it, which is exact where a
// single interval would smear both over the whole span (consumptionBetween gives the same total).
//
// Same-instant order: install and replace come before a reading at their instant (the reading is on
// the new register), remove after it (the reading is the old register's last).
//
// Readings outside an installation (before the first install, after a remove) or with a bad value
// or instant are not thrown: they come back as `issues` and take part in no interval, so one stray
// import row cannot stop a meter's charts. Lifecycle events and specs are configuration, validated
// upstream; a malformed one throws.
import { registerStep, settingsOf } from './delta';
import {
  instantMs,
  intervalKey,
  isRegisterValue,
  requireInstant,
  requireSpec,
  requireValue,
  type ConsumptionInterval,
  type ConsumptionSettings,
  type LifecycleEvent,
  type MeterReading,
  type ReadingPoint,
  type RegisterSpec,
  type Resolution,
} from './types';

export type Resolutions = ReadonlyMap<string, Resolution> | Readonly<Record<string, Resolution>>;

export interface HistoryOptions {
  /** Staff decisions by interval key (see intervalKey). */
  resolutions?: Resolutions;
  /**
   * The register in force when the history does not begin with an install (readings imported
   * for a meter fitted before the app): the first reading then starts the history.
   */
  spec?: RegisterSpec;
  /** Keep only intervals lying inside this window (null/absent: unbounded). See affectedIntervals. */
  within?: { from?: string | null; to?: string | null };
  settings?: Partial<ConsumptionSettings>;
}

export interface HistoryIssue {
  kind: 'outside_installation' | 'invalid_reading' | 'lifecycle_conflict';
  /** The reading at fault; null for a lifecycle event. */
  readingId: string | null;
  at: string;
}

export interface MeterHistory {
  intervals: ConsumptionInterval[];
  issues: HistoryIssue[];
}

interface Point extends ReadingPoint {
  ms: number;
  /** Closing or opening of a replacement. */
  swap: boolean;
}

type Entry =
  | { ms: number; rank: number; event: LifecycleEvent }
  | { ms: number; rank: number; reading: MeterReading };

/** Tie-break at one instant: install/replace, then readings, then remove. */
const RANK = { install: 0, replace: 0, reading: 1, remove: 2 } as const;

function lookup(resolutions: Resolutions | undefined, key: string): Resolution | undefined {
  if (!resolutions) return undefined;
  if (resolutions instanceof Map) return resolutions.get(key);
  const record = resolutions as Readonly<Record<string, Resolution>>;
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function validateEvent(e: LifecycleEvent): number {
  const ms = requireInstant(e.at, `${e.kind}.at`);
  if (e.kind === 'install') {
    requireValue(e.opening, 'install.opening');
    requireSpec(e.spec, 'install.spec');
  } else if (e.kind === 'replace') {
    requireValue(e.closing, 'replace.closing');
    requireValue(e.opening, 'replace.opening');
    requireSpec(e.spec, 'replace.spec');
  } else {
    requireValue(e.closing, 'remove.closing');
  }
  return ms;
}

const lifecyclePoint = (at: string, ms: number, value: number, swap: boolean): Point => ({
  id: null,
  at,
  value,
  estimated: false,
  ms,
  swap,
});

/** Readings at one instant keep a fixed order (by id), so every run pairs them the same way. */
function readingIdOrder(a: Entry, b: Entry): number {
  if (!('reading' in a) || !('reading' in b)) return 0;
  const x = a.reading.id;
  const y = b.reading.id;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function intervalsOf(
  readings: readonly MeterReading[],
  events: readonly LifecycleEvent[],
  options: HistoryOptions = {},
): MeterHistory {
  const settings = settingsOf(options.settings);
  const issues: HistoryIssue[] = [];
  const entries: Entry[] = events.map((event) => ({
    ms: validateEvent(event),
    rank: RANK[event.kind],
    event,
  }));
  const first = [...entries].sort((a, b) => a.ms - b.ms || a.rank - b.rank)[0];
  for (const reading of readings) {
    const ms = instantMs(reading.at);
    if (!Number.isFinite(ms) || !isRegisterValue(reading.value) || typeof reading.id !== 'string') {
      const readingId = typeof reading.id === 'string' ? reading.id : null;
      issues.push({ kind: 'invalid_reading', readingId, at: reading.at });
    } else {
      entries.push({ ms, rank: RANK.reading, reading });
    }
  }
  entries.sort((a, b) => a.ms - b.ms || a.rank - b.rank || readingIdOrder(a, b));

  // options.spec stands for a register already fitted when the history begins; an install event
  // at the start says otherwise, and readings before it are then outside any installation.
  const startsInstalled = !(first && 'event' in first && first.event.kind === 'install');
  if (options.spec) requireSpec(options.spec, 'options.spec');
  let spec: RegisterSpec | null = startsInstalled && options.spec ? options.spec : null;
  let points: Point[] = [];
  const out: ConsumptionInterval[] = [];
  const withinFrom = options.within?.from
    ? requireInstant(options.within.from, 'within.from')
    : -Infinity;
  const withinTo = options.within?.to ? requireInstant(options.within.to, 'within.to') : Infinity;

  const flush = (register: RegisterSpec): void => {
    for (let i = 1; i < points.length; i++) {
      const prev = points[i - 1] as Point;
      const next = points[i] as Point;
      if (prev.ms < withinFrom || next.ms > withinTo) continue;
      const key = intervalKey({
        from: prev.at,
        to: next.at,
        fromReadingId: prev.id,
        toReadingId: next.id,
      });
      const before = points[i - 2]?.value;
      const after = points[i + 1]?.value;
      const step = registerStep(
        prev.value,
        next.value,
        register,
        prev.estimated,
        next.estimated,
        settings,
        lookup(options.resolutions, key),
        { ...(before !== undefined && { before }), ...(after !== undefined && { after }) },
      );
      // A plain step that starts or ends at a swap is half of a replacement: say so on the chart.
      const kind = step.kind === 'normal' && (prev.swap || next.swap) ? 'replacement' : step.kind;
      out.push({
        from: prev.at,
        to: next.at,
        fromReadingId: prev.id,
        toReadingId: next.id,
        amount: step.amount,
        kind,
        estimated: prev.estimated || next.estimated,
        ...(step.review && { review: step.review }),
      });
    }
    points = [];
  };

  for (const entry of entries) {
    if ('reading' in entry) {
      const r = entry.reading;
      if (spec) {
        const { id, at, value, estimated } = r;
        points.push({ id, at, value, estimated, ms: entry.ms, swap: false });
      } else {
        issues.push({ kind: 'outside_installation', readingId: r.id, at: r.at });
      }
      continue;
    }
    const e = entry.event;
    if (e.kind === 'install') {
      if (spec) {
        issues.push({ kind: 'lifecycle_conflict', readingId: null, at: e.at });
        continue;
      }
      spec = e.spec;
      points = [lifecyclePoint(e.at, entry.ms, e.opening, false)];
    } else if (!spec) {
      issues.push({ kind: 'lifecycle_conflict', readingId: null, at: e.at });
    } else if (e.kind === 'replace') {
      points.push(lifecyclePoint(e.at, entry.ms, e.closing, true));
      flush(spec);
      spec = e.spec;
      points = [lifecyclePoint(e.at, entry.ms, e.opening, true)];
    } else {
      points.push(lifecyclePoint(e.at, entry.ms, e.closing, false));
      flush(spec);
      spec = null;
    }
  }
  if (spec) flush(spec);
  return { intervals: out, issues };
}
