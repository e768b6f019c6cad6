// Picks a work order by typing its number (or words of its title) through workOrders.query; the
// form gets the order's id, the field shows its number and title.
import { AutoComplete } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderRow } from '../../../../../shared/contract/workOrders';
import { api } from '../../../api/client';

/** Orders parts may be issued to: everything not closed or cancelled. */
const ISSUABLE = ['open', 'assigned', 'in_progress', 'on_hold', 'completed', 'verified'] as const;

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Only orders that may still take parts (for issuing; returns accept any order). */
  issuableOnly: boolean;
  id?: string;
}

export function WorkOrderPicker({ value, onChange, issuableOnly, id }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<WorkOrderRow[]>([]);

  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .call('workOrders.query', {
          filter: { q, ...(issuableOnly ? { statuses: [...ISSUABLE] } : {}) },
          sort: { column: 'number', direction: 'desc' },
          limit: 20,
        })
        .then((r) => current && setHits(r.items))
        .catch(() => current && setHits([]));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, issuableOnly]);

  return (
    <AutoComplete
      id={id}
      value={text}
      style={{ width: '100%' }}
      placeholder={t('parts.issue.orderPlaceholder')}
      onChange={(next: string) => {
        setText(next);
        // Typing again un-picks the order until one is chosen from the list.
        if (value) onChange?.(undefined);
      }}
      options={hits.map((o) => ({ value: o.id, label: `${o.number} · ${o.title}` }))}
      onSelect={(orderId: string) => {
        const hit = hits.find((o) => o.id === orderId);
        setText(hit ? `${hit.number} · ${hit.title}` : orderId);
        onChange?.(orderId);
      }}
    />
  );
}
