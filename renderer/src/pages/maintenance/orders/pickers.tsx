// Type-ahead pickers over the store for maintenance forms: assets by code or name, places by name
// or code (shown with their path). Each holds { value: id, label } so a form keeps what the person
// saw, and forwards `id` so Form.Item labels and error messages point at it.
import { Select } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '../../../../../shared/contract/assets';
import { api } from '../../../api/client';

export interface Picked {
  value: string;
  label: string;
}

interface Hit<T> {
  option: Picked;
  detail: string;
  item: T;
}

/** Runs a search shortly after the last keystroke; answers to older text are dropped. */
function useRemoteHits<T>(search: (q: string) => Promise<Hit<T>[]>) {
  const [hits, setHits] = useState<Hit<T>[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onSearch = useCallback(
    (text: string) => {
      clearTimeout(timer.current);
      const q = text.trim();
      const ticket = (latest.current += 1);
      if (!q) {
        setHits([]);
        setLoading(false);
        return;
      }
      setLoading(true);
      timer.current = setTimeout(() => {
        search(q)
          .then((found) => ticket === latest.current && setHits(found))
          .catch(() => ticket === latest.current && setHits([]))
          .finally(() => ticket === latest.current && setLoading(false));
      }, 150);
    },
    [search],
  );
  return { hits, loading, onSearch };
}

const searchAssets = async (q: string): Promise<Hit<Asset>[]> => {
  const page = await api.call('assets.list', {
    filter: { q },
    sort: { column: 'code', direction: 'asc' },
    limit: 20,
  });
  return page.items.map((a) => ({
    option: { value: a.id, label: `${a.code} · ${a.name}` },
    detail: a.placeName ?? '',
    item: a,
  }));
};

const searchPlaces = async (q: string): Promise<Hit<null>[]> => {
  const found = await api.call('places.search', { q, limit: 20 });
  return found.items.map((p) => ({
    option: { value: p.id, label: p.path.map((r) => r.name).join(' › ') || p.name },
    detail: p.code ?? '',
    item: null,
  }));
};

function optionsOf<T>(hits: Hit<T>[]) {
  return hits.map((h) => ({ ...h.option, detail: h.detail }));
}

function renderOption(option: { data: { label?: unknown; detail?: string } }) {
  return (
    <span>
      {String(option.data.label ?? '')}
      {option.data.detail && (
        <span style={{ color: '#999', marginLeft: 8, fontSize: 12 }}>{option.data.detail}</span>
      )}
    </span>
  );
}

interface SingleProps {
  id?: string;
  value?: Picked | null;
  onChange?: (value: Picked | null) => void;
  placeholder?: string;
  autoFocus?: boolean;
}

/** One pick from `search`; `onItem` hears the whole record behind it. */
function SinglePicker<T>(
  props: SingleProps & {
    search: (q: string) => Promise<Hit<T>[]>;
    defaultPlaceholder: string;
    onItem?: (item: T | null) => void;
    popupMatchSelectWidth?: boolean;
  },
) {
  const { hits, loading, onSearch } = useRemoteHits(props.search);
  return (
    <Select<Picked | null>
      id={props.id}
      autoFocus={props.autoFocus}
      labelInValue
      style={{ width: '100%' }}
      allowClear
      value={props.value ?? null}
      placeholder={props.placeholder ?? props.defaultPlaceholder}
      showSearch={{ filterOption: false, onSearch }}
      loading={loading}
      notFoundContent={null}
      options={optionsOf(hits)}
      optionRender={renderOption}
      {...(props.popupMatchSelectWidth === undefined
        ? {}
        : { popupMatchSelectWidth: props.popupMatchSelectWidth })}
      onChange={(picked) => {
        const value = picked ? { value: picked.value, label: String(picked.label) } : null;
        props.onChange?.(value);
        props.onItem?.(hits.find((h) => h.option.value === value?.value)?.item ?? null);
      }}
    />
  );
}

/** One asset; `onAsset` hears the whole record so a form can fill in its place. */
export function AssetPicker({
  onAsset,
  ...props
}: SingleProps & { onAsset?: (asset: Asset | null) => void }) {
  const { t } = useTranslation();
  return (
    <SinglePicker<Asset>
      {...props}
      search={searchAssets}
      defaultPlaceholder={t('workOrders.pickAsset')}
      {...(onAsset ? { onItem: onAsset } : {})}
    />
  );
}

export function PlacePicker(props: SingleProps) {
  const { t } = useTranslation();
  return (
    <SinglePicker<null>
      {...props}
      search={searchPlaces}
      defaultPlaceholder={t('workOrders.pickPlace')}
      popupMatchSelectWidth={false}
    />
  );
}

/** Several assets (a work order may cover forty fixtures on one floor). */
export function AssetsPicker(props: {
  id?: string;
  value?: Picked[];
  onChange?: (value: Picked[]) => void;
}) {
  const { t } = useTranslation();
  const { hits, loading, onSearch } = useRemoteHits(searchAssets);
  return (
    <Select<Picked[]>
      id={props.id}
      mode="multiple"
      labelInValue
      style={{ width: '100%' }}
      allowClear
      value={props.value ?? []}
      placeholder={t('workOrders.pickAssets')}
      showSearch={{ filterOption: false, onSearch }}
      loading={loading}
      notFoundContent={null}
      options={optionsOf(hits)}
      optionRender={renderOption}
      onChange={(picked) =>
        props.onChange?.(picked.map((p) => ({ value: p.value, label: String(p.label) })))
      }
    />
  );
}
