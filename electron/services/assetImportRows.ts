// Reads the data rows of an asset spreadsheet into drafts: each cell converted to the value the
// register stores (codes for labels, numbers, YYYY-MM-DD dates, place ids), each cell that cannot
// be converted or breaks a field's schema turned into a problem naming its row and column. Rules
// that need the database (codes in use, meter trees, fields per kind) stay in assetRules.ts and
// are applied when the draft is written.
import type { z } from 'zod';
import { AssetCode, AssetInput, Weekday } from '../../shared/contract/assets';
import type { ImportProblem } from '../../shared/contract/assetTransfer';
import { valueOfLabel, type LabelGroup } from '../../shared/domain/assetLabels';
import type { MatchedColumn, SheetColumn, SheetKey } from './assetSheetColumns';
import type { PlaceIndex } from './placePaths';
import { restoreCell } from './tableFile';

export interface Cell {
  header: string;
  raw: string;
}

export type MeterRefKey = 'linkedMeterId' | 'parentMeterId';

export interface RowDraft {
  /** Row number as the sheet shows it (header = 1). */
  row: number;
  code: string;
  /** Converted values of the columns present in the file; null for an empty cell. */
  values: Partial<Record<SheetKey, unknown>>;
  cells: Partial<Record<SheetKey, Cell>>;
  /** Other assets named by code; resolved to ids once every row's code is known. */
  meterCodes: Partial<Record<MeterRefKey, string>>;
  problems: ImportProblem[];
}

const groupWords: Record<LabelGroup, string> = {
  kind: 'kind',
  status: 'status',
  lampType: 'lamp type',
  irrigationMethod: 'irrigation method',
  utility: 'utility',
  equipmentType: 'equipment type',
  weekday: 'weekday',
};

const weekOrder = Weekday.options;

type Converted = { value: unknown } | { reason: string };

/** The schema a value must pass, from the contract, so an import and a form accept the same. */
function schemaOf(key: SheetKey): z.ZodType | undefined {
  if (key === 'code') return AssetCode;
  if (key === 'place') return undefined;
  return (AssetInput.shape as Record<string, z.ZodType>)[key];
}

/** A zod issue said the way the import report says things. */
function reasonOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big') {
    return issue.origin === 'string'
      ? `too long (max ${issue.maximum})`
      : `too large (max ${issue.maximum})`;
  }
  if (issue.code === 'too_small') {
    if (issue.origin === 'string') return 'required';
    if (issue.minimum === 0)
      return issue.inclusive ? 'must not be negative' : 'must be more than 0';
    return `too small (min ${issue.minimum})`;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'not a whole number';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'not a number';
  if (issue.code === 'invalid_value') return 'not an allowed value';
  return issue.message;
}

function parseNumber(text: string): number | undefined {
  let t = text.normalize('NFKC').replace(/\s+/g, '');
  // "1,234.5" as Excel writes thousands; a lone comma is not a decimal point here.
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 (what Chinese Excel shows) → 2024-03-05. */
function parseDate(text: string): string | undefined {
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00)?)?$/.exec(
      text.normalize('NFKC'),
    );
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : undefined;
}

function parseTime(text: string): string | undefined {
  const m = /^(\d{1,2})[:：](\d{2})(?:[:：]00)?$/.exec(text.normalize('NFKC'));
  return m ? `${m[1]?.padStart(2, '0')}:${m[2]}` : undefined;
}

function parseDays(text: string): Converted {
  const days = new Set<string>();
  for (const part of text.split(/[,，、;；\s]+/)) {
    if (part === '') continue;
    const day = valueOfLabel('weekday', part);
    if (!day) return { reason: 'unknown weekday' };
    days.add(day);
  }
  return { value: weekOrder.filter((d) => days.has(d)) };
}

function convert(column: SheetColumn, text: string, places: PlaceIndex): Converted {
  switch (column.type) {
    case 'number': {
      const n = parseNumber(text);
      return n === undefined ? { reason: 'not a number' } : { value: n };
    }
    case 'date': {
      const d = parseDate(text);
      return d === undefined ? { reason: 'not a date (YYYY-MM-DD)' } : { value: d };
    }
    case 'time': {
      const t = parseTime(text);
      return t === undefined ? { reason: 'not a time (HH:MM)' } : { value: t };
    }
    case 'enum': {
      const code = column.group ? valueOfLabel(column.group, text) : undefined;
      return code === undefined
        ? { reason: `unknown ${column.group ? groupWords[column.group] : 'value'}` }
        : { value: code };
    }
    case 'freeEnum':
      return { value: (column.group && valueOfLabel(column.group, text)) || text };
    case 'place': {
      const found = places.resolve(text);
      return 'id' in found ? { value: found.id } : found;
    }
    case 'days':
      return parseDays(text);
    case 'text':
    case 'meterCode':
      return { value: text };
  }
}

/** Problems longer than this show their start: a report should not repeat a 10,000-character cell. */
const SHOWN_VALUE = 200;
function shown(raw: string): string {
  return raw.length > SHOWN_VALUE ? `${raw.slice(0, SHOWN_VALUE)}…` : raw;
}

export function problem(row: number, column: string, raw: string, reason: string): ImportProblem {
  return { row, column, value: shown(raw), reason };
}

/** One data row; `index` is its position in the sheet's rows (row number - 1). */
export function readRow(
  cells: readonly string[],
  index: number,
  headerRow: readonly string[],
  matched: readonly MatchedColumn[],
  places: PlaceIndex,
): RowDraft {
  const row = index + 1;
  const draft: RowDraft = { row, code: '', values: {}, cells: {}, meterCodes: {}, problems: [] };
  for (const { index: at, column, header } of matched) {
    const raw = restoreCell((cells[at] ?? '').trim());
    draft.cells[column.key] = { header, raw };
    if (raw === '') {
      draft.values[column.key] = null;
      if (column.key === 'code' || column.key === 'name' || column.key === 'kind') {
        draft.problems.push(problem(row, header, raw, 'required'));
      }
      continue;
    }
    const converted = convert(column, raw, places);
    if ('reason' in converted) {
      draft.problems.push(problem(row, header, raw, converted.reason));
      continue;
    }
    const schema = column.type === 'meterCode' ? AssetCode : schemaOf(column.key);
    const checked = schema
      ? schema.safeParse(converted.value)
      : { success: true as const, data: converted.value };
    if (!checked.success) {
      const first = checked.error.issues[0];
      draft.problems.push(problem(row, header, raw, first ? reasonOf(first) : 'not allowed'));
      continue;
    }
    if (column.type === 'meterCode')
      draft.meterCodes[column.key as MeterRefKey] = String(checked.data);
    else draft.values[column.key] = checked.data;
  }
  draft.code = typeof draft.values.code === 'string' ? draft.values.code : '';
  // Cells past the headers: a ragged row, usually a stray comma or a shifted line.
  cells.forEach((cell, at) => {
    if (cell.trim() === '' || (headerRow[at] ?? '').trim() !== '') return;
    const reason =
      at >= headerRow.length
        ? `more cells than headers (${headerRow.length})`
        : 'value in a column without a header';
    draft.problems.push(problem(row, '', cell, reason));
  });
  return draft;
}
