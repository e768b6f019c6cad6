// Methods and shapes of the asset register: one core record for every asset (code, name, kind,
// place, status, dates, notes, custom fields) plus the fields of its kind.
import { z } from 'zod';
import { Id, Name, Notes, ShortCode } from './common';
import { PlaceRef } from './places';

export const assetKinds = ['fixture', 'irrigation_zone', 'meter', 'equipment'] as const;
export const AssetKind = z.enum(assetKinds);
export type AssetKind = z.infer<typeof AssetKind>;

export const assetStatuses = [
  'in_service',
  'faulty',
  'under_repair',
  'standby',
  'retired',
] as const;
export const AssetStatus = z.enum(assetStatuses);
export type AssetStatus = z.infer<typeof AssetStatus>;

export const lampTypes = [
  'led_tube',
  'panel',
  'downlight',
  'street_light',
  'floodlight',
  'emergency',
] as const;
export const LampType = z.enum(lampTypes);
export type LampType = z.infer<typeof LampType>;

export const irrigationMethods = ['sprinkler', 'micro_spray', 'drip', 'manual'] as const;
export const IrrigationMethod = z.enum(irrigationMethods);

export const utilities = ['water', 'reclaimed_water', 'electricity'] as const;
export const Utility = z.enum(utilities);
export type Utility = z.infer<typeof Utility>;

/** Suggested equipment types; the list is free, these are what the picker offers first. */
export const equipmentTypes = [
  'pump',
  'valve',
  'sanitary_ware',
  'pipe_segment',
  'rain_garden',
  'permeable_paving',
  'sunken_green',
  'retention_pond',
  'transformer',
  'water_heater',
] as const;

const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const Weekday = z.enum(weekdays);

/** Local calendar date, YYYY-MM-DD. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real calendar date',
  );

const Watts = z.number().finite().nonnegative().max(100_000);
const Hours = z.number().finite().nonnegative();

/** Kind-specific fields, all optional on the wire; which apply depends on the kind. */
export const AssetFields = z.object({
  // light fixture
  lampType: LampType.nullable(),
  ratedPowerW: Watts.nullable(),
  previousPowerW: Watts.nullable(),
  ratedLifeH: Hours.max(1_000_000).nullable(),
  dailyHours: Hours.max(24).nullable(),
  lastReplaced: LocalDate.nullable(),
  // irrigation zone
  greenAreaM2: z.number().finite().nonnegative().max(1e8).nullable(),
  irrigationMethod: IrrigationMethod.nullable(),
  plantType: z.string().max(100).nullable(),
  controllerId: z.string().max(100).nullable(),
  linkedMeterId: Id.nullable(),
  scheduleDays: z.array(Weekday).max(7).nullable(),
  scheduleStart: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM')
    .nullable(),
  scheduleMinutes: z
    .number()
    .int()
    .nonnegative()
    .max(24 * 60)
    .nullable(),
  precipRateMmH: z.number().finite().nonnegative().max(1000).nullable(),
  // meter
  utility: Utility.nullable(),
  meterLevel: z.number().int().min(1).max(3).nullable(),
  parentMeterId: Id.nullable(),
  unit: z.string().max(20).nullable(),
  multiplier: z.number().finite().positive().max(1e6).nullable(),
  registerDigits: z.number().int().min(1).max(12).nullable(),
  serial: z.string().max(100).nullable(),
  // equipment
  equipmentType: z.string().max(60).nullable(),
});
export type AssetFields = z.infer<typeof AssetFields>;

export const CustomFields = z.record(
  z.string().max(60),
  z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]),
);

export const Asset = AssetFields.extend({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: AssetKind,
  placeId: Id.nullable(),
  /** "Building › Floor › Room" for lists; the full path is on the detail. */
  placeName: z.string().nullable(),
  status: AssetStatus,
  installDate: LocalDate.nullable(),
  notes: z.string(),
  custom: CustomFields,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Asset = z.infer<typeof Asset>;

export const AssetCode = ShortCode.regex(/^[^\s]+$/, 'a code has no spaces');

export const AssetInput = AssetFields.partial().extend({
  code: AssetCode,
  name: Name,
  kind: AssetKind,
  placeId: Id.nullable().optional(),
  status: AssetStatus.default('in_service'),
  installDate: LocalDate.nullable().optional(),
  notes: Notes.optional(),
  custom: CustomFields.optional(),
});
export type AssetInput = z.input<typeof AssetInput>;

export const AssetPatch = AssetInput.omit({ kind: true, status: true }).partial().extend({
  status: AssetStatus.optional(),
});
export type AssetPatch = z.infer<typeof AssetPatch>;

export const sortableColumns = [
  'code',
  'name',
  'kind',
  'status',
  'place',
  'installDate',
  'lampType',
  'ratedPowerW',
  'lastReplaced',
  'utility',
  'serial',
  'updatedAt',
] as const;
export const SortColumn = z.enum(sortableColumns);
export type SortColumn = z.infer<typeof SortColumn>;

export const AssetFilter = z.object({
  q: z.string().max(200).optional(),
  kinds: z.array(AssetKind).max(4).optional(),
  /** Any place: the asset is in it or anywhere below it. */
  placeId: Id.optional(),
  statuses: z.array(AssetStatus).max(5).optional(),
  lampTypes: z.array(LampType).max(6).optional(),
  installedFrom: LocalDate.optional(),
  installedTo: LocalDate.optional(),
});
export type AssetFilter = z.infer<typeof AssetFilter>;

/** Which assets a bulk action touches: explicit ids, or everything a filter matches minus some. */
export const Selection = z.union([
  z.object({ ids: z.array(Id).min(1).max(100_000) }),
  z.object({ filter: AssetFilter, exceptIds: z.array(Id).max(100_000).default([]) }),
]);
export type Selection = z.infer<typeof Selection>;

export const HistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  note: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const assetsMethods = {
  'assets.list': {
    input: z.object({
      filter: AssetFilter.default({}),
      sort: z
        .object({ column: SortColumn, direction: z.enum(['asc', 'desc']) })
        .default({ column: 'code', direction: 'asc' }),
      offset: z.number().int().nonnegative().max(10_000_000).default(0),
      limit: z.number().int().positive().max(500).default(100),
    }),
    result: z.object({ items: z.array(Asset), total: z.number().int() }),
  },
  'assets.get': {
    input: z.object({ id: Id }),
    result: z.object({ asset: Asset, path: z.array(PlaceRef), history: z.array(HistoryEntry) }),
  },
  'assets.create': { input: AssetInput, result: Asset },
  'assets.update': { input: z.object({ id: Id, patch: AssetPatch }), result: Asset },
  'assets.delete': {
    input: z.object({ id: Id }),
    result: z.object({ deleted: z.number().int() }),
  },
  'assets.bulkUpdate': {
    input: z.object({
      selection: Selection,
      patch: z
        .object({
          status: AssetStatus.optional(),
          placeId: Id.optional(),
          fields: AssetFields.partial().optional(),
          notes: Notes.optional(),
        })
        .refine(
          (p) =>
            p.status !== undefined ||
            p.placeId !== undefined ||
            p.notes !== undefined ||
            (p.fields && Object.keys(p.fields).length > 0),
          'nothing to change',
        ),
    }),
    result: z.object({ updated: z.number().int() }),
  },
  'assets.addFixtures': {
    input: z.object({
      placeId: Id,
      count: z.number().int().min(1).max(5000),
      lampType: LampType,
      ratedPowerW: Watts,
      name: Name.optional(),
      codePrefix: AssetCode.optional(),
      installDate: LocalDate.optional(),
      dailyHours: Hours.max(24).optional(),
    }),
    result: z.object({ created: z.number().int(), codes: z.array(z.string()) }),
  },
  'assets.pick': {
    input: z.object({
      selection: Selection,
      limit: z.number().int().positive().max(5000).default(2000),
    }),
    result: z.object({ items: z.array(Asset), total: z.number().int() }),
  },
  'assets.facets': {
    input: z.object({ filter: AssetFilter.default({}) }),
    result: z.object({
      byKind: z.record(z.string(), z.number().int()),
      byStatus: z.record(z.string(), z.number().int()),
    }),
  },
} as const;
