// Which kind-specific fields each asset kind shows, and how a field's value reads on screen.
import type { AssetFields, AssetKind } from '../../../../shared/contract/assets';
import type { LabelGroup } from '../../../../shared/domain/assetLabels';

export type KindField = keyof AssetFields;

const byKind: Record<AssetKind, KindField[]> = {
  fixture: [
    'lampType',
    'ratedPowerW',
    'previousPowerW',
    'ratedLifeH',
    'dailyHours',
    'lastReplaced',
    'serial',
  ],
  irrigation_zone: [
    'greenAreaM2',
    'irrigationMethod',
    'plantType',
    'controllerId',
    'scheduleDays',
    'scheduleStart',
    'scheduleMinutes',
    'precipRateMmH',
  ],
  meter: ['utility', 'meterLevel', 'unit', 'multiplier', 'registerDigits', 'serial'],
  equipment: ['equipmentType', 'ratedPowerW', 'dailyHours', 'serial'],
};

export function fieldsOfKind(kind: AssetKind): KindField[] {
  return byKind[kind];
}

const groups: Partial<Record<KindField, LabelGroup>> = {
  lampType: 'lampType',
  irrigationMethod: 'irrigationMethod',
  utility: 'utility',
  equipmentType: 'equipmentType',
};

export function labelGroupOf(field: KindField): LabelGroup | undefined {
  return groups[field];
}

export function formatField(
  field: KindField,
  value: unknown,
  label: (group: LabelGroup, value: string) => string,
): string {
  if (value === null || value === undefined) return '';
  const group = groups[field];
  if (group) return label(group, String(value));
  if (Array.isArray(value)) return value.map((d) => label('weekday', String(d))).join('、');
  if (typeof value === 'number') return value.toLocaleString();
  return String(value);
}
