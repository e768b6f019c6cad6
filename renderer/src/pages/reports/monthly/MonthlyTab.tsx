// 月度: the chosen year's months beside the same months a year earlier, for the site (its level-1
// meters), a building (its top-most meters) or one meter, of one utility, with per-area figures.
// A month still running is compared with the same days of that month a year earlier (the API's
// rule), so its bar is never measured against a whole month.
import { Space, Spin, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthlyResult } from '../../../../../shared/contract/analyticsShapes';
import { Change } from '../common/Change';
import { ChartCard } from '../common/ChartCard';
import { reportColours } from '../common/chartSetup';
import type { DataTable } from '../common/dataTable';
import { EmptyHint } from '../common/EmptyHint';
import { formatNumber } from '../common/format';
import { LoadError } from '../common/LoadError';
import type { ChartSpec } from '../common/ReportChart';
import { useApiCall } from '../common/useApiCall';
import type { ReportScope } from '../scope';
import { ScopePicker, type MonthlyScope } from './ScopePicker';

function monthLabel(t: TFunction, month: string): string {
  return t('analytics.monthly.month', { month: Number(month.slice(5)) });
}

function monthlyTable(t: TFunction, r: MonthlyResult): DataTable {
  return {
    columns: [
      { title: t('analytics.col.month') },
      { title: `${r.year} (${r.unit})`, kind: 'number' },
      { title: `${r.year - 1} (${r.unit})`, kind: 'number' },
      { title: t('analytics.col.change'), kind: 'percent', signed: true },
      { title: `${t('analytics.col.perArea')} (${r.perAreaUnit})`, kind: 'number', digits: 4 },
      { title: t('analytics.col.daysWithData'), kind: 'number', digits: 0 },
      { title: t('analytics.col.note') },
    ],
    rows: r.months.map((m) => [
      m.month,
      m.total,
      m.previousYear,
      m.change,
      m.perArea,
      m.daysWithData,
      [m.estimated && t('analytics.note.estimated'), m.pending && t('analytics.note.pending')]
        .filter(Boolean)
        .join('；'),
    ]),
  };
}

function monthlySpec(t: TFunction, r: MonthlyResult): ChartSpec {
  return {
    labels: r.months.map((m) => monthLabel(t, m.month)),
    unit: r.unit,
    series: [
      {
        label: t('analytics.yearLabel', { year: r.year - 1 }),
        data: r.months.map((m) => m.previousYear),
        colour: reportColours.previous,
      },
      {
        label: t('analytics.yearLabel', { year: r.year }),
        data: r.months.map((m) => m.total),
        colour: reportColours.current,
      },
    ],
  };
}

export function MonthlyTab({ scope }: { scope: ReportScope }) {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<MonthlyScope>({ utility: 'water', kind: 'site', id: null });
  const [generation, setGeneration] = useState(0);
  const { site, year } = scope;
  const input =
    picked.kind === 'site'
      ? { utility: picked.utility, year, placeId: site.id }
      : picked.id === null
        ? null
        : picked.kind === 'building'
          ? { utility: picked.utility, year, placeId: picked.id }
          : { utility: picked.utility, year, meterId: picked.id };
  const monthly = useApiCall('analytics.monthly', input, generation);
  const r = input ? monthly.data : null;
  const table = useMemo(() => (r ? monthlyTable(t, r) : null), [t, r]);
  const spec = useMemo(() => (r ? monthlySpec(t, r) : undefined), [t, r]);

  const body = () => {
    if (monthly.error) {
      return <LoadError error={monthly.error} onRetry={() => setGeneration((g) => g + 1)} />;
    }
    if (!input)
      return <Typography.Text type="secondary">{t('analytics.monthly.pick')}</Typography.Text>;
    if (!r || !table) return <Spin />;
    if (r.meterIds.length === 0) return <EmptyHint reason="meters" />;
    if (r.total === null && r.previousYearTotal === null) return <EmptyHint reason="readings" />;
    return (
      <Spin spinning={monthly.loading}>
        <ChartCard
          title={t('analytics.monthly.title', {
            name: r.scope.name,
            utility: t(`analytics.utility.${r.utility}`),
          })}
          fileContext={`${r.scope.name}_${r.year}`}
          table={table}
          spec={spec}
          testId="monthly-card"
          footer={
            <Space wrap size="large">
              <span data-testid="monthly-total">
                {t('analytics.monthly.total', {
                  year: r.year,
                  total: formatNumber(r.total, i18n.language),
                  unit: r.unit,
                })}
              </span>
              <span>
                {t('analytics.monthly.previousTotal', {
                  total: formatNumber(r.previousYearTotal, i18n.language),
                  unit: r.unit,
                })}{' '}
                <Change value={r.change} />
              </span>
              {r.areaM2 !== null && (
                <span>
                  {t('analytics.monthly.area', { area: formatNumber(r.areaM2, i18n.language, 0) })}
                </span>
              )}
            </Space>
          }
        />
      </Spin>
    );
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <ScopePicker siteId={site.id} year={year} value={picked} onChange={setPicked} />
      {body()}
    </Space>
  );
}
