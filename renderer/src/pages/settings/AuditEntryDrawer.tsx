// One audit entry in full: who, when, which object, and every field of its before and after
// snapshots side by side, the changed ones marked, bookkeeping fields (timestamps, counts) included.
import { App, Descriptions, Drawer, Empty, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../../shared/contract';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import type { AuditText } from './useAuditText';

type Entry = ResultOf<'audit.get'>;

interface FieldRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fieldRows(before: unknown, after: unknown): FieldRow[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((field) => ({
    field,
    before: b[field] ?? null,
    after: a[field] ?? null,
    changed: JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null),
  }));
}

export const actionColor = { create: 'green', update: 'blue', delete: 'red' } as const;

interface Props {
  id: string | null;
  onClose: () => void;
  text: AuditText;
}

export function AuditEntryDrawer({ id, onClose, text }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [entry, setEntry] = useState<Entry | null>(null);

  useEffect(() => {
    if (!id) return;
    let stale = false;
    setEntry(null);
    api
      .call('audit.get', { id })
      .then((e) => !stale && setEntry(e))
      .catch((error: unknown) => void message.error(errorText(t, error)));
    return () => {
      stale = true;
    };
  }, [id, message, t]);

  const rows = entry ? fieldRows(entry.before, entry.after) : [];
  // A snapshot that is not an object (never written by this app, but a file may be old or edited).
  const raw = entry && !isRecord(entry.before) && !isRecord(entry.after);
  const show = (field: string, value: unknown) =>
    entry ? text.value(entry.entity, field, value) : '';

  return (
    <Drawer open={id !== null} onClose={onClose} size={640} title={t('audit.detailTitle')}>
      {!entry ? (
        <Spin />
      ) : (
        <div data-testid="audit-detail">
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('audit.columns.at')}>
              {new Date(entry.at).toLocaleString(i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.columns.actor')}>{entry.actor}</Descriptions.Item>
            <Descriptions.Item label={t('audit.columns.entity')}>
              {text.entity(entry.entity)} {entry.label ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.columns.entityId')}>
              <Typography.Text copyable>{entry.entityId}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.columns.action')}>
              <Tag color={actionColor[entry.action]}>{text.action(entry.action)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.columns.note')}>
              {entry.note ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          {raw ? (
            <pre style={{ whiteSpace: 'pre-wrap' }}>
              {JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}
            </pre>
          ) : rows.length === 0 ? (
            <Empty description={t('audit.noSnapshot')} />
          ) : (
            <Table<FieldRow>
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={rows}
              columns={[
                {
                  key: 'field',
                  title: t('audit.field'),
                  width: 150,
                  render: (_v, r) => (
                    <Typography.Text strong={r.changed}>
                      {text.field(entry.entity, r.field)}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'before',
                  title: t('audit.before'),
                  render: (_v, r) => show(r.field, r.before),
                },
                {
                  key: 'after',
                  title: t('audit.after'),
                  render: (_v, r) =>
                    r.changed ? (
                      <Typography.Text mark>{show(r.field, r.after)}</Typography.Text>
                    ) : (
                      show(r.field, r.after)
                    ),
                },
              ]}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}
