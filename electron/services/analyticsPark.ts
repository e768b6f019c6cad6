// analytics.park: a park's water indicators of DOMAIN.md for a year and the same days a year
// earlier — reuse rate = reused / (reused + fresh intake), water per 10,000 CNY of industrial
// value added = fresh intake / Σ value added (fresh water only), and by enterprise the fresh
// water of its meters against its quota (compliance = actual / quota). Fresh intake is the site's
// level-1 potable-water meters, reused its level-1 reclaimed-water meters (else the top-most
// ones, as for every site total). Two GROUP BYs over meter_daily per period.
import type { EnterpriseFigures, ParkResult } from '../../shared/contract/analyticsSiteShapes';
import { change, previousPeriod, yearPeriod, type Period } from '../../shared/domain/analytics';
import type { Handlers } from '../api';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import {
  lastDataDay,
  requireSite,
  sumsByMeter,
  totalMeters,
  totalOf,
  type MeterSum,
} from './analyticsScope';

interface EnterpriseRow {
  id: string;
  code: string | null;
  name: string;
  valueAdded: number | null;
  waterQuota: number | null;
}

interface MeterLink {
  enterpriseId: string;
  meterId: string;
  utility: string | null;
}

function enterprisesOf(db: Db, siteId: string, year: number): EnterpriseRow[] {
  return prepared(
    db,
    `SELECT e.id, e.code, e.name, y.value_added AS valueAdded, y.water_quota AS waterQuota
     FROM enterprises e LEFT JOIN enterprise_years y ON y.enterprise_id = e.id AND y.year = ?
     WHERE e.site_id = ? ORDER BY e.name`,
  ).all(year, siteId) as EnterpriseRow[];
}

function linksOf(db: Db, siteId: string): MeterLink[] {
  return prepared(
    db,
    `SELECT m.enterprise_id AS enterpriseId, m.meter_id AS meterId, a.utility
     FROM enterprise_meters m JOIN enterprises e ON e.id = m.enterprise_id
     JOIN assets a ON a.id = m.meter_id WHERE e.site_id = ?`,
  ).all(siteId) as MeterLink[];
}

const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : a / b;

const sumOrNull = (values: (number | null)[]) =>
  values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null;

interface Side {
  figures: ParkResult['previous'];
  sums: Map<string, MeterSum>;
  enterprises: EnterpriseRow[];
}

function sideOf(
  db: Db,
  siteId: string,
  period: Period,
  fresh: string[],
  reused: string[],
  linked: string[],
): Side {
  const sums = sumsByMeter(db, [...fresh, ...reused, ...linked], period.from, period.to);
  const enterprises = enterprisesOf(db, siteId, period.year);
  const freshIntake = totalOf(sums, fresh);
  const reusedTotal = totalOf(sums, reused);
  const valueAdded = sumOrNull(enterprises.map((e) => e.valueAdded));
  const both =
    freshIntake === null && reusedTotal === null ? null : (freshIntake ?? 0) + (reusedTotal ?? 0);
  return {
    figures: {
      year: period.year,
      from: period.from,
      to: period.to,
      partial: period.partial,
      freshIntake,
      reused: reusedTotal,
      reuseRate: both === null ? null : ratio(reusedTotal ?? 0, both),
      valueAdded,
      waterPer10kCny: ratio(freshIntake, valueAdded),
    },
    sums,
    enterprises,
  };
}

function park(db: Db, siteId: string, year: number): ParkResult {
  const site = requireSite(db, siteId);
  const fresh = totalMeters(db, site, 'water').meters.map((m) => m.id);
  const reused = totalMeters(db, site, 'reclaimed_water').meters.map((m) => m.id);
  const links = linksOf(db, site.id);
  const linked = links.map((l) => l.meterId);
  const end = `${year}-12-31`;
  const last =
    site.today <= end ? lastDataDay(db, [...fresh, ...reused], `${year}-01-01`, end) : null;
  const period = yearPeriod(year, site.today, last);
  const now = sideOf(db, site.id, period, fresh, reused, linked);
  const before = sideOf(db, site.id, previousPeriod(period), fresh, reused, linked);
  const waterOf = (side: Side, enterpriseId: string, utility: string) =>
    totalOf(
      side.sums,
      links
        .filter((l) => l.enterpriseId === enterpriseId && l.utility === utility)
        .map((l) => l.meterId),
    );
  const enterprises = now.enterprises.map((e): EnterpriseFigures => {
    const prior = before.enterprises.find((p) => p.id === e.id);
    const freshWater = waterOf(now, e.id, 'water');
    const priorFresh = waterOf(before, e.id, 'water');
    const quotaUse = ratio(freshWater, e.waterQuota);
    const previous = {
      freshWater: priorFresh,
      waterPer10kCny: ratio(priorFresh, prior?.valueAdded ?? null),
      quotaUse: ratio(priorFresh, prior?.waterQuota ?? null),
    };
    const per10k = ratio(freshWater, e.valueAdded);
    return {
      enterpriseId: e.id,
      code: e.code,
      name: e.name,
      freshWater,
      reusedWater: waterOf(now, e.id, 'reclaimed_water'),
      valueAdded: e.valueAdded,
      waterPer10kCny: per10k,
      waterQuota: e.waterQuota,
      quotaUse,
      withinQuota: quotaUse === null ? null : quotaUse <= 1,
      previous,
      freshWaterChange: change(freshWater, previous.freshWater),
      waterPer10kCnyChange: change(per10k, previous.waterPer10kCny),
    };
  });
  return {
    ...now.figures,
    siteId: site.id,
    unit: 'm³',
    freshMeterIds: fresh,
    reusedMeterIds: reused,
    previous: before.figures,
    reuseRateChange: change(now.figures.reuseRate, before.figures.reuseRate),
    waterPer10kCnyChange: change(now.figures.waterPer10kCny, before.figures.waterPer10kCny),
    freshIntakeChange: change(now.figures.freshIntake, before.figures.freshIntake),
    enterprises,
  };
}

export const parkCalls: Handlers<'analytics.park'> = {
  'analytics.park': ({ siteId, year }, ctx) => park(ctx.db, siteId, year),
};
