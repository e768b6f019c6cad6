// Consumption read from the daily rollups only (the charts' source): days, and monthly and yearly
// sums of days, never a pass over the readings. And the one full pass there is: rebuilding a
// meter's rollups and review rows from all its readings, for when what they were spread with
// changed outside this module (the site's time zone, a register edited on the asset form).
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, writeAudit } from '../store/tx';
import { applyDayChanges, clearDaily, dailyRows, periodSums, type PeriodRow } from './metersDaily';
import { eventsOf } from './metersEventStore';
import { reconcileReviews } from './metersReviews';
import { reviewRowsIn } from './metersReviewStore';
import { historyIn, resolutionsFor } from './metersSpread';
import { meterKey, readingsBetween, toEngine } from './metersReadingStore';
import { requireMeter, type Meter } from './metersStore';

type Method = 'meters.daily' | 'meters.monthly' | 'meters.yearly' | 'meters.rebuild';

/** About ten years of days: a longer chart should use months. */
const MAX_DAYS = 3700;

function refuseReversed(from: string | number, to: string | number): void {
  if (from > to) {
    throw new DeskError('VALIDATION', 'Invalid input: to: must not be before from', {
      issues: [{ path: 'to', message: 'must not be before from' }],
    });
  }
}

function listOf<T>(meter: Meter, items: T[], total: number) {
  return { items, total, unit: meter.unit, timeZone: meter.zone };
}

function totals(row: PeriodRow) {
  return {
    amount: row.amount,
    days: row.days,
    estimated: row.estimated > 0,
    pending: row.pending > 0,
  };
}

const sum = (rows: readonly { amount: number }[]): number => rows.reduce((s, r) => s + r.amount, 0);

/** Rebuilds a meter's rollups and review rows from scratch; the caller holds the transaction. */
export function rebuildMeter(ctx: Ctx, meter: Meter): { intervals: number } {
  const state = {
    readings: readingsBetween(ctx.db, meterKey(ctx.db, meter.id), null, null).map(toEngine),
    events: eventsOf(ctx.db, meter.id),
  };
  const all = { from: null, to: null };
  const rows = reviewRowsIn(ctx.db, meter.id, all);
  const history = historyIn(meter, state, all, resolutionsFor(rows, state));
  clearDaily(ctx.db, meter.id);
  applyDayChanges(ctx.db, meter, [], history.intervals);
  reconcileReviews(ctx, meter, rows, state, history.intervals);
  return { intervals: history.intervals.length };
}

export const rollupMethods: Handlers<Method> = {
  'meters.daily': ({ meterId, from, to }, ctx) => {
    refuseReversed(from, to);
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (span >= MAX_DAYS) {
      throw new DeskError('VALIDATION', `Invalid input: to: at most ${MAX_DAYS} days at once`, {
        issues: [{ path: 'to', message: `at most ${MAX_DAYS} days at once` }],
      });
    }
    const meter = requireMeter(ctx.db, meterId);
    const rows = dailyRows(ctx.db, meter.id, from, to);
    const items = rows.map((r) => ({
      day: r.day,
      amount: r.amount,
      estimated: r.estimated > 0,
      pending: r.pending > 0,
    }));
    return listOf(meter, items, sum(rows));
  },

  'meters.monthly': ({ meterId, from, to }, ctx) => {
    refuseReversed(from, to);
    const meter = requireMeter(ctx.db, meterId);
    const rows = periodSums(ctx.db, meter.id, 7, `${from}-01`, `${to}-31`);
    const items = rows.map((r) => ({ month: r.period, ...totals(r) }));
    return listOf(meter, items, sum(rows));
  },

  'meters.yearly': ({ meterId, from, to }, ctx) => {
    refuseReversed(from, to);
    const meter = requireMeter(ctx.db, meterId);
    const rows = periodSums(ctx.db, meter.id, 4, `${from}-01-01`, `${to}-12-31`);
    const items = rows.map((r) => ({ year: Number(r.period), ...totals(r) }));
    return listOf(meter, items, sum(rows));
  },

  'meters.rebuild': ({ meterId }, ctx) =>
    inTransaction(ctx.db, () => {
      const meter = requireMeter(ctx.db, meterId);
      const { intervals } = rebuildMeter(ctx, meter);
      const counts = prepared(
        ctx.db,
        `SELECT (SELECT count(*) FROM meter_daily WHERE meter_id = @id) AS days,
                (SELECT count(*) FROM meter_reviews WHERE meter_id = @id AND status = 'open') AS open`,
      ).get({ id: meter.id }) as { days: number; open: number };
      const result = { days: counts.days, intervals, open: counts.open };
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'meter_daily',
        entityId: meter.id,
        action: 'update',
        after: { code: meter.code, name: meter.name, timeZone: meter.zone, ...result },
        note: '重算日用量 / daily rollups rebuilt',
      });
      return result;
    }),
};
