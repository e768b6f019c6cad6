// Type-ahead for a plan's explicit asset list: typing a code or a name asks the register for the
// first matches; chosen assets keep their labels here, since the form holds only their ids.
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '../../../../../shared/contract/assets';
import { api } from '../../../api/client';

interface Props {
  id?: string;
  value: string[];
  onChange: (ids: string[]) => void;
}

const HITS = 20;

function labelOf(asset: Asset): string {
  return asset.placeName
    ? `${asset.code} ${asset.name} · ${asset.placeName}`
    : `${asset.code} ${asset.name}`;
}

export function AssetPicker({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const [labels, setLabels] = useState<Map<string, string>>(() => new Map());
  const [hits, setHits] = useState<Asset[]>([]);
  const [q, setQ] = useState('');
  const asked = useRef(new Set<string>());

  // Labels of ids the form brought in (an existing plan), fetched once each.
  useEffect(() => {
    const missing = value.filter((v) => !labels.has(v) && !asked.current.has(v));
    if (missing.length === 0) return;
    missing.forEach((v) => asked.current.add(v));
    api
      .call('assets.pick', { selection: { ids: missing }, limit: 5000 })
      .then((r) =>
        setLabels((old) => new Map([...old, ...r.items.map((a) => [a.id, labelOf(a)] as const)])),
      )
      .catch(() => undefined);
  }, [value, labels]);

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setHits([]);
      return;
    }
    let stale = false;
    api
      .call('assets.list', {
        filter: { q: text },
        sort: { column: 'code', direction: 'asc' },
        offset: 0,
        limit: HITS,
      })
      .then((r) => !stale && setHits(r.items))
      .catch(() => !stale && setHits([]));
    return () => {
      stale = true;
    };
  }, [q]);

  const options = [
    ...value.map((v) => ({ value: v, label: labels.get(v) ?? v })),
    ...hits.filter((h) => !value.includes(h.id)).map((h) => ({ value: h.id, label: labelOf(h) })),
  ];

  return (
    <Select
      id={id}
      mode="multiple"
      aria-label={t('plans.target.assetsLabel')}
      placeholder={t('plans.target.pickAssets')}
      value={value}
      options={options}
      showSearch={{ filterOption: false, onSearch: setQ }}
      maxTagCount="responsive"
      onChange={(ids: string[]) => {
        // Remember the label of a hit as it is chosen: the next search replaces the hits.
        setLabels((old) => {
          const next = new Map(old);
          for (const h of hits) if (ids.includes(h.id)) next.set(h.id, labelOf(h));
          return next;
        });
        onChange(ids);
      }}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
