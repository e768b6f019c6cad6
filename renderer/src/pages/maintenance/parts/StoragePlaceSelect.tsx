// Picks where a part is kept by typing part of a building, floor or room name; shows the chosen
// place as its path below the site, the way the parts table does.
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';

interface Option {
  value: string;
  label: string;
}

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The label of the current value, known from the part being edited. */
  initialLabel?: string;
  id?: string;
}

export function StoragePlaceSelect({ value, onChange, initialLabel, id }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);

  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .call('places.search', { q, limit: 20, kinds: ['building', 'floor', 'room', 'area'] })
        .then((r) => {
          if (!current) return;
          setOptions(
            r.items.map((p) => ({
              value: p.id,
              // Below the site: every list in the app names places that way.
              label: (p.path.length > 1 ? p.path.slice(1) : p.path).map((x) => x.name).join(' › '),
            })),
          );
        })
        .catch(() => current && setOptions([]));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  // The current place keeps its label until a search replaces the options.
  const shown =
    value && initialLabel && !options.some((o) => o.value === value)
      ? [{ value, label: initialLabel }, ...options]
      : options;

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value ?? null}
      placeholder={t('parts.form.storagePlaceholder')}
      options={shown}
      onChange={(next: string | undefined | null) => onChange?.(next ?? null)}
      notFoundContent={null}
    />
  );
}
