// The figures behind the consumption dashboard and the yearly report (issue 7), as API methods a
// script can call too. All consumption comes from the daily rollups (meter_daily), so every call
// costs in days × meters, never in raw readings; only the night-flow methods read readings, and
// only those inside each night's window. Result shapes: analyticsShapes.ts, analyticsSiteShapes.ts.
//
// A site's total of a utility is the sum of its level-1 meters of that utility; a site without
// any falls back to its top-most meters (those with no parent meter in the site), and says so in
// `source`. Days, months and years are the site's local calendar (Asia/Shanghai by default).
import { z } from 'zod';
import { LocalDate, Utility } from './assets';
import {
  BreakdownResult,
  CoverageResult,
  MonthlyResult,
  Target,
  TrendResult,
  WaterBalanceResult,
  YearlyResult,
} from './analyticsShapes';
import {
  IrrigationResult,
  LeakAlert,
  LeakAlertsResult,
  LightingResult,
  NightFlowResult,
  ParkResult,
} from './analyticsSiteShapes';
import { Id, Name } from './common';
import { Year } from './people';
import { RepairRequest } from './workOrders';

const SiteYear = z.object({ siteId: Id, year: Year }).strict();

/** A span of local days, from ≤ to, both inclusive (the service bounds the length). */
const DaySpan = { from: LocalDate, to: LocalDate };

export const analyticsMethods = {
  /**
   * One year of a utility on a site: total, standard persons, per-capita per day and per year,
   * and the change on the same days of the year before. A year still running is reported to the
   * last day with data (partial) and compared with the same days a year earlier.
   */
  'analytics.yearly': {
    input: z.object({ siteId: Id, utility: Utility, year: Year }).strict(),
    result: YearlyResult,
  },
  /** analytics.yearly's figures for each year of a span (at most 30), for the trend chart. */
  'analytics.trend': {
    input: z
      .object({ siteId: Id, utility: Utility, fromYear: Year, toYear: Year })
      .strict()
      .refine((i) => i.toYear >= i.fromYear && i.toYear - i.fromYear < 30, {
        message: 'toYear must be from fromYear to fromYear + 29',
        path: ['toYear'],
      }),
    result: TrendResult,
  },
  /**
   * A year's months with the same month a year earlier, for a place (a site by its level-1
   * meters; a building or any other place by its top-most meters) or one meter.
   */
  'analytics.monthly': {
    input: z
      .object({ utility: Utility, year: Year, placeId: Id.optional(), meterId: Id.optional() })
      .strict()
      .refine((i) => (i.placeId === undefined) !== (i.meterId === undefined), {
        message: 'name either placeId or meterId',
        path: ['placeId'],
      }),
    result: MonthlyResult,
  },
  /** A site's consumption by building and by meter over a span of days, with per-area figures. */
  'analytics.breakdown': {
    input: z.object({ siteId: Id, utility: Utility, ...DaySpan }).strict(),
    result: BreakdownResult,
  },
  /** Metering coverage: buildings with a level-2 meter of the utility / all buildings. */
  'analytics.coverage': {
    input: z.object({ siteId: Id, utility: Utility.default('water') }).strict(),
    result: CoverageResult,
  },
  /**
   * The balance tree under a meter over a span of days: input (the meter), metered (its
   * children), unaccounted and loss rate, flagged above settings.waterLossThreshold and where
   * the children exceed the parent.
   */
  'analytics.waterBalance': {
    input: z.object({ meterId: Id, ...DaySpan }).strict(),
    result: WaterBalanceResult,
  },
  'analytics.targets': {
    input: z.object({ siteId: Id, utility: Utility.optional() }).strict(),
    result: z.object({ items: z.array(Target) }),
  },
  /** Sets a site's target for a utility and year; both figures null removes it. */
  'analytics.setTarget': {
    input: z
      .object({
        siteId: Id,
        utility: Utility,
        year: Year,
        total: z.number().finite().nonnegative().max(1e12).nullable(),
        perCapitaPerYear: z.number().finite().nonnegative().max(1e9).nullable(),
      })
      .strict(),
    result: Target,
  },
  /** Minimum night flow per night on the site's potable inlets (at most 400 nights). */
  'analytics.nightFlow': {
    input: z.object({ siteId: Id, ...DaySpan }).strict(),
    result: NightFlowResult,
  },
  /** Leak alerts whose nights touch the span (default: the last 90 nights, at most 400). */
  'analytics.leakAlerts': {
    input: z.object({ siteId: Id, from: LocalDate.optional(), to: LocalDate.optional() }).strict(),
    result: LeakAlertsResult,
  },
  /**
   * Turns an alert into a repair request (source leak_alert, category water_leak) in one call:
   * the likely inlet as its asset, the nights and flows as its text. One request per alert: a
   * second call is refused with CONFLICT naming the first.
   */
  'analytics.requestFromLeakAlert': {
    input: z
      .object({ siteId: Id, startNight: LocalDate, reporter: Name.max(100).optional() })
      .strict(),
    result: z.object({ alert: LeakAlert, request: RepairRequest }),
  },
  /** Park indicators of a year: reuse rate, water per 10,000 CNY, quota use by enterprise. */
  'analytics.park': { input: SiteYear, result: ParkResult },
  /** Fixtures by type and building, replacements and failures per year, energy and savings. */
  'analytics.lighting': { input: SiteYear, result: LightingResult },
  /** Irrigation water per m² of green space by zone and season, against the programmes. */
  'analytics.irrigation': { input: SiteYear, result: IrrigationResult },
} as const;
