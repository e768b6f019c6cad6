// A generated dataset for the analytics tests, and the independent reference they check against.
// The dataset (seeded): a campus with a water inlet, two building meters and a sub-meter, an
// electricity main with two building meters (CT multipliers), a building without meters, and
// headcounts; a park with fresh and reclaimed level-1 meters and two enterprises with meters,
// value added and quotas. Readings fall at random instants 3–12 days apart across 2023–2024, so
// every month and year boundary lies inside some interval and spreading matters.
//
// The reference works on the readings exactly as generated (and as stored in meter_readings, which
// the tests check), never on the rollups: the consumption of a period is Σ over reading pairs of
// (v2 − v1) × multiplier × the share of the pair's time inside the period.
import type { Api } from '../../electron/api';
import type { Ctx } from '../../electron/context';
import { addReadingsBulk } from '../../electron/services/metersBulk';
import type { InputOf } from '../../shared/contract';
import type { Asset } from '../../shared/contract/assets';
import type { Place } from '../../shared/contract/places';
import { call } from './api';
import { meterInput } from './assets';
import { prng, type Prng } from './prng';

export interface Reading {
  at: number;
  value: number;
}

export interface GeneratedMeter {
  asset: Asset;
  multiplier: number;
  readings: Reading[];
}

/** Local midnight (Asia/Shanghai, UTC+8 without DST) of a date, as epoch ms. */
export const shMs = (day: string, time = '00:00') => Date.parse(`${day}T${time}+08:00`);

/** Σ (v2 − v1) × multiplier × overlap share with [fromMs, toMs): the reference consumption. */
export function consumption(
  m: Pick<GeneratedMeter, 'readings' | 'multiplier'>,
  fromMs: number,
  toMs: number,
): number {
  let total = 0;
  for (let i = 1; i < m.readings.length; i += 1) {
    const a = m.readings[i - 1] as Reading;
    const b = m.readings[i] as Reading;
    const overlap = Math.min(b.at, toMs) - Math.max(a.at, fromMs);
    if (overlap > 0) total += ((b.value - a.value) * m.multiplier * overlap) / (b.at - a.at);
  }
  return total;
}

export const yearSpan = (year: number): [number, number] => [
  shMs(`${year}-01-01`),
  shMs(`${year + 1}-01-01`),
];

export function monthSpan(year: number, month: number): [number, number] {
  const next =
    month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return [shMs(`${year}-${String(month).padStart(2, '0')}-01`), shMs(next)];
}

function ctxOf(api: Api): Ctx {
  return { core: api.core, db: api.core.db, actor: '测试员' };
}

/** Readings from late 2022 into 2025 at 3–12 day steps, rising by `perDay` ± 30% per step. */
function series(rng: Prng, perDay: number, opening: number): Reading[] {
  const out: Reading[] = [];
  let at = shMs('2022-12-20', '09:15');
  let value = opening;
  const end = shMs('2025-01-10');
  while (at < end) {
    out.push({ at, value: Math.round(value * 100) / 100 });
    const step = rng.int(3, 12) * 86_400_000 + rng.int(-5, 5) * 3_600_000 + rng.int(0, 59) * 60_000;
    value += ((perDay * step) / 86_400_000) * (0.7 + rng.next() * 0.6);
    at += step;
  }
  return out;
}

function place(api: Api, input: InputOf<'places.create'>): Place {
  return call(api, 'places.create', input);
}

export interface Dataset {
  campus: { site: Place; b1: Place; b2: Place; b3: Place; road: Place; room: Place };
  park: { site: Place; pipes: Place };
  meters: Record<
    'WI' | 'W1' | 'W2' | 'W1S' | 'EM' | 'E1' | 'E2' | 'FW' | 'RW' | 'EW1' | 'EW2' | 'ER1',
    GeneratedMeter
  >;
  headcounts: Record<
    2023 | 2024,
    { students: number; staff: number; residents: number; others: number }
  >;
  enterprises: { a: string; b: string };
}

export function generateDataset(api: Api, seed = 7): Dataset {
  const rng = prng(seed);
  const site = place(api, { kind: 'site', parentId: null, name: '分析校区', code: 'FX' });
  const b1 = place(api, {
    kind: 'building',
    parentId: site.id,
    name: '第一教学楼',
    code: 'JX-A',
    areaM2: 6000,
  });
  const b2 = place(api, {
    kind: 'building',
    parentId: site.id,
    name: '学生宿舍1号楼',
    code: 'SS-01',
    areaM2: 4500,
  });
  const b3 = place(api, {
    kind: 'building',
    parentId: site.id,
    name: '图书馆',
    code: 'TSG',
    areaM2: 3000,
  });
  const road = place(api, { kind: 'area', parentId: site.id, name: '环校路', code: 'WS-1' });
  const floor = place(api, { kind: 'floor', parentId: b1.id, name: '1层', code: 'JX-A-1F' });
  const room = place(api, { kind: 'room', parentId: floor.id, name: '开水房', code: 'A101' });
  const parkSite = place(api, { kind: 'site', parentId: null, name: '产业园区', code: 'YQ' });
  const pipes = place(api, { kind: 'area', parentId: parkSite.id, name: '园区管网', code: 'GW' });

  const meters = {} as Dataset['meters'];
  const add = (
    key: keyof Dataset['meters'],
    utility: 'water' | 'reclaimed_water' | 'electricity',
    level: number,
    placeId: string,
    perDay: number,
    extra: { parent?: keyof Dataset['meters']; multiplier?: number } = {},
  ) => {
    const multiplier = extra.multiplier ?? 1;
    const asset = call(
      api,
      'assets.create',
      meterInput(`T-${key}`, utility, level, {
        placeId,
        multiplier,
        registerDigits: 9,
        parentMeterId: extra.parent ? meters[extra.parent].asset.id : null,
      }),
    );
    const readings = series(rng, perDay / multiplier, rng.int(100, 5000));
    addReadingsBulk(ctxOf(api), asset.id, readings, { source: 'import' });
    meters[key] = { asset, multiplier, readings };
  };
  add('WI', 'water', 1, road.id, 410);
  add('W1', 'water', 2, b1.id, 120, { parent: 'WI' });
  add('W2', 'water', 2, b2.id, 260, { parent: 'WI' });
  add('W1S', 'water', 3, room.id, 30, { parent: 'W1' });
  add('EM', 'electricity', 1, road.id, 9000, { multiplier: 200 });
  add('E1', 'electricity', 2, b1.id, 3500, { parent: 'EM', multiplier: 40 });
  add('E2', 'electricity', 2, b2.id, 4800, { parent: 'EM', multiplier: 20 });
  add('FW', 'water', 1, pipes.id, 900);
  add('RW', 'reclaimed_water', 1, pipes.id, 2600);
  add('EW1', 'water', 2, pipes.id, 300, { parent: 'FW' });
  add('EW2', 'water', 2, pipes.id, 450, { parent: 'FW' });
  add('ER1', 'reclaimed_water', 2, pipes.id, 1500, { parent: 'RW' });

  const headcounts = {
    2023: { students: 5200, staff: 410, residents: 120, others: 300 },
    2024: { students: 5450, staff: 420, residents: 130, others: 260 },
  };
  for (const [year, h] of Object.entries(headcounts)) {
    call(api, 'people.setHeadcount', { siteId: site.id, year: Number(year), ...h });
  }
  const a = call(api, 'people.createEnterprise', {
    siteId: parkSite.id,
    name: '精密机械公司',
    code: 'QY-1',
  });
  const b = call(api, 'people.createEnterprise', {
    siteId: parkSite.id,
    name: '电子材料公司',
    code: 'QY-2',
  });
  call(api, 'people.setEnterpriseMeters', {
    enterpriseId: a.id,
    meterIds: [meters.EW1.asset.id, meters.ER1.asset.id],
  });
  call(api, 'people.setEnterpriseMeters', { enterpriseId: b.id, meterIds: [meters.EW2.asset.id] });
  for (const [id, year, valueAdded, waterQuota] of [
    [a.id, 2023, 9800, 120_000],
    [a.id, 2024, 10_500, 110_000],
    [b.id, 2023, 15_000, 150_000],
    [b.id, 2024, 16_200, 170_000],
  ] as const) {
    call(api, 'people.setEnterpriseYear', { enterpriseId: id, year, valueAdded, waterQuota });
  }
  return {
    campus: { site, b1, b2, b3, road, room },
    park: { site: parkSite, pipes },
    meters,
    headcounts,
    enterprises: { a: a.id, b: b.id },
  };
}
