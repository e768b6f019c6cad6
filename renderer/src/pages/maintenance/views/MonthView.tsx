// The month calendar: antd's Calendar with, in each day, how much work is due (overdue in red) and
// up to three order titles with "+N" for the rest. A title opens its order; clicking elsewhere in
// a day (or on "+N") opens that day's week, where every item is listed.
import { Calendar, theme, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarLocale, isoDay } from './dates';
import { byUrgency } from './OrderCard';
import type { DayWork } from './useCalendarDays';

const IN_CELL = 3;

interface Props {
  anchor: Dayjs;
  days: Map<string, DayWork>;
  onOpen: (id: string) => void;
  onShowWeek: (day: Dayjs) => void;
}

const itemStyle: CSSProperties = {
  display: 'block',
  width: '100%',
  border: 0,
  padding: 0,
  background: 'none',
  textAlign: 'left',
  fontSize: 12,
  lineHeight: '18px',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  cursor: 'pointer',
};

export function MonthView({ anchor, days, onOpen, onShowWeek }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();

  const renderDay = (date: Dayjs) => {
    const key = isoDay(date);
    const work = days.get(key);
    if (!work || work.total === 0) return <div data-testid={`calendar-day-${key}`} />;
    const items = [...work.items].sort(byUrgency);
    const more = work.total - Math.min(IN_CELL, items.length);
    return (
      <div data-testid={`calendar-day-${key}`}>
        <div style={{ fontSize: 12, lineHeight: '18px' }}>
          <Typography.Text style={{ fontSize: 12 }} data-testid="calendar-day-total">
            {t('calendar.count', { count: work.total })}
          </Typography.Text>
          {work.overdue > 0 && (
            <Typography.Text
              type="danger"
              strong
              style={{ fontSize: 12, marginLeft: 6 }}
              data-testid="calendar-day-overdue"
            >
              {t('calendar.overdueCount', { count: work.overdue })}
            </Typography.Text>
          )}
        </div>
        {items.slice(0, IN_CELL).map((order) => (
          <button
            key={order.id}
            type="button"
            title={`${order.number} ${order.title}`}
            style={{ ...itemStyle, color: order.overdue ? token.colorError : token.colorText }}
            onClick={(event) => {
              // The cell underneath would take the click as "show this week".
              event.stopPropagation();
              onOpen(order.id);
            }}
          >
            {order.title}
          </button>
        ))}
        {more > 0 && (
          <button
            type="button"
            style={{ ...itemStyle, color: token.colorLink }}
            onClick={(event) => {
              event.stopPropagation();
              onShowWeek(date);
            }}
          >
            {t('calendar.more', { count: more })}
          </button>
        )}
      </div>
    );
  };

  return (
    <Calendar
      value={anchor}
      locale={calendarLocale(i18n.language)}
      headerRender={() => null}
      cellRender={(date, info) => (info.type === 'date' ? renderDay(date) : info.originNode)}
      onSelect={(date, info) => info.source === 'date' && onShowWeek(date)}
    />
  );
}
