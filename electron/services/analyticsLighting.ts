// analytics.lighting: a site's fixtures by lamp type and by building (outdoor ones by their area)
// with the energy estimate (Σ rated power × daily hours × days of the year) and the retrofit
// saving (Σ (power before − rated power) × hours × days where the power fell); replacements per
// year from the fixtures' history: every fixture a completed lamp-replacement order covered that
// year (an order naming a new lamp type or power), plus fixtures whose last_replaced falls in the
// year with no such order (entered on the asset form or imported), so nothing counts twice.
// Failures: fixtures on corrective lighting orders reported that year. The replacement rate
// divides by the fixtures in the register at the end of the year (not retired).
//
// Two statements: the site's fixtures, and the lighting orders of the five years that cover
// them; the grouping by year, type and building is done here over those rows.
import { DateTime } from 'luxon';
import type { LightingResult } from '../../shared/contract/analyticsSiteShapes';
import { daysBetween } from '../../shared/domain/analytics';
import type { Handlers } from '../api';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { requireSite } from './analyticsScope';

interface FixtureRow {
  id: string;
  lampType: string | null;
  w: number | null;
  pw: number | null;
  h: number | null;
  lastReplaced: string | null;
  installDate: string | null;
  /** A building, else the place right under the site (an outdoor area), else null. */
  grp: string | null;
}

const SITE_FIXTURES = `SELECT a.id, a.lamp_type AS lampType, a.rated_power_w AS w,
    a.previous_power_w AS pw, a.daily_hours AS h, a.last_replaced AS lastReplaced,
    a.install_date AS installDate,
    CASE WHEN p1.kind = 'building' THEN p1.id WHEN p2.kind = 'building' THEN p2.id
         WHEN p3.kind = 'building' THEN p3.id WHEN p1.parent_id = @site THEN p1.id
         WHEN p2.parent_id = @site THEN p2.id WHEN p3.parent_id = @site THEN p3.id END AS grp
  FROM assets a
  LEFT JOIN places p1 ON p1.id = a.place_id
  LEFT JOIN places p2 ON p2.id = p1.parent_id
  LEFT JOIN places p3 ON p3.id = p2.parent_id
  LEFT JOIN places p4 ON p4.id = p3.parent_id
  WHERE a.kind = 'fixture' AND a.status <> 'retired' AND @site IN (p1.id, p2.id, p3.id, p4.id)`;

interface OrderRow {
  id: string;
  completedAt: string | null;
  reportedAt: string;
  lamp: 0 | 1;
  failure: 0 | 1;
}

type Figures = Omit<LightingResult['byType'][number], 'lampType'>;

const empty = (): Figures => ({
  fixtures: 0,
  ratedKw: 0,
  energyKwh: 0,
  retrofitSavingKwh: 0,
  replacements: 0,
});

function lighting(db: Db, siteId: string, year: number): LightingResult {
  const site = requireSite(db, siteId);
  const first = year - 4;
  /** UTC ISO text of 1 January of each year in the site's zone, as work orders store instants. */
  const starts = Array.from({ length: 6 }, (_, i) =>
    new Date(
      DateTime.fromISO(`${first + i}-01-01T00:00`, { zone: site.zone }).toMillis(),
    ).toISOString(),
  );
  const yearOf = (at: string | null) => {
    if (at === null || at < (starts[0] as string) || at >= (starts[5] as string)) return null;
    return first + starts.findIndex((s, i) => at >= s && at < (starts[i + 1] ?? ''));
  };
  const fixtures = prepared(db, SITE_FIXTURES).all({ site: site.id }) as FixtureRow[];
  const orders = prepared(
    db,
    `SELECT x.asset_id AS id, w.completed_at AS completedAt, w.reported_at AS reportedAt,
            (w.new_lamp_type IS NOT NULL OR w.new_power_w IS NOT NULL) AS lamp,
            (w.type = 'corrective' AND w.category = 'lighting') AS failure
     FROM work_orders w JOIN work_order_assets x ON x.work_order_id = w.id
     WHERE (w.category = 'lighting' OR w.new_lamp_type IS NOT NULL OR w.new_power_w IS NOT NULL)
       AND w.reported_at < @to AND (w.reported_at >= @from OR w.completed_at >= @from)
       AND x.asset_id IN (SELECT id FROM (${SITE_FIXTURES}))`,
  ).all({ site: site.id, from: starts[0], to: starts[5] }) as OrderRow[];

  // Per year: lamp orders per fixture, failures.
  const replacedBy = new Map<number, Map<string, number>>();
  const failures = new Map<number, number>();
  for (const o of orders) {
    const done = o.lamp ? yearOf(o.completedAt) : null;
    if (done !== null) {
      const m = replacedBy.get(done) ?? new Map<string, number>();
      m.set(o.id, (m.get(o.id) ?? 0) + 1);
      replacedBy.set(done, m);
    }
    const reported = o.failure ? yearOf(o.reportedAt) : null;
    if (reported !== null) failures.set(reported, (failures.get(reported) ?? 0) + 1);
  }
  const replacementsOf = (f: FixtureRow, y: number) => {
    const n = replacedBy.get(y)?.get(f.id) ?? 0;
    return n > 0 ? n : f.lastReplaced?.startsWith(`${y}-`) ? 1 : 0;
  };
  const inRegister = (f: FixtureRow, y: number) =>
    f.installDate === null || f.installDate <= `${y}-12-31`;

  const days = daysBetween(`${year}-01-01`, `${year}-12-31`);
  const total = empty();
  const byType = new Map<string | null, Figures>();
  const byGroup = new Map<string | null, Figures>();
  let withoutHours = 0;
  for (const f of fixtures) {
    if (!inRegister(f, year)) continue;
    const energy = f.w !== null && f.h !== null ? (f.w * f.h * days) / 1000 : 0;
    const saving =
      f.pw !== null && f.w !== null && f.h !== null && f.pw > f.w
        ? ((f.pw - f.w) * f.h * days) / 1000
        : 0;
    const replaced = replacementsOf(f, year);
    if (f.h === null) withoutHours += 1;
    for (const fig of [total, at(byType, f.lampType), at(byGroup, f.grp)]) {
      fig.fixtures += 1;
      fig.ratedKw += (f.w ?? 0) / 1000;
      fig.energyKwh += energy;
      fig.retrofitSavingKwh += saving;
      fig.replacements += replaced;
    }
  }
  const years = Array.from({ length: 5 }, (_, i) => {
    const y = first + i;
    let count = 0;
    let replacements = 0;
    for (const f of fixtures) {
      if (!inRegister(f, y)) continue;
      count += 1;
      replacements += replacementsOf(f, y);
    }
    return {
      year: y,
      replacements,
      failures: failures.get(y) ?? 0,
      replacementRate: count > 0 ? replacements / count : null,
    };
  });
  const groups = groupPlaces(
    db,
    [...byGroup.keys()].filter((k): k is string => k !== null),
  );
  return {
    ...total,
    siteId: site.id,
    year,
    withoutHours,
    failures: failures.get(year) ?? 0,
    replacementRate: total.fixtures > 0 ? total.replacements / total.fixtures : null,
    byType: [...byType]
      .map(([lampType, fig]) => ({ lampType, ...fig }))
      .sort((a, b) => b.fixtures - a.fixtures),
    byBuilding: [...byGroup]
      .map(([placeId, fig]) => {
        const g = placeId === null ? undefined : groups.get(placeId);
        return {
          placeId,
          code: g?.code ?? null,
          name: g?.name ?? '',
          kind: g?.kind ?? null,
          ...fig,
        };
      })
      .sort((a, b) => b.energyKwh - a.energyKwh),
    years,
  };
}

function at(map: Map<string | null, Figures>, key: string | null): Figures {
  let fig = map.get(key);
  if (!fig) map.set(key, (fig = empty()));
  return fig;
}

function groupPlaces(db: Db, ids: string[]) {
  const rows = prepared(
    db,
    `SELECT id, code, name, kind FROM places WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as { id: string; code: string | null; name: string; kind: string }[];
  return new Map(rows.map((r) => [r.id, r]));
}

export const lightingCalls: Handlers<'analytics.lighting'> = {
  'analytics.lighting': ({ siteId, year }, ctx) => lighting(ctx.db, siteId, year),
};
