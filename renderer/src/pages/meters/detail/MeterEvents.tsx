// The meter's lifecycle as a short timeline: install (opening reading), replace (closing of the
// old register, opening of the new) and remove. These points bound the intervals, so staff need
// them in view when a delta looks wrong.
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeterEvent } from '../../../../../shared/contract/meters';
import { formatValue } from './format';

const colour = { install: 'green', replace: 'blue', remove: 'gray' } as const;

export function MeterEvents({ events }: { events: MeterEvent[] }) {
  const { t, i18n } = useTranslation();
  const num = (v: number | null) => (v === null ? '—' : formatValue(v, i18n.language));
  if (events.length === 0) {
    return <Typography.Text type="secondary">{t('meterDetail.events.none')}</Typography.Text>;
  }
  return (
    <Timeline
      data-testid="meter-events"
      items={events.map((e) => {
        const parts = [
          e.closing !== null ? t('meterDetail.events.closing', { value: num(e.closing) }) : null,
          e.opening !== null ? t('meterDetail.events.opening', { value: num(e.opening) }) : null,
          e.multiplier !== null
            ? t('meterDetail.events.multiplier', { value: num(e.multiplier) })
            : null,
          e.registerDigits !== null
            ? t('meterDetail.events.digits', { value: e.registerDigits })
            : null,
          e.serial ? t('meterDetail.events.serial', { value: e.serial }) : null,
        ].filter((p): p is string => p !== null);
        return {
          key: e.id,
          color: colour[e.kind],
          content: (
            <div>
              <Typography.Text strong>
                {e.local} · {t(`meterDetail.events.kinds.${e.kind}`)}
              </Typography.Text>
              <div>{parts.join('，')}</div>
              <Typography.Text type="secondary">
                {e.createdBy}
                {e.note && ` · ${e.note}`}
              </Typography.Text>
            </div>
          ),
        };
      })}
    />
  );
}
