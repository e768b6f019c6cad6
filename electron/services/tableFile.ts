// Reads a spreadsheet file as campus offices produce it (CSV from Excel or WPS in UTF-8 with or
// without BOM or in GBK/GB18030, or XLSX) into rows of strings, row i of the sheet at index i-1.
// Generic on purpose: the asset import uses it, and so will meter-reading imports. Every refusal
// is one DeskError naming the problem, raised before any parsing where the check allows.
import { parse } from 'csv-parse/sync';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { TableFormat, TextEncodingName } from '../../shared/contract/assetTransfer';
import { DeskError } from '../../shared/contract/errors';
import { readXlsx, type RawCell } from './xlsxBridge';

export interface TableLimits {
  maxBytes: number;
  /** Data rows, not counting the header row. */
  maxRows: number;
}

export interface Table {
  format: TableFormat;
  encoding: TextEncodingName;
  /** Row i of the sheet at index i-1; blank rows are kept (as []) so numbering matches the sheet. */
  rows: string[][];
}

function refuse(message: string, details?: unknown): never {
  throw new DeskError('BAD_REQUEST', message, details);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Decodes base64, refusing an oversized file from the length alone, before decoding it. */
export function decodeBase64(contentBase64: string, maxBytes: number): Buffer {
  const estimate = Math.floor((contentBase64.length * 3) / 4);
  // Base64 may carry line breaks; allow a little slack for them before deciding from length.
  if (estimate > maxBytes * 1.02 + 1024) {
    refuse(`The file is about ${megabytes(estimate)}; the limit is ${megabytes(maxBytes)}.`, {
      limitBytes: maxBytes,
    });
  }
  const compact = /\s/.test(contentBase64) ? contentBase64.replace(/\s+/g, '') : contentBase64;
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  const bytes = Buffer.from(compact, 'base64');
  // Node's decoder skips characters outside the alphabet (and '=' inside the text) instead of
  // failing, so such content decodes short: comparing lengths finds it without a pattern
  // match over a hundred megabytes.
  const expected = Math.floor(((compact.length - padding) * 3) / 4);
  const firstPad = compact.indexOf('=');
  const padInside = firstPad !== -1 && firstPad < compact.length - padding;
  if (compact.length % 4 === 1 || bytes.length !== expected || padInside) {
    refuse('The file content is not valid base64.');
  }
  if (bytes.length > maxBytes) {
    refuse(`The file is ${megabytes(bytes.length)}; the limit is ${megabytes(maxBytes)}.`, {
      limitBytes: maxBytes,
    });
  }
  return bytes;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads a CSV or XLSX file; which one is decided by its bytes, the name only explains refusals. */
export function readTableFile(fileName: string, contentBase64: string, limits: TableLimits): Table {
  const bytes = decodeBase64(contentBase64, limits.maxBytes);
  if (bytes.length === 0) refuse('The file is empty.');
  const table = startsWith(bytes, ZIP)
    ? readXlsxTable(bytes, limits)
    : readCsvTable(fileName, bytes, limits);
  const dataRows = table.rows.slice(1).filter((r) => r.some((c) => c.trim() !== '')).length;
  if (!table.rows.some((r) => r.some((c) => c.trim() !== ''))) refuse('The file is empty.');
  if (dataRows > limits.maxRows) tooManyRows(limits.maxRows);
  return table;
}

function tooManyRows(maxRows: number): never {
  refuse(
    `The file has more than ${maxRows.toLocaleString('en-US')} data rows; split it into smaller files.`,
    {
      limitRows: maxRows,
    },
  );
}

// ---------------------------------------------------------------------------------------- CSV

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * BOM first; else UTF-8 if the bytes are valid UTF-8 (a GBK file almost never is: its two-byte
 * sequences break UTF-8's continuation rules within a few characters); else GB18030, the superset
 * of GBK that Chinese Excel and WPS write.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    refuse('The file is UTF-16 text; save it as "CSV UTF-8" or as a CSV in the default encoding.');
  }
  // isUtf8 checks the bytes natively, several times faster than a fatal TextDecoder on a large file.
  if (isUtf8(bytes))
    return {
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
      encoding: 'utf-8',
    };
  return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
}

/**
 * Text files hold no NUL and almost no control characters; decoded junk is full of both (and of
 * U+FFFD where no encoding fits). Checking the first megabyte is enough to tell.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 1 << 20);
  if (sample.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point here
  const odd = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return odd > Math.max(2, sample.length / 200);
}

/** The delimiter that occurs most on the first line: comma, or semicolon/tab from other locales. */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = first.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

const BLANK_SLACK = 1000;

function readCsvTable(fileName: string, bytes: Buffer, limits: TableLimits): Table {
  if (startsWith(bytes, OLE2)) {
    refuse('This is an old Excel 97-2003 (.xls) file; save it as .xlsx or CSV and import that.');
  }
  if (/\.xlsx$/i.test(fileName))
    refuse(`${fileName} is not a valid XLSX file (it is not a zip archive).`);
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text))
    refuse(`${fileName} does not look like a CSV or XLSX file (it holds binary data).`);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Stop reading soon after the limit (blank lines are allowed some slack): an oversized
      // file is refused without parsing all of it.
      to: limits.maxRows + BLANK_SLACK,
    }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    refuse(`The CSV could not be read: ${message}`);
  }
  if (rows.length >= limits.maxRows + BLANK_SLACK) tooManyRows(limits.maxRows);
  // csv-parse reads a blank line as one empty cell; make it an empty row.
  return {
    format: 'csv',
    encoding,
    rows: rows.map((r) => (r.length === 1 && r[0] === '' ? [] : r)),
  };
}

/** Rows read on demand: a million-row readings file is never held as a million arrays. */
export interface TableRows {
  readonly length: number;
  row(index: number): readonly string[];
  /** One cell without splitting the row (text tables): a million rows make no arrays. */
  cell?(index: number, column: number): string;
  /** The row holds nothing but blanks and delimiters (with `cell`). */
  blank?(index: number): boolean;
}

export interface RowTable {
  format: TableFormat;
  encoding: TextEncodingName;
  /** Row i of the sheet at index i-1, as in Table. */
  rows: TableRows;
}

const EMPTY: readonly string[] = [];

/**
 * readTableFile for large files: a CSV without any quote character (what metering platforms
 * write) is split line by line as rows are asked for, several times faster than the full parser
 * and without keeping every row; anything else goes through readTableFile.
 */
export function readTableRows(
  fileName: string,
  contentBase64: string,
  limits: TableLimits,
): RowTable {
  const bytes = decodeBase64(contentBase64, limits.maxBytes);
  if (bytes.length === 0) refuse('The file is empty.');
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE2) || /\.xlsx$/i.test(fileName)) {
    return wrap(readTableFile(fileName, contentBase64, limits));
  }
  const { text, encoding } = decodeText(bytes);
  if (text.includes('"') || looksBinary(text))
    return wrap(readTableFile(fileName, contentBase64, limits));
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  if (starts[starts.length - 1] === text.length) starts.pop();
  if (starts.length - 1 > limits.maxRows + BLANK_SLACK) tooManyRows(limits.maxRows);
  const delimiter = delimiterOf(text);
  const delimiterCode = delimiter.charCodeAt(0);
  /** The end of a line, without its line break (and CR). */
  const endOf = (index: number, from: number): number => {
    let to = index + 1 < starts.length ? (starts[index + 1] as number) - 1 : text.length;
    if (to > from && text.charCodeAt(to - 1) === 13) to -= 1;
    return to;
  };
  const rows: TableRows = {
    length: starts.length,
    row(index) {
      const from = starts[index];
      if (from === undefined) return EMPTY;
      const to = endOf(index, from);
      return to > from ? text.slice(from, to).split(delimiter) : EMPTY;
    },
    cell(index, column) {
      const from = starts[index];
      if (from === undefined) return '';
      const to = endOf(index, from);
      let start = from;
      for (let k = 0; k < column; k++) {
        const next = text.indexOf(delimiter, start);
        if (next === -1 || next >= to) return '';
        start = next + 1;
      }
      const next = text.indexOf(delimiter, start);
      return text.slice(start, next === -1 || next > to ? to : next);
    },
    blank(index) {
      const from = starts[index];
      if (from === undefined) return true;
      const to = endOf(index, from);
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 9 && c !== delimiterCode) return false;
      }
      return true;
    },
  };
  let blank = true;
  for (let i = 0; i < rows.length && blank; i++) blank = rows.row(i).every((c) => c.trim() === '');
  if (blank) refuse('The file is empty.');
  return { format: 'csv', encoding, rows };
}

function wrap(table: Table): RowTable {
  return {
    format: table.format,
    encoding: table.encoding,
    rows: { length: table.rows.length, row: (i) => table.rows[i] ?? EMPTY },
  };
}

// --------------------------------------------------------------------------------------- XLSX

/**
 * Sum of the uncompressed sizes the zip's central directory declares, or Infinity when it cannot
 * be read: a cheap guard against a small file that unpacks to gigabytes.
 */
export function zipUnpackedSize(bytes: Buffer): number {
  const from = Math.max(0, bytes.length - 65_557);
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < from || eocd + 22 > bytes.length) return Infinity;
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return Infinity;
    const size = bytes.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    offset +=
      46 +
      bytes.readUInt16LE(offset + 28) +
      bytes.readUInt16LE(offset + 30) +
      bytes.readUInt16LE(offset + 32);
  }
  return total;
}

function readXlsxTable(bytes: Buffer, limits: TableLimits): Table {
  const unpacked = zipUnpackedSize(bytes);
  const maxUnpacked = limits.maxBytes * 20;
  if (unpacked > maxUnpacked) {
    refuse(
      Number.isFinite(unpacked)
        ? `The XLSX file unpacks to ${megabytes(unpacked)}; the limit is ${megabytes(maxUnpacked)}.`
        : 'The file starts like an XLSX file but is not a readable zip archive.',
    );
  }
  const read = readXlsx(bytes, limits.maxRows);
  if ('tooManyRows' in read) tooManyRows(limits.maxRows);
  const rows = Array.from(read.rows, (cells) => Array.from(cells ?? [], cellText));
  return { format: 'xlsx', encoding: 'utf-8', rows };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell value as text. Formulas are never evaluated: their cached result is used, or, when the
 * file has none, the formula itself as plain text. Dates become YYYY-MM-DD (with the time when
 * there is one; Excel stores a bare time on 1899-12-30, which becomes HH:MM).
 */
export function cellText(value: RawCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result !== undefined && v.result !== null) return cellText(v.result);
    const formula = typeof v.formula === 'string' ? v.formula : String(v.sharedFormula ?? '');
    return `=${formula}`;
  }
  if (Array.isArray(v.richText)) {
    return v.richText
      .map((part: unknown) => String((part as { text?: unknown }).text ?? ''))
      .join('');
  }
  if ('text' in v) return cellText(v.text);
  if ('error' in v) return String(v.error);
  return '';
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCSeconds();
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${secs ? `:${pad(secs)}` : ''}`;
  if (day === '1899-12-30') return time;
  return time === '00:00' ? day : `${day} ${time}`;
}

// ------------------------------------------------------------------------ formula injection

/**
 * Spreadsheet programs run a cell that starts with = + - @ (and, after a tab or CR, the same) as
 * a formula, so a name like `=cmd|' /C calc'!A0` in an exported file could run a command on the
 * machine of whoever opens it (CSV/formula injection, OWASP). Exports therefore prefix such text
 * with an apostrophe, which Excel and WPS show as "this is text"; imports strip that one
 * apostrophe again so an exported file re-imports unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function restoreCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
