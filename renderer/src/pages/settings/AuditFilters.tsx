// The filter bar of the audit view: object type, operator, action, a range of local days and a
// text search over notes and object ids. Days are the user's own: they become UTC instants (local
// midnight to the next local midnight) only when the core is asked.
import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  auditActions,
  type AuditAction,
  type AuditFilter,
} from '../../../../shared/contract/audit';
import type { AuditText } from './useAuditText';

export interface AuditQuery {
  entity?: string;
  actor?: string;
  action?: AuditAction;
  /** Local calendar days, YYYY-MM-DD, both included. */
  fromDay?: string;
  toDay?: string;
  q?: string;
}

export function toFilter(query: AuditQuery): AuditFilter {
  const { fromDay, toDay, q, ...rest } = query;
  return {
    ...rest,
    ...(fromDay ? { from: dayjs(fromDay).startOf('day').toISOString() } : {}),
    ...(toDay ? { to: dayjs(toDay).add(1, 'day').startOf('day').toISOString() } : {}),
    ...(q?.trim() ? { q: q.trim() } : {}),
  };
}

interface Props {
  query: AuditQuery;
  onChange: (query: AuditQuery) => void;
  facets: { actors: string[]; entities: string[] };
  text: AuditText;
}

export const AuditFilters = memo(function AuditFilters({ query, onChange, facets, text }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditQuery>) => onChange({ ...query, ...patch });
  // The text search scans notes rather than an index: ask once typing pauses, or on Enter.
  const [draft, setDraft] = useState(query.q ?? '');
  useEffect(() => {
    if (draft === (query.q ?? '')) return;
    const timer = setTimeout(() => onChange({ ...query, q: draft || undefined }), 300);
    return () => clearTimeout(timer);
  }, [draft, query, onChange]);
  return (
    <Space wrap>
      <Select
        allowClear
        placeholder={t('audit.columns.entity')}
        aria-label={t('audit.columns.entity')}
        style={{ minWidth: 130 }}
        value={query.entity}
        options={facets.entities.map((e) => ({ value: e, label: text.entity(e) }))}
        onChange={(entity?: string) => set({ entity })}
      />
      <Select
        allowClear
        showSearch
        placeholder={t('audit.columns.actor')}
        aria-label={t('audit.columns.actor')}
        style={{ minWidth: 140 }}
        value={query.actor}
        options={facets.actors.map((a) => ({ value: a, label: a }))}
        onChange={(actor?: string) => set({ actor })}
      />
      <Select
        allowClear
        placeholder={t('audit.columns.action')}
        aria-label={t('audit.columns.action')}
        style={{ minWidth: 110 }}
        value={query.action}
        options={auditActions.map((a) => ({ value: a, label: text.action(a) }))}
        onChange={(action?: AuditAction) => set({ action })}
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('audit.fromDay'), t('audit.toDay')]}
        aria-label={t('audit.dateRange')}
        value={[
          query.fromDay ? dayjs(query.fromDay) : null,
          query.toDay ? dayjs(query.toDay) : null,
        ]}
        onChange={(range) =>
          set({
            fromDay: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
            toDay: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
      />
      <Input.Search
        allowClear
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(value) => set({ q: value || undefined })}
        placeholder={t('audit.search')}
        aria-label={t('audit.search')}
        style={{ width: 240 }}
      />
    </Space>
  );
});
