// Applies the drafts of an import in order: meters before what refers to them, codes matched to
// the register, unchanged rows left alone, the rest handed to the writer, whose rule check
// (assetIssues) turns into problems under the column each field came from.
import type { Asset } from '../../shared/contract/assets';
import type { ImportProblem } from '../../shared/contract/assetTransfer';
import type { FieldIssue } from '../../shared/contract/errors';
import type { Ctx } from '../context';
import { newId, nowIso, type Db } from '../store/tx';
import { fieldColumns, toColumnValue, type FieldName } from './assetColumns';
import { problem, type MeterRefKey, type RowDraft } from './assetImportRows';
import { ImportWriter } from './assetImportWrite';
import { assetFromInput } from './assets';
import { sheetColumns, type SheetKey } from './assetSheetColumns';
import { toAsset, type AssetRow } from './assetsStore';
import type { PlaceIndex } from './placePaths';

export interface AppliedCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Second and later rows with a code already used above are problems; the first one stands. */
export function markDuplicateCodes(drafts: RowDraft[]): void {
  const firstRow = new Map<string, number>();
  for (const d of drafts) {
    if (!d.code) continue;
    const first = firstRow.get(d.code);
    if (first === undefined) firstRow.set(d.code, d.row);
    else
      d.problems.push(
        problem(
          d.row,
          d.cells.code?.header ?? 'code',
          d.code,
          `duplicate code in file (first on row ${first})`,
        ),
      );
  }
}

/**
 * Meters first, each after the in-file meter it hangs under, then every other row in file order:
 * a reference always finds its target already written (or known to have failed).
 */
function writeOrder(drafts: RowDraft[], byCode: Map<string, RowDraft>): RowDraft[] {
  const ordered: RowDraft[] = [];
  const placed = new Set<RowDraft>();
  const visit = (d: RowDraft, depth: number) => {
    if (placed.has(d)) return;
    const parent = d.meterCodes.parentMeterId ? byCode.get(d.meterCodes.parentMeterId) : undefined;
    // The depth bound stops at a loop in the file; the loop is reported when its rows are applied.
    if (parent && parent !== d && depth < 50) visit(parent, depth + 1);
    if (!placed.has(d)) {
      placed.add(d);
      ordered.push(d);
    }
  };
  for (const d of drafts) if (d.values.kind === 'meter') visit(d, 0);
  for (const d of drafts) if (!placed.has(d)) ordered.push(d);
  return ordered;
}

const coreColumns: Partial<Record<string, string>> = {
  name: 'name',
  kind: 'kind',
  placeId: 'place_id',
  status: 'status',
  installDate: 'install_date',
  notes: 'notes',
};

/** The part of an asset a row sets: present columns, an empty cell clearing (status keeps). */
function draftPatch(d: RowDraft, refs: Partial<Record<MeterRefKey, string>>): Partial<Asset> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(d.values) as [SheetKey, unknown][]) {
    if (key === 'code') continue;
    if (key === 'place') patch.placeId = value;
    else if (key === 'status') {
      if (value !== null) patch.status = value;
    } else if (key === 'notes') patch.notes = value ?? '';
    else patch[key] = value;
  }
  for (const key of ['linkedMeterId', 'parentMeterId'] as const) {
    if (d.cells[key]) patch[key] = refs[key] ?? null;
  }
  return patch as Partial<Asset>;
}

/** Compares in column form against the stored row, so unchanged rows cost no object building. */
function patchUnchanged(patch: Partial<Asset>, row: AssetRow): boolean {
  for (const [key, value] of Object.entries(patch)) {
    const field = fieldColumns[key as FieldName];
    const column = field ? field.column : coreColumns[key];
    if (column === undefined) return false;
    const stored = field ? toColumnValue(key as FieldName, value) : value;
    if ((row[column] ?? null) !== (stored ?? null)) return false;
  }
  return true;
}

export function applyDrafts(
  ctx: Ctx,
  drafts: RowDraft[],
  places: PlaceIndex,
  note: string,
): AppliedCounts {
  const byCodeInDb = codeLookup(ctx.db);
  const writer = new ImportWriter(ctx, places, note);
  const byCode = new Map(drafts.filter((d) => d.code).map((d) => [d.code, d]));
  const written = new Map<RowDraft, string>();
  const done = new Set<RowDraft>();
  const counts: AppliedCounts = { created: 0, updated: 0, unchanged: 0 };
  // New assets start from one blank made by assetFromInput (defaults stay theirs); copying it is
  // much cheaper than building each from scratch.
  const blank = assetFromInput({ code: '-', name: '-', kind: 'fixture' }, '', nowIso());

  for (const d of writeOrder(drafts, byCode)) {
    done.add(d);
    if (d.problems.length > 0) continue;
    const refs = resolveMeterRefs(d, byCode, byCodeInDb, written, done);
    if (d.problems.length > 0) continue;
    // The rules read referenced meters (and their ancestors) from the table: write the queue first.
    if (Object.keys(d.meterCodes).length > 0) writer.flush();
    const row = byCodeInDb.get(d.code);
    if (row && row.kind !== d.values.kind) {
      d.problems.push(
        problem(
          d.row,
          d.cells.kind?.header ?? 'kind',
          d.cells.kind?.raw ?? '',
          `kind cannot change (the register has it as ${row.kind})`,
        ),
      );
      continue;
    }
    const patch = draftPatch(d, refs);
    if (row && patchUnchanged(patch, row)) {
      written.set(d, row.id);
      counts.unchanged += 1;
      continue;
    }
    let issues: FieldIssue[];
    let id: string;
    if (row) {
      const before = toAsset(row);
      before.placeName = writer.placeName(before);
      issues = writer.update(before, { ...before, ...patch });
      id = before.id;
    } else {
      const next: Asset = { ...blank, ...patch, id: newId(), code: d.code };
      issues = writer.create(next);
      id = next.id;
    }
    if (issues.length > 0) {
      for (const issue of issues) d.problems.push(issueProblem(d, issue));
      continue;
    }
    written.set(d, id);
    if (row) counts.updated += 1;
    else counts.created += 1;
  }
  writer.flush();
  return counts;
}

/** Stored rows by code (no place joins: the comparison needs columns only). */
function codeLookup(db: Db) {
  const stmt = db.prepare<[string], AssetRow>(
    'SELECT rowid AS rowid, *, NULL AS place_label FROM assets WHERE code = ?',
  );
  return { get: (code: string) => stmt.get(code) };
}

function resolveMeterRefs(
  d: RowDraft,
  byCode: Map<string, RowDraft>,
  inDb: ReturnType<typeof codeLookup>,
  written: Map<RowDraft, string>,
  done: Set<RowDraft>,
): Partial<Record<MeterRefKey, string>> {
  const ids: Partial<Record<MeterRefKey, string>> = {};
  for (const [key, code] of Object.entries(d.meterCodes) as [MeterRefKey, string][]) {
    const target = byCode.get(code);
    let reason: string | undefined;
    if (target) {
      const id = written.get(target);
      if (id) ids[key] = id;
      else
        reason = done.has(target)
          ? `meter on row ${target.row} has problems`
          : 'meters in the file form a loop';
    } else {
      const row = inDb.get(code);
      if (row) ids[key] = row.id;
      else reason = 'unknown meter code';
    }
    const cell = d.cells[key];
    if (reason) d.problems.push(problem(d.row, cell?.header ?? key, cell?.raw ?? code, reason));
  }
  return ids;
}

/** An issue from assetRules as a report line, under the column the field came from. */
function issueProblem(d: RowDraft, issue: FieldIssue): ImportProblem {
  const key = (issue.path === 'placeId' ? 'place' : issue.path) as SheetKey;
  const cell = d.cells[key];
  const header = cell?.header ?? sheetColumns.find((c) => c.key === key)?.en ?? issue.path;
  return problem(d.row, header, cell?.raw ?? '', issue.message);
}
