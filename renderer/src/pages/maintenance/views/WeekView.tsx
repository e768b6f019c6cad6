// The week calendar: Monday to Sunday side by side, every order due on each day (overdue first),
// so nothing hides behind a "+N". Today's column is marked.
import { Card, Space, Tag, theme, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { daysOf, isoDay, type DayRange } from './dates';
import { byUrgency, OrderCard } from './OrderCard';
import type { DayWork } from './useCalendarDays';

interface Props {
  range: DayRange;
  today: string;
  days: Map<string, DayWork>;
  onOpen: (id: string) => void;
}

export function WeekView({ range, today, days, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short' });
  const monthDay = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric' });
  const title = (d: Dayjs) => `${weekday.format(d.toDate())} ${monthDay.format(d.toDate())}`;

  return (
    // Seven equal columns that fit a 1440-pixel window beside the menu; narrower windows scroll.
    <div style={{ overflowX: 'auto' }}>
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(140px, 1fr))', gap: 8 }}
      >
        {daysOf(range).map((d) => {
          const key = isoDay(d);
          const work = days.get(key);
          const items = [...(work?.items ?? [])].sort(byUrgency);
          return (
            <Card
              key={key}
              size="small"
              role="region"
              aria-label={title(d)}
              data-testid={`week-day-${key}`}
              title={title(d)}
              style={key === today ? { borderColor: token.colorPrimary } : undefined}
              styles={{
                header: key === today ? { color: token.colorPrimary } : undefined,
                body: { padding: 6, minHeight: 160 },
              }}
            >
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                {work && work.total > 0 ? (
                  <Space size={2}>
                    <Tag>{t('calendar.count', { count: work.total })}</Tag>
                    {work.overdue > 0 && (
                      <Tag color="error">{t('calendar.overdueCount', { count: work.overdue })}</Tag>
                    )}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('calendar.nothingDue')}</Typography.Text>
                )}
                {items.map((order) => (
                  <OrderCard key={order.id} order={order} onOpen={onOpen} inWeek />
                ))}
                {/* The server sends at most 50 orders a day; the orders list has the rest. */}
                {work && work.total > items.length && (
                  <Typography.Text type="secondary">
                    {t('calendar.notShown', { count: work.total - items.length })}
                  </Typography.Text>
                )}
              </Space>
            </Card>
          );
        })}
      </div>
    </div>
  );
}
