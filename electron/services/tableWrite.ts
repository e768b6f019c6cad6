// Writes rows as a CSV or XLSX file for people to open in Excel or WPS. CSV is UTF-8 with a BOM
// (without it, Chinese Excel reads UTF-8 as GBK and shows mojibake) and CRLF line ends; XLSX
// keeps numbers as numbers. Text that a spreadsheet would run as a formula is neutralised in both.
import type { TableFormat } from '../../shared/contract/assetTransfer';
import { neutraliseCell } from './tableFile';
import { writeXlsx, type SheetToWrite } from './xlsxBridge';

export type OutCell = string | number | null;

function csvField(cell: OutCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : neutraliseCell(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvBytes(rows: OutCell[][]): Buffer {
  const body = rows.map((r) => r.map(csvField).join(',')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${body}\r\n`, 'utf8')]);
}

export function tableBytes(format: TableFormat, sheet: SheetToWrite): Buffer {
  if (format === 'csv') return csvBytes(sheet.rows);
  const rows = sheet.rows.map((r) => r.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c)));
  return writeXlsx({ ...sheet, rows });
}
