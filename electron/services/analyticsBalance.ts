// analytics.waterBalance, analytics.breakdown and analytics.coverage: the meter tree under a
// parent with each node's balance against its children (DOMAIN.md: input, metered, unaccounted,
// loss rate, flags), a site's consumption by building and by meter with per-area figures, and
// metering coverage. One recursive statement finds the tree (by the parent-meter index), one
// GROUP BY over meter_daily sums every meter of it for the span: days × meters rows.
import type {
  BreakdownResult,
  CoverageResult,
  WaterBalanceNode,
  WaterBalanceResult,
} from '../../shared/contract/analyticsShapes';
import type { Utility } from '../../shared/contract/assets';
import { DeskError } from '../../shared/contract/errors';
import { balanceOf, unitOf, type MeterPeriod } from '../../shared/domain/analytics';
import type { Handlers } from '../api';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import {
  checkSpan,
  metersIn,
  requireSite,
  sumsByMeter,
  topMeters,
  totalMeters,
  totalOf,
  type MeterSum,
} from './analyticsScope';
import { PLACE_LABEL } from './assetsStore';
import { readSettings } from './settings';

type Method = 'analytics.waterBalance' | 'analytics.breakdown' | 'analytics.coverage';

/** About ten years of days, as meters.daily allows. */
const MAX_DAYS = 3700;

interface TreeRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: number | null;
  utility: string | null;
  unit: string | null;
  parentId: string | null;
  placeName: string | null;
}

/**
 * The meter and every meter below it; UNION (not ALL) stops at a cycle of misassigned parents.
 * CROSS JOIN keeps the tree as the outer loop: otherwise SQLite may walk the whole register in
 * code order (for ORDER BY) probing each asset against the tree, 100,000 fixtures for 30 meters.
 */
function treeUnder(db: Db, meterId: string): TreeRow[] {
  return prepared(
    db,
    `WITH RECURSIVE tree(id) AS (
       SELECT @id UNION SELECT a.id FROM assets a JOIN tree t ON a.parent_meter_id = t.id)
     SELECT a.id, a.code, a.name, a.kind, a.meter_level AS level, a.utility, a.unit,
            a.parent_meter_id AS parentId, ${PLACE_LABEL} AS placeName
     FROM tree CROSS JOIN assets a ON a.id = tree.id
     LEFT JOIN places p1 ON p1.id = a.place_id
     LEFT JOIN places p2 ON p2.id = p1.parent_id
     LEFT JOIN places p3 ON p3.id = p2.parent_id
     ORDER BY a.code`,
  ).all({ id: meterId }) as TreeRow[];
}

const periodOf = (s: MeterSum | undefined): MeterPeriod => ({
  amount: s ? s.amount : null,
  daysWithData: s?.days ?? 0,
  estimatedDays: s?.estimatedDays ?? 0,
  pendingDays: s?.pendingDays ?? 0,
});

function waterBalance(db: Db, meterId: string, from: string, to: string): WaterBalanceResult {
  const days = checkSpan(from, to, MAX_DAYS);
  const rows = treeUnder(db, meterId);
  const root = rows.find((r) => r.id === meterId);
  if (!root || root.kind !== 'meter') {
    throw new DeskError('NOT_FOUND', `No meter with id ${meterId}`, { id: meterId });
  }
  const sums = sumsByMeter(
    db,
    rows.map((r) => r.id),
    from,
    to,
  );
  const threshold = readSettings(db).waterLossThreshold;
  const children = new Map<string, TreeRow[]>();
  for (const r of rows) {
    if (r.parentId === null || r.id === meterId) continue;
    children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  }
  const seen = new Set<string>();
  const nodeOf = (r: TreeRow): WaterBalanceNode => {
    seen.add(r.id);
    const kids = (children.get(r.id) ?? []).filter((c) => !seen.has(c.id));
    const own = periodOf(sums.get(r.id));
    const b = balanceOf(
      own,
      kids.map((c) => periodOf(sums.get(c.id))),
      days,
      threshold,
    );
    return {
      meterId: r.id,
      code: r.code,
      name: r.name,
      level: r.level,
      utility: r.utility,
      unit: r.unit,
      placeName: r.placeName,
      ...b,
      daysWithData: own.daysWithData,
      children: kids.map(nodeOf),
    };
  };
  return { ...nodeOf(root), from, to, days, lossThreshold: threshold };
}

function breakdown(db: Db, siteId: string, utility: Utility, from: string, to: string) {
  const days = checkSpan(from, to, MAX_DAYS);
  const site = requireSite(db, siteId);
  const all = metersIn(db, site.id, utility);
  const { meters: totalSet, source } = totalMeters(db, site, utility);
  const sums = sumsByMeter(
    db,
    all.map((m) => m.id),
    from,
    to,
  );
  const total = totalOf(
    sums,
    totalSet.map((m) => m.id),
  );
  const perArea = (amount: number | null, area: number | null) =>
    amount !== null && area !== null && area > 0 ? amount / area : null;
  const flagged = (ids: string[], key: 'estimatedDays' | 'pendingDays') =>
    ids.some((id) => (sums.get(id)?.[key] ?? 0) > 0);
  const buildings = (
    prepared(
      db,
      `SELECT id, code, name, building_use AS use, area_m2 AS area FROM places
       WHERE parent_id = ? AND kind = 'building' ORDER BY code, name`,
    ).all(site.id) as {
      id: string;
      code: string | null;
      name: string;
      use: string | null;
      area: number | null;
    }[]
  ).map((b): BreakdownResult['buildings'][number] => {
    const ids = topMeters(all.filter((m) => m.buildingId === b.id)).map((m) => m.id);
    const amount = totalOf(sums, ids);
    return {
      placeId: b.id,
      code: b.code,
      name: b.name,
      use: b.use,
      areaM2: b.area,
      amount,
      perArea: perArea(amount, b.area),
      share: amount !== null && total !== null && total > 0 ? amount / total : null,
      meterIds: ids,
      estimated: flagged(ids, 'estimatedDays'),
      pending: flagged(ids, 'pendingDays'),
    };
  });
  buildings.sort((a, b) => (b.amount ?? -Infinity) - (a.amount ?? -Infinity));
  const meters = all.map((m): BreakdownResult['meters'][number] => {
    const s = sums.get(m.id);
    const amount = s ? s.amount : null;
    return {
      meterId: m.id,
      code: m.code,
      name: m.name,
      level: m.level,
      amount,
      daysWithData: s?.days ?? 0,
      estimatedDays: s?.estimatedDays ?? 0,
      pendingDays: s?.pendingDays ?? 0,
      parentMeterId: m.parentId,
      placeId: m.placeId,
      placeName: m.placeName,
      buildingId: m.buildingId,
      perArea: perArea(amount, m.placeArea),
    };
  });
  return {
    siteId: site.id,
    utility,
    unit: unitOf(utility),
    perAreaUnit: `${unitOf(utility)}/m²`,
    from,
    to,
    days,
    total,
    source,
    buildings,
    meters,
  };
}

function coverage(db: Db, siteId: string, utility: Utility): CoverageResult {
  const site = requireSite(db, siteId);
  const buildings = prepared(
    db,
    `SELECT id AS placeId, code, name FROM places WHERE parent_id = ? AND kind = 'building'
     ORDER BY code, name`,
  ).all(site.id) as CoverageResult['unmetered'];
  const metered = new Set(
    metersIn(db, site.id, utility)
      .filter((m) => m.level === 2 && m.status !== 'retired' && m.buildingId !== null)
      .map((m) => m.buildingId),
  );
  const unmetered = buildings.filter((b) => !metered.has(b.placeId));
  const count = buildings.length - unmetered.length;
  return {
    siteId: site.id,
    utility,
    buildings: buildings.length,
    metered: count,
    coverage: buildings.length > 0 ? count / buildings.length : null,
    unmetered,
  };
}

export const balanceCalls: Handlers<Method> = {
  'analytics.waterBalance': ({ meterId, from, to }, ctx) => waterBalance(ctx.db, meterId, from, to),
  'analytics.breakdown': ({ siteId, utility, from, to }, ctx) =>
    breakdown(ctx.db, siteId, utility, from, to),
  'analytics.coverage': ({ siteId, utility }, ctx) => coverage(ctx.db, siteId, utility),
};
