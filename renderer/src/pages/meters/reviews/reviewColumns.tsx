// Columns of the review queue: the meter, the two ends of the pair (value, site time, estimated or
// a lifecycle value), the drop, and the proposal in words; open items end with their actions,
// resolved ones with the decision, who made it and the note.
import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { ReviewItem } from '../../../../../shared/contract/meters';
import { formatSigned, formatValue, localTime } from '../detail/format';
import { proposalResolution, proposalText, resolutionText } from './proposal';
import type { PairInfo } from './useReviewEnds';

export interface ReviewActions {
  accept: (item: ReviewItem) => void;
  choose: (item: ReviewItem) => void;
}

function End({
  item,
  end,
  info,
  t,
  language,
}: {
  item: ReviewItem;
  end: 'from' | 'to';
  info: PairInfo | undefined;
  t: TFunction;
  language: string;
}) {
  const point = item[end];
  const flag = info?.[end].estimated;
  const odd = item.suggestion?.reading === end && item.status === 'open';
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong type={odd ? 'danger' : undefined}>
        {formatValue(point.value, language)}
      </Typography.Text>
      <Typography.Text type="secondary">
        {info ? localTime(point.at, info.zone) : '…'}
      </Typography.Text>
      {!point.reading && <Tag>{t('meterReviews.lifecycleValue')}</Tag>}
      {flag && <Tag color="gold">{t('meterReviews.estimated')}</Tag>}
    </Space>
  );
}

export function reviewColumns(
  t: TFunction,
  language: string,
  status: 'open' | 'resolved',
  infos: Map<string, PairInfo>,
  actions: ReviewActions,
): TableColumnsType<ReviewItem> {
  const endColumn = (end: 'from' | 'to') => ({
    key: end,
    title: t(`meterReviews.columns.${end}`),
    width: 150,
    render: (_: unknown, item: ReviewItem) => (
      <End item={item} end={end} info={infos.get(item.id)} t={t} language={language} />
    ),
  });
  const columns: TableColumnsType<ReviewItem> = [
    {
      key: 'meter',
      title: t('meterReviews.columns.meter'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/meters?tab=meters&meter=${item.meterId}`}>
            {item.meterCode} · {item.meterName}
          </Link>
          {item.placeName && <Typography.Text type="secondary">{item.placeName}</Typography.Text>}
        </Space>
      ),
    },
    endColumn('from'),
    endColumn('to'),
    {
      key: 'delta',
      title: t('meterReviews.columns.delta'),
      align: 'right',
      width: 90,
      render: (_, item) => (
        <Typography.Text type="danger">{formatSigned(item.delta, language)}</Typography.Text>
      ),
    },
    {
      key: 'proposal',
      title: t('meterReviews.columns.proposal'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Tag color="geekblue">{t(`meterReviews.kinds.${item.proposed}`)}</Tag>
          <span>{proposalText(t, item, language)}</span>
        </Space>
      ),
    },
  ];
  if (status === 'resolved') {
    columns.push({
      key: 'resolution',
      title: t('meterReviews.columns.resolution'),
      render: (_, item) => {
        // Shown in the site's time once its zone is known, like the readings' instants.
        const zone = infos.get(item.id)?.zone;
        return (
          <Space orientation="vertical" size={0}>
            <Tag color="green">{resolutionText(t, item, language)}</Tag>
            <Typography.Text type="secondary">
              {item.resolvedBy ?? ''}
              {item.resolvedAt && zone && ` · ${localTime(item.resolvedAt, zone)}`}
            </Typography.Text>
            {item.note && <Typography.Text>{item.note}</Typography.Text>}
          </Space>
        );
      },
    });
    return columns;
  }
  columns.push({
    key: 'actions',
    title: t('meterReviews.columns.actions'),
    width: 190,
    render: (_, item) => {
      const oneClick = proposalResolution(item) !== null;
      return (
        <Space wrap size={4}>
          {oneClick && (
            <Button
              type="primary"
              size="small"
              aria-label={t('meterReviews.acceptFor', { code: item.meterCode })}
              onClick={(e) => {
                e.stopPropagation();
                actions.accept(item);
              }}
            >
              {t('meterReviews.accept')}
            </Button>
          )}
          <Button
            size="small"
            type={oneClick ? 'default' : 'primary'}
            aria-label={t('meterReviews.chooseFor', { code: item.meterCode })}
            onClick={(e) => {
              e.stopPropagation();
              actions.choose(item);
            }}
          >
            {t(oneClick ? 'meterReviews.choose' : 'meterReviews.resolve')}
          </Button>
        </Space>
      );
    },
  });
  return columns;
}
