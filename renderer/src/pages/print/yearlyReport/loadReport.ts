// Everything the yearly report shows, fetched in one go through the API (so a script calling the
// same methods gets the same figures): organisation settings, the site, per-capita water and
// electricity for the year and the years before, months against last year, buildings, the water
// balance under each inlet, leak alerts of the year, maintenance KPIs, and park figures when the
// site has enterprises. Independent calls run in parallel; the balance waits for the inlets.
import type { ResultOf } from '../../../../../shared/contract';
import type { Settings } from '../../../../../shared/contract/settings';
import { api } from '../../../api/client';
import type { ReportUtility } from './reportFormat';

/** Years on the trend chart, ending with the report's year. */
export const TREND_YEARS = 5;

type ByUtility<T> = Record<ReportUtility, T>;

export interface ReportData {
  settings: Settings;
  siteName: string;
  siteCode: string | null;
  year: number;
  yearly: ByUtility<ResultOf<'analytics.yearly'>>;
  trend: ByUtility<ResultOf<'analytics.trend'>>;
  monthly: ByUtility<ResultOf<'analytics.monthly'>>;
  breakdown: ByUtility<ResultOf<'analytics.breakdown'>>;
  /** One tree per level-1 inlet of potable water (or top-most meter where there is none). */
  balances: ResultOf<'analytics.waterBalance'>[];
  leaks: ResultOf<'analytics.leakAlerts'>;
  kpis: ResultOf<'workOrders.kpis'>;
  /** Null unless the site is a park (it has enterprises). */
  park: ResultOf<'analytics.park'> | null;
}

async function both<T>(call: (utility: ReportUtility) => Promise<T>): Promise<ByUtility<T>> {
  const [water, electricity] = await Promise.all([call('water'), call('electricity')]);
  return { water, electricity };
}

export async function loadReport(siteId: string, year: number): Promise<ReportData> {
  const fromYear = year - TREND_YEARS + 1;
  const [settings, site, yearly, trend, monthly, enterprises, kpis] = await Promise.all([
    api.call('settings.get', {}),
    api.call('places.get', { id: siteId }),
    both((utility) => api.call('analytics.yearly', { siteId, utility, year })),
    both((utility) => api.call('analytics.trend', { siteId, utility, fromYear, toYear: year })),
    both((utility) => api.call('analytics.monthly', { placeId: siteId, utility, year })),
    api.call('people.enterprises', { siteId }),
    api.call('workOrders.kpis', {}),
  ]);
  // The year's own span (to the last day with data while it runs) bounds every other figure, so
  // buildings, balance and headline add up over the same days.
  const { from, to } = yearly.water;
  const inlets = yearly.water.meters.map((m) => m.meterId);
  const [breakdown, balances, leaks, park] = await Promise.all([
    both((utility) => api.call('analytics.breakdown', { siteId, utility, from, to })),
    Promise.all(inlets.map((meterId) => api.call('analytics.waterBalance', { meterId, from, to }))),
    api.call('analytics.leakAlerts', { siteId, from, to }),
    enterprises.items.length > 0 ? api.call('analytics.park', { siteId, year }) : null,
  ]);
  return {
    settings,
    siteName: site.place.name,
    siteCode: site.place.code,
    year,
    yearly,
    trend,
    monthly,
    breakdown,
    balances,
    leaks,
    kpis,
    park,
  };
}
