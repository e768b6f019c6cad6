// Columns of the readings table: the instant in the site's time, the register value and how it was
// taken, and the interval ending at the reading — its register delta, the amount counted and what
// kind of interval it is, as coloured tags. A negative amount (an actual reading correcting high
// estimates) is kept and shown in red; an interval waiting in the review queue links there.
import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { ReadingItem } from '../../../../../shared/contract/meters';
import { formatSigned, formatValue } from './format';

export type ReadingAction = 'edit' | 'delete';

const kindColour: Record<string, string> = {
  rollover: 'blue',
  replacement: 'purple',
  correction: 'orange',
  review: 'red',
};

function Flags({ reading, t }: { reading: ReadingItem; t: TFunction }) {
  const interval = reading.interval;
  if (!interval) return <Tag>{t('meterDetail.readings.first')}</Tag>;
  const tags = [];
  if (interval.kind === 'review' && interval.reviewId) {
    tags.push(
      <Tag key="review" color={kindColour.review} data-testid="flag-review">
        <Link
          to={`/meters?tab=reviews&meter=${reading.meterId}&review=${interval.reviewId}`}
          aria-label={t('meterDetail.readings.openReview')}
        >
          {t('meterDetail.kinds.review')}
        </Link>
      </Tag>,
    );
  } else if (interval.kind !== 'normal') {
    tags.push(
      <Tag key="kind" color={kindColour[interval.kind]}>
        {t(`meterDetail.kinds.${interval.kind}`)}
      </Tag>,
    );
  }
  if (interval.estimated) {
    tags.push(
      <Tag key="estimated" color="gold">
        {t('meterDetail.readings.intervalEstimated')}
      </Tag>,
    );
  }
  return <>{tags}</>;
}

export function readingColumns(
  t: TFunction,
  language: string,
  unit: string | null,
  onAction: (action: ReadingAction, reading: ReadingItem) => void,
): TableColumnsType<ReadingItem> {
  const num = (v: number) => formatValue(v, language);
  return [
    { key: 'local', title: t('meterDetail.readings.at'), dataIndex: 'local', width: 150 },
    {
      key: 'value',
      title: t('meterDetail.readings.value'),
      align: 'right',
      render: (_, r) => num(r.value),
    },
    {
      key: 'estimated',
      title: t('meterDetail.readings.estimated'),
      width: 70,
      render: (_, r) =>
        r.estimated ? <Tag color="gold">{t('meterDetail.readings.estimatedYes')}</Tag> : '—',
    },
    {
      key: 'source',
      title: t('meterDetail.readings.source'),
      width: 80,
      render: (_, r) => t(`meterDetail.sources.${r.source}`),
    },
    { key: 'enteredBy', title: t('meterDetail.readings.enteredBy'), dataIndex: 'enteredBy' },
    {
      key: 'delta',
      title: t('meterDetail.readings.delta'),
      align: 'right',
      render: (_, r) => (r.interval ? formatSigned(r.interval.registerDelta, language) : '—'),
    },
    {
      key: 'amount',
      title: unit ? t('meterDetail.readings.amountIn', { unit }) : t('meterDetail.readings.amount'),
      align: 'right',
      render: (_, r) => {
        const amount = r.interval?.amount;
        if (amount === null || amount === undefined) return '—';
        return amount < 0 ? (
          <Typography.Text type="danger">{formatSigned(amount, language)}</Typography.Text>
        ) : (
          num(amount)
        );
      },
    },
    {
      key: 'flags',
      title: t('meterDetail.readings.flags'),
      render: (_, r) => <Flags reading={r} t={t} />,
    },
    {
      key: 'actions',
      title: t('meterDetail.readings.actions'),
      width: 130,
      render: (_, r) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            aria-label={t('meterDetail.edit.button', { at: r.local })}
            onClick={() => onAction('edit', r)}
          >
            {t('meterDetail.readings.edit')}
          </Button>
          <Popconfirm
            title={t('meterDetail.delete.title', { at: r.local, value: num(r.value) })}
            description={t('meterDetail.delete.description')}
            okText={t('meterDetail.delete.ok')}
            cancelText={t('meterDetail.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onAction('delete', r)}
          >
            <Button
              type="link"
              size="small"
              danger
              aria-label={t('meterDetail.delete.button', { at: r.local })}
            >
              {t('meterDetail.readings.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
}
