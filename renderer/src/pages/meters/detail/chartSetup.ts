// The chart.js pieces the consumption chart uses, registered once (tree-shaken: the <Bar>
// component registers its own controller), and the colours it draws with. chart.js draws grey
// unless told otherwise; these colours keep their contrast on a monochrome printer too: measured
// days solid dark blue, days resting on estimates an outline in dark amber over a pale fill.
import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export const chartColours = {
  measured: '#1d4f91',
  estimatedFill: '#fde7b0',
  estimatedBorder: '#a15c00',
  text: '#262626',
  grid: '#d9d9d9',
} as const;
