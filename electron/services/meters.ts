// Handlers of meter readings and consumption (issue 6), one map for the dispatch table: readings
// here, lifecycle events (metersEvents.ts), rollups (metersRollups.ts), the review queue
// (metersResolve.ts) and the reading round (metersRound.ts). The write path they share is
// metersSpread.ts; many readings at once go through addReadingsBulk (metersBulk.ts).
import type { MethodName } from '../../shared/contract';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { inTransaction } from '../store/tx';
import { eventMethods } from './metersEvents';
import { addReadingIn, deleteReadingIn, editReadingIn, readingItems } from './metersReadings';
import { reviewMethods } from './metersResolve';
import { rollupMethods } from './metersRollups';
import { roundMethods } from './metersRound';
import { countReadings, meterKey, readingAt, readingPage } from './metersReadingStore';
import { iso, msOf, requireMeter, type Meter } from './metersStore';

type ReadingMethod =
  'meters.addReading' | 'meters.editReading' | 'meters.deleteReading' | 'meters.readings';

/** The reading at an instant as the list shows it, with its interval. */
function itemAt(ctx: Ctx, meter: Meter, at: number) {
  const row = readingAt(ctx.db, meterKey(ctx.db, meter.id), at);
  const [item] = row ? readingItems(ctx, meter, [row]) : [];
  if (!item) throw new Error(`reading ${iso(at)} vanished inside its transaction`);
  return item;
}

const readingMethods: Handlers<ReadingMethod> = {
  'meters.addReading': ({ meterId, at, value, estimated, source }, ctx) =>
    inTransaction(ctx.db, () => {
      const meter = requireMeter(ctx.db, meterId);
      const ms = msOf(at);
      addReadingIn(ctx, meter, { at: ms, value, estimated, source });
      return itemAt(ctx, meter, ms);
    }),

  'meters.editReading': ({ meterId, at, patch }, ctx) =>
    inTransaction(ctx.db, () => {
      const meter = requireMeter(ctx.db, meterId);
      const moved = editReadingIn(ctx, meter, msOf(at), {
        at: patch.at === undefined ? undefined : msOf(patch.at),
        value: patch.value,
        estimated: patch.estimated,
      });
      return itemAt(ctx, meter, moved);
    }),

  'meters.deleteReading': ({ meterId, at }, ctx) =>
    inTransaction(ctx.db, () => {
      const meter = requireMeter(ctx.db, meterId);
      const old = deleteReadingIn(ctx, meter, msOf(at));
      return {
        meterId: meter.id,
        at: iso(old.at),
        value: old.value,
        estimated: old.estimated === 1,
      };
    }),

  'meters.readings': ({ meterId, from, to, offset, limit }, ctx) => {
    const meter = requireMeter(ctx.db, meterId);
    const key = meterKey(ctx.db, meter.id);
    const range = { from: from ? msOf(from) : null, to: to ? msOf(to) : null };
    const page = readingPage(ctx.db, key, range, offset, limit);
    return {
      items: readingItems(ctx, meter, page),
      total: countReadings(ctx.db, key, range.from, range.to),
      unit: meter.unit,
      timeZone: meter.zone,
    };
  },
};

export const metersHandlers: Handlers<
  Exclude<Extract<MethodName, `meters.${string}`>, `meters.import${string}`>
> = {
  ...readingMethods,
  ...eventMethods,
  ...rollupMethods,
  ...reviewMethods,
  ...roundMethods,
};
