// Balances, the park and the breakdown through the dispatch table on the generated dataset of
// test/support/analytics.ts, checked against an independent calculation here from the raw
// readings (never the rollups): a parent meter's loss rate down the tree and its flags, the park's
// reuse rate, water per 10,000 CNY and quota use, consumption by building and meter with per-area
// figures, metering coverage, and the query plan of the sums every figure stands on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { WaterBalanceNode } from '../../shared/contract/analyticsShapes';
import { call, callError } from '../support/api';
import {
  consumption,
  generateDataset,
  monthSpan,
  yearSpan,
  type Dataset,
  type GeneratedMeter,
} from '../support/analytics';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let d: Dataset;

beforeAll(() => {
  t = openTempApi();
  api = t.api;
  d = generateDataset(api);
});
afterAll(() => t.cleanup());

const inYear = (m: GeneratedMeter, year: number) => consumption(m, ...yearSpan(year));
const close = (actual: number | null, expected: number, digits = 6) => {
  expect(actual).not.toBeNull();
  expect(actual as number).toBeCloseTo(expected, digits);
};

describe('analytics.waterBalance', () => {
  it("gives a parent meter's loss rate, and its children's, from their own readings", () => {
    const r = call(api, 'analytics.waterBalance', {
      meterId: d.meters.WI.asset.id,
      from: '2024-01-01',
      to: '2024-12-31',
    });
    const qs = inYear(d.meters.WI, 2024);
    const qc = inYear(d.meters.W1, 2024) + inYear(d.meters.W2, 2024);
    close(r.input, qs, 4);
    close(r.metered, qc, 4);
    close(r.unaccounted, qs - qc, 4);
    close(r.lossRate, (qs - qc) / qs, 9);
    expect(r.days).toBe(366);
    expect(r.lossThreshold).toBe(0.12);
    expect(r.flags.includes('loss_above_threshold')).toBe((qs - qc) / qs > 0.12);
    const w1 = r.children.find((c: WaterBalanceNode) => c.meterId === d.meters.W1.asset.id);
    const sub = inYear(d.meters.W1S, 2024);
    close(w1?.lossRate ?? null, (inYear(d.meters.W1, 2024) - sub) / inYear(d.meters.W1, 2024), 9);
    expect(w1?.children.map((c) => c.code)).toEqual(['T-W1S']);
    expect(w1?.children[0]?.metered).toBeNull();
  });

  it('flags a loss above the threshold setting, and children that exceed their parent', () => {
    call(api, 'settings.update', { waterLossThreshold: 0.01 });
    try {
      const span = { from: '2024-03-01', to: '2024-03-31' };
      const r = call(api, 'analytics.waterBalance', { meterId: d.meters.WI.asset.id, ...span });
      const [from, to] = monthSpan(2024, 3);
      const loss =
        1 -
        (consumption(d.meters.W1, from, to) + consumption(d.meters.W2, from, to)) /
          consumption(d.meters.WI, from, to);
      expect(r.flags.includes('loss_above_threshold')).toBe(loss > 0.01);
      expect(r.flags.includes('children_exceed_parent')).toBe(loss < 0);
    } finally {
      call(api, 'settings.update', { waterLossThreshold: 0.12 });
    }
    // A building meter without children has no balance; hang the bigger one under it.
    const small = call(api, 'analytics.waterBalance', {
      meterId: d.meters.E1.asset.id,
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(small.metered).toBeNull();
    const e2 = d.meters.E2.asset.id;
    call(api, 'assets.update', {
      id: e2,
      patch: { meterLevel: 3, parentMeterId: d.meters.E1.asset.id },
    });
    try {
      const r = call(api, 'analytics.waterBalance', {
        meterId: d.meters.E1.asset.id,
        from: '2024-01-01',
        to: '2024-12-31',
      });
      expect(r.flags).toContain('children_exceed_parent');
      expect(r.lossRate as number).toBeLessThan(0);
    } finally {
      call(api, 'assets.update', {
        id: e2,
        patch: { meterLevel: 2, parentMeterId: d.meters.EM.asset.id },
      });
    }
  });

  it('refuses a span that runs backwards', () => {
    const e = callError(api, 'analytics.waterBalance', {
      meterId: d.meters.WI.asset.id,
      from: '2024-02-01',
      to: '2024-01-01',
    });
    expect(e.code).toBe('VALIDATION');
  });
});

describe('analytics.park', () => {
  it('gives the reuse rate, water per 10,000 CNY and quota use from the meters’ readings', () => {
    const r = call(api, 'analytics.park', { siteId: d.park.site.id, year: 2024 });
    const fresh = inYear(d.meters.FW, 2024);
    const reused = inYear(d.meters.RW, 2024);
    close(r.freshIntake, fresh, 4);
    close(r.reused, reused, 4);
    close(r.reuseRate, reused / (reused + fresh), 9);
    close(r.valueAdded, 10_500 + 16_200, 9);
    close(r.waterPer10kCny, fresh / (10_500 + 16_200), 9);
    const a = r.enterprises.find((e) => e.enterpriseId === d.enterprises.a);
    close(a?.freshWater ?? null, inYear(d.meters.EW1, 2024), 4);
    close(a?.reusedWater ?? null, inYear(d.meters.ER1, 2024), 4);
    close(a?.quotaUse ?? null, inYear(d.meters.EW1, 2024) / 110_000, 9);
    expect(a?.withinQuota).toBe(inYear(d.meters.EW1, 2024) <= 110_000);
    const prevReuse =
      inYear(d.meters.RW, 2023) / (inYear(d.meters.RW, 2023) + inYear(d.meters.FW, 2023));
    close(r.previous.reuseRate, prevReuse, 9);
    close(r.reuseRateChange, (reused / (reused + fresh) - prevReuse) / prevReuse, 9);
  });
});

describe('analytics.breakdown and analytics.coverage', () => {
  it('splits the site by building and meter with per-area figures', () => {
    const r = call(api, 'analytics.breakdown', {
      siteId: d.campus.site.id,
      utility: 'electricity',
      from: '2024-01-01',
      to: '2024-12-31',
    });
    close(r.total, inYear(d.meters.EM, 2024), 3);
    const b2 = r.buildings.find((b) => b.placeId === d.campus.b2.id);
    close(b2?.amount ?? null, inYear(d.meters.E2, 2024), 4);
    close(b2?.perArea ?? null, inYear(d.meters.E2, 2024) / 4500, 8);
    close(b2?.share ?? null, inYear(d.meters.E2, 2024) / inYear(d.meters.EM, 2024), 9);
    expect(r.buildings.at(-1)?.placeId).toBe(d.campus.b3.id);
    expect(r.buildings.at(-1)?.amount).toBeNull();
    expect(r.meters.map((m) => m.code)).toEqual(['T-E1', 'T-E2', 'T-EM']);
    expect(r.perAreaUnit).toBe('kWh/m²');
  });

  it('counts buildings with a level-2 meter', () => {
    const r = call(api, 'analytics.coverage', { siteId: d.campus.site.id });
    expect(r).toMatchObject({ buildings: 3, metered: 2, coverage: 2 / 3 });
    expect(r.unmetered.map((b) => b.name)).toEqual(['图书馆']);
  });
});

describe('the sums', () => {
  it('read meter_daily by its primary key, never the readings', () => {
    const plan = api.core.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT meter_id, sum(amount) FROM meter_daily
         WHERE meter_id IN (SELECT value FROM json_each(?)) AND day >= ? AND day <= ?
         GROUP BY meter_id`,
      )
      .all('["a","b"]', '2024-01-01', '2024-12-31') as { detail: string }[];
    const text = plan.map((p) => p.detail).join('\n');
    expect(text).toMatch(
      /SEARCH meter_daily USING PRIMARY KEY \(meter_id=\? AND day>\? AND day<\?\)/,
    );
    expect(text).not.toMatch(/meter_readings/);
  });
});
