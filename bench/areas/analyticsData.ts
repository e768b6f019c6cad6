// The analytics bench's data: the demo's places, headcounts and asset register at --scale (62
// meters a campus: two potable inlets, an electricity main and a reclaimed-water main at level 1,
// a water and an electricity meter on each of 29 buildings), and two years of HOURLY readings on
// every meter — 17,545 a meter, 10.9 million at scale 10 — written through the app's own bulk
// path (addReadingsBulk), so the daily rollups are the ones the app keeps. Level-1 meters read
// the sum of their children plus a loss, so water balances mean something. Registers roll over at
// their digits and carry their CT multipliers, as real dials do; the naive scan must cope too.
import type { Api } from '../../electron/api';
import { generateAssets } from '../../electron/demo/assets';
import { generateHeadcounts } from '../../electron/demo/headcounts';
import { generatePlaces } from '../../electron/demo/places';
import { createRng, type Rng } from '../../electron/demo/random';
import { addReadingsBulk } from '../../electron/services/metersBulk';
import { inTransaction, nowIso } from '../../electron/store/tx';

export const FIRST_YEAR = 2024;
export const LAST_YEAR = 2025;
const HOUR = 3_600_000;
export const START_MS = Date.parse(`${FIRST_YEAR}-01-01T00:00:00+08:00`);
export const END_MS = Date.parse(`${LAST_YEAR + 1}-01-01T00:00:00+08:00`);
/** Readings per meter: every hour of the two years, both ends included. */
export const HOURS = (END_MS - START_MS) / HOUR + 1;

export interface BenchMeter {
  id: string;
  code: string;
  utility: string;
  level: number;
  parentId: string | null;
  multiplier: number;
  digits: number | null;
  siteId: string;
  buildingId: string | null;
  use: string | null;
  area: number | null;
}

/** Share of a day's use by local hour: a night minimum, morning and evening peaks. */
const SHAPE = (() => {
  const raw = [
    0.5, 0.32, 0.24, 0.22, 0.24, 0.38, 0.85, 1.55, 1.45, 1.15, 1.05, 1.35, 1.5, 1.2, 1.0, 0.95, 1.0,
    1.25, 1.55, 1.5, 1.45, 1.55, 1.35, 0.9,
  ];
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / sum);
})();
const SEASON = [0.92, 0.5, 1.02, 1.05, 1.12, 1.22, 0.8, 0.55, 1.18, 1.08, 1.0, 0.96];
const PER_M2 = { water: 1.2, electricity: 35 };

export function loadBenchMeters(api: Api): BenchMeter[] {
  return api.core.db
    .prepare(
      `SELECT a.id, a.code, a.utility, a.meter_level AS level, a.parent_meter_id AS parentId,
         coalesce(a.multiplier, 1) AS multiplier, a.register_digits AS digits,
         CASE WHEN p.kind = 'site' THEN p.id ELSE p.parent_id END AS siteId,
         CASE WHEN p.kind = 'building' THEN p.id END AS buildingId,
         CASE WHEN p.kind = 'building' THEN p.building_use END AS use,
         CASE WHEN p.kind = 'building' THEN p.area_m2 END AS area
       FROM assets a JOIN places p ON p.id = a.place_id
       WHERE a.kind = 'meter' ORDER BY a.code`,
    )
    .all() as BenchMeter[];
}

/** Hourly consumption of a building meter: its area's yearly level by the hour and season. */
function buildingHours(rng: Rng, m: BenchMeter): Float64Array {
  const out = new Float64Array(HOURS - 1);
  const utility = m.utility === 'electricity' ? 'electricity' : 'water';
  const daily = (PER_M2[utility] * (m.area ?? 3000) * (0.7 + rng.next() * 0.6)) / 365;
  for (let h = 0; h < out.length; h += 1) {
    const local = new Date(START_MS + h * HOUR + 8 * HOUR);
    const season = SEASON[local.getUTCMonth()] ?? 1;
    out[h] = daily * (SHAPE[local.getUTCHours()] ?? 0) * season * (0.9 + rng.next() * 0.2);
  }
  return out;
}

/** Register values from hourly amounts: opening + cumulative / multiplier, rolling over. */
function registerOf(rng: Rng, m: BenchMeter, hours: Float64Array): { at: number; value: number }[] {
  const size = m.digits === null ? Infinity : 10 ** m.digits;
  let value = Math.min(size / 2, rng.int(0, 50_000));
  const rows = [{ at: START_MS, value }];
  for (let h = 0; h < hours.length; h += 1) {
    value += (hours[h] ?? 0) / m.multiplier;
    if (value >= size) value -= size;
    rows.push({ at: START_MS + (h + 1) * HOUR, value: Math.round(value * 1000) / 1000 });
  }
  return rows;
}

/** Places, headcounts and the asset register of the demo at `scale`, in one transaction. */
export function generateRegister(api: Api, scale: number, seed: number): void {
  const rng = createRng(seed);
  const db = api.core.db;
  inTransaction(db, () => {
    const places = generatePlaces(db, rng, scale, nowIso());
    generateHeadcounts(db, rng, places.siteIds, LAST_YEAR);
    generateAssets(db, rng, scale, nowIso(), LAST_YEAR);
  });
}

/** Two years of hourly readings on every meter, campus by campus; returns how many. */
export function generateReadings(api: Api, seed: number, log: (line: string) => void): number {
  const rng = createRng(seed + 1);
  const ctx = { core: api.core, db: api.core.db, actor: 'bench' };
  const meters = loadBenchMeters(api);
  const sites = [...new Set(meters.map((m) => m.siteId))];
  let written = 0;
  for (const [i, siteId] of sites.entries()) {
    const own = meters.filter((m) => m.siteId === siteId).sort((a, b) => b.level - a.level);
    const hours = new Map<string, Float64Array>();
    for (const m of own) {
      const children = own.filter((c) => c.parentId === m.id).map((c) => hours.get(c.id));
      if (m.level === 2) {
        hours.set(m.id, buildingHours(rng, m));
      } else if (children.length > 0) {
        // A main: its children plus a loss share and a steady background flow.
        const out = new Float64Array(HOURS - 1);
        const loss = 0.04 + rng.next() * 0.06;
        for (const c of children) c?.forEach((v, h) => (out[h] = (out[h] ?? 0) + v * (1 + loss)));
        hours.set(
          m.id,
          out.map((v) => v + (m.utility === 'electricity' ? 0 : 0.4)),
        );
      } else {
        hours.set(
          m.id,
          new Float64Array(HOURS - 1).map(() => 1 + rng.next()),
        );
      }
    }
    for (const m of own) {
      const rows = registerOf(rng, m, hours.get(m.id) as Float64Array);
      written += addReadingsBulk(ctx, m.id, rows, { source: 'device' }).inserted;
    }
    log(`analytics: campus ${i + 1}/${sites.length}: ${written.toLocaleString('en-US')} readings`);
  }
  return written;
}
