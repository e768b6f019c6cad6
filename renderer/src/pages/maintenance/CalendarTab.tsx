// The maintenance calendar: a month view (counts and the first titles per day) and a week view
// (every item per day), Monday first, with an optional crew filter. Each move loads only the
// visible range — 42 days for a month grid, 7 for a week — through workOrders.calendar.
import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Segmented, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crew } from '../../../../shared/contract/crews';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { isoDay, monthGrid, rangeInput, weekOf } from './views/dates';
import { MonthView } from './views/MonthView';
import { useOpenOrder } from './views/openOrder';
import { useAutoRefresh } from './views/useAutoRefresh';
import { useCalendarDays } from './views/useCalendarDays';
import { WeekView } from './views/WeekView';

type Mode = 'month' | 'week';

export function CalendarTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const openOrder = useOpenOrder();
  const [mode, setMode] = useState<Mode>('month');
  const [anchor, setAnchor] = useState<Dayjs>(() => dayjs().startOf('day'));
  const [crewId, setCrewId] = useState<string | null>(null);
  const [includeDone, setIncludeDone] = useState(false);
  const [crews, setCrews] = useState<Crew[]>([]);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useAutoRefresh(reload);

  useEffect(() => {
    api
      .call('crews.list', { includeInactive: true })
      .then((r) => setCrews(r.items))
      .catch((e: unknown) => void message.error(errorText(t, e)));
  }, [message, t]);

  const range = useMemo(
    () => (mode === 'month' ? monthGrid(anchor) : weekOf(anchor)),
    [mode, anchor],
  );
  const { from, to } = rangeInput(range);
  const { days, loading } = useCalendarDays({ from, to, crewId, includeDone, generation });

  const step = (direction: -1 | 1) =>
    setAnchor((a) => (mode === 'month' ? a.add(direction, 'month') : a.add(direction * 7, 'day')));
  const showWeek = (day: Dayjs) => {
    setAnchor(day);
    setMode('week');
  };

  const heading = useMemo(() => {
    if (mode === 'month') {
      return new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long' }).format(
        anchor.toDate(),
      );
    }
    const f = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric' });
    return `${f.format(range.from.toDate())} – ${f.format(range.from.add(6, 'day').toDate())}`;
  }, [mode, anchor, range, i18n.language]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Segmented<Mode>
            value={mode}
            onChange={setMode}
            aria-label={t('calendar.view')}
            options={[
              { value: 'month', label: t('calendar.month') },
              { value: 'week', label: t('calendar.week') },
            ]}
          />
          <Button
            icon={<LeftOutlined />}
            aria-label={mode === 'month' ? t('calendar.previousMonth') : t('calendar.previousWeek')}
            onClick={() => step(-1)}
          />
          <Button onClick={() => setAnchor(dayjs().startOf('day'))}>{t('calendar.today')}</Button>
          <Button
            icon={<RightOutlined />}
            aria-label={mode === 'month' ? t('calendar.nextMonth') : t('calendar.nextWeek')}
            onClick={() => step(1)}
          />
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="calendar-heading">
            {heading}
          </Typography.Title>
          {loading && <Spin size="small" />}
        </Space>
        <Space wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            aria-label={t('calendar.crew')}
            placeholder={t('calendar.allCrews')}
            value={crewId ?? undefined}
            onChange={(v: string | undefined) => setCrewId(v ?? null)}
            options={crews.map((c) => ({
              value: c.id,
              label: c.active ? c.name : t('calendar.inactiveCrew', { name: c.name }),
            }))}
          />
          <Checkbox checked={includeDone} onChange={(e) => setIncludeDone(e.target.checked)}>
            {t('calendar.includeDone')}
          </Checkbox>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('calendar.refresh')}
          </Button>
        </Space>
      </Space>
      {mode === 'month' ? (
        <MonthView anchor={anchor} days={days} onOpen={openOrder} onShowWeek={showWeek} />
      ) : (
        <WeekView range={range} today={isoDay(dayjs())} days={days} onOpen={openOrder} />
      )}
    </Space>
  );
}
