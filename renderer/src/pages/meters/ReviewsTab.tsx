// The review queue (待复核): reading pairs whose register ran back with no rollover, replacement
// or estimate correction to explain it. Nothing is counted for them until staff decide, here:
// accept the proposal in one click, or choose another resolution in a small form. A switch shows
// the resolved items with their decisions. By keyboard, the arrows move the selected row and Enter
// accepts its proposal after a confirm. ?meter=ID narrows the queue to one meter (the readings
// table links here so) and ?review=ID selects that item.
import { App, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ReviewItem } from '../../../../shared/contract/meters';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { proposalResolution, proposalText, type Resolution } from './reviews/proposal';
import { ResolveModal } from './reviews/ResolveModal';
import { reviewColumns } from './reviews/reviewColumns';
import { useReviewEnds } from './reviews/useReviewEnds';

type Status = 'open' | 'resolved';
const PAGE_SIZE = 20;
const EMPTY: ReviewItem[] = [];

export function ReviewsTab() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const meterId = params.get('meter');
  const [status, setStatus] = useState<Status>('open');
  const [current, setCurrent] = useState(1);
  const [data, setData] = useState<{ items: ReviewItem[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(params.get('review'));
  const [choosing, setChoosing] = useState<ReviewItem | null>(null);
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    api
      .call('meters.reviews', {
        status,
        ...(meterId ? { meterId } : {}),
        offset: (current - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      })
      .then((r) => {
        if (stale) return;
        setData(r);
        // Keep the selection on the page, so Enter always has a row to act on.
        setSelectedId((id) => (r.items.some((i) => i.id === id) ? id : (r.items[0]?.id ?? null)));
      })
      .catch((e: unknown) => !stale && onError(e))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [status, meterId, current, generation, onError]);

  const items = data?.items ?? EMPTY;
  const infos = useReviewEnds(items);

  const resolved = useCallback(
    (item: ReviewItem) => {
      setChoosing(null);
      void message.success(
        t('meterReviews.done', {
          code: item.meterCode,
          as: t(`meterReviews.kinds.${item.resolution ?? 'accept'}`),
        }),
      );
      setGeneration((g) => g + 1);
    },
    [message, t],
  );

  const resolve = useCallback(
    async (item: ReviewItem, resolution: Resolution) => {
      try {
        resolved(await api.call('meters.resolveReview', { id: item.id, resolution, note: '' }));
      } catch (error) {
        onError(error);
      }
    },
    [resolved, onError],
  );

  const accept = useCallback(
    (item: ReviewItem) => {
      const resolution = proposalResolution(item);
      if (resolution) void resolve(item, resolution);
      else setChoosing(item);
    },
    [resolve],
  );

  const columns = useMemo(
    () => reviewColumns(t, i18n.language, status, infos, { accept, choose: setChoosing }),
    [t, i18n.language, status, infos, accept],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into buttons and links inside the table are theirs, not the queue's.
    const target = e.target as HTMLElement;
    if (target !== e.currentTarget && target.tagName !== 'TR') return;
    const index = items.findIndex((i) => i.id === selectedId);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next =
        items[Math.max(0, Math.min(items.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next) setSelectedId(next.id);
    } else if (e.key === 'Enter' && status === 'open') {
      const item = items[index];
      if (!item) return;
      e.preventDefault();
      const resolution = proposalResolution(item);
      if (!resolution) {
        setChoosing(item);
        return;
      }
      modal.confirm({
        title: t('meterReviews.confirm.title', { code: item.meterCode }),
        content: proposalText(t, item, i18n.language),
        okText: t('meterReviews.confirm.ok'),
        cancelText: t('meterReviews.form.cancel'),
        onOk: () => resolve(item, resolution),
      });
    }
  };

  const filterCode = items[0]?.meterCode;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Segmented<Status>
            value={status}
            aria-label={t('meterReviews.status')}
            options={[
              { value: 'open', label: t('meterReviews.open') },
              { value: 'resolved', label: t('meterReviews.resolvedList') },
            ]}
            onChange={(s) => {
              setStatus(s);
              setCurrent(1);
            }}
          />
          {meterId && (
            <Tag
              closable
              onClose={() =>
                setParams((p) => {
                  const next = new URLSearchParams(p);
                  next.delete('meter');
                  next.delete('review');
                  return next;
                })
              }
            >
              {t('meterReviews.onlyMeter', { code: filterCode ?? '…' })}
            </Tag>
          )}
        </Space>
        <Typography.Text type="secondary" data-testid="review-total">
          {data === null ? t('app.loading') : t('meterReviews.total', { count: data.total })}
        </Typography.Text>
      </Space>
      {status === 'open' && items.length > 0 && (
        <Typography.Text type="secondary">{t('meterReviews.keyboardHint')}</Typography.Text>
      )}
      <div
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label={t('meterReviews.tableLabel')}
        data-testid="review-queue"
      >
        <Table<ReviewItem>
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={items}
          columns={columns}
          rowClassName={(i) => (i.id === selectedId ? 'ant-table-row-selected' : '')}
          onRow={(i) => ({
            'aria-selected': i.id === selectedId,
            onClick: () => setSelectedId(i.id),
          })}
          locale={{
            emptyText: (
              <Empty
                description={t(
                  status === 'open' ? 'meterReviews.emptyOpen' : 'meterReviews.emptyResolved',
                )}
              />
            ),
          }}
          pagination={{
            current,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
          }}
          onChange={(p) => setCurrent(p.current ?? 1)}
        />
      </div>
      {choosing && (
        <ResolveModal item={choosing} onDone={resolved} onCancel={() => setChoosing(null)} />
      )}
    </Space>
  );
}
