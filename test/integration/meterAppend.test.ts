// The bulk write's append fast path (metersAppend.ts) against the general path it stands in for:
// random histories — estimates, corrections after them, rollovers on a small register, the odd
// drop that needs review (which sends a chunk down the general path) — appended in random chunks
// must leave exactly the rollups and review rows that a full rebuild from the readings gives.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { Ctx } from '../../electron/context';
import { addReadingsBulk } from '../../electron/services/metersBulk';
import { rebuildMeter } from '../../electron/services/metersRollups';
import { requireMeter } from '../../electron/services/metersStore';
import { call } from '../support/api';
import { createCampus, type Campus } from '../support/assets';
import { createMeter } from '../support/meters';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let ctx: Ctx;
let campus: Campus;

beforeAll(() => {
  t = openTempApi('导入员');
  api = t.api;
  ctx = { core: api.core, db: api.core.db, actor: '导入员' };
  campus = createCampus(api);
});

afterAll(() => t.cleanup());

interface Step {
  gapMinutes: number;
  /** Register units; a value near the top makes the next reading roll over on 4 digits. */
  delta: number;
  estimated: boolean;
}

const steps = fc.array(
  fc.record({
    gapMinutes: fc.integer({ min: 1, max: 3 * 24 * 60 }),
    delta: fc.oneof(
      fc.double({ min: 0, max: 40, noNaN: true }),
      fc.constant(-3),
      fc.constant(3_000),
    ),
    estimated: fc.boolean(),
  }),
  { minLength: 2, maxLength: 120 },
);

function snapshot(meterId: string) {
  const daily = api.core.db
    .prepare(
      `SELECT day, amount, intervals, estimated, pending FROM meter_daily
       WHERE meter_id = ? ORDER BY day`,
    )
    .all(meterId) as { day: string; amount: number }[];
  const reviews = api.core.db
    .prepare(
      `SELECT from_at, to_at, delta, proposed, status FROM meter_reviews
       WHERE meter_id = ? ORDER BY from_at`,
    )
    .all(meterId);
  return { daily, reviews };
}

describe('the append fast path', () => {
  it('does not take a batch whose span holds stored readings (hourly data after monthly reads)', () => {
    const meter = createMeter(api, 'AP-MIX', {}, campus).meter;
    const day = (d: number, h = 0) => Date.parse(`2025-01-0${d}T00:00:00+08:00`) + h * 3_600_000;
    // Manual reads on 1–3 January, consistent with 1 m³ an hour.
    addReadingsBulk(
      ctx,
      meter.id,
      [1, 2, 3].map((d) => ({ at: day(d), value: (d - 1) * 24 })),
      {
        source: 'manual',
      },
    );
    const hourly = Array.from({ length: 6 * 24 + 1 }, (_, h) => ({ at: day(1, h), value: h }));
    addReadingsBulk(ctx, meter.id, hourly, { source: 'device' });
    const daily = snapshot(meter.id).daily.map((d) => [d.day, d.amount]);
    expect(daily).toEqual(
      ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05', '2025-01-06'].map(
        (d) => [d, 24],
      ),
    );
  });

  it('leaves the rollups and reviews a rebuild gives, for any history and chunking', () => {
    let n = 0;
    fc.assert(
      fc.property(steps, fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 6 }), (s, cuts) => {
        n += 1;
        const meter = createMeter(
          api,
          `AP-${n}`,
          { registerDigits: 4, multiplier: 2 },
          campus,
        ).meter;
        let at = Date.parse('2024-03-30T16:00:00Z');
        let value = 9_500;
        const rows = s.map((step: Step) => {
          at += step.gapMinutes * 60_000;
          value = Math.round((value + step.delta) * 1000) / 1000;
          if (value >= 10_000) value = Math.round((value - 10_000) * 1000) / 1000;
          if (value < 0) value = 0;
          return { at, value, estimated: step.estimated };
        });
        let start = 0;
        for (const cut of [...cuts, rows.length]) {
          const end = Math.min(rows.length, start + cut);
          if (end > start)
            addReadingsBulk(ctx, meter.id, rows.slice(start, end), { source: 'import' });
          start = end;
        }
        if (start < rows.length)
          addReadingsBulk(ctx, meter.id, rows.slice(start), { source: 'import' });
        const appended = snapshot(meter.id);
        rebuildMeter(ctx, requireMeter(api.core.db, meter.id));
        const rebuilt = snapshot(meter.id);
        expect(appended.reviews).toEqual(rebuilt.reviews);
        expect(appended.daily.map((d) => d.day)).toEqual(rebuilt.daily.map((d) => d.day));
        appended.daily.forEach((d, i) => {
          const r = rebuilt.daily[i] as typeof d;
          expect({ ...d, amount: 0 }).toEqual({ ...r, amount: 0 });
          expect(d.amount).toBeCloseTo(r.amount, 6);
        });
      }),
      { numRuns: 100, seed: 20261129 },
    );
    // The histories really did include reviews and rollovers.
    const kinds = api.core.db.prepare(`SELECT count(*) FROM meter_reviews`).pluck().get() as number;
    expect(kinds).toBeGreaterThan(0);
    expect(call(api, 'meters.reviews', {}).total).toBeGreaterThan(0);
  });
});
