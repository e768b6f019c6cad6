// The result shapes of the analytics.* methods (analytics.ts has the methods and inputs): yearly
// and monthly figures, breakdowns by building and meter, the water-balance tree, metering
// coverage and targets. Night flow, leak alerts, park, lighting and irrigation shapes are in
// analyticsSiteShapes.ts. Amounts are in the utility's unit (m³ for water and reclaimed water,
// kWh for electricity); shares and changes are fractions (0.12 = 12%), never percentages.
import { z } from 'zod';
import { balanceFlags } from '../domain/analytics/balance';
import { Utility } from './assets';
import { Id } from './common';
import { HeadcountGroups } from './people';

/** How a site's total was found: its level-1 meters, or (none there) its top-most meters. */
export const TotalSource = z.enum(['level1', 'top_meters', 'none']);

export const PerCapitaUnits = z.object({ perDay: z.string(), perYear: z.string() });

/** One meter's part of a figure over the period. */
export const MeterAmount = z.object({
  meterId: Id,
  code: z.string(),
  name: z.string(),
  level: z.number().int().nullable(),
  /** Null when the meter has no data in the period. */
  amount: z.number().nullable(),
  daysWithData: z.number().int(),
  estimatedDays: z.number().int(),
  pendingDays: z.number().int(),
});

/** One reporting period's headline figures. */
export const YearFigures = z.object({
  year: z.number().int(),
  /** Local dates, inclusive: the whole year, or 1 January to the last day with data this year. */
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  partial: z.boolean(),
  /** Null when no meter of the figure has data in the period. */
  total: z.number().nullable(),
  /** Null when the year has no headcount. */
  standardPersons: z.number().nullable(),
  /** Water: L/(person·day); electricity: kWh/(person·day). */
  perCapitaPerDay: z.number().nullable(),
  /** Water: m³/(person·year); electricity: kWh/(person·year); over the period when partial. */
  perCapitaPerYear: z.number().nullable(),
});
export type YearFigures = z.infer<typeof YearFigures>;

export const Target = z.object({
  siteId: Id,
  utility: Utility,
  year: z.number().int(),
  total: z.number().nullable(),
  /** In perCapitaUnits.perYear. */
  perCapitaPerYear: z.number().nullable(),
});
export type Target = z.infer<typeof Target>;

export const TargetGap = z.object({
  total: z.number().nullable(),
  perCapitaPerYear: z.number().nullable(),
  /** Actual − target (positive: over the target); null for a partial year or a missing side. */
  totalGap: z.number().nullable(),
  perCapitaGap: z.number().nullable(),
});

const YearChange = z.object({
  /**
   * Year on year of the per-capita figure: (current − previous) / previous of perCapitaPerDay,
   * the same period length one year earlier (a per-day rate, so a leap day changes nothing).
   */
  previousYearChange: z.number().nullable(),
  /** Year on year of the total over the same period length. */
  totalChange: z.number().nullable(),
  target: TargetGap.nullable(),
});

export const YearlyResult = YearFigures.extend({
  siteId: Id,
  utility: Utility,
  unit: z.string(),
  perCapitaUnits: PerCapitaUnits,
  source: TotalSource,
  /** The meters summed into total, with their parts. */
  meters: z.array(MeterAmount),
  headcount: HeadcountGroups.nullable(),
  /** The same days of the year before. */
  previous: YearFigures,
}).extend(YearChange.shape);
export type YearlyResult = z.infer<typeof YearlyResult>;

export const TrendResult = z.object({
  siteId: Id,
  utility: Utility,
  unit: z.string(),
  perCapitaUnits: PerCapitaUnits,
  items: z.array(YearFigures.extend({ source: TotalSource }).extend(YearChange.shape)),
});
export type TrendResult = z.infer<typeof TrendResult>;

export const MonthRow = z.object({
  /** 'YYYY-MM' */
  month: z.string(),
  total: z.number().nullable(),
  /** Days of the month with data on any meter of the scope. */
  daysWithData: z.number().int(),
  estimated: z.boolean(),
  pending: z.boolean(),
  /** The same month a year earlier (up to the same day while this month is running). */
  previousYear: z.number().nullable(),
  change: z.number().nullable(),
  /** total / the scope's area (kWh/m², m³/m²), when the area is known. */
  perArea: z.number().nullable(),
});

export const MonthlyResult = z.object({
  scope: z.object({ kind: z.enum(['place', 'meter']), id: Id, name: z.string() }),
  utility: Utility,
  unit: z.string(),
  perAreaUnit: z.string(),
  year: z.number().int(),
  source: TotalSource,
  meterIds: z.array(Id),
  /** A building's gross floor area, a site's sum of building areas, a meter's place's area. */
  areaM2: z.number().nullable(),
  months: z.array(MonthRow),
  total: z.number().nullable(),
  previousYearTotal: z.number().nullable(),
  change: z.number().nullable(),
});
export type MonthlyResult = z.infer<typeof MonthlyResult>;

export const BuildingAmount = z.object({
  placeId: Id,
  code: z.string().nullable(),
  name: z.string(),
  use: z.string().nullable(),
  areaM2: z.number().nullable(),
  /** Σ the building's top-most meters of the utility; null when none has data. */
  amount: z.number().nullable(),
  perArea: z.number().nullable(),
  /** amount / the site's total. */
  share: z.number().nullable(),
  meterIds: z.array(Id),
  estimated: z.boolean(),
  pending: z.boolean(),
});

export const BreakdownMeter = MeterAmount.extend({
  parentMeterId: Id.nullable(),
  placeId: Id.nullable(),
  placeName: z.string().nullable(),
  buildingId: Id.nullable(),
  /** amount / the area of the meter's own place, when known. */
  perArea: z.number().nullable(),
});

export const BreakdownResult = z.object({
  siteId: Id,
  utility: Utility,
  unit: z.string(),
  perAreaUnit: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  total: z.number().nullable(),
  source: TotalSource,
  /** Largest first; buildings without a meter of the utility come last with amount null. */
  buildings: z.array(BuildingAmount),
  /** Every meter of the utility in the site, by code. */
  meters: z.array(BreakdownMeter),
});
export type BreakdownResult = z.infer<typeof BreakdownResult>;

export const CoverageResult = z.object({
  siteId: Id,
  utility: Utility,
  buildings: z.number().int(),
  /** Buildings with a level-2 meter of the utility (not retired) in them. */
  metered: z.number().int(),
  coverage: z.number().nullable(),
  unmetered: z.array(z.object({ placeId: Id, code: z.string().nullable(), name: z.string() })),
});
export type CoverageResult = z.infer<typeof CoverageResult>;

export const BalanceFlag = z.enum(balanceFlags);

/** A meter with its balance against its children, and theirs below it. */
export const WaterBalanceNode = z.object({
  meterId: Id,
  code: z.string(),
  name: z.string(),
  level: z.number().int().nullable(),
  utility: z.string().nullable(),
  unit: z.string().nullable(),
  placeName: z.string().nullable(),
  /** Qs: this meter's consumption over the period. */
  input: z.number().nullable(),
  /** Qc: Σ the children's (null for a meter without children). */
  metered: z.number().nullable(),
  /** Qs − Qc. */
  unaccounted: z.number().nullable(),
  /** (Qs − Qc) / Qs. */
  lossRate: z.number().nullable(),
  flags: z.array(BalanceFlag),
  daysWithData: z.number().int(),
  get children() {
    return z.array(WaterBalanceNode);
  },
});
export type WaterBalanceNode = z.infer<typeof WaterBalanceNode>;

export const WaterBalanceResult = WaterBalanceNode.extend({
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  /** settings.waterLossThreshold at the time of the call. */
  lossThreshold: z.number(),
});
export type WaterBalanceResult = z.infer<typeof WaterBalanceResult>;
