// Per-capita consumption by year for one utility, with the target as a dashed line and the gap in
// the table. A year still running is drawn paler and labelled with its last day, because its
// per-year figure covers only part of the year (its per-day rate and change are comparable).
import { Segmented } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Utility } from '../../../../../shared/contract/assets';
import type { TrendResult } from '../../../../../shared/contract/analyticsShapes';
import { ChartCard } from '../common/ChartCard';
import { reportColours } from '../common/chartSetup';
import type { DataTable } from '../common/dataTable';
import { EmptyHint } from '../common/EmptyHint';
import type { ChartSpec } from '../common/ReportChart';
import { unitText } from '../common/units';

export type TrendUtility = Extract<Utility, 'water' | 'electricity'>;

/** Years before the first with any consumption are left out: they are before the register. */
function itemsWithData(trend: TrendResult) {
  const first = trend.items.findIndex((i) => i.total !== null);
  return first < 0 ? [] : trend.items.slice(first);
}

function yearLabel(t: TFunction, item: TrendResult['items'][number]): string {
  return item.partial
    ? t('analytics.perCapita.partialYear', { year: item.year, to: item.to.slice(5) })
    : String(item.year);
}

export function trendTable(t: TFunction, trend: TrendResult): DataTable {
  const items = itemsWithData(trend);
  const perDay = unitText(t, trend.perCapitaUnits.perDay);
  const perYear = unitText(t, trend.perCapitaUnits.perYear);
  return {
    columns: [
      { title: t('analytics.col.year') },
      { title: t('analytics.col.period') },
      { title: `${t('analytics.col.total')} (${trend.unit})`, kind: 'number' },
      { title: t('analytics.col.standardPersons'), kind: 'number', digits: 1 },
      { title: `${t('analytics.col.perCapita')} (${perDay})`, kind: 'number', digits: 3 },
      { title: `${t('analytics.col.perCapita')} (${perYear})`, kind: 'number', digits: 2 },
      { title: t('analytics.col.perCapitaChange'), kind: 'percent', signed: true },
      { title: t('analytics.col.totalChange'), kind: 'percent', signed: true },
      { title: `${t('analytics.col.target')} (${perYear})`, kind: 'number', digits: 2 },
      { title: `${t('analytics.col.gap')} (${perYear})`, kind: 'number', digits: 2, signed: true },
    ],
    rows: items.map((i) => [
      i.year,
      `${i.from} – ${i.to}`,
      i.total,
      i.standardPersons,
      i.perCapitaPerDay,
      i.perCapitaPerYear,
      i.previousYearChange,
      i.totalChange,
      i.target?.perCapitaPerYear ?? null,
      i.target?.perCapitaGap ?? null,
    ]),
    tones: items.map((i) => ((i.target?.perCapitaGap ?? 0) > 0 ? 'bad' : null)),
  };
}

function trendSpec(t: TFunction, trend: TrendResult): ChartSpec {
  // The chart starts at the first year with a per-capita figure (a year with readings but no
  // headcount would be an empty slot); the table keeps it, with its total.
  const all = itemsWithData(trend);
  const first = all.findIndex((i) => i.perCapitaPerYear !== null);
  const items = first < 0 ? [] : all.slice(first);
  const hasTarget = items.some((i) => i.target?.perCapitaPerYear != null);
  return {
    labels: items.map((i) => yearLabel(t, i)),
    unit: unitText(t, trend.perCapitaUnits.perYear),
    series: [
      {
        label: t('analytics.perCapita.perCapitaYear'),
        data: items.map((i) => i.perCapitaPerYear),
        colour: reportColours.current,
        pointColours: items.map((i) => (i.partial ? reportColours.partial : reportColours.current)),
      },
      ...(hasTarget
        ? [
            {
              label: t('analytics.perCapita.targetLine'),
              data: items.map((i) => i.target?.perCapitaPerYear ?? null),
              type: 'line' as const,
              colour: reportColours.target,
              dashed: true,
            },
          ]
        : []),
    ],
  };
}

interface Props {
  trend: TrendResult | null;
  utility: TrendUtility;
  onUtility: (u: TrendUtility) => void;
  fileContext: string;
  /** The tab already says that the headcount is missing: no second hint here. */
  headcountHinted: boolean;
}

export function TrendCard({ trend, utility, onUtility, fileContext, headcountHinted }: Props) {
  const { t } = useTranslation();
  const table = useMemo(() => (trend ? trendTable(t, trend) : null), [t, trend]);
  const spec = useMemo(() => (trend ? trendSpec(t, trend) : undefined), [t, trend]);
  const noPerCapita = trend !== null && trend.items.every((i) => i.perCapitaPerYear === null);
  return (
    <ChartCard
      title={t('analytics.perCapita.trendTitle', { utility: t(`analytics.utility.${utility}`) })}
      fileContext={fileContext}
      table={table ?? { columns: [], rows: [] }}
      spec={noPerCapita ? undefined : spec}
      testId="trend-card"
      extra={
        <Segmented<TrendUtility>
          size="small"
          value={utility}
          onChange={onUtility}
          aria-label={t('analytics.scope.utility')}
          options={(['water', 'electricity'] as const).map((u) => ({
            value: u,
            label: t(`analytics.utility.${u}`),
          }))}
        />
      }
      footer={noPerCapita && !headcountHinted ? <EmptyHint reason="headcount" /> : undefined}
    />
  );
}
