// The two chart sections of the yearly report: per-capita water and electricity over the last
// years (analytics.trend), and each utility's months against the same months a year earlier
// (analytics.monthly). The numbers behind them are in the figures and tables of the report too;
// the charts show the shape. REPORT_CHARTS lists every chart the page must see drawn before ready.
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { ReportData } from './loadReport';
import { ReportChart, reportColours, type MixedData } from './ReportCharts';
import { formatChange, formatNumber, type ReportUtility } from './reportFormat';

export const REPORT_CHARTS = ['trend', 'monthly-water', 'monthly-electricity'] as const;

interface Props {
  data: ReportData;
  t: TFunction;
  language: string;
  onDrawn: (id: string) => void;
}

/**
 * The trend's years, without those at the start where neither utility has a figure: a register
 * begun three years ago shows three years, not two empty slots before them.
 */
export function trendYears(data: ReportData) {
  const power = new Map(data.trend.electricity.items.map((i) => [i.year, i.perCapitaPerYear]));
  const items = data.trend.water.items;
  const first = items.findIndex((i) => i.perCapitaPerDay !== null || power.get(i.year) != null);
  return { water: first < 0 ? items.slice(-1) : items.slice(first), power };
}

function trendData(data: ReportData, t: TFunction): MixedData {
  const { water, power } = trendYears(data);
  return {
    labels: water.map((i) => String(i.year)),
    datasets: [
      {
        type: 'bar',
        label: `${t('yearlyReport.headline.waterPerDay')} ${t('yearlyReport.units.waterPerDay')}`,
        data: water.map((i) => i.perCapitaPerDay),
        backgroundColor: reportColours.water,
        yAxisID: 'y',
        order: 2,
      },
      {
        type: 'line',
        label: `${t('yearlyReport.headline.electricityPerYear')} ${t('yearlyReport.units.electricityPerYear')}`,
        data: water.map((i) => power.get(i.year) ?? null),
        borderColor: reportColours.electricity,
        backgroundColor: reportColours.electricity,
        borderWidth: 2,
        pointRadius: 3,
        yAxisID: 'y1',
        order: 1,
      },
    ],
  };
}

function monthLabels(year: number, language: string): string[] {
  const format = new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'zh-CN', {
    month: 'short',
    timeZone: 'UTC',
  });
  return Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(year, m, 1)));
}

function monthlyData(data: ReportData, utility: ReportUtility, t: TFunction, language: string) {
  const result = data.monthly[utility];
  // The months arrive as 'YYYY-MM'; a month the service leaves out stays an empty slot.
  const byMonth = new Map(result.months.map((m) => [Number(m.month.slice(5, 7)), m]));
  const months = Array.from({ length: 12 }, (_, i) => byMonth.get(i + 1));
  const chart: MixedData = {
    labels: monthLabels(data.year, language),
    datasets: [
      {
        type: 'bar',
        label: t('yearlyReport.monthly.thisYear', { year: data.year }),
        data: months.map((m) => m?.total ?? null),
        backgroundColor: reportColours[utility],
        order: 2,
      },
      {
        type: 'line',
        label: t('yearlyReport.monthly.lastYear', { year: data.year - 1 }),
        data: months.map((m) => m?.previousYear ?? null),
        borderColor: reportColours.lastYear,
        backgroundColor: reportColours.lastYear,
        borderDash: [5, 3],
        borderWidth: 2,
        pointRadius: 2,
        order: 1,
      },
    ],
  };
  return { chart, result };
}

const monthlyAxes = {
  water: { y: { unit: 'm³', digits: 0 } },
  electricity: { y: { unit: 'kWh', digits: 0 } },
};

export function TrendSection({ data, t, language, onDrawn }: Props) {
  const first = trendYears(data).water[0]?.year ?? data.year;
  // Memoised so a re-render hands chart.js the same objects and it does not redraw for nothing.
  const chart = useMemo(() => trendData(data, t), [data, t]);
  const axes = useMemo(
    () => ({
      y: { unit: t('yearlyReport.units.waterPerDay'), digits: 0 },
      y1: { unit: t('yearlyReport.units.electricityPerYear'), digits: 0 },
    }),
    [t],
  );
  return (
    <section className="yr-section" data-section="trend">
      <h2>{t('yearlyReport.section.trend', { from: first, to: data.year })}</h2>
      <ReportChart
        id="trend"
        data={chart}
        height={240}
        label={t('yearlyReport.section.trend', { from: first, to: data.year })}
        language={language}
        axes={axes}
        emptyText={t('yearlyReport.noData')}
        onDrawn={onDrawn}
      />
    </section>
  );
}

function MonthlyChart({ data, t, language, onDrawn, utility }: Props & { utility: ReportUtility }) {
  const { chart, result } = useMemo(
    () => monthlyData(data, utility, t, language),
    [data, utility, t, language],
  );
  const title = t(`yearlyReport.monthly.${utility}`, { unit: result.unit });
  return (
    <div className="yr-chart-block">
      <h3>{title}</h3>
      <ReportChart
        id={`monthly-${utility}`}
        data={chart}
        height={200}
        label={title}
        language={language}
        axes={monthlyAxes[utility]}
        emptyText={t('yearlyReport.noData')}
        onDrawn={onDrawn}
      />
      <p className="yr-note">
        {t('yearlyReport.monthly.total', {
          total: formatNumber(result.total, 0, language),
          previous: formatNumber(result.previousYearTotal, 0, language),
          change: formatChange(result.change, language),
          unit: result.unit,
        })}
      </p>
    </div>
  );
}

export function MonthlySection(props: Props) {
  return (
    <section className="yr-section" data-section="monthly">
      <h2>{props.t('yearlyReport.section.monthly')}</h2>
      <MonthlyChart {...props} utility="water" />
      <MonthlyChart {...props} utility="electricity" />
    </section>
  );
}
