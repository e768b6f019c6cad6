// Imports the asset register from a spreadsheet, in two steps: a dry run that reports every row's
// problems and writes nothing, then a commit of the valid rows (or of all rows or nothing).
//
// Both steps run the very same code inside one transaction: the dry run rolls it back, the commit
// keeps it. So the preview cannot disagree with the commit, rows may name meters defined further
// down the same file, and every rule comes from assetIssues, applied to each row as it is written,
// rather than from a second copy of the rules here. Rows update by code; an unchanged row is not
// written. The file is read and its headers checked before the transaction starts.
import {
  importLimits,
  maxReportedProblems,
  type ImportProblem,
  type ImportReport,
} from '../../shared/contract/assetTransfer';
import { DeskError } from '../../shared/contract/errors';
import type { Ctx } from '../context';
import { inTransaction, newId, writeAudit } from '../store/tx';
import { applyDrafts, markDuplicateCodes } from './assetImportApply';
import { readRow, type RowDraft } from './assetImportRows';
import { matchHeaders } from './assetSheetColumns';
import { PlaceIndex } from './placePaths';
import { readTableFile, type Table } from './tableFile';

export interface ImportFile {
  fileName: string;
  contentBase64: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** Thrown inside the dry run's transaction so that SQLite rolls everything back. */
class DryRunDone {
  constructor(readonly report: ImportReport) {}
}

export function importPreview(ctx: Ctx, file: ImportFile): ImportReport {
  try {
    runImport(ctx, file, 'preview');
  } catch (thrown) {
    if (thrown instanceof DryRunDone) return thrown.report;
    throw thrown;
  }
  throw new Error('the dry run did not roll back');
}

export function importCommit(ctx: Ctx, file: ImportFile, mode: 'valid' | 'all'): ImportCounts {
  return runImport(ctx, file, mode);
}

/** The table and its header check: everything decided before a transaction starts. */
function readSheet(file: ImportFile) {
  const table = readTableFile(file.fileName, file.contentBase64, importLimits);
  const headerRow = table.rows[0] ?? [];
  const headers = matchHeaders(headerRow);
  if (headers.twice.length > 0) {
    const [first] = headers.twice;
    throw new DeskError(
      'VALIDATION',
      `Two columns mean the same thing: ${first?.headers.map((h) => `"${h}"`).join(' and ')}. Keep one of them.`,
      { duplicateHeaders: headers.twice.map((t) => t.headers) },
    );
  }
  if (headers.missing.length > 0) {
    const names = headers.missing.map((c) => `${c.zh} (${c.en})`).join(', ');
    throw new DeskError(
      'VALIDATION',
      `The file has no column for ${names}. The first row must hold the column headers, in Chinese or English, as in the template.`,
      { missingHeaders: headers.missing.map((c) => c.en), foundHeaders: headerRow.slice(0, 50) },
    );
  }
  if (!table.rows.slice(1).some((r) => r.some((c) => c.trim() !== ''))) {
    throw new DeskError('BAD_REQUEST', 'The file has a header row but no data rows.');
  }
  return { table, headerRow, headers };
}

function runImport(ctx: Ctx, file: ImportFile, mode: 'preview' | 'valid' | 'all'): ImportCounts {
  const { table, headerRow, headers } = readSheet(file);
  const places = new PlaceIndex(ctx.db);
  const drafts: RowDraft[] = [];
  table.rows.forEach((cells, index) => {
    if (index === 0 || !cells.some((c) => c.trim() !== '')) return;
    drafts.push(readRow(cells, index, headerRow, headers.matched, places));
  });
  markDuplicateCodes(drafts);
  const note = `导入 ${file.fileName}`;

  return inTransaction(ctx.db, () => {
    const outcome = applyDrafts(ctx, drafts, places, note);
    const problems = drafts.flatMap((d) => d.problems).sort(byRowThenColumn(headerRow));
    const counts: ImportCounts = {
      ...outcome,
      skipped: drafts.length - outcome.created - outcome.updated - outcome.unchanged,
    };
    if (mode === 'preview') {
      throw new DryRunDone(importReportOf(table, drafts.length, counts, problems, headers.unknown));
    }
    if (mode === 'all' && problems.length > 0) {
      const first = problems[0] as ImportProblem;
      throw new DeskError(
        'VALIDATION',
        `${counts.skipped} of ${drafts.length} rows have problems, so nothing was imported. First: row ${first.row}, ${first.column || 'row'}: ${first.reason}.`,
        { problems: problems.slice(0, maxReportedProblems), problemCount: problems.length },
      );
    }
    writeAudit(ctx.db, {
      actor: ctx.actor,
      entity: 'import',
      entityId: newId(),
      action: 'create',
      after: {
        kind: 'assets',
        fileName: file.fileName,
        format: table.format,
        encoding: table.encoding,
        mode,
        rows: drafts.length,
        ...counts,
      },
      note,
    });
    return counts;
  });
}

/** The dry-run report of a register-style import (assets, people) from its counts and problems. */
export function importReportOf(
  table: Table,
  rows: number,
  counts: ImportCounts,
  problems: ImportProblem[],
  unknown: string[],
): ImportReport {
  return {
    format: table.format,
    encoding: table.encoding,
    rows,
    valid: counts.created + counts.updated + counts.unchanged,
    creates: counts.created,
    updates: counts.updated,
    unchanged: counts.unchanged,
    problems: problems.slice(0, maxReportedProblems),
    problemCount: problems.length,
    unknownHeaders: unknown.slice(0, 100),
  };
}

/** Problems as the sheet reads: by row, then left to right (cells past the headers last). */
function byRowThenColumn(headerRow: readonly string[]) {
  const positions = new Map(headerRow.map((h, i) => [h.trim(), i] as const).reverse());
  positions.set('', headerRow.length);
  const position = (header: string) => positions.get(header) ?? -1;
  return (a: ImportProblem, b: ImportProblem) =>
    a.row - b.row || position(a.column) - position(b.column);
}
