// The daily rollups (meter_daily): turning the intervals a change removed and added into per-day
// changes, and reading them back by day, month and year. Amounts come from the engine's
// dailyDelta; the day's counters (intervals touching it, estimated ones, ones pending review) are
// counted here from the same intervals, so a day's row exists exactly while some interval touches
// it, and a missing day means no data rather than zero use.
//
// Speed for bulk writes: intervals present unchanged on both sides cancel first (as dailyDelta
// does), and consecutive intervals that lie inside one local day are merged before spreading —
// the merged interval puts its whole amount on that day, exactly what its parts put there — so
// a year of hourly data is spread as about two intervals a day instead of 24.
import { calendarize, dailyDelta, type ConsumptionInterval } from '../../shared/domain/consumption';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import type { Meter } from './metersStore';

type Interval = Pick<
  ConsumptionInterval,
  'from' | 'to' | 'amount' | 'estimated' | 'fromReadingId' | 'toReadingId'
>;

export interface DayChange {
  amount: number;
  intervals: number;
  estimated: number;
  pending: number;
}

const signature = (i: Interval): string =>
  `${i.from}|${i.to}|${i.amount === null ? 'null' : String(i.amount)}|${i.estimated ? 1 : 0}`;

/**
 * The intervals each side has without an identical twin on the other (a multiset difference).
 * Keyed by the smaller side, and only intervals starting where one of those starts are keyed at
 * all: a bulk append compares one old interval with a year of new ones.
 */
function differences(
  oldList: readonly Interval[],
  newList: readonly Interval[],
): { gone: Interval[]; added: Interval[] } {
  const oldIsSmall = oldList.length <= newList.length;
  const small = oldIsSmall ? oldList : newList;
  const large = oldIsSmall ? newList : oldList;
  const twins = new Map<string, Interval[]>();
  for (const i of small) {
    const key = signature(i);
    const list = twins.get(key);
    if (list) list.push(i);
    else twins.set(key, [i]);
  }
  const starts = new Set(small.map((i) => i.from));
  const largeOnly: Interval[] = [];
  for (const i of large) {
    const twin = starts.has(i.from) ? twins.get(signature(i)) : undefined;
    if (twin && twin.length > 0) twin.pop();
    else largeOnly.push(i);
  }
  const remaining = new Set([...twins.values()].flat());
  const smallOnly = small.filter((i) => remaining.has(i));
  return oldIsSmall ? { gone: smallOnly, added: largeOnly } : { gone: largeOnly, added: smallOnly };
}

const DAY_MS = 86_400_000;

/**
 * The zone's local days over a span, as [start, next start) boundaries, from ONE call of the
 * engine's calendarize: spreading the span's length in ms gives each day its ms in the span
 * exactly. Finding an instant's day is then a search, not a time-zone lookup per interval end
 * (luxon's offsets cost microseconds, and a bulk import has hundreds of thousands of ends).
 */
interface DayTable {
  /** Index of the local day holding an instant. */
  dayOf(ms: number): number;
  label(day: number): string;
}

function dayTable(fromMs: number, toMs: number, zone: string): DayTable {
  // A day past the end, so the last instant lies strictly inside the table.
  const endMs = toMs + DAY_MS;
  const shares = calendarize(
    new Date(fromMs).toISOString(),
    new Date(endMs).toISOString(),
    endMs - fromMs,
    zone,
  );
  const starts = [fromMs];
  const labels = shares.map((share) => {
    starts.push((starts[starts.length - 1] as number) + Math.round(share.amount));
    return share.day;
  });
  const startOf = (day: number): number => starts[day] as number;
  let hint = 0;
  return {
    dayOf(ms) {
      if (startOf(hint) <= ms && ms < startOf(hint + 1)) return hint;
      let lo = 0;
      let hi = labels.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (startOf(mid) <= ms) lo = mid;
        else hi = mid - 1;
      }
      hint = lo;
      return lo;
    },
    label: (day) => labels[day] as string,
  };
}

/** An interval end in ms: a reading's id is its ms, a lifecycle point's instant is parsed. */
const fromMs = (i: Interval): number =>
  i.fromReadingId !== null ? Number(i.fromReadingId) : Date.parse(i.from);
const toMs = (i: Interval): number =>
  i.toReadingId !== null ? Number(i.toReadingId) : Date.parse(i.to);

/** Adds each interval's ±1 to the counters of the days it touches, and merges same-day runs. */
function countAndMerge(
  list: readonly Interval[],
  sign: 1 | -1,
  table: DayTable,
  days: Map<string, DayChange>,
): Interval[] {
  const merged: Interval[] = [];
  let run: (Interval & { day: number }) | null = null;
  const bump = (day: number, i: Interval): void => {
    const label = table.label(day);
    let c = days.get(label);
    if (!c) days.set(label, (c = { amount: 0, intervals: 0, estimated: 0, pending: 0 }));
    c.intervals += sign;
    if (i.estimated) c.estimated += sign;
    if (i.amount === null) c.pending += sign;
  };
  for (const i of list) {
    const from = fromMs(i);
    const to = toMs(i);
    const a = table.dayOf(from);
    // Half-open: an interval ending at a day's first instant does not touch that day.
    const b = to > from ? table.dayOf(to - 1) : a;
    if (a === b) {
      bump(a, i);
      if (i.amount === null) continue;
      if (run && run.day === a && run.to === i.from) {
        run.to = i.to;
        run.toReadingId = i.toReadingId;
        run.amount = (run.amount ?? 0) + i.amount;
      } else {
        if (run) merged.push(run);
        run = { ...i, day: a };
      }
      continue;
    }
    for (let d = a; d <= b; d++) bump(d, i);
    if (i.amount !== null) merged.push(i);
  }
  if (run) merged.push(run);
  return merged;
}

/** The per-day changes that take the rollups from `oldIntervals` to `newIntervals`. */
export function dayChanges(
  oldIntervals: readonly Interval[],
  newIntervals: readonly Interval[],
  zone: string,
): Map<string, DayChange> {
  const { gone, added } = differences(oldIntervals, newIntervals);
  const days = new Map<string, DayChange>();
  if (gone.length + added.length === 0) return days;
  let first = Infinity;
  let last = -Infinity;
  for (const list of [gone, added]) {
    for (const i of list) {
      first = Math.min(first, fromMs(i));
      last = Math.max(last, toMs(i));
    }
  }
  const table = dayTable(first, last, zone);
  const oldMerged = countAndMerge(gone, -1, table, days);
  const newMerged = countAndMerge(added, 1, table, days);
  for (const d of dailyDelta(oldMerged, newMerged, zone)) {
    let c = days.get(d.day);
    if (!c) days.set(d.day, (c = { amount: 0, intervals: 0, estimated: 0, pending: 0 }));
    c.amount += d.amount;
  }
  return days;
}

interface DailyRow {
  day: string;
  amount: number;
  intervals: number;
  estimated: number;
  pending: number;
}

/** Applies the changes: a day whose last interval went is deleted, a new one inserted. */
export function applyDayChanges(
  db: Db,
  meter: Meter,
  oldIntervals: readonly Interval[],
  newIntervals: readonly Interval[],
): void {
  writeDayChanges(db, meter.id, dayChanges(oldIntervals, newIntervals, meter.zone));
}

/** Adds per-day changes to the stored rows (the bulk append's path comes here directly). */
export function writeDayChanges(
  db: Db,
  meterId: string,
  changes: ReadonlyMap<string, DayChange>,
): void {
  if (changes.size === 0) return;
  // The stored rows of the changed span in one query, not one query per day: a year of hourly
  // data changes hundreds of days at once.
  let first = '';
  let last = '';
  for (const day of changes.keys()) {
    if (first === '' || day < first) first = day;
    if (day > last) last = day;
  }
  const stored = new Map(
    (
      prepared(
        db,
        `SELECT day, amount, intervals, estimated, pending FROM meter_daily
         WHERE meter_id = ? AND day BETWEEN ? AND ?`,
      ).all(meterId, first, last) as DailyRow[]
    ).map((r) => [r.day, r]),
  );
  const insert = prepared(
    db,
    `INSERT INTO meter_daily (meter_id, day, amount, intervals, estimated, pending)
     VALUES (@meter, @day, @amount, @intervals, @estimated, @pending)`,
  );
  const update = prepared(
    db,
    `UPDATE meter_daily SET amount = @amount, intervals = @intervals, estimated = @estimated,
       pending = @pending WHERE meter_id = @meter AND day = @day`,
  );
  const remove = prepared(db, 'DELETE FROM meter_daily WHERE meter_id = ? AND day = ?');
  for (const [day, c] of changes) {
    const row = stored.get(day);
    const next = {
      meter: meterId,
      day,
      amount: (row?.amount ?? 0) + c.amount,
      intervals: (row?.intervals ?? 0) + c.intervals,
      estimated: (row?.estimated ?? 0) + c.estimated,
      pending: (row?.pending ?? 0) + c.pending,
    };
    if (next.intervals === 0) {
      if (row) remove.run(meterId, day);
    } else if (row) {
      update.run(next);
    } else {
      insert.run(next);
    }
  }
}

export function clearDaily(db: Db, meterId: string): void {
  prepared(db, 'DELETE FROM meter_daily WHERE meter_id = ?').run(meterId);
}

export interface PeriodRow {
  period: string;
  amount: number;
  days: number;
  estimated: number;
  pending: number;
}

/**
 * Sums of the daily rows by period: the first `width` characters of the day ('YYYY-MM-DD' → 10,
 * 'YYYY-MM' → 7, 'YYYY' → 4), over days from..to inclusive.
 */
export function periodSums(
  db: Db,
  meterId: string,
  width: 4 | 7 | 10,
  fromDay: string,
  toDay: string,
): PeriodRow[] {
  return prepared(
    db,
    `SELECT substr(day, 1, ${width}) AS period, sum(amount) AS amount, count(*) AS days,
            max(estimated) AS estimated, max(pending) AS pending
     FROM meter_daily WHERE meter_id = ? AND day >= ? AND day <= ?
     GROUP BY period ORDER BY period`,
  ).all(meterId, fromDay, toDay) as PeriodRow[];
}

export function dailyRows(db: Db, meterId: string, fromDay: string, toDay: string): DailyRow[] {
  return prepared(
    db,
    `SELECT day, amount, intervals, estimated, pending FROM meter_daily
     WHERE meter_id = ? AND day >= ? AND day <= ? ORDER BY day`,
  ).all(meterId, fromDay, toDay) as DailyRow[];
}
