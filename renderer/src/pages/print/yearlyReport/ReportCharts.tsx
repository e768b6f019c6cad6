// The yearly report's charts, drawn for paper: a fixed size in CSS pixels (the page is a fixed
// 180 mm wide, so nothing depends on the window), no animation, and a high pixel ratio so the
// bitmap stays sharp at print resolution. Each chart reports when chart.js has finished drawing
// it, since the page may only say it is ready (and be printed) once every chart is on the canvas.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type ChartData,
  type ChartOptions,
  type Plugin,
} from 'chart.js';
import { useEffect, useMemo } from 'react';
import { Chart } from 'react-chartjs-2';
import { formatNumber } from './reportFormat';

ChartJS.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
);

/** The CSS font stack of yearlyReport.css: canvas text needs it spelt out again. */
export const REPORT_FONT =
  '"Microsoft YaHei", "SimSun", "Noto Sans CJK SC", "PingFang SC", sans-serif';

/** 180 mm at 96 px per inch: the width between the page margins. */
export const CHART_WIDTH = 680;

export const reportColours = {
  water: '#1f6fb2',
  electricity: '#d4830a',
  lastYear: '#8c8c8c',
  grid: '#e3e3e3',
  text: '#222',
};

export type MixedData = ChartData<'bar' | 'line', (number | null)[], string>;

interface Props {
  id: string;
  data: MixedData;
  height: number;
  /** Shown to screen readers and as the canvas's accessible name. */
  label: string;
  language: string;
  /** Per axis id: the unit under it and its digits in ticks; y1 goes on the right. */
  axes: Record<string, { unit: string; digits: number }>;
  /** Said instead of an empty frame of axes when no series has a value. */
  emptyText: string;
  onDrawn: (id: string) => void;
}

function optionsFor(axes: Props['axes'], language: string): ChartOptions<'bar' | 'line'> {
  const font = { family: REPORT_FONT, size: 11 };
  const scales: NonNullable<ChartOptions<'bar'>['scales']> = {
    x: { ticks: { color: reportColours.text, font }, grid: { display: false } },
  };
  for (const [axis, { unit, digits }] of Object.entries(axes)) {
    scales[axis] = {
      type: 'linear',
      position: axis === 'y1' ? 'right' : 'left',
      beginAtZero: true,
      ticks: {
        color: reportColours.text,
        font,
        callback: (value) => formatNumber(Number(value), digits, language),
      },
      // The second axis has its own scale: its grid lines would only cross the first's.
      grid: { color: reportColours.grid, drawOnChartArea: axis !== 'y1' },
      title: { display: true, text: unit, color: reportColours.text, font },
    };
  }
  return {
    animation: false,
    responsive: false,
    maintainAspectRatio: false,
    // Three device pixels per CSS pixel: about 290 dpi on paper, sharp enough for print.
    devicePixelRatio: 3,
    scales,
    plugins: {
      legend: { position: 'bottom', labels: { color: reportColours.text, font, boxWidth: 14 } },
      tooltip: { enabled: false },
    },
  };
}

export function ReportChart(props: Props) {
  const { id, data, emptyText, onDrawn } = props;
  const hasData = data.datasets.some((d) => d.data.some((v) => v !== null));
  // Nothing to draw counts as drawn, or the page would wait for a chart that never comes.
  useEffect(() => {
    if (!hasData) onDrawn(id);
  }, [hasData, id, onDrawn]);
  if (!hasData)
    return (
      <p className="yr-note" data-chart-empty={id}>
        {emptyText}
      </p>
    );
  return <DrawnChart {...props} />;
}

function DrawnChart({ id, data, height, label, language, axes, onDrawn }: Props) {
  const options = useMemo(() => optionsFor(axes, language), [axes, language]);
  // Memoised on a stable onDrawn (the page's useCallback), so chart.js is not rebuilt per render.
  const plugins = useMemo<Plugin<'bar' | 'line'>[]>(
    () => [{ id: 'reportDrawn', afterRender: () => onDrawn(id) }],
    [id, onDrawn],
  );
  return (
    <div className="yr-chart" style={{ width: CHART_WIDTH, height }} data-chart={id}>
      <Chart
        type="bar"
        data={data}
        options={options}
        plugins={plugins}
        width={CHART_WIDTH}
        height={height}
        role="img"
        aria-label={label}
      />
    </div>
  );
}
