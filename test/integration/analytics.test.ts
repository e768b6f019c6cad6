// The dashboard's per-capita and monthly figures through the dispatch table on a generated
// dataset (test/support/analytics.ts), each checked against an independent calculation here from
// the raw readings — Σ (v2 − v1) × multiplier × the share of each reading pair's time in the
// period — never from the rollups: yearly per-capita water and electricity with the year-on-year
// change, weights and targets, the fallback of a site without level-1 meters, and a building's
// monthly totals with the same month a year earlier. Balances and the park: analyticsBalance.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { call, callError } from '../support/api';
import { meterInput } from '../support/assets';
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

describe('the generated readings', () => {
  it('are stored as generated (the reference reads the same readings the app holds)', () => {
    for (const m of Object.values(d.meters)) {
      const stored = api.core.db
        .prepare(
          `SELECT r.at, r.value FROM meter_readings r JOIN meter_keys k ON k.key = r.meter
           WHERE k.meter_id = ? ORDER BY r.at`,
        )
        .all(m.asset.id);
      expect(stored).toEqual(m.readings);
    }
  });
});

describe('analytics.yearly', () => {
  const weights = { students: 1, staff: 1, residents: 1, others: 0.5 };
  const persons = (year: 2023 | 2024) => {
    const h = d.headcounts[year];
    return h.students * weights.students + h.staff + h.residents + h.others * weights.others;
  };

  it('gives per-capita water in L/(person·day) and m³/(person·year), and the change on 2023', () => {
    const r = call(api, 'analytics.yearly', {
      siteId: d.campus.site.id,
      utility: 'water',
      year: 2024,
    });
    const total = inYear(d.meters.WI, 2024);
    expect(r.source).toBe('level1');
    expect(r.meters.map((m) => m.code)).toEqual(['T-WI']);
    expect(r.unit).toBe('m³');
    expect(r.days).toBe(366);
    expect(r.partial).toBe(false);
    close(r.total, total, 4);
    expect(r.standardPersons).toBe(persons(2024));
    close(r.perCapitaPerDay, (total * 1000) / (persons(2024) * 366), 6);
    close(r.perCapitaPerYear, total / persons(2024), 6);
    const before = inYear(d.meters.WI, 2023);
    const perDayBefore = (before * 1000) / (persons(2023) * 365);
    close(r.previous.total, before, 4);
    close(
      r.previousYearChange,
      ((total * 1000) / (persons(2024) * 366) - perDayBefore) / perDayBefore,
      9,
    );
    close(r.totalChange, (total - before) / before, 9);
    expect(r.perCapitaUnits).toEqual({ perDay: 'L/(person·day)', perYear: 'm³/(person·year)' });
  });

  it('gives per-capita electricity in kWh/(person·year) through the CT multiplier', () => {
    const r = call(api, 'analytics.yearly', {
      siteId: d.campus.site.id,
      utility: 'electricity',
      year: 2024,
    });
    const total = inYear(d.meters.EM, 2024);
    expect(d.meters.EM.multiplier).toBe(200);
    close(r.total, total, 3);
    close(r.perCapitaPerYear, total / persons(2024), 6);
    close(r.perCapitaPerDay, total / (persons(2024) * 366), 8);
    expect(r.perCapitaUnits.perYear).toBe('kWh/(person·year)');
  });

  it('follows the standard-person weights of the settings', () => {
    call(api, 'settings.update', { standardPersonWeights: { others: 0 } });
    try {
      const r = call(api, 'analytics.yearly', {
        siteId: d.campus.site.id,
        utility: 'water',
        year: 2024,
      });
      const h = d.headcounts[2024];
      expect(r.standardPersons).toBe(h.students + h.staff + h.residents);
    } finally {
      call(api, 'settings.update', { standardPersonWeights: { others: 0.5 } });
    }
  });

  it('has no per-capita figure for a year without headcount, and draws the target gap', () => {
    call(api, 'analytics.setTarget', {
      siteId: d.campus.site.id,
      utility: 'water',
      year: 2024,
      total: 140_000,
      perCapitaPerYear: 25,
    });
    const r = call(api, 'analytics.yearly', {
      siteId: d.campus.site.id,
      utility: 'water',
      year: 2024,
    });
    close(r.target?.totalGap ?? null, (r.total ?? 0) - 140_000, 6);
    close(r.target?.perCapitaGap ?? null, (r.perCapitaPerYear ?? 0) - 25, 9);
    const old = call(api, 'analytics.yearly', {
      siteId: d.campus.site.id,
      utility: 'water',
      year: 2023,
    });
    expect(old.target).toBeNull();
    const none = call(api, 'analytics.trend', {
      siteId: d.campus.site.id,
      utility: 'water',
      fromYear: 2022,
      toYear: 2024,
    });
    expect(none.items.map((i) => i.year)).toEqual([2022, 2023, 2024]);
    expect(none.items[0]?.standardPersons).toBeNull();
    expect(none.items[0]?.perCapitaPerDay).toBeNull();
    close(none.items[2]?.total ?? null, r.total ?? 0, 6);
  });

  it('falls back to the top-most meters on a site without level-1 meters, and says so', () => {
    const site = call(api, 'places.create', { kind: 'site', parentId: null, name: '无总表校区' });
    const b = call(api, 'places.create', { kind: 'building', parentId: site.id, name: '楼' });
    call(api, 'assets.create', meterInput('NL-1', 'water', 2, { placeId: b.id }));
    const r = call(api, 'analytics.yearly', { siteId: site.id, utility: 'water', year: 2024 });
    expect(r.source).toBe('top_meters');
    expect(r.total).toBeNull();
    const e = call(api, 'analytics.yearly', {
      siteId: site.id,
      utility: 'electricity',
      year: 2024,
    });
    expect(e.source).toBe('none');
    expect(
      callError(api, 'analytics.yearly', { siteId: b.id, utility: 'water', year: 2024 }).code,
    ).toBe('NOT_FOUND');
    expect(
      callError(api, 'analytics.yearly', {
        siteId: site.id,
        utility: 'water',
        year: 2024,
        extra: 1,
      }).code,
    ).toBe('VALIDATION');
  });
});

describe('analytics.monthly', () => {
  it("gives a building's monthly totals (its level-2 meter, not the sub-meter) with last year's", () => {
    const r = call(api, 'analytics.monthly', {
      placeId: d.campus.b1.id,
      utility: 'water',
      year: 2024,
    });
    expect(r.meterIds).toEqual([d.meters.W1.asset.id]);
    expect(r.areaM2).toBe(6000);
    for (let month = 1; month <= 12; month += 1) {
      const row = r.months[month - 1];
      close(row?.total ?? null, consumption(d.meters.W1, ...monthSpan(2024, month)), 6);
      close(row?.previousYear ?? null, consumption(d.meters.W1, ...monthSpan(2023, month)), 6);
      close(row?.perArea ?? null, (row?.total ?? 0) / 6000, 9);
    }
    close(r.total, inYear(d.meters.W1, 2024), 5);
  });

  it('sums a building’s electricity through its multiplier, and a meter alone by meterId', () => {
    const r = call(api, 'analytics.monthly', {
      placeId: d.campus.b2.id,
      utility: 'electricity',
      year: 2024,
    });
    close(r.months[6]?.total ?? null, consumption(d.meters.E2, ...monthSpan(2024, 7)), 5);
    const m = call(api, 'analytics.monthly', {
      meterId: d.meters.W1S.asset.id,
      utility: 'water',
      year: 2024,
    });
    close(m.months[1]?.total ?? null, consumption(d.meters.W1S, ...monthSpan(2024, 2)), 6);
    expect(callError(api, 'analytics.monthly', { utility: 'water', year: 2024 }).code).toBe(
      'VALIDATION',
    );
  });
});
