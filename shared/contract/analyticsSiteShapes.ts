// Result shapes of the site-level analytics: minimum night flow and leak alerts, park indicators
// (reuse rate, water per 10,000 CNY of value added, quota compliance), lighting and irrigation.
// Flows are m³/h; amounts m³ or kWh; shares and changes fractions (0.8 = 80%).
import { z } from 'zod';
import { nightStatuses } from '../domain/analytics/nightFlow';
import { seasons } from '../domain/analytics/irrigation';
import { Id } from './common';
import { LeakAlertSettings } from './settings';

const MeterRef = z.object({ meterId: Id, code: z.string(), name: z.string() });

export const NightStatus = z.enum(nightStatuses);

export const Night = z.object({
  /** The local date the night's window falls on. */
  night: z.string(),
  /** Minimum over the window of the inlets' summed flow; null without complete interval data. */
  mnf: z.number().nullable(),
  /** Median MNF of the previous evaluated nights. */
  baseline: z.number().nullable(),
  /** Above this the night exceeds: max(baseline × (1 + ratio), baseline + absolute). */
  threshold: z.number().nullable(),
  status: NightStatus,
  /** Exceeding nights in a row up to this one. */
  streak: z.number().int(),
  /**
   * The night's day: inlet volume − 24 h × MNF (m³), the use above the night floor, which a leak
   * leaves unchanged and returning occupants raise; null until the day is over.
   */
  demand: z.number().nullable(),
  /** Median demand of the baseline nights; a night exceeding with demand above it by the ratio is 'demand'. */
  demandBaseline: z.number().nullable(),
  /** UTC instant where the minimum lies. */
  minimumAt: z.string().nullable(),
  /** Each inlet's flow at the minimum. */
  byMeter: z.array(z.object({ meterId: Id, flow: z.number() })),
  /** Inlets without interval data covering the window (why mnf is null). */
  missingMeterIds: z.array(Id),
  /** Irrigation zones that could draw through the inlets, scheduled in the window. */
  irrigationZones: z.array(z.object({ zoneId: Id, code: z.string(), name: z.string() })),
});
export type Night = z.infer<typeof Night>;

const NightContext = z.object({
  siteId: Id,
  unit: z.literal('m³/h'),
  /** The site's level-1 potable-water meters, whose flows are summed. */
  inlets: z.array(MeterRef),
  rule: LeakAlertSettings,
  timeZone: z.string(),
});

export const NightFlowResult = NightContext.extend({
  from: z.string(),
  to: z.string(),
  nights: z.array(Night),
});
export type NightFlowResult = z.infer<typeof NightFlowResult>;

export const LeakAlert = z.object({
  /** `${siteId}/${startNight}`: an alert is named by its site and the first night of its run. */
  id: z.string(),
  siteId: Id,
  startNight: z.string(),
  /** The night the rule fired (the Nth exceeding night in a row). */
  raisedNight: z.string(),
  lastNight: z.string(),
  /** The run goes on up to the last night looked at. */
  ongoing: z.boolean(),
  exceedingNights: z.number().int(),
  baseline: z.number(),
  startMnf: z.number(),
  peakMnf: z.number(),
  /** startMnf − baseline, m³/h. */
  excess: z.number(),
  /** Each inlet's rise at the minimum over its own median of the baseline nights, largest first. */
  meters: z.array(MeterRef.extend({ excess: z.number() })),
  likelyMeterId: Id.nullable(),
  /** The repair request made from this alert, if any. */
  requestId: Id.nullable(),
  requestNumber: z.string().nullable(),
});
export type LeakAlert = z.infer<typeof LeakAlert>;

export const LeakAlertsResult = NightContext.extend({
  from: z.string(),
  to: z.string(),
  /** Alerts whose run touches from..to, newest first. */
  items: z.array(LeakAlert),
});
export type LeakAlertsResult = z.infer<typeof LeakAlertsResult>;

const ParkFigures = z.object({
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  partial: z.boolean(),
  /** Fresh intake: the site's level-1 potable-water meters, m³. */
  freshIntake: z.number().nullable(),
  /** Reused: the site's level-1 reclaimed-water meters, m³. */
  reused: z.number().nullable(),
  /** reused / (reused + fresh intake). */
  reuseRate: z.number().nullable(),
  /** Σ the enterprises' industrial value added for the year, 10,000 CNY. */
  valueAdded: z.number().nullable(),
  /** Fresh intake (m³) / value added (10,000 CNY): fresh water only. */
  waterPer10kCny: z.number().nullable(),
});

export const EnterpriseFigures = z.object({
  enterpriseId: Id,
  code: z.string().nullable(),
  name: z.string(),
  /** Σ the enterprise's potable-water meters, m³ (null: none with data). */
  freshWater: z.number().nullable(),
  reusedWater: z.number().nullable(),
  valueAdded: z.number().nullable(),
  waterPer10kCny: z.number().nullable(),
  waterQuota: z.number().nullable(),
  /** Quota compliance: fresh water / quota (≤ 1 complies). */
  quotaUse: z.number().nullable(),
  withinQuota: z.boolean().nullable(),
  previous: z.object({
    freshWater: z.number().nullable(),
    waterPer10kCny: z.number().nullable(),
    quotaUse: z.number().nullable(),
  }),
  freshWaterChange: z.number().nullable(),
  waterPer10kCnyChange: z.number().nullable(),
});
export type EnterpriseFigures = z.infer<typeof EnterpriseFigures>;

export const ParkResult = ParkFigures.extend({
  siteId: Id,
  unit: z.literal('m³'),
  freshMeterIds: z.array(Id),
  reusedMeterIds: z.array(Id),
  /** The same days one year earlier. */
  previous: ParkFigures,
  reuseRateChange: z.number().nullable(),
  waterPer10kCnyChange: z.number().nullable(),
  freshIntakeChange: z.number().nullable(),
  enterprises: z.array(EnterpriseFigures),
});
export type ParkResult = z.infer<typeof ParkResult>;

const LightingFigures = z.object({
  fixtures: z.number().int(),
  ratedKw: z.number(),
  /** Σ rated power × daily hours × days of the year (fixtures with daily hours), kWh. */
  energyKwh: z.number(),
  /** Σ (power before the retrofit − rated power) × hours × days, kWh, where the power fell. */
  retrofitSavingKwh: z.number(),
  replacements: z.number().int(),
});

export const LightingResult = LightingFigures.extend({
  siteId: Id,
  year: z.number().int(),
  /** Fixtures with no daily hours, left out of the energy figures. */
  withoutHours: z.number().int(),
  /** Fixtures on corrective lighting orders reported in the year. */
  failures: z.number().int(),
  /** replacements / fixtures. */
  replacementRate: z.number().nullable(),
  byType: z.array(LightingFigures.extend({ lampType: z.string().nullable() })),
  byBuilding: z.array(
    LightingFigures.extend({
      placeId: Id.nullable(),
      code: z.string().nullable(),
      name: z.string(),
      kind: z.string().nullable(),
    }),
  ),
  /** The five years up to `year`. */
  years: z.array(
    z.object({
      year: z.number().int(),
      replacements: z.number().int(),
      failures: z.number().int(),
      replacementRate: z.number().nullable(),
    }),
  ),
});
export type LightingResult = z.infer<typeof LightingResult>;

export const Season = z.enum(seasons);

const SeasonFigures = z.object({
  season: Season,
  plannedM3: z.number(),
  actualM3: z.number().nullable(),
  /** m³ per m² of green space (× 1000 for mm). */
  plannedPerM2: z.number().nullable(),
  actualPerM2: z.number().nullable(),
  /** actual / planned. */
  ratio: z.number().nullable(),
});

export const IrrigationResult = z.object({
  siteId: Id,
  year: z.number().int(),
  unit: z.literal('m³'),
  areaM2: z.number(),
  seasons: z.array(SeasonFigures),
  zones: z.array(
    z.object({
      zoneId: Id,
      code: z.string(),
      name: z.string(),
      areaM2: z.number().nullable(),
      method: z.string().nullable(),
      meterId: Id.nullable(),
      /** The zone's meter feeds this many zones: its water is shared by their planned volumes. */
      zonesOnMeter: z.number().int(),
      plannedM3: z.number(),
      actualM3: z.number().nullable(),
      seasons: z.array(SeasonFigures),
    }),
  ),
});
export type IrrigationResult = z.infer<typeof IrrigationResult>;
