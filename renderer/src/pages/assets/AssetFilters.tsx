// The filter bar of the asset table: text search, kind, status, lamp type, place subtree and
// install date range.
import { DatePicker, Input, Select, Space, Tag, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetFilter } from '../../../../shared/contract/assets';
import { useLabelOptions } from '../../labels';
import { PlaceSearch } from '../places/PlaceSearch';

interface Props {
  filter: AssetFilter;
  placeName: string | null;
  onChange: (filter: AssetFilter, placeName?: string | null) => void;
}

export const AssetFilters = memo(function AssetFilters({ filter, placeName, onChange }: Props) {
  const { t } = useTranslation();
  const options = useLabelOptions();
  const searchRef = useRef<InputRef>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const set = (patch: Partial<AssetFilter>) => onChange({ ...filter, ...patch });

  return (
    <Space wrap>
      <Input.Search
        ref={searchRef}
        allowClear
        value={filter.q ?? ''}
        // No debounce: a search answers in milliseconds, and stale answers are dropped by the
        // table's generation counter, so each keystroke may ask.
        onChange={(e) => onChange({ ...filter, q: e.target.value || undefined })}
        placeholder={`${t('assets.search')} (Ctrl+F)`}
        style={{ width: 280 }}
        aria-label={t('assets.search')}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount={1}
        placeholder={t('assets.fields.kind')}
        style={{ minWidth: 140 }}
        value={filter.kinds ?? []}
        options={options('kind')}
        onChange={(kinds) => set({ kinds: kinds.length ? kinds : undefined })}
        aria-label={t('assets.fields.kind')}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount={1}
        placeholder={t('assets.fields.status')}
        style={{ minWidth: 130 }}
        value={filter.statuses ?? []}
        options={options('status')}
        onChange={(statuses) => set({ statuses: statuses.length ? statuses : undefined })}
        aria-label={t('assets.fields.status')}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount={1}
        placeholder={t('assets.fields.lampType')}
        style={{ minWidth: 140 }}
        value={filter.lampTypes ?? []}
        options={options('lampType')}
        onChange={(lampTypes) => set({ lampTypes: lampTypes.length ? lampTypes : undefined })}
        aria-label={t('assets.fields.lampType')}
      />
      {filter.placeId ? (
        <Tag
          closable
          onClose={() => onChange({ ...filter, placeId: undefined }, null)}
          color="blue"
        >
          {t('assets.inPlace', { name: placeName ?? '' })}
        </Tag>
      ) : (
        <div style={{ width: 220 }}>
          <PlaceSearch onPick={(hit) => onChange({ ...filter, placeId: hit.id }, hit.name)} />
        </div>
      )}
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('assets.installedFrom'), t('assets.installedTo')]}
        value={[
          filter.installedFrom ? dayjs(filter.installedFrom) : null,
          filter.installedTo ? dayjs(filter.installedTo) : null,
        ]}
        onChange={(range) =>
          set({
            installedFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
            installedTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
      />
    </Space>
  );
});
