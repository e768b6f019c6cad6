// analytics.yearly, analytics.trend and analytics.monthly: a site's consumption of a utility per
// year and per month with standard persons, per-capita figures and the change on the same days a
// year earlier. Each figure is one or two GROUP BY statements over meter_daily for the site's
// total meters (analyticsScope.totalMeters: its level-1 meters, else its top-most ones), so a
// call reads days × meters rows: a year of three inlets is about a thousand rollup rows.
import type {
  MonthlyResult,
  YearFigures,
  YearlyResult,
} from '../../shared/contract/analyticsShapes';
import type { Utility } from '../../shared/contract/assets';
import {
  change,
  perCapita,
  perCapitaUnits,
  previousPeriod,
  standardPersons,
  unitOf,
  yearPeriod,
  type Period,
  type Weights,
} from '../../shared/domain/analytics';
import type { Handlers } from '../api';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import {
  firstDataDay,
  lastDataDay,
  meterById,
  requirePlace,
  requireSite,
  siteOf,
  sumsByMeter,
  sumsByPeriod,
  totalMeters,
  totalOf,
  type MeterSum,
  type ScopeMeter,
  type Site,
} from './analyticsScope';
import { targetOf } from './analyticsTargets';
import { headcountOf } from './peopleStore';
import { readSettings } from './settings';
import { localDate, siteTimeZone } from './siteTime';

type Method = 'analytics.yearly' | 'analytics.trend' | 'analytics.monthly';

/** The period of a year on a site: whole, or from the first / to the last day with data. */
function periodOf(db: Db, today: string, meterIds: readonly string[], year: number): Period {
  const end = `${year}-12-31`;
  const last = today <= end ? lastDataDay(db, meterIds, `${year}-01-01`, end) : null;
  return yearPeriod(year, today, last, firstDataDay(db, meterIds, `${year}-01-01`, end));
}

interface Figures {
  figures: YearFigures;
  sums: Map<string, MeterSum>;
  headcount: ReturnType<typeof headcountOf>;
}

function figuresOf(
  db: Db,
  site: Site,
  utility: Utility,
  meterIds: readonly string[],
  period: Period,
  weights: Weights,
): Figures {
  const sums = sumsByMeter(db, meterIds, period.from, period.to);
  const total = totalOf(sums, meterIds);
  const headcount = headcountOf(db, site.id, period.year);
  const persons = headcount ? standardPersons(headcount, weights) : null;
  const pc = perCapita(utility, total, persons, period.days);
  const { year, from, to, days, partial } = period;
  return {
    figures: {
      year,
      from,
      to,
      days,
      partial,
      total,
      standardPersons: persons,
      perCapitaPerDay: pc.perDay,
      perCapitaPerYear: pc.perYear,
    },
    sums,
    headcount,
  };
}

/** A year's figures with the change on the same days of the year before and the target's gap. */
function yearOf(db: Db, site: Site, utility: Utility, meters: readonly ScopeMeter[], year: number) {
  const weights = readSettings(db).standardPersonWeights;
  const ids = meters.map((m) => m.id);
  const period = periodOf(db, site.today, ids, year);
  const current = figuresOf(db, site, utility, ids, period, weights);
  const previous = figuresOf(db, site, utility, ids, previousPeriod(period), weights).figures;
  const target = targetOf(db, site.id, utility, year);
  const cur = current.figures;
  const gap = (actual: number | null, planned: number | null) =>
    cur.partial || actual === null || planned === null ? null : actual - planned;
  return {
    current,
    previous,
    previousYearChange: change(cur.perCapitaPerDay, previous.perCapitaPerDay),
    totalChange: change(cur.total, previous.total),
    target: target && {
      total: target.total,
      perCapitaPerYear: target.perCapitaPerYear,
      totalGap: gap(cur.total, target.total),
      perCapitaGap: gap(cur.perCapitaPerYear, target.perCapitaPerYear),
    },
  };
}

function yearly(db: Db, siteId: string, utility: Utility, year: number): YearlyResult {
  const site = requireSite(db, siteId);
  // The site's total is its level-1 meters of the utility (DOMAIN: the supply inlets and mains);
  // a site without any falls back to its top-most meters (source says which).
  const { meters, source } = totalMeters(db, site, utility);
  const y = yearOf(db, site, utility, meters, year);
  const h = y.current.headcount;
  return {
    ...y.current.figures,
    siteId: site.id,
    utility,
    unit: unitOf(utility),
    perCapitaUnits: perCapitaUnits(utility),
    source,
    meters: meters.map((m) => {
      const s = y.current.sums.get(m.id);
      return {
        meterId: m.id,
        code: m.code,
        name: m.name,
        level: m.level,
        amount: s ? s.amount : null,
        daysWithData: s?.days ?? 0,
        estimatedDays: s?.estimatedDays ?? 0,
        pendingDays: s?.pendingDays ?? 0,
      };
    }),
    headcount: h
      ? { students: h.students, staff: h.staff, residents: h.residents, others: h.others }
      : null,
    previous: y.previous,
    previousYearChange: y.previousYearChange,
    totalChange: y.totalChange,
    target: y.target,
  };
}

/** The meters, name, area and zone of a monthly scope: a place (its total meters) or a meter. */
function monthlyScope(db: Db, input: { placeId?: string; meterId?: string }, utility: Utility) {
  if (input.meterId !== undefined) {
    const meter = meterById(db, input.meterId);
    return {
      scope: { kind: 'meter' as const, id: meter.id, name: meter.name },
      meters: [meter],
      source: 'top_meters' as const,
      area: meter.placeArea,
      zone: siteTimeZone(db, meter.placeId),
    };
  }
  const place = requirePlace(db, input.placeId as string);
  const { meters, source } = totalMeters(db, place, utility);
  const area =
    place.kind === 'site'
      ? (
          prepared(
            db,
            `SELECT sum(area_m2) AS area FROM places WHERE parent_id = ? AND kind = 'building'`,
          ).get(place.id) as { area: number | null }
        ).area
      : place.area;
  const zone = siteTimeZone(db, siteOf(db, place.id));
  return {
    scope: { kind: 'place' as const, id: place.id, name: place.name },
    meters,
    source,
    area,
    zone,
  };
}

function monthly(
  db: Db,
  input: { utility: Utility; year: number; placeId?: string; meterId?: string },
): MonthlyResult {
  const { utility, year } = input;
  const s = monthlyScope(db, input, utility);
  const ids = s.meters.map((m) => m.id);
  const period = periodOf(db, localDate(s.zone), ids, year);
  const prev = previousPeriod(period);
  const current = new Map(
    sumsByPeriod(db, ids, 7, period.from, period.to).map((r) => [r.period, r]),
  );
  const before = new Map(sumsByPeriod(db, ids, 7, prev.from, prev.to).map((r) => [r.period, r]));
  const area = s.area !== null && s.area > 0 ? s.area : null;
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const row = current.get(month);
    const last = before.get(`${year - 1}${month.slice(4)}`);
    // Months after the period (not yet come) have no previous-year value to compare with either.
    const started = `${month}-01` <= period.to;
    const total = row ? row.amount : null;
    const previousYear = started && last ? last.amount : null;
    return {
      month,
      total,
      daysWithData: row?.days ?? 0,
      estimated: (row?.estimated ?? 0) > 0,
      pending: (row?.pending ?? 0) > 0,
      previousYear,
      change: change(total, previousYear),
      perArea: total !== null && area !== null ? total / area : null,
    };
  });
  const sum = (values: (number | null)[]) =>
    values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
  const total = sum(months.map((m) => m.total));
  const previousYearTotal = sum(months.map((m) => m.previousYear));
  return {
    scope: s.scope,
    utility,
    unit: unitOf(utility),
    perAreaUnit: `${unitOf(utility)}/m²`,
    year,
    source: s.meters.length > 0 ? s.source : 'none',
    meterIds: ids,
    areaM2: area,
    months,
    total,
    previousYearTotal,
    change: change(total, previousYearTotal),
  };
}

export const yearlyCalls: Handlers<Method> = {
  'analytics.yearly': ({ siteId, utility, year }, ctx) => yearly(ctx.db, siteId, utility, year),

  'analytics.trend': ({ siteId, utility, fromYear, toYear }, ctx) => {
    const site = requireSite(ctx.db, siteId);
    const { meters, source } = totalMeters(ctx.db, site, utility);
    const items = [];
    for (let year = fromYear; year <= toYear; year += 1) {
      const y = yearOf(ctx.db, site, utility, meters, year);
      items.push({
        ...y.current.figures,
        source,
        previousYearChange: y.previousYearChange,
        totalChange: y.totalChange,
        target: y.target,
      });
    }
    return {
      siteId: site.id,
      utility,
      unit: unitOf(utility),
      perCapitaUnits: perCapitaUnits(utility),
      items,
    };
  },

  'analytics.monthly': (input, ctx) => monthly(ctx.db, input),
};
