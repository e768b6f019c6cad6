// The spare-parts tab (备品备件): the stock table paged from the store with search and a
// "below reorder point" switch, the new-part form, and per part: receive, issue to (or return
// from) a work order, stock count with its reason, history and edit; plus the reorder list with
// its CSV export. Dialogs live in ./parts/.
import { PlusOutlined, ReloadOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Space, Switch, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Part } from '../../../../shared/contract/parts';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { IssueModal } from './parts/IssueModal';
import { MovementsDrawer } from './parts/MovementsDrawer';
import { partColumns, type PartAction } from './parts/partColumns';
import { PartFormModal } from './parts/PartFormModal';
import { ReorderDrawer } from './parts/ReorderDrawer';
import { StockModal } from './parts/StockModal';

interface Page {
  current: number;
  pageSize: number;
}

type Dialog =
  { kind: 'create' } | { kind: 'reorder' } | { kind: Exclude<PartAction, 'movements'>; part: Part };

export function PartsTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [belowOnly, setBelowOnly] = useState(false);
  const [page, setPage] = useState<Page>({ current: 1, pageSize: 50 });
  const [data, setData] = useState<{ items: Part[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  // Bumped after every write and by the refresh button.
  const [generation, setGeneration] = useState(0);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [historyOf, setHistoryOf] = useState<Part | null>(null);
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);

  // Typing searches after a short pause rather than on every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(text.trim());
      setPage((p) => (p.current === 1 ? p : { ...p, current: 1 }));
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    api
      .call('parts.list', {
        ...(q ? { q } : {}),
        ...(belowOnly ? { belowReorder: true } : {}),
        offset: (page.current - 1) * page.pageSize,
        limit: page.pageSize,
      })
      .then((r) => !stale && setData(r))
      .catch(onError)
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [q, belowOnly, page, generation, onError]);

  const done = useCallback(() => {
    setDialog(null);
    setGeneration((g) => g + 1);
  }, []);

  const columns = useMemo(
    () =>
      partColumns(t, i18n.language, (action, part) =>
        action === 'movements' ? setHistoryOf(part) : setDialog({ kind: action, part }),
      ),
    [t, i18n.language],
  );

  const filtered = q !== '' || belowOnly;
  const create = () => setDialog({ kind: 'create' });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear
            style={{ width: 280 }}
            placeholder={t('parts.search')}
            aria-label={t('parts.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => setText(value)}
          />
          <Space>
            <Switch
              checked={belowOnly}
              aria-label={t('parts.belowOnly')}
              onChange={(checked) => {
                setBelowOnly(checked);
                setPage((p) => ({ ...p, current: 1 }));
              }}
            />
            <Typography.Text>{t('parts.belowOnly')}</Typography.Text>
          </Space>
        </Space>
        <Space wrap>
          <Typography.Text data-testid="parts-total">
            {data === null ? t('app.loading') : t('parts.total', { count: data.total })}
          </Typography.Text>
          <Button icon={<ReloadOutlined />} onClick={() => setGeneration((g) => g + 1)}>
            {t('parts.refresh')}
          </Button>
          <Button icon={<ShoppingCartOutlined />} onClick={() => setDialog({ kind: 'reorder' })}>
            {t('parts.reorderList')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={create}>
            {t('parts.create')}
          </Button>
        </Space>
      </Space>
      <Table<Part>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        aria-label={t('parts.tableLabel')}
        locale={{
          emptyText: (
            <Empty description={t(filtered ? 'parts.emptyFiltered' : 'parts.empty')}>
              {!filtered && (
                <Button type="primary" icon={<PlusOutlined />} onClick={create}>
                  {t('parts.create')}
                </Button>
              )}
            </Empty>
          ),
        }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
        }}
        onChange={(p) => setPage({ current: p.current ?? 1, pageSize: p.pageSize ?? 50 })}
      />
      <PartFormModal
        open={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        editing={dialog?.kind === 'edit' ? dialog.part : null}
        onDone={done}
        onCancel={() => setDialog(null)}
      />
      {(dialog?.kind === 'receive' || dialog?.kind === 'adjust') && (
        <StockModal
          mode={dialog.kind}
          part={dialog.part}
          onDone={done}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'issue' && (
        <IssueModal part={dialog.part} onDone={done} onCancel={() => setDialog(null)} />
      )}
      <MovementsDrawer part={historyOf} onClose={() => setHistoryOf(null)} />
      <ReorderDrawer open={dialog?.kind === 'reorder'} onClose={() => setDialog(null)} />
    </Space>
  );
}
