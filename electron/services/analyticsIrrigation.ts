// analytics.irrigation: water per m² of green space by zone and season against the programmes
// (DOMAIN.md: planned = area × precipitation rate × scheduled minutes, per run). A zone's actual
// water is its linked meter's consumption in the season from the daily rollups; a meter that
// feeds several zones (a reclaimed-water main, as on the demo campus) is shared among them in
// proportion to their planned water (by green area when nothing is planned), which is exact for
// a meter per zone and an even-handed estimate otherwise — `zonesOnMeter` says which. Seasons
// are meteorological within the calendar year; a running year stops at yesterday.
import type { IrrigationResult } from '../../shared/contract/analyticsSiteShapes';
import {
  addDays,
  plannedM3,
  seasonSpans,
  type Programme,
  type Season,
} from '../../shared/domain/analytics';
import type { Handlers } from '../api';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { requireSite, sumsByMeter } from './analyticsScope';

interface ZoneRow {
  id: string;
  code: string;
  name: string;
  area: number | null;
  method: string | null;
  meterId: string | null;
  days: string | null;
  start: string | null;
  minutes: number | null;
  rate: number | null;
}

function zonesOf(db: Db, siteId: string): ZoneRow[] {
  return prepared(
    db,
    `SELECT z.id, z.code, z.name, z.green_area_m2 AS area, z.irrigation_method AS method,
            z.linked_meter_id AS meterId, z.schedule_days AS days, z.schedule_start AS start,
            z.schedule_minutes AS minutes, z.precip_rate_mm_h AS rate
     FROM assets z
     LEFT JOIN places p1 ON p1.id = z.place_id
     LEFT JOIN places p2 ON p2.id = p1.parent_id
     LEFT JOIN places p3 ON p3.id = p2.parent_id
     LEFT JOIN places p4 ON p4.id = p3.parent_id
     WHERE z.kind = 'irrigation_zone' AND z.status <> 'retired'
       AND @siteId IN (p1.id, p2.id, p3.id, p4.id)
     ORDER BY z.code`,
  ).all({ siteId }) as ZoneRow[];
}

const programmeOf = (z: ZoneRow): Programme => ({
  days: z.days ? z.days.split(',') : [],
  start: z.start ?? '00:00',
  minutes: z.minutes ?? 0,
});

const perM2 = (v: number | null, area: number) => (v === null || !(area > 0) ? null : v / area);
const ratio = (a: number | null, b: number) => (a === null || !(b > 0) ? null : a / b);

function irrigation(db: Db, siteId: string, year: number): IrrigationResult {
  const site = requireSite(db, siteId);
  const zones = zonesOf(db, site.id);
  const yesterday = addDays(site.today, -1);
  const meterIds = [...new Set(zones.map((z) => z.meterId).filter((m): m is string => m !== null))];
  const onMeter = (id: string | null) =>
    zones.filter((z) => z.meterId !== null && z.meterId === id);
  // Per season: each zone's planned water, each meter's actual, over the season's days so far.
  const bySeason = seasonSpans(year).map(({ season, spans }) => {
    const planned = new Map<string, number>();
    const actual = new Map<string, number>();
    for (const [from, to] of spans) {
      const end = to < yesterday ? to : yesterday;
      if (end < from) continue;
      for (const z of zones) {
        const p = plannedM3(z.area ?? 0, z.rate ?? 0, programmeOf(z), from, end);
        planned.set(z.id, (planned.get(z.id) ?? 0) + p);
      }
      for (const [id, s] of sumsByMeter(db, meterIds, from, end)) {
        actual.set(id, (actual.get(id) ?? 0) + s.amount);
      }
    }
    return { season, planned, actual };
  });
  /** A zone's share of its meter: by planned water, else by green area. */
  const actualOf = (z: ZoneRow, s: (typeof bySeason)[number]): number | null => {
    const metered = z.meterId === null ? undefined : s.actual.get(z.meterId);
    if (metered === undefined) return null;
    const peers = onMeter(z.meterId);
    const plan = peers.reduce((sum, p) => sum + (s.planned.get(p.id) ?? 0), 0);
    if (plan > 0) return (metered * (s.planned.get(z.id) ?? 0)) / plan;
    const area = peers.reduce((sum, p) => sum + (p.area ?? 0), 0);
    return area > 0 ? (metered * (z.area ?? 0)) / area : metered / peers.length;
  };
  const seasonRow = (season: Season, plannedM3: number, actualM3: number | null, area: number) => ({
    season,
    plannedM3,
    actualM3,
    plannedPerM2: perM2(plannedM3, area),
    actualPerM2: perM2(actualM3, area),
    ratio: ratio(actualM3, plannedM3),
  });
  const zoneRows = zones.map((z) => {
    const seasons = bySeason.map((s) =>
      seasonRow(s.season, s.planned.get(z.id) ?? 0, actualOf(z, s), z.area ?? 0),
    );
    const known = seasons.filter((s) => s.actualM3 !== null);
    return {
      zoneId: z.id,
      code: z.code,
      name: z.name,
      areaM2: z.area,
      method: z.method,
      meterId: z.meterId,
      zonesOnMeter: z.meterId === null ? 0 : onMeter(z.meterId).length,
      plannedM3: seasons.reduce((sum, s) => sum + s.plannedM3, 0),
      actualM3: known.length > 0 ? known.reduce((sum, s) => sum + (s.actualM3 ?? 0), 0) : null,
      seasons,
    };
  });
  const areaM2 = zones.reduce((sum, z) => sum + (z.area ?? 0), 0);
  const seasons = bySeason.map((s) => {
    const planned = [...s.planned.values()].reduce((a, b) => a + b, 0);
    const actual = s.actual.size > 0 ? [...s.actual.values()].reduce((a, b) => a + b, 0) : null;
    return seasonRow(s.season, planned, actual, areaM2);
  });
  return { siteId: site.id, year, unit: 'm³', areaM2, seasons, zones: zoneRows };
}

export const irrigationCalls: Handlers<'analytics.irrigation'> = {
  'analytics.irrigation': ({ siteId, year }, ctx) => irrigation(ctx.db, siteId, year),
};
