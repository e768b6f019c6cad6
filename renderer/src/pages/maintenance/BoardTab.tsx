// The today board (今日看板): 未派工 first (it needs a dispatcher), then one column per active crew,
// each with its active orders due by the chosen day (and undated ones), overdue first and in red.
// The server builds the columns and their order, and keeps a deactivated crew's column while it
// still holds work. The day defaults to the site's today as the server knows it (a PC with a wrong
// clock or zone still shows the right day); ← → move it a day. Reloads when shown, when the window
// comes back and every two minutes.
import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { WorkOrderRow } from '../../../../shared/contract/workOrders';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { BoardColumn } from './views/BoardColumn';
import { isoDay, parseDay } from './views/dates';
import { useOpenOrder } from './views/openOrder';
import { useAutoRefresh } from './views/useAutoRefresh';
import { useDayKeys } from './views/useDayKeys';

type Column = { crewId: string | null; crewName: string | null; items: WorkOrderRow[] };

interface BoardData {
  date: string;
  columns: Column[];
}

export function BoardTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const openOrder = useOpenOrder();
  // null: the server's today. Set once the user picks or steps to another day.
  const [day, setDay] = useState<string | null>(null);
  const [data, setData] = useState<BoardData | null>(null);
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    api
      .call('workOrders.board', day ? { date: day } : {})
      .then((board) => !stale && setData({ date: board.date, columns: board.crews }))
      .catch((e: unknown) => !stale && onError(e))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [day, generation, onError]);

  useAutoRefresh(reload);

  const shown = day ?? data?.date ?? null;
  const move = useCallback(
    (days: number) => {
      if (shown) setDay(isoDay(parseDay(shown).add(days, 'day')));
    },
    [shown],
  );
  useDayKeys(move);

  const totals = useMemo(() => {
    const all = data?.columns.flatMap((c) => c.items) ?? [];
    return { count: all.length, overdue: all.filter((o) => o.overdue).length };
  }, [data]);
  const noCrews = data !== null && data.columns.length === 1;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Button
            icon={<LeftOutlined />}
            aria-label={t('board.previousDay')}
            onClick={() => move(-1)}
          />
          <DatePicker
            aria-label={t('board.day')}
            allowClear={false}
            value={shown ? parseDay(shown) : null}
            onChange={(d) => d && setDay(isoDay(d))}
          />
          <Button
            icon={<RightOutlined />}
            aria-label={t('board.nextDay')}
            onClick={() => move(1)}
          />
          <Button onClick={() => setDay(null)} disabled={day === null}>
            {t('board.today')}
          </Button>
          <Button icon={<ReloadOutlined />} loading={loading} onClick={reload}>
            {t('board.refresh')}
          </Button>
          <Typography.Text type="secondary">{t('board.keysHint')}</Typography.Text>
        </Space>
        {data && (
          <Typography.Text data-testid="board-total">
            {t('board.total', { count: totals.count })}
            {totals.overdue > 0 && (
              <Typography.Text type="danger">
                {' · '}
                {t('board.overdueCount', { count: totals.overdue })}
              </Typography.Text>
            )}
          </Typography.Text>
        )}
      </Space>
      {noCrews && (
        <Empty description={t('board.noCrews')}>
          <Button type="primary" onClick={() => void navigate('/maintenance?tab=crews')}>
            {t('board.goToCrews')}
          </Button>
        </Empty>
      )}
      <div
        style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start' }}
        aria-busy={loading}
      >
        {data?.columns.map((column) => (
          <BoardColumn
            key={column.crewId ?? 'unassigned'}
            crewId={column.crewId}
            title={column.crewName ?? t('board.unassigned')}
            items={column.items}
            onOpen={openOrder}
          />
        ))}
      </div>
    </Space>
  );
}
