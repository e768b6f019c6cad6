// One demo campus's meters as the consumption model needs them (utility, level, parent, register,
// and the building each level-2 meter serves), and their curves: buildings from their use and
// floor area, level-1 meters from their children plus losses (an inlet hour by hour, with its
// leak if it has one), the reclaimed-water meter from the irrigation zones it feeds.
import type { Db } from '../store/tx';
import { DAY, HOUR } from './maintenanceClock';
import {
  buildingAnnual,
  buildingDaily,
  curveOf,
  inletHourly,
  irrigationDaily,
  parentDaily,
  PER_CAPITA_FALL,
  yearFactor,
  type Calendar,
  type Curve,
  type Zone,
} from './meterReadingsModel';
import type { MeterReadingsPlan } from './meterReadingsPlan';
import type { Rng } from './random';

export interface MeterRow {
  id: string;
  code: string;
  utility: string | null;
  level: number | null;
  parent_id: string | null;
  multiplier: number | null;
  digits: number | null;
  site_id: string | null;
  use: string | null;
  area: number | null;
}

export function loadMeters(db: Db): MeterRow[] {
  return db
    .prepare(
      `SELECT a.id, a.code, a.utility, a.meter_level AS level, a.parent_meter_id AS parent_id,
         a.multiplier, a.register_digits AS digits,
         CASE WHEN p.kind = 'site' THEN p.id ELSE p.parent_id END AS site_id,
         CASE WHEN p.kind = 'building' THEN p.building_use END AS use,
         CASE WHEN p.kind = 'building' THEN p.area_m2 END AS area
       FROM assets a LEFT JOIN places p ON p.id = a.place_id
       WHERE a.kind = 'meter' ORDER BY a.code`,
    )
    .all() as MeterRow[];
}

/** Standard persons per year: residents count fully, the non-resident others by half. */
function loadPersons(db: Db, siteId: string | null): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT year, students + staff + residents + 0.5 * others AS n FROM headcounts
       WHERE site_id = ? ORDER BY year`,
    )
    .all(siteId) as { year: number; n: number }[];
  return new Map(rows.map((r) => [r.year, r.n]));
}

function loadZones(db: Db, meterId: string): Zone[] {
  const rows = db
    .prepare(
      `SELECT green_area_m2 AS area, schedule_days AS days, schedule_minutes AS minutes,
         precip_rate_mm_h AS rate
       FROM assets WHERE kind = 'irrigation_zone' AND linked_meter_id = ?`,
    )
    .all(meterId) as {
    area: number | null;
    days: string | null;
    minutes: number | null;
    rate: number | null;
  }[];
  return rows.map((r) => ({
    areaM2: r.area ?? 0,
    days: (r.days ?? '').split(',').filter(Boolean),
    minutes: r.minutes ?? 0,
    precipMmH: r.rate ?? 0,
  }));
}

export const isInlet = (m: MeterRow): boolean => m.utility === 'water' && m.level === 1;
export const isBuilding = (m: MeterRow): boolean =>
  m.level === 2 && (m.utility === 'water' || m.utility === 'electricity');

/** Every meter's curve for one campus: buildings first, then the level-1 meters summing them. */
export function modelCampus(
  rng: Rng,
  db: Db,
  cal: Calendar,
  meters: readonly MeterRow[],
  leak: MeterReadingsPlan['leak'] | null,
): Map<string, Curve> {
  const persons = loadPersons(db, meters[0]?.site_id ?? null);
  const first = cal.year[0] ?? 0;
  const last = cal.year[cal.days - 1] ?? 0;
  const factors = {
    water: yearFactor(rng, persons, first, last, PER_CAPITA_FALL.water),
    electricity: yearFactor(rng, persons, first, last, PER_CAPITA_FALL.electricity),
  };
  const daily = new Map<string, Float64Array>();
  for (const m of meters) {
    const utility = m.utility === 'electricity' ? 'electricity' : 'water';
    if (!isBuilding(m) && m.level !== 3) continue;
    const annual = buildingAnnual(rng, m.use, m.area, utility);
    daily.set(m.id, buildingDaily(rng, cal, annual, m.use, utility, factors[utility]));
  }
  const curves = new Map<string, Curve>();
  for (const m of meters) {
    const own = daily.get(m.id);
    const children = meters.filter((c) => c.parent_id === m.id).map((c) => daily.get(c.id));
    const kids = children.filter((c): c is Float64Array => c !== undefined);
    if (isInlet(m)) {
      const flow = leak && m.code === leak.meterCode ? leak : null;
      const loss = 0.05 + rng.next() * 0.03;
      const hourly = inletHourly(rng, cal, kids, {
        loss,
        leak: flow && { startMs: flow.startMs, flow: flow.flowM3PerH },
      });
      curves.set(m.id, curveOf(cal.startMs, HOUR, hourly));
    } else if (own) {
      curves.set(m.id, curveOf(cal.startMs, DAY, own));
    } else if (m.utility === 'reclaimed_water') {
      curves.set(m.id, curveOf(cal.startMs, DAY, irrigationDaily(rng, cal, loadZones(db, m.id))));
    } else {
      const loss = 0.025 + rng.next() * 0.01;
      curves.set(m.id, curveOf(cal.startMs, DAY, parentDaily(kids, cal.days, loss, rng)));
    }
  }
  return curves;
}
