// The reading round: the meters of a building (a place's subtree) with the last reading before the
// round's instant, the expected range from it to that instant (shared/domain expectedRange) and
// any reading already stored at the instant; and the check of a value before it is saved — what
// it would count, and whether that is outside the range. The range rests on the last intervals
// between readings for manually read meters, and on the last 28 daily rollups for interval-data
// meters (readings less than a day apart), as the engine asks.
import { DateTime } from 'luxon';
import { DeskError } from '../../shared/contract/errors';
import {
  expectedRange,
  isOutsideRange,
  localDayOf,
  type ExpectedRange,
  type HistoryInterval,
} from '../../shared/domain/consumption';
import { registerDifference } from '../../shared/domain/consumption/delta';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { nowIso } from '../store/tx';
import { dailyRows } from './metersDaily';
import { eventsOf } from './metersEventStore';
import { reviewRowsIn } from './metersReviewStore';
import { endValues, historyIn, resolutionsFor } from './metersSpread';
import {
  meterKey,
  readingAt,
  readingBefore,
  toEngine,
  type ReadingRow,
} from './metersReadingStore';
import { iso, localText, metersUnder, msOf, requireMeter, type Meter } from './metersStore';
import { siteTimeZone } from './siteTime';

type Method = 'meters.round' | 'meters.checkReading';

const DAY_MS = 86_400_000;
/** Enough readings for the engine's window of 12 intervals. */
const HISTORY_READINGS = 13;
/** Four weeks of days, so each weekday weighs the same in the median. */
const DAILY_HISTORY_DAYS = 28;

function recentReadings(ctx: Ctx, key: number | null, before: number): ReadingRow[] {
  if (key === null) return [];
  const rows = prepared(
    ctx.db,
    `SELECT at, value, estimated FROM meter_readings WHERE meter = ? AND at < ?
     ORDER BY at DESC LIMIT ${HISTORY_READINGS}`,
  ).all(key, before) as ReadingRow[];
  return rows.reverse();
}

function medianGap(rows: readonly ReadingRow[]): number {
  const gaps = rows
    .slice(1)
    .map((r, i) => r.at - (rows[i] as ReadingRow).at)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? Infinity;
}

/** Interval data: the rate of the last full days before the last reading's day, scaled to the gap. */
function fromDailyRollups(ctx: Ctx, meter: Meter, last: ReadingRow, at: number) {
  const lastDay = localDayOf(iso(last.at), meter.zone);
  const end = DateTime.fromISO(lastDay, { zone: meter.zone });
  const first = end.minus({ days: DAILY_HISTORY_DAYS }).toISODate() ?? lastDay;
  const history: HistoryInterval[] = dailyRows(ctx.db, meter.id, first, lastDay)
    .filter((r) => r.day < lastDay && r.pending === 0 && r.estimated === 0)
    .map((r) => {
      const start = DateTime.fromISO(r.day, { zone: meter.zone }).startOf('day');
      return {
        from: start.toUTC().toISO() ?? '',
        to: start.plus({ days: 1 }).toUTC().toISO() ?? '',
        amount: r.amount,
      };
    });
  const lastTo = history.length ? Date.parse(history[history.length - 1]?.to ?? '') : NaN;
  if (!Number.isFinite(lastTo)) return null;
  // The range is linear in its days: take one day's and scale it to the real gap.
  const perDay = expectedRange(history, iso(lastTo + DAY_MS), { window: DAILY_HISTORY_DAYS });
  if (!perDay) return null;
  const days = Math.max(0, (at - last.at) / DAY_MS);
  return {
    ...perDay,
    low: perDay.low * days,
    high: perDay.high * days,
    typical: perDay.typical * days,
    days,
  };
}

/** The expected amount from the last reading before `at` to `at`; null without enough history. */
export function expectedAt(ctx: Ctx, meter: Meter, at: number): ExpectedRange | null {
  const rows = recentReadings(ctx, meterKey(ctx.db, meter.id), at);
  const last = rows[rows.length - 1];
  if (!last || rows.length < 2) return null;
  if (medianGap(rows) < DAY_MS) return fromDailyRollups(ctx, meter, last, at);
  const state = { readings: rows.map(toEngine), events: eventsOf(ctx.db, meter.id) };
  const w = { from: (rows[0] as ReadingRow).at, to: last.at };
  const history = historyIn(
    meter,
    state,
    w,
    resolutionsFor(reviewRowsIn(ctx.db, meter.id, w), state),
  );
  return expectedRange(history.intervals, iso(at));
}

export const roundMethods: Handlers<Method> = {
  'meters.round': ({ placeId, utility, at }, ctx) => {
    const place = prepared(ctx.db, 'SELECT id FROM places WHERE id = ?').get(placeId);
    if (!place) throw new DeskError('NOT_FOUND', `No place with id ${placeId}`, { id: placeId });
    const when = at ? msOf(at) : Date.parse(nowIso());
    const items = metersUnder(ctx.db, placeId, utility ?? null).map((meter) => {
      const key = meterKey(ctx.db, meter.id);
      // A reading already at `when` is what is being read, not what it is read against: `last`
      // and the range both stop before it, as checkReading's previous and range do.
      const last = readingBefore(ctx.db, key, when);
      const existing = readingAt(ctx.db, key, when);
      const expected = last ? expectedAt(ctx, meter, when) : null;
      const m = meter.spec.multiplier;
      return {
        meterId: meter.id,
        code: meter.code,
        name: meter.name,
        serial: meter.serial,
        utility: meter.utility,
        unit: meter.unit,
        meterLevel: meter.meterLevel,
        multiplier: meter.multiplier,
        registerDigits: meter.registerDigits,
        placeId: meter.placeId,
        placeName: meter.placeName,
        last: last
          ? {
              at: iso(last.at),
              local: localText(last.at, meter.zone),
              value: last.value,
              estimated: last.estimated === 1,
            }
          : null,
        expected,
        expectedValues:
          last && expected
            ? { low: last.value + expected.low / m, high: last.value + expected.high / m }
            : null,
        existing: existing ? { value: existing.value, estimated: existing.estimated === 1 } : null,
      };
    });
    return { at: iso(when), timeZone: siteTimeZone(ctx.db, placeId), items };
  },

  'meters.checkReading': (input, ctx) => {
    const meter = requireMeter(ctx.db, input.meterId);
    const at = msOf(input.at);
    const key = meterKey(ctx.db, meter.id);
    const existing = readingAt(ctx.db, key, at);
    const previous = readingBefore(ctx.db, key, at);
    const earlier = previous ? readingBefore(ctx.db, key, previous.at) : undefined;
    const candidate = {
      id: String(at),
      at: iso(at),
      value: input.value,
      estimated: input.estimated,
    };
    const state = {
      readings: [...[earlier, previous].filter((r) => r !== undefined).map(toEngine), candidate],
      events: eventsOf(ctx.db, meter.id),
    };
    const w = { from: previous?.at ?? null, to: at };
    const history = historyIn(
      meter,
      state,
      w,
      resolutionsFor(reviewRowsIn(ctx.db, meter.id, w), state),
    );
    const mine = history.intervals.filter((i) => Date.parse(i.to) <= at);
    const lastPart = mine[mine.length - 1];
    const amount =
      mine.length && mine.every((i) => i.amount !== null)
        ? mine.reduce((s, i) => s + (i.amount ?? 0), 0)
        : null;
    const kind = !lastPart
      ? null
      : mine.some((i) => i.kind === 'review')
        ? 'review'
        : mine.length > 1
          ? 'replacement'
          : lastPart.kind;
    const startValue =
      lastPart &&
      endValues(state)('from', Date.parse(lastPart.from), lastPart.fromReadingId !== null);
    const expected = previous ? expectedAt(ctx, meter, at) : null;
    return {
      previous: previous
        ? { at: iso(previous.at), value: previous.value, estimated: previous.estimated === 1 }
        : null,
      amount,
      kind,
      registerDelta:
        startValue === undefined || startValue === null
          ? null
          : registerDifference(startValue, input.value),
      expected,
      outside: amount !== null && isOutsideRange(expected, amount),
      existing: existing ? { value: existing.value, estimated: existing.estimated === 1 } : null,
    };
  },
};
