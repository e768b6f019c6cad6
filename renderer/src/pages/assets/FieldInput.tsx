// The input for one kind-specific asset field, chosen by the field's type.
import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useLabelOptions } from '../../labels';
import { labelGroupOf, type KindField } from './assetFields';

const numeric = new Set<KindField>([
  'ratedPowerW',
  'previousPowerW',
  'ratedLifeH',
  'dailyHours',
  'greenAreaM2',
  'scheduleMinutes',
  'precipRateMmH',
  'meterLevel',
  'multiplier',
  'registerDigits',
]);

interface Props {
  /** Set by Form.Item so its label points at this control. */
  id?: string;
  field: KindField;
  value?: unknown;
  onChange?: (value: unknown) => void;
}

export function FieldInput({ id, field, value, onChange }: Props) {
  const options = useLabelOptions();
  const group = labelGroupOf(field);
  if (group) {
    return (
      <Select
        id={id}
        allowClear
        value={value ?? undefined}
        options={options(group)}
        onChange={(v) => onChange?.(v ?? null)}
        {...(field === 'equipmentType' ? { showSearch: true } : {})}
      />
    );
  }
  if (field === 'scheduleDays') {
    return (
      <Select
        id={id}
        mode="multiple"
        value={(value as string[] | null) ?? []}
        options={options('weekday')}
        onChange={(v) => onChange?.(v)}
      />
    );
  }
  if (field === 'lastReplaced') {
    return (
      <DatePicker
        id={id}
        style={{ width: '100%' }}
        value={typeof value === 'string' ? dayjs(value) : null}
        onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      />
    );
  }
  if (numeric.has(field)) {
    return (
      <InputNumber
        id={id}
        style={{ width: '100%' }}
        min={0}
        value={typeof value === 'number' ? value : null}
        onChange={(v) => onChange?.(v ?? null)}
      />
    );
  }
  return (
    <Input
      id={id}
      value={typeof value === 'string' ? value : ''}
      maxLength={100}
      onChange={(e) => onChange?.(e.target.value || null)}
    />
  );
}
