// One report chart from a small description: bars and lines over shared labels, an optional second
// axis (percentages, such as a loss rate next to volumes), horizontal for long building names.
// Animation is off (printing and screenshots catch the final frame at once) and the pixel ratio
// at least 2, so a printed chart is sharp rather than a blurred screen bitmap.
import { Chart as ChartJS, type ChartData, type ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { reportColours, whiteBackground } from './chartSetup';
import { formatNumber, formatPercent } from './format';

export interface ChartSeries {
  label: string;
  data: (number | null)[];
  type?: 'bar' | 'line';
  colour: string;
  /** A colour per bar (a status per night, say); the legend shows `colour`. */
  pointColours?: string[];
  axis?: 'y' | 'y1';
  dashed?: boolean;
  /** Bars with the same stack sit on each other. */
  stack?: string;
  /** Hidden from the legend (a series split only to colour some bars differently). */
  noLegend?: boolean;
}

export interface ChartSpec {
  labels: string[];
  series: ChartSeries[];
  /** Title of the value axis. */
  unit: string;
  /** Title of the second axis, when a series uses it. */
  unit2?: string;
  /** The second axis holds fractions shown as percentages. */
  percent2?: boolean;
  /** Bars along the vertical axis: for many long names. */
  horizontal?: boolean;
  height?: number;
  digits?: number;
}

/** What the card around a chart needs from it: a PNG and a resize before printing. */
export type ChartHandle = Pick<ChartJS, 'toBase64Image' | 'resize'>;

type Data = ChartData<'bar' | 'line', (number | null)[], string>;
type Options = ChartOptions<'bar' | 'line'>;

function toData(spec: ChartSpec): Data {
  return {
    labels: spec.labels,
    datasets: spec.series.map((s) => {
      const line = s.type === 'line';
      const axis = s.axis === 'y1' ? 'y1' : spec.horizontal ? 'x' : 'y';
      return {
        type: line ? ('line' as const) : ('bar' as const),
        label: s.label,
        data: s.data,
        backgroundColor: s.pointColours ?? s.colour,
        borderColor: line ? s.colour : (s.pointColours ?? s.colour),
        borderWidth: line ? 2 : 0,
        borderDash: s.dashed ? [6, 4] : undefined,
        // Thresholds and targets are levels, not measurements: a line without dots.
        pointRadius: line ? (s.dashed ? 0 : 2) : undefined,
        spanGaps: line ? false : undefined,
        stack: s.stack ?? s.label,
        order: line ? 0 : 1,
        ...(spec.horizontal ? { xAxisID: axis } : { yAxisID: axis }),
      };
    }),
  };
}

function toOptions(spec: ChartSpec, language: string): Options {
  const tick = { color: reportColours.text, font: { size: 12 } };
  const digits = spec.digits ?? 2;
  const hasY1 = spec.series.some((s) => s.axis === 'y1');
  const valueAxis = {
    ticks: tick,
    grid: { color: reportColours.grid },
    title: { display: Boolean(spec.unit), text: spec.unit, color: reportColours.text },
    stacked: spec.series.some((s) => s.stack),
  };
  const categoryAxis = {
    // A ranking names every bar (the height is sized for it); a time axis may skip labels.
    ticks: { ...tick, autoSkip: !spec.horizontal, autoSkipPadding: 8, maxRotation: 0 },
    grid: { display: false },
    stacked: true,
  };
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
    indexAxis: spec.horizontal ? 'y' : 'x',
    scales: spec.horizontal
      ? { y: categoryAxis, x: valueAxis }
      : {
          x: categoryAxis,
          y: valueAxis,
          ...(hasY1
            ? {
                y1: {
                  position: 'right' as const,
                  ticks: {
                    ...tick,
                    callback: (v: string | number) =>
                      spec.percent2 ? formatPercent(Number(v), language, 0) : String(v),
                  },
                  grid: { display: false },
                  title: { display: Boolean(spec.unit2), text: spec.unit2 ?? '' },
                  beginAtZero: true,
                },
              }
            : {}),
        },
    plugins: {
      legend: {
        position: 'bottom',
        labels: {
          color: reportColours.text,
          filter: (item) => !spec.series[item.datasetIndex ?? 0]?.noLegend,
          // Lines (targets, thresholds, rates) get a line in the legend, dashed where they are,
          // rather than a box that looks like one more bar series.
          usePointStyle: true,
          pointStyleWidth: 28,
          generateLabels: (chart) =>
            ChartJS.defaults.plugins.legend.labels.generateLabels(chart).map((item) => {
              const series = spec.series[item.datasetIndex ?? 0];
              const line = series?.type === 'line';
              return {
                ...item,
                pointStyle: line ? ('line' as const) : ('rect' as const),
                // Bars coloured one by one (over quota in red) keep their series colour here.
                ...(series && !line
                  ? { fillStyle: series.colour, strokeStyle: series.colour }
                  : {}),
              };
            }),
        },
      },
      tooltip: {
        callbacks: {
          label: (item) => {
            const series = spec.series[item.datasetIndex];
            const raw = spec.horizontal ? item.parsed.x : item.parsed.y;
            const value =
              series?.axis === 'y1' && spec.percent2
                ? formatPercent(raw, language)
                : `${formatNumber(raw, language, digits)} ${series?.axis === 'y1' ? (spec.unit2 ?? '') : spec.unit}`;
            return `${item.dataset.label ?? ''}: ${value}`;
          },
        },
      },
    },
  };
}

interface Props {
  spec: ChartSpec;
  /** Read by screen readers in place of the picture. */
  label: string;
  chartRef: (chart: ChartHandle | null | undefined) => void;
}

export function ReportChart({ spec, label, chartRef }: Props) {
  const { i18n } = useTranslation();
  const data = useMemo(() => toData(spec), [spec]);
  const options = useMemo(() => toOptions(spec, i18n.language), [spec, i18n.language]);
  return (
    <div className="report-chart" style={{ position: 'relative', height: spec.height ?? 300 }}>
      <Chart<'bar' | 'line', (number | null)[], string>
        ref={chartRef}
        type="bar"
        data={data}
        options={options}
        plugins={[whiteBackground]}
        role="img"
        aria-label={label}
      />
    </div>
  );
}
