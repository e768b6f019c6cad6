// Type-ahead over the place tree (name or code); Ctrl+K focuses it from anywhere on the page.
import { AutoComplete, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place, PlaceKind, PlaceRef } from '../../../../shared/contract/places';
import { api } from '../../api/client';

type Hit = Place & { path: PlaceRef[] };

interface Props {
  onPick: (place: Hit) => void;
  /** Only places of these kinds (e.g. the kinds a moved place may sit under). */
  kinds?: PlaceKind[];
}

export function PlaceSearch({ onPick, kinds }: Props) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<Hit[]>([]);
  const [text, setText] = useState('');
  const inputRef = useRef<InputRef>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    let current = true;
    api
      .call('places.search', { q, limit: 20, ...(kinds ? { kinds } : {}) })
      .then((r) => current && setHits(r.items))
      .catch(() => current && setHits([]));
    return () => {
      current = false;
    };
    // kinds is a small literal list; its contents, not its identity, matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, kinds?.join()]);

  return (
    <AutoComplete
      style={{ width: '100%' }}
      value={text}
      onChange={setText}
      options={hits.map((h) => ({
        value: h.id,
        label: (
          <span>
            {h.name}
            <span style={{ color: '#999', marginLeft: 8, fontSize: 12 }}>
              {h.path
                .slice(0, -1)
                .map((p) => p.name)
                .join(' › ')}
            </span>
          </span>
        ),
      }))}
      onSelect={(id: string) => {
        const hit = hits.find((h) => h.id === id);
        setText('');
        if (hit) onPick(hit);
      }}
    >
      <Input.Search ref={inputRef} placeholder={`${t('places.search')} (Ctrl+K)`} allowClear />
    </AutoComplete>
  );
}
