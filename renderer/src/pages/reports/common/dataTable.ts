// The data behind a chart as a plain table: what the "数据表" view shows and what the CSV and XLSX
// exports write, so the three can never disagree. Numbers are kept as numbers (rounded to the
// column's decimals) so Excel can sum them; percentages are written as percent numbers with
// "(%)" in the heading, because a fraction column in Excel is easily misread.
import { toCsv } from '../../maintenance/parts/csv';
import { roundTo } from './format';

export type Cell = string | number | null;

export interface Column {
  title: string;
  /** text (default for strings), number, or percent (a fraction shown as %). */
  kind?: 'text' | 'number' | 'percent';
  /** Decimals kept on screen and in files (numbers 2, percents 1 by default). */
  digits?: number;
  /** A change or a gap: shown with its sign (+3.2%, −1.0%). */
  signed?: boolean;
}

export interface DataTable {
  columns: Column[];
  rows: Cell[][];
  /** A row the chart flags, tinted on screen (files carry the figures only). */
  tones?: ('bad' | 'warn' | null)[];
}

/** The value a file gets for one cell: rounded numbers, percents × 100, '' for missing. */
export function fileValue(column: Column | undefined, cell: Cell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (!Number.isFinite(cell)) return '';
  if (column?.kind === 'percent') return roundTo(cell * 100, column.digits ?? 1);
  return roundTo(cell, column?.digits ?? 2);
}

/** Column headings as written to files: a percent column says so. */
export function fileHeadings(table: DataTable): string[] {
  return table.columns.map((c) =>
    c.kind === 'percent' && !c.title.includes('%') ? `${c.title} (%)` : c.title,
  );
}

export function fileRows(table: DataTable): (string | number)[][] {
  return table.rows.map((row) => row.map((cell, i) => fileValue(table.columns[i], cell)));
}

/** CSV with a UTF-8 byte-order mark (Excel on a Chinese PC reads a file without one as GBK). */
export function tableCsv(table: DataTable): string {
  return toCsv([fileHeadings(table), ...fileRows(table)]);
}

/** A file name without the characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 120);
}
