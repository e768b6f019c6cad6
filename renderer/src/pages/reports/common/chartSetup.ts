// The chart.js set-up of the report charts. It builds on the meter detail chart's registration
// (bars, category and linear scales, tooltip, legend, and its print-safe colours) and adds what
// mixed bar-and-line charts need. Colours stay distinguishable on a monochrome printer: the
// current period solid dark blue, the comparison pale blue, targets and thresholds dashed.
import {
  BarController,
  Chart,
  LineController,
  LineElement,
  PointElement,
  type Plugin,
} from 'chart.js';
import { chartColours } from '../../meters/detail/chartSetup';

Chart.register(BarController, LineController, LineElement, PointElement);

export const reportColours = {
  ...chartColours,
  current: chartColours.measured,
  previous: '#9dbbe0',
  partial: '#7fa3cf',
  target: '#a15c00',
  second: '#2e7d6f',
  bad: '#c62828',
  warn: '#e08a00',
  good: '#2e7d32',
  irrigation: '#3aa76d',
  demand: '#7b5ea7',
  missing: '#bfbfbf',
} as const;

/**
 * Paints the canvas white under the chart: chart.js leaves it transparent, which a PNG export
 * turns into a black or checkered background in some viewers and prints as nothing on others.
 */
export const whiteBackground: Plugin = {
  id: 'reportWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
