// 园区指标: for a park (a site with enterprises registered), the water-reuse rate, fresh water per
// 10,000 CNY of industrial value added and each enterprise's quota compliance, year on year. A
// campus without enterprises gets an empty state saying where enterprises are entered.
import { Card, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkResult } from '../../../../../shared/contract/analyticsSiteShapes';
import { Change } from '../common/Change';
import { ChartCard } from '../common/ChartCard';
import { EmptyHint } from '../common/EmptyHint';
import { formatNumber, formatPercent } from '../common/format';
import { LoadError } from '../common/LoadError';
import { useApiCall } from '../common/useApiCall';
import type { ReportScope } from '../scope';
import {
  intensitySpec,
  intensityTable,
  parkSummaryTable,
  quotaSpec,
  quotaTable,
} from './parkTables';

function Headlines({ r }: { r: ParkResult }) {
  const { t, i18n } = useTranslation();
  const cards = [
    {
      key: 'reuseRate',
      value: formatPercent(r.reuseRate, i18n.language),
      unit: '',
      change: r.reuseRateChange,
      risingIsGood: true,
    },
    {
      key: 'waterPer10k',
      value: formatNumber(r.waterPer10kCny, i18n.language, 2),
      unit: t('analytics.park.per10kUnit'),
      change: r.waterPer10kCnyChange,
      risingIsGood: false,
    },
    {
      key: 'freshIntake',
      value: formatNumber(r.freshIntake, i18n.language, 0),
      unit: 'm³',
      change: r.freshIntakeChange,
      risingIsGood: false,
    },
  ];
  return (
    <div className="report-headline">
      {cards.map((c) => (
        <Card key={c.key} size="small" className="report-card" data-testid={`park-${c.key}`}>
          <Typography.Text type="secondary">{t(`analytics.park.${c.key}`)}</Typography.Text>
          <div>
            <span className="report-big">{c.value}</span>{' '}
            <Typography.Text>{c.unit}</Typography.Text>
          </div>
          <Typography.Text type="secondary">{t('analytics.perCapita.vsLastYear')} </Typography.Text>
          <Change value={c.change} risingIsGood={c.risingIsGood} />
        </Card>
      ))}
    </div>
  );
}

export function ParkTab({ scope }: { scope: ReportScope }) {
  const { t } = useTranslation();
  const [generation, setGeneration] = useState(0);
  const call = useApiCall(
    'analytics.park',
    { siteId: scope.site.id, year: scope.year },
    generation,
  );
  const r = call.data;
  const parts = useMemo(
    () =>
      r && {
        summary: parkSummaryTable(t, r),
        quota: quotaTable(t, r),
        quotaSpec: quotaSpec(t, r),
        intensity: intensityTable(t, r),
        intensitySpec: intensitySpec(t, r),
      },
    [t, r],
  );
  if (call.error)
    return <LoadError error={call.error} onRetry={() => setGeneration((g) => g + 1)} />;
  if (!r || !parts) return <Spin />;
  if (r.enterprises.length === 0) return <EmptyHint reason="enterprises" />;
  return (
    <Spin spinning={call.loading}>
      <Headlines r={r} />
      <div className="report-grid">
        <ChartCard
          title={t('analytics.park.summaryTitle')}
          fileContext={scope.fileContext}
          table={parts.summary}
          testId="park-summary"
        />
        <ChartCard
          title={t('analytics.park.quotaTitle')}
          fileContext={scope.fileContext}
          table={parts.quota}
          spec={parts.quotaSpec}
          testId="park-quota"
        />
        <ChartCard
          title={t('analytics.park.intensityTitle')}
          fileContext={scope.fileContext}
          table={parts.intensity}
          spec={parts.intensitySpec}
          testId="park-intensity"
        />
      </div>
    </Spin>
  );
}
