// Choosing the meters that measure an enterprise: a searchable multi-select over the site's meters
// (a park has hundreds, so the register is searched as one types rather than loaded whole). The
// meters already chosen stay as options whatever the search, so their tags keep their names.
import { Select, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../../shared/contract/people';
import { api } from '../../../api/client';
import { useLabel } from '../../../labels';

type MeterOption = Enterprise['meters'][number];

interface Props {
  siteId: string;
  /** The meters linked now (with names), to label the chosen ids. */
  current: MeterOption[];
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}

const SEARCH_DELAY_MS = 250;

export function MeterSelect({ siteId, current, value = [], onChange, id }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<MeterOption[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .call('assets.list', {
          filter: { kinds: ['meter'], placeId: siteId, ...(query ? { q: query } : {}) },
          limit: 50,
        })
        .then(
          (r) => {
            if (stale) return;
            setFound(
              r.items.map((a) => ({
                meterId: a.id,
                code: a.code,
                name: a.name,
                utility: a.utility,
              })),
            );
          },
          // A failed search leaves the previous options; the save reports real errors.
          () => undefined,
        )
        .finally(() => !stale && setLoading(false));
    }, SEARCH_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [siteId, query]);

  const options = useMemo(() => {
    const byId = new Map<string, MeterOption>();
    for (const m of [...current, ...found]) byId.set(m.meterId, m);
    return [...byId.values()].map((m) => ({
      value: m.meterId,
      label: `${m.code} ${m.name}${m.utility ? `（${label('utility', m.utility)}）` : ''}`,
      utility: m.utility,
    }));
  }, [current, found, label]);

  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={loading}
      options={options}
      placeholder={t('people.enterprises.meterSearch')}
      notFoundContent={loading ? null : t('people.enterprises.noMeters')}
      tagRender={({ label: text, closable, onClose }) => (
        <Tag closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
          {text}
        </Tag>
      )}
      style={{ width: '100%' }}
    />
  );
}
