// The searchable list of meters beside the detail: assets of kind 'meter' paged from the register,
// searched by code, name or serial as one types. Rows take focus, so Tab and Enter pick a meter
// without the mouse. With no meters at all it says where they are added: the asset register.
import { Button, Empty, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Asset } from '../../../../../shared/contract/assets';
import { api } from '../../../api/client';
import { useLabel } from '../../../labels';

interface Props {
  selectedId: string | null;
  onSelect: (meter: Asset) => void;
  onError: (e: unknown) => void;
}

const PAGE_SIZE = 20;

export function MeterList({ selectedId, onSelect, onError }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [current, setCurrent] = useState(1);
  const [data, setData] = useState<{ items: Asset[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);

  // Search after a short pause in typing, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(text.trim());
      setCurrent(1);
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    api
      .call('assets.list', {
        filter: { kinds: ['meter'], ...(q ? { q } : {}) },
        sort: { column: 'code', direction: 'asc' },
        offset: (current - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      })
      .then((r) => !stale && setData(r))
      .catch((e: unknown) => !stale && onError(e))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [q, current, onError]);

  const columns = useMemo<TableColumnsType<Asset>>(
    () => [
      {
        key: 'meter',
        title: t('meterDetail.list.meter'),
        render: (_, m) => (
          <Space orientation="vertical" size={0}>
            <Typography.Text strong>{m.code}</Typography.Text>
            <Typography.Text type="secondary">{m.name}</Typography.Text>
          </Space>
        ),
      },
      {
        key: 'utility',
        title: t('meterDetail.list.utility'),
        render: (_, m) => (
          <Space orientation="vertical" size={0}>
            <span>{m.utility ? label('utility', m.utility) : '—'}</span>
            {m.meterLevel && <Tag>{t(`meterDetail.levels.${m.meterLevel}`)}</Tag>}
          </Space>
        ),
      },
      {
        key: 'place',
        title: t('meterDetail.list.place'),
        ellipsis: true,
        render: (_, m) => m.placeName ?? '—',
      },
      { key: 'unit', title: t('meterDetail.list.unit'), width: 64, render: (_, m) => m.unit ?? '' },
    ],
    [t, label],
  );

  const searching = q !== '';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={t('meterDetail.list.search')}
        aria-label={t('meterDetail.list.search')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => setText(value)}
      />
      <Table<Asset>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        aria-label={t('meterDetail.list.title')}
        data-testid="meter-list"
        rowClassName={(m) => (m.id === selectedId ? 'ant-table-row-selected' : '')}
        onRow={(m) => ({
          tabIndex: 0,
          'aria-selected': m.id === selectedId,
          style: { cursor: 'pointer' },
          onClick: () => onSelect(m),
          onKeyDown: (e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onSelect(m);
            }
          },
        })}
        locale={{
          emptyText: searching ? (
            <Empty description={t('meterDetail.list.noMatch')} />
          ) : (
            <Empty description={t('meterDetail.list.empty')}>
              <Button type="primary" onClick={() => void navigate('/assets')}>
                {t('meterDetail.list.goAssets')}
              </Button>
            </Empty>
          ),
        }}
        pagination={{
          current,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          size: 'small',
          simple: true,
          hideOnSinglePage: true,
        }}
        onChange={(p) => setCurrent(p.current ?? 1)}
      />
      {data && (
        <Typography.Text type="secondary" data-testid="meter-total">
          {t('meterDetail.list.total', { count: data.total })}
        </Typography.Text>
      )}
    </Space>
  );
}
