// The audit log tab of Settings: every create, update and delete, newest first, paged from the store
// (the log grows by thousands of entries with each import, so the renderer holds one page), with
// filters, the changes in one line per entry, the full before/after of an entry on click or Enter,
// and a CSV export of everything the filters select.
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../../shared/contract';
import type { AuditItem } from '../../../../shared/contract/audit';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { mimeOf, saveBase64 } from '../../files';
import { actionColor, AuditEntryDrawer } from './AuditEntryDrawer';
import { AuditFilters, toFilter, type AuditQuery } from './AuditFilters';
import { useAuditText } from './useAuditText';

interface Page {
  current: number;
  pageSize: number;
}

/** Changes shown in the table's one line; the rest are counted, and the drawer has them all. */
const CHANGES_IN_ROW = 3;

export function AuditTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const text = useAuditText();
  const [query, setQuery] = useState<AuditQuery>({});
  const [page, setPage] = useState<Page>({ current: 1, pageSize: 50 });
  const [data, setData] = useState<{ items: AuditItem[]; total: number } | null>(null);
  const [facets, setFacets] = useState<{ actors: string[]; entities: string[] }>({
    actors: [],
    entities: [],
  });
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  // Bumped by the refresh button: the log may have grown since the tab was opened.
  const [generation, setGeneration] = useState(0);
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);

  useEffect(() => {
    api.call('audit.facets', {}).then(setFacets).catch(onError);
  }, [generation, onError]);

  useEffect(() => {
    // Answers to a filter the user has already changed are dropped, not shown late.
    let stale = false;
    setLoading(true);
    api
      .call('audit.list', {
        ...toFilter(query),
        offset: (page.current - 1) * page.pageSize,
        limit: page.pageSize,
      })
      .then((result) => !stale && setData(result))
      .catch(onError)
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [query, page, generation, onError]);

  const changeQuery = useCallback((next: AuditQuery) => {
    setQuery(next);
    setPage((p) => ({ ...p, current: 1 }));
  }, []);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const file = await api.call('audit.export', {
        ...toFilter(query),
        language: i18n.language === 'en' ? 'en' : 'zh-CN',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      saveBase64(file.fileName, file.contentBase64, mimeOf(file.fileName));
      void message.success(t('audit.exported', { count: file.rows }));
    } catch (error) {
      const limit = error instanceof DeskError ? (error.details as { limitRows?: number }) : null;
      if (limit?.limitRows) void message.error(t('audit.tooMany', { limit: limit.limitRows }));
      else onError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <AuditFilters query={query} onChange={changeQuery} facets={facets} text={text} />
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text data-testid="audit-total">
          {data === null ? t('app.loading') : t('audit.total', { count: data.total })}
        </Typography.Text>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => setGeneration((g) => g + 1)}>
            {t('audit.refresh')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={data?.total === 0}
            onClick={() => void exportCsv()}
          >
            {t('audit.exportCsv')}
          </Button>
        </Space>
      </Space>
      <Table<AuditItem>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('audit.empty') }}
        aria-label={t('audit.tableLabel')}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
        }}
        onChange={(p) => setPage({ current: p.current ?? 1, pageSize: p.pageSize ?? 50 })}
        onRow={(item) => ({
          onClick: () => setOpenId(item.id),
          onKeyDown: (event) => {
            if (event.key === 'Enter') setOpenId(item.id);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            key: 'at',
            title: t('audit.columns.at'),
            width: 170,
            render: (_v, item) => new Date(item.at).toLocaleString(i18n.language),
          },
          { key: 'actor', title: t('audit.columns.actor'), width: 110, dataIndex: 'actor' },
          {
            key: 'entity',
            title: t('audit.columns.entity'),
            width: 260,
            ellipsis: true,
            render: (_v, item) => (
              <>
                <Tag>{text.entity(item.entity)}</Tag>
                {item.label ?? item.entityId}
              </>
            ),
          },
          {
            key: 'action',
            title: t('audit.columns.action'),
            width: 80,
            render: (_v, item) => (
              <Tag color={actionColor[item.action]}>{text.action(item.action)}</Tag>
            ),
          },
          {
            key: 'changes',
            title: t('audit.columns.changes'),
            ellipsis: { showTitle: false },
            render: (_v, item) => {
              const line = text.changes(item.entity, item.action, item.changes, CHANGES_IN_ROW);
              const all = text.changes(item.entity, item.action, item.changes);
              return <span title={all}>{line}</span>;
            },
          },
          {
            key: 'note',
            title: t('audit.columns.note'),
            width: 160,
            ellipsis: true,
            render: (_v, item) => item.note ?? '',
          },
        ]}
      />
      <AuditEntryDrawer id={openId} onClose={() => setOpenId(null)} text={text} />
    </Space>
  );
}
