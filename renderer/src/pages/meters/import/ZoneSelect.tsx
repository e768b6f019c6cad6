// The time zone picker of the reading import, searchable by typing part of a zone's name ("shang",
// "urumqi") or its Chinese name. Clearing it means "the file's times carry their own zone"; when
// they do not, the dry run says so and asks for one.
import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneOptions } from './zones';

interface Props {
  value: string | null;
  onChange: (zone: string | null) => void;
  id?: string;
  status?: 'error' | 'warning';
}

export function ZoneSelect({ value, onChange, id, status }: Props) {
  const { t, i18n } = useTranslation();
  const options = useMemo(
    () =>
      zoneOptions().map((option) => {
        const key = `meterImport.zoneNames.${option.value}`;
        // Chinese names for the zones a campus in China would pick, so 北京时间 is found at once.
        const name = i18n.exists(key) ? t(key) : null;
        return { value: option.value, label: name ? `${option.label} · ${name}` : option.label };
      }),
    [t, i18n],
  );
  return (
    <Select
      id={id}
      status={status}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      value={value}
      placeholder={t('meterImport.choose.zoneNone')}
      onChange={(zone?: string | null) => onChange(zone ?? null)}
      options={options}
      style={{ width: 360 }}
      popupMatchSelectWidth={false}
      aria-label={t('meterImport.choose.zone')}
    />
  );
}
