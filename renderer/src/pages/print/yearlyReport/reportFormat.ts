// How the yearly report writes its numbers, and where it lives. Pure functions without React or the
// DOM, so the acceptance test can format analytics.yearly's answer exactly as the page does and
// look for that text in the PDF. Shares and changes arrive as fractions (0.12) and print as "12.0%".
import type { YearlyResult } from '../../../../../shared/contract/analyticsShapes';

/** The three headline per-capita figures, with the digits each is printed with. */
export const headlineFigures = [
  { key: 'waterPerDay', utility: 'water', field: 'perCapitaPerDay', digits: 1 },
  { key: 'waterPerYear', utility: 'water', field: 'perCapitaPerYear', digits: 1 },
  { key: 'electricityPerYear', utility: 'electricity', field: 'perCapitaPerYear', digits: 0 },
] as const;
export type HeadlineFigure = (typeof headlineFigures)[number];
export type ReportUtility = HeadlineFigure['utility'];

/** The UI language as a number locale; both group thousands with a comma and use a point. */
function locale(language: string): string {
  return language === 'en' ? 'en-US' : 'zh-CN';
}

/** "1,234.5"; an em dash where there is no figure (a missing headcount, a meter without data). */
export function formatNumber(value: number | null | undefined, digits: number, language = 'zh-CN') {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A fraction as "12.3%". */
export function formatShare(value: number | null | undefined, language = 'zh-CN'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatNumber(value * 100, 1, language)}%`;
}

/** A year-on-year change as "+3.2%" or "-3.2%" (the sign is the point of the figure). */
export function formatChange(value: number | null | undefined, language = 'zh-CN'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = formatShare(Math.abs(value), language);
  if (text === '0.0%') return text;
  return `${value > 0 ? '+' : '-'}${text}`;
}

/** The headline figure's value in a yearly result (null without a headcount or data). */
export function headlineValue(figure: HeadlineFigure, yearly: YearlyResult): number | null {
  return yearly[figure.field];
}

/** The same figure one year earlier, for the "last year" line under the headline. */
export function headlinePrevious(figure: HeadlineFigure, yearly: YearlyResult): number | null {
  return yearly.previous[figure.field];
}

/** The report's route; the dashboard card and the test open it. */
export function reportPath(siteId: string, year: number): string {
  return `/print/yearly-report?${new URLSearchParams({ siteId, year: String(year) }).toString()}`;
}

/** The last year that has ended: the default of the card (a running year is partial). */
export function lastFullYear(now = new Date()): number {
  return now.getFullYear() - 1;
}

/** "年度报告-主校区-2025.pdf", without the characters a file name may not hold (PrintJob checks). */
export function reportFileName(prefix: string, siteName: string, year: number): string {
  const safe = Array.from(`${prefix}-${siteName}-${year}`, (ch) =>
    ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch,
  ).join('');
  return `${safe.slice(0, 100)}.pdf`;
}
