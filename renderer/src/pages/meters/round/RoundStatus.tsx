// The status cell of a round row: what happened to the value typed there — being checked, waiting
// for the second Enter (outside the range, or below the last reading), refused, or saved with the
// amount it counts. Warnings are live regions so a screen reader says them as they appear.
import { CheckCircleFilled, LoadingOutlined, WarningFilled } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatRange } from './roundFormat';
import type { RoundMeter } from './useRound';
import type { Check, RowState, SavedReading } from './useRoundEntry';

/** The range the reader was shown, as register values; from the check when the round had none. */
function registerRange(meter: RoundMeter, check: Check) {
  if (meter.expectedValues) return meter.expectedValues;
  if (!check.expected || !check.previous) return null;
  const m = meter.multiplier ?? 1;
  return {
    low: check.previous.value + check.expected.low / m,
    high: check.previous.value + check.expected.high / m,
  };
}

function Warning({ meter, value, check }: { meter: RoundMeter; value: number; check: Check }) {
  const { t } = useTranslation();
  const text =
    check.kind === 'review'
      ? t('meterRound.warn.below', {
          value: formatNumber(value),
          previous: formatNumber(check.previous?.value),
        })
      : t('meterRound.warn.outside', {
          range: formatRange(registerRange(meter, check)),
          amount: formatNumber(check.amount),
          unit: meter.unit ?? '',
        });
  return (
    <Typography.Text type="warning" strong role="alert">
      <WarningFilled /> {text}
    </Typography.Text>
  );
}

function Saved({ meter, reading }: { meter: RoundMeter; reading: SavedReading }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Typography.Text type="success">
        <CheckCircleFilled /> {t('meterRound.saved', { value: formatNumber(reading.value) })}
      </Typography.Text>
      {reading.amount !== null && (
        <Typography.Text>
          {t('meterRound.amount', { amount: formatNumber(reading.amount), unit: meter.unit ?? '' })}
        </Typography.Text>
      )}
      {reading.review && <Tag color="orange">{t('meterRound.kind.review')}</Tag>}
      {reading.kind && reading.kind !== 'normal' && reading.kind !== 'review' && (
        <Tag color="blue">{t(`meterRound.kind.${reading.kind}`)}</Tag>
      )}
      {reading.estimated && <Tag>{t('meterRound.estimatedTag')}</Tag>}
      {reading.earlier && (
        <Typography.Text type="secondary">{t('meterRound.earlier')}</Typography.Text>
      )}
    </Space>
  );
}

export function RoundStatus({ meter, state }: { meter: RoundMeter; state: RowState | undefined }) {
  const { t } = useTranslation();
  if (!state) return null;
  switch (state.step) {
    case 'busy':
      return (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('meterRound.checking')}
        </Typography.Text>
      );
    case 'confirm':
      return <Warning meter={meter} value={state.value} check={state.check} />;
    case 'saved':
      return <Saved meter={meter} reading={state.reading} />;
    case 'idle':
      return state.error ? (
        <Typography.Text type="danger" role="alert">
          {state.error}
        </Typography.Text>
      ) : null;
  }
}
