// A meter's readings, newest first, paged from the store (a meter with interval data holds tens of
// thousands), with editing and deleting a reading. Deleting asks first: it cannot be undone, and
// it changes the intervals on both sides of the reading.
import { App, Button, Empty, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ReadingItem } from '../../../../../shared/contract/meters';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { EditReadingModal } from './EditReadingModal';
import { formatValue } from './format';
import { readingColumns, type ReadingAction } from './readingColumns';

interface Props {
  meterId: string;
  unit: string | null;
  generation: number;
  /** Called after a reading was edited or deleted, so the chart and the summary reload too. */
  onChanged: () => void;
  onError: (e: unknown) => void;
}

interface Page {
  current: number;
  pageSize: number;
}

export function ReadingsTable({ meterId, unit, generation, onChanged, onError }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [page, setPage] = useState<Page>({ current: 1, pageSize: 20 });
  const [data, setData] = useState<{ items: ReadingItem[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<ReadingItem | null>(null);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    api
      .call('meters.readings', {
        meterId,
        offset: (page.current - 1) * page.pageSize,
        limit: page.pageSize,
      })
      .then((r) => !stale && setData(r))
      .catch((e: unknown) => !stale && onError(e))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [meterId, page, generation, onError]);

  const columns = useMemo(() => {
    const remove = async (r: ReadingItem) => {
      try {
        await api.call('meters.deleteReading', { meterId: r.meterId, at: r.at });
        void message.success(
          t('meterDetail.delete.done', { at: r.local, value: formatValue(r.value, i18n.language) }),
        );
        onChanged();
      } catch (error) {
        void message.error(errorText(t, error));
      }
    };
    const act = (action: ReadingAction, r: ReadingItem) =>
      action === 'edit' ? setEditing(r) : void remove(r);
    return readingColumns(t, i18n.language, unit, act);
  }, [t, i18n.language, unit, message, onChanged]);

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('meterDetail.readings.title')}
        {data && (
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
            {t('meterDetail.readings.total', { count: data.total })}
          </Typography.Text>
        )}
      </Typography.Title>
      <Table<ReadingItem>
        size="small"
        rowKey="at"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        aria-label={t('meterDetail.readings.title')}
        data-testid="readings-table"
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty description={t('meterDetail.readings.empty')}>
              <Space>
                <Button type="primary" onClick={() => void navigate('/meters?tab=round')}>
                  {t('meterDetail.readings.goRound')}
                </Button>
                <Button onClick={() => void navigate('/meters?tab=import')}>
                  {t('meterDetail.readings.goImport')}
                </Button>
              </Space>
            </Empty>
          ),
        }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          hideOnSinglePage: true,
        }}
        onChange={(p) => setPage({ current: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
      />
      {editing && (
        <EditReadingModal
          reading={editing}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}
