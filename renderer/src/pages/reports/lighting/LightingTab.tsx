// 照明与灌溉: the lighting register's fixtures by type and building with the estimated energy and
// retrofit savings, replacements per year and the replacement rate; below it irrigation against
// plan (IrrigationSection). Both for the page's site and year, each loading on its own.
import { Card, Space, Spin, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LightingResult } from '../../../../../shared/contract/analyticsSiteShapes';
import { useLabel } from '../../../labels';
import { ChartCard } from '../common/ChartCard';
import { EmptyHint } from '../common/EmptyHint';
import { formatNumber, formatPercent } from '../common/format';
import { LoadError } from '../common/LoadError';
import { useApiCall } from '../common/useApiCall';
import type { ReportScope } from '../scope';
import { IrrigationSection } from './IrrigationSection';
import {
  byBuildingSpec,
  byBuildingTable,
  byTypeSpec,
  byTypeTable,
  yearsSpec,
  yearsTable,
} from './lightingTables';

function LightingSummary({ r }: { r: LightingResult }) {
  const { t, i18n } = useTranslation();
  const n = (v: number, d = 0) => formatNumber(v, i18n.language, d);
  const items = [
    { key: 'fixtures', value: n(r.fixtures) },
    { key: 'ratedPower', value: `${n(r.ratedKw, 1)} kW` },
    { key: 'energy', value: `${n(r.energyKwh)} kWh` },
    { key: 'saving', value: `${n(r.retrofitSavingKwh)} kWh` },
    { key: 'replacements', value: n(r.replacements) },
    { key: 'replacementRate', value: formatPercent(r.replacementRate, i18n.language, 2) },
  ];
  return (
    <Card size="small" className="report-card" data-testid="lighting-summary">
      <Space wrap size={40}>
        {items.map((i) => (
          <Statistic key={i.key} title={t(`analytics.lighting.${i.key}`)} value={i.value} />
        ))}
      </Space>
      {r.withoutHours > 0 && (
        <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }}>
          {t('analytics.lighting.withoutHours', { count: r.withoutHours })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function LightingSection({ scope }: { scope: ReportScope }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [generation, setGeneration] = useState(0);
  const call = useApiCall(
    'analytics.lighting',
    { siteId: scope.site.id, year: scope.year },
    generation,
  );
  const l = call.data;
  const parts = useMemo(() => {
    if (!l) return null;
    const lamp = (v: string | null) =>
      v ? label('lampType', v) : t('analytics.lighting.unknownType');
    return {
      type: byTypeTable(t, l, lamp),
      typeSpec: byTypeSpec(t, l, lamp),
      building: byBuildingTable(t, l),
      buildingSpec: byBuildingSpec(t, l),
      years: yearsTable(t, l),
      yearsSpec: yearsSpec(t, l),
    };
  }, [t, l, label]);
  if (call.error) {
    return <LoadError error={call.error} onRetry={() => setGeneration((x) => x + 1)} />;
  }
  if (!l || !parts) return <Spin />;
  if (l.fixtures === 0) return <EmptyHint reason="fixtures" />;
  const ctx = scope.fileContext;
  return (
    <Spin spinning={call.loading}>
      <LightingSummary r={l} />
      <div className="report-grid">
        <ChartCard
          title={t('analytics.lighting.byType')}
          fileContext={ctx}
          table={parts.type}
          spec={parts.typeSpec}
          testId="lighting-type"
        />
        <ChartCard
          title={t('analytics.lighting.byYear')}
          fileContext={ctx}
          table={parts.years}
          spec={parts.yearsSpec}
          testId="lighting-years"
        />
        <div className="report-grid-wide">
          <ChartCard
            title={t('analytics.lighting.byBuilding')}
            fileContext={ctx}
            table={parts.building}
            spec={parts.buildingSpec}
            testId="lighting-building"
          />
        </div>
      </div>
    </Spin>
  );
}

export function LightingTab({ scope }: { scope: ReportScope }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('analytics.lighting.title')}
      </Typography.Title>
      <LightingSection scope={scope} />
      <IrrigationSection scope={scope} />
    </Space>
  );
}
