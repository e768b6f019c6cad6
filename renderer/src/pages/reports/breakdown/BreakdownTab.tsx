// 分项: a site's consumption over a period split by building and by meter, with per-area figures
// (kWh/m², m³/m² of gross floor area), so the buildings that drive consumption stand out both in
// absolute terms and for their size.
import { Segmented, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { utilities, type Utility } from '../../../../../shared/contract/assets';
import { ChartCard } from '../common/ChartCard';
import { EmptyHint } from '../common/EmptyHint';
import { formatNumber, periodOf } from '../common/format';
import { LoadError } from '../common/LoadError';
import { PeriodPicker } from '../common/PeriodPicker';
import { useApiCall } from '../common/useApiCall';
import type { ReportScope } from '../scope';
import {
  buildingSpec,
  buildingTable,
  meterSpec,
  meterTable,
  perAreaSpec,
  perAreaTable,
} from './breakdownTables';

export function BreakdownTab({ scope }: { scope: ReportScope }) {
  const { t, i18n } = useTranslation();
  const [utility, setUtility] = useState<Utility>('water');
  const [month, setMonth] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const period = periodOf(scope.year, month);
  const call = useApiCall(
    'analytics.breakdown',
    { siteId: scope.site.id, utility, ...period },
    generation,
  );
  const r = call.data;
  const parts = useMemo(
    () =>
      r && {
        buildings: buildingTable(t, r),
        buildingSpec: buildingSpec(t, r),
        perArea: perAreaTable(t, r),
        perAreaSpec: perAreaSpec(t, r),
        meters: meterTable(t, r),
        meterSpec: meterSpec(t, r),
      },
    [t, r],
  );
  const context = `${scope.site.name}_${period.from}_${period.to}`;

  const body = () => {
    if (call.error) {
      return <LoadError error={call.error} onRetry={() => setGeneration((g) => g + 1)} />;
    }
    if (!r || !parts) return <Spin />;
    if (r.meters.length === 0) return <EmptyHint reason="meters" />;
    if (r.total === null && r.buildings.every((b) => b.amount === null)) {
      return <EmptyHint reason="readings" />;
    }
    return (
      <Spin spinning={call.loading}>
        <Typography.Text data-testid="breakdown-total">
          {t('analytics.breakdown.total', {
            from: r.from,
            to: r.to,
            total: formatNumber(r.total, i18n.language),
            unit: r.unit,
          })}
        </Typography.Text>
        <div className="report-grid">
          <ChartCard
            title={t('analytics.breakdown.byBuilding')}
            fileContext={context}
            table={parts.buildings}
            spec={parts.buildingSpec}
            testId="breakdown-buildings"
          />
          <ChartCard
            title={t('analytics.breakdown.perArea')}
            fileContext={context}
            table={parts.perArea}
            spec={parts.perAreaSpec}
            testId="breakdown-per-area"
          />
          <div className="report-grid-wide">
            <ChartCard
              title={t('analytics.breakdown.byMeter')}
              fileContext={context}
              table={parts.meters}
              spec={parts.meterSpec}
              testId="breakdown-meters"
            />
          </div>
        </div>
      </Spin>
    );
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Segmented<Utility>
          size="small"
          value={utility}
          aria-label={t('analytics.scope.utility')}
          onChange={setUtility}
          options={utilities.map((u) => ({ value: u, label: t(`analytics.utility.${u}`) }))}
        />
        <PeriodPicker month={month} onChange={setMonth} testId="breakdown-period" />
      </Space>
      {body()}
    </Space>
  );
}
