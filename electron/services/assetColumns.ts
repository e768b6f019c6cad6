// The mapping between an asset's API fields and its columns, and which kinds each field belongs to.
// One table drives row mapping, inserts, updates, bulk edits and imports.
import type { AssetFields, AssetKind } from '../../shared/contract/assets';

export type FieldName = keyof AssetFields;

interface ColumnSpec {
  column: string;
  kinds: readonly AssetKind[];
  /** Stored as text but exchanged as a list (schedule days). */
  list?: boolean;
}

export const fieldColumns: Record<FieldName, ColumnSpec> = {
  lampType: { column: 'lamp_type', kinds: ['fixture'] },
  ratedPowerW: { column: 'rated_power_w', kinds: ['fixture', 'equipment'] },
  previousPowerW: { column: 'previous_power_w', kinds: ['fixture'] },
  ratedLifeH: { column: 'rated_life_h', kinds: ['fixture'] },
  dailyHours: { column: 'daily_hours', kinds: ['fixture', 'equipment'] },
  lastReplaced: { column: 'last_replaced', kinds: ['fixture'] },
  greenAreaM2: { column: 'green_area_m2', kinds: ['irrigation_zone'] },
  irrigationMethod: { column: 'irrigation_method', kinds: ['irrigation_zone'] },
  plantType: { column: 'plant_type', kinds: ['irrigation_zone'] },
  controllerId: { column: 'controller_id', kinds: ['irrigation_zone'] },
  linkedMeterId: { column: 'linked_meter_id', kinds: ['irrigation_zone'] },
  scheduleDays: { column: 'schedule_days', kinds: ['irrigation_zone'], list: true },
  scheduleStart: { column: 'schedule_start', kinds: ['irrigation_zone'] },
  scheduleMinutes: { column: 'schedule_minutes', kinds: ['irrigation_zone'] },
  precipRateMmH: { column: 'precip_rate_mm_h', kinds: ['irrigation_zone'] },
  utility: { column: 'utility', kinds: ['meter'] },
  meterLevel: { column: 'meter_level', kinds: ['meter'] },
  parentMeterId: { column: 'parent_meter_id', kinds: ['meter'] },
  unit: { column: 'unit', kinds: ['meter'] },
  multiplier: { column: 'multiplier', kinds: ['meter'] },
  registerDigits: { column: 'register_digits', kinds: ['meter'] },
  serial: { column: 'serial', kinds: ['meter', 'equipment', 'fixture'] },
  equipmentType: { column: 'equipment_type', kinds: ['equipment'] },
};

export const fieldNames = Object.keys(fieldColumns) as FieldName[];

export function fieldAppliesTo(field: FieldName, kind: AssetKind): boolean {
  return fieldColumns[field].kinds.includes(kind);
}

/** Column value for storage. */
export function toColumnValue(field: FieldName, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (fieldColumns[field].list) return (value as string[]).join(',');
  return value;
}

/** API value from a stored column. */
export function fromColumnValue(field: FieldName, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (fieldColumns[field].list) return String(value) === '' ? [] : String(value).split(',');
  return value;
}
