// The irrigation half of 照明与灌溉: water per m² of green space by season and by zone against
// the programmes' plan, loaded on its own so it never waits for the lighting figures.
import { Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../labels';
import { ChartCard } from '../common/ChartCard';
import { EmptyHint } from '../common/EmptyHint';
import { formatNumber } from '../common/format';
import { LoadError } from '../common/LoadError';
import { useApiCall } from '../common/useApiCall';
import type { ReportScope } from '../scope';
import { seasonSpec, seasonTable, zoneSpec, zoneTable } from './irrigationTables';

export function IrrigationSection({ scope }: { scope: ReportScope }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const [generation, setGeneration] = useState(0);
  const call = useApiCall(
    'analytics.irrigation',
    { siteId: scope.site.id, year: scope.year },
    generation,
  );
  const g = call.data;
  const parts = useMemo(
    () =>
      g && {
        season: seasonTable(t, g),
        seasonSpec: seasonSpec(t, g),
        zone: zoneTable(t, g, (v) => (v ? label('irrigationMethod', v) : '')),
        zoneSpec: zoneSpec(t, g),
      },
    [t, g, label],
  );
  if (call.error) {
    return <LoadError error={call.error} onRetry={() => setGeneration((x) => x + 1)} />;
  }
  if (!g || !parts) return <Spin />;
  const ctx = scope.fileContext;
  return (
    <Spin spinning={call.loading}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('analytics.irrigation.title', { area: formatNumber(g.areaM2, i18n.language, 0) })}
        </Typography.Title>
        {g.zones.length === 0 ? (
          <EmptyHint reason="irrigation" />
        ) : (
          <div className="report-grid" style={{ marginTop: 0 }}>
            <ChartCard
              title={t('analytics.irrigation.bySeason')}
              fileContext={ctx}
              table={parts.season}
              spec={parts.seasonSpec}
              testId="irrigation-season"
            />
            <div className="report-grid-wide">
              <ChartCard
                title={t('analytics.irrigation.byZone')}
                fileContext={ctx}
                table={parts.zone}
                spec={parts.zoneSpec}
                testId="irrigation-zone"
              />
            </div>
          </div>
        )}
      </Space>
    </Spin>
  );
}
