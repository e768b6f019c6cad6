// The meter's consumption as a bar chart: daily for 30 days, 90 days and a year, monthly sums for
// five years (the title says which). The range ends on the day of the newest reading, since there
// is no consumption to show after it and a meter read last winter would otherwise look empty. The
// title is HTML rather than a chart.js title so it is translated, selectable and sharp in print.
import { Card, Empty, Segmented, Space, Spin, Typography } from 'antd';
import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo, useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { chartColours } from './chartSetup';
import { formatValue } from './format';
import { chartRanges, useConsumption, type ChartRange, type Series } from './useConsumption';

interface Props {
  meterId: string;
  /** Local day of the newest reading; null while the meter has none. */
  endDay: string | null;
  generation: number;
  onError: (e: unknown) => void;
}

function chartData(series: Series, measuredLabel: string, estimatedLabel: string) {
  const data: ChartData<'bar', (number | null)[], string> = {
    labels: series.labels,
    datasets: [
      {
        label: measuredLabel,
        data: series.measured,
        backgroundColor: chartColours.measured,
        borderColor: chartColours.measured,
        borderWidth: 0,
      },
      {
        label: estimatedLabel,
        data: series.estimated,
        backgroundColor: chartColours.estimatedFill,
        borderColor: chartColours.estimatedBorder,
        borderWidth: 1,
      },
    ],
  };
  return data;
}

function chartOptions(unit: string, language: string): ChartOptions<'bar'> {
  const tick = { color: chartColours.text, font: { size: 12 } };
  return {
    // Printing and screenshots catch the final frame at once; growing bars add nothing here.
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      // Each slot holds one dataset only, so stacking just keeps the bar centred in its slot.
      x: {
        stacked: true,
        ticks: { ...tick, maxRotation: 0, autoSkipPadding: 12 },
        grid: { display: false },
      },
      y: {
        stacked: true,
        ticks: tick,
        grid: { color: chartColours.grid },
        title: { display: Boolean(unit), text: unit, color: chartColours.text },
      },
    },
    plugins: {
      legend: {
        position: 'bottom',
        labels: {
          color: chartColours.text,
          // A legend entry for a kind of bar the range does not have only raises questions.
          filter: (item, data) =>
            (data.datasets[item.datasetIndex ?? 0]?.data ?? []).some((v) => v !== null),
        },
      },
      tooltip: {
        callbacks: {
          label: (item) =>
            `${item.dataset.label ?? ''}: ${formatValue(item.parsed.y ?? 0, language)} ${unit}`,
        },
      },
    },
  };
}

export function ConsumptionChart({ meterId, endDay, generation, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<ChartRange>('90d');
  const { series, loading } = useConsumption(meterId, range, endDay, generation, onError);
  const unit = series?.unit ?? '';
  const options = useMemo(() => chartOptions(unit, i18n.language), [unit, i18n.language]);
  const data = useMemo(
    () =>
      series &&
      chartData(series, t('meterDetail.chart.measured'), t('meterDetail.chart.estimated')),
    [series, t],
  );

  const title = series
    ? t(series.monthly ? 'meterDetail.chart.titleMonthly' : 'meterDetail.chart.titleDaily', {
        from: series.from,
        to: series.to,
      })
    : t('meterDetail.chart.titleDaily', { from: '…', to: '…' });
  const hasData =
    series !== null && [...series.measured, ...series.estimated].some((v) => v !== null);
  return (
    <Card
      size="small"
      title={<span data-testid="chart-title">{title}</span>}
      extra={
        <Segmented<ChartRange>
          size="small"
          value={range}
          onChange={setRange}
          aria-label={t('meterDetail.chart.range')}
          options={chartRanges.map((r) => ({
            value: r,
            label: t(`meterDetail.chart.ranges.${r}`),
          }))}
        />
      }
    >
      <Spin spinning={loading}>
        {!endDay || (series && !hasData) ? (
          <Empty
            description={t(
              endDay ? 'meterDetail.chart.emptyRange' : 'meterDetail.chart.noReadings',
            )}
          />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div style={{ position: 'relative', height: 280 }} data-testid="consumption-chart">
              {data && (
                <Bar
                  data={data}
                  options={options}
                  role="img"
                  aria-label={`${title} · ${t('meterDetail.chart.total', {
                    total: formatValue(series?.total ?? 0, i18n.language),
                    unit,
                  })}`}
                />
              )}
            </div>
            {series && (
              <Typography.Text type="secondary">
                {t('meterDetail.chart.total', {
                  total: formatValue(series.total, i18n.language),
                  unit,
                })}
                {series.pending > 0 &&
                  ` · ${t('meterDetail.chart.pending', { count: series.pending })}`}
              </Typography.Text>
            )}
          </Space>
        )}
      </Spin>
    </Card>
  );
}
