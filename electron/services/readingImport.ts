// Imports meter readings from a CSV/XLSX file in one transaction: every row read and checked, the
// readings of each meter written through addReadingsBulk (which keeps daily rollups and the review
// queue in step), and the lot committed, or — on a dry run, a problem, or a cancel — rolled back.
// The dry run runs the very same writes and rolls them back, so its report (negative deltas that
// would enter the review queue included) cannot disagree with the commit.
// Re-importing a file changes nothing: readings equal to stored ones are counted as unchanged.
import {
  maxReportedReadingProblems,
  readingImportLimits,
  ReadingProblemKind,
  type ReadingImportProblem,
  type ReadingImportReport,
  type ReadingImportResult,
  type ReadingValueKind,
} from '../../shared/contract/readingImport';
import { DeskError } from '../../shared/contract/errors';
import type { Ctx } from '../context';
import { inTransaction, newId, writeAudit } from '../store/tx';
import { addCheckedReadings } from './metersBulk';
import { meterKey, readingBefore, readingsBetween } from './metersReadingStore';
import { iso } from './metersStore';
import { resolveRefs, type MeterBatch } from './readingImportMeters';
import { parseSheet, problem, type ParsedSheet } from './readingImportSheet';
import { readTableRows, type RowTable } from './tableFile';

export interface ReadingImportRequest {
  fileName: string;
  contentBase64: string;
  zone?: string | undefined;
  values: ReadingValueKind;
  dryRun: boolean;
}

export type ImportPhaseName = 'reading' | 'checking' | 'writing';

export interface ImportHooks {
  progress?(phase: ImportPhaseName, done: number, total: number): void;
  /** Asked between steps; true ends the import and rolls its transaction back. */
  cancelled?(): boolean;
}

export interface ReadingImportOutcome {
  report: ReadingImportReport;
  /** null on a dry run. */
  result: ReadingImportResult | null;
}

/** Thrown inside the transaction to roll it back (a dry run's end, or a cancel). */
class Rollback {
  constructor(readonly outcome: ReadingImportOutcome | null) {}
}

export function cancelledError(): DeskError {
  return new DeskError(
    'CONFLICT',
    '导入已取消，未写入任何数据 / The import was cancelled; nothing was written.',
    {
      reason: 'CANCELLED',
    },
  );
}

export function importReadings(
  ctx: Ctx,
  request: ReadingImportRequest,
  hooks: ImportHooks = {},
): ReadingImportOutcome {
  const checkCancel = () => {
    if (hooks.cancelled?.()) throw new Rollback(null);
  };
  try {
    hooks.progress?.('reading', 0, 0);
    const table = readTableRows(request.fileName, request.contentBase64, readingImportLimits);
    const total = table.rows.length;
    const sheet = parseSheet(table.rows, request.zone ?? null, (done) => {
      hooks.progress?.('checking', done, total);
      checkCancel();
    });
    return inTransaction(ctx.db, () => {
      const batches = resolveRefs(ctx.db, sheet);
      const counts = { inserts: 0, unchanged: 0, reviews: 0 };
      const prepared = batches.map((b) => prepareBatch(ctx, b, sheet, request.values, counts));
      const blocking = sheet.problems.some((p) => p.severity === 'error') || sheet.zoneless > 0;
      if (blocking && !request.dryRun) {
        const report = reportOf(table, sheet, request, counts, batches.length);
        throw new DeskError(
          'VALIDATION',
          `${report.problemCount} 处问题，未导入任何数据 / ${report.problemCount} problems, nothing was imported. ` +
            firstProblem(report.problems),
          { report },
        );
      }
      let written = 0;
      const toWrite = prepared.reduce((n, b) => n + b.at.length, 0);
      for (const batch of prepared) {
        checkCancel();
        writeBatch(ctx, batch, sheet, request, counts, (n) => {
          hooks.progress?.('writing', written + n, toWrite);
          checkCancel();
        });
        written += batch.at.length;
        hooks.progress?.('writing', written, toWrite);
      }
      const report = reportOf(table, sheet, request, counts, batches.length);
      if (request.dryRun) throw new Rollback({ report, result: null });
      if (!report.canCommit) {
        throw new DeskError(
          'VALIDATION',
          `导入未完成 / The import was refused. ${firstProblem(report.problems)}`,
          {
            report,
          },
        );
      }
      const result: ReadingImportResult = {
        inserted: counts.inserts,
        unchanged: counts.unchanged,
        meters: batches.length,
        reviews: counts.reviews,
      };
      // A re-import that finds everything stored leaves no trace, not even in the audit log.
      if (result.inserted > 0)
        writeAudit(ctx.db, {
          actor: ctx.actor,
          entity: 'import',
          entityId: newId(),
          action: 'create',
          after: {
            kind: 'readings',
            fileName: request.fileName,
            format: table.format,
            layout: sheet.layout,
            values: request.values,
            ...result,
          },
          note: `导入读数 ${request.fileName}`,
        });
      return { report, result };
    });
  } catch (thrown) {
    if (thrown instanceof Rollback) {
      if (thrown.outcome) return thrown.outcome;
      throw cancelledError();
    }
    throw thrown;
  }
}

function firstProblem(problems: readonly ReadingImportProblem[]): string {
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  if (!first) return '';
  return `第 ${first.row} 行 / row ${first.row}${first.column ? ` [${first.column}]` : ''}: ${first.reason} (${first.value})`;
}

/**
 * Sorts a meter's readings, drops repeats of the same reading, names a second value at the same
 * instant (in the file or stored), turns interval amounts into register values, and leaves only
 * readings not stored yet.
 */
function prepareBatch(
  ctx: Ctx,
  batch: MeterBatch,
  sheet: ParsedSheet,
  values: ReadingValueKind,
  counts: { inserts: number; unchanged: number },
): MeterBatch {
  const order = batch.at.map((_, i) => i);
  // Platform exports come in time order; sorting a million indices is then wasted work.
  if (!isSorted(batch.at)) {
    order.sort((a, b) => batch.at[a]! - batch.at[b]! || batch.rows[a]! - batch.rows[b]!);
  }
  let out = emptyLike(batch);
  for (const i of order) {
    const at = batch.at[i]!;
    const value = batch.value[i]!;
    const estimated = batch.estimated[i]!;
    const last = out.at.length - 1;
    if (last >= 0 && out.at[last] === at) {
      if (out.value[last] !== value || out.estimated[last] !== estimated) {
        const row = out.rows[last];
        sheet.problems.push(
          problem(
            'duplicate_conflict',
            batch.rows[i]!,
            batch.column,
            String(value),
            `${batch.code} ${iso(at)}: 第 ${row} 行为 ${out.value[last]} / row ${row} has ${out.value[last]}`,
          ),
        );
      } else {
        counts.unchanged++;
      }
      continue;
    }
    push(out, batch.rows[i]!, at, value, estimated);
  }
  if (out.at.length === 0) return out;
  if (values === 'interval') out = cumulate(ctx, out);
  const key = meterKey(ctx.db, batch.meterId);
  const stored = new Map(
    readingsBetween(ctx.db, key, out.at[0]!, out.at[out.at.length - 1]!).map((r) => [r.at, r]),
  );
  if (stored.size === 0) {
    counts.inserts += out.at.length;
    return out;
  }
  const fresh = emptyLike(batch);
  out.at.forEach((at, i) => {
    const same = stored.get(at);
    const value = out.value[i]!;
    if (!same) {
      push(fresh, out.rows[i]!, at, value, out.estimated[i]!);
    } else if (same.value === value && (same.estimated === 1) === out.estimated[i]) {
      counts.unchanged++;
    } else {
      sheet.problems.push(
        problem(
          'duplicate_conflict',
          out.rows[i]!,
          batch.column,
          String(value),
          `${batch.code} ${iso(at)}: 已存读数 ${same.value} / stored reading ${same.value}`,
        ),
      );
    }
  });
  counts.inserts += fresh.at.length;
  return fresh;
}

function emptyLike(batch: MeterBatch): MeterBatch {
  const { meterId, code, column } = batch;
  return { meterId, code, column, rows: [], at: [], value: [], estimated: [] };
}

function push(b: MeterBatch, row: number, at: number, value: number, estimated: boolean): void {
  b.rows.push(row);
  b.at.push(at);
  b.value.push(value);
  b.estimated.push(estimated);
}

function isSorted(at: readonly number[]): boolean {
  for (let i = 1; i < at.length; i++) if (at[i - 1]! > at[i]!) return false;
  return true;
}

/**
 * Interval amounts (register units) to register values: each reading is the one before it plus
 * its amount. The first interval starts one step (the spacing of the first two rows) before the
 * first row; the register value there is the meter's reading at that instant, else its latest
 * reading before it (no consumption is assumed in a gap), else 0 — and that starting point is
 * imported too, so the first interval counts and a re-import finds the same values.
 */
function cumulate(ctx: Ctx, batch: MeterBatch): MeterBatch {
  const first = batch.at[0]!;
  const step = batch.at.length > 1 ? batch.at[1]! - first : 3_600_000;
  const startAt = first - step;
  const before = readingBefore(ctx.db, meterKey(ctx.db, batch.meterId), startAt + 1);
  let register = before?.value ?? 0;
  const out = emptyLike(batch);
  push(out, batch.rows[0]!, startAt, register, false);
  batch.at.forEach((at, i) => {
    register = Math.round((register + batch.value[i]!) * 1e6) / 1e6;
    push(out, batch.rows[i]!, at, register, batch.estimated[i]!);
  });
  return out;
}

function writeBatch(
  ctx: Ctx,
  batch: MeterBatch,
  sheet: ParsedSheet,
  request: ReadingImportRequest,
  counts: { reviews: number },
  onChunk: (done: number) => void,
): void {
  if (batch.at.length === 0) return;
  const openBefore = openReviewEnds(ctx, batch.meterId);
  try {
    addCheckedReadings(ctx, batch.meterId, batch, {
      source: 'import',
      note: `导入 ${request.fileName}`,
      onChunk,
    });
  } catch (error) {
    if (error instanceof Rollback) throw error;
    const reason =
      error instanceof DeskError
        ? (error.details as { reason?: string } | undefined)?.reason
        : undefined;
    if (reason !== 'OUTSIDE_INSTALLATION' && reason !== 'LIFECYCLE_CONFLICT') throw error;
    sheet.problems.push(
      problem(
        'outside_installation',
        batch.rows[0] ?? 1,
        '',
        batch.code,
        error instanceof Error ? error.message : '',
      ),
    );
    return;
  }
  let rowAt: Map<number, number> | null = null;
  for (const end of openReviewEnds(ctx, batch.meterId)) {
    if (openBefore.has(end.to_at)) continue;
    rowAt ??= new Map(batch.at.map((at, i) => [at, batch.rows[i] as number]));
    counts.reviews++;
    sheet.problems.push(
      problem(
        'negative_delta',
        rowAt.get(end.to_at) ?? batch.rows[0] ?? 1,
        '',
        String(end.to_value),
        `${batch.code}: ${end.from_value} → ${end.to_value}`,
      ),
    );
  }
}

function openReviewEnds(ctx: Ctx, meterId: string) {
  const rows = ctx.db
    .prepare(
      `SELECT to_at, from_value, to_value FROM meter_reviews WHERE meter_id = ? AND status = 'open'`,
    )
    .all(meterId) as { to_at: number; from_value: number; to_value: number }[];
  const ends = new Map(rows.map((r) => [r.to_at, r]));
  return Object.assign([...ends.values()], { has: (at: number) => ends.has(at) });
}

function reportOf(
  table: RowTable,
  sheet: ParsedSheet,
  request: ReadingImportRequest,
  counts: { inserts: number; unchanged: number },
  meters: number,
): ReadingImportReport {
  const problems = [...sheet.problems].sort((a, b) => a.row - b.row);
  const byKind = Object.fromEntries(ReadingProblemKind.options.map((k) => [k, 0])) as Record<
    ReadingProblemKind,
    number
  >;
  for (const p of problems) byKind[p.kind]++;
  let from = Infinity;
  let to = -Infinity;
  for (const list of sheet.refs.values()) {
    for (const ms of list.at) {
      if (ms < from) from = ms;
      if (ms > to) to = ms;
    }
  }
  const errors = problems.some((p) => p.severity === 'error');
  return {
    format: table.format,
    encoding: table.encoding,
    layout: sheet.layout,
    values: request.values,
    zone: sheet.walls > 0 ? (request.zone ?? null) : null,
    zoneNeeded: sheet.zoneless > 0,
    rows: sheet.rows,
    readings: sheet.readings,
    meters,
    inserts: counts.inserts,
    unchanged: counts.unchanged,
    from: Number.isFinite(from) ? iso(from) : null,
    to: Number.isFinite(to) ? iso(to) : null,
    problems: problems.slice(0, maxReportedReadingProblems),
    problemCount: problems.length,
    byKind,
    canCommit: !errors && sheet.zoneless === 0 && sheet.readings > 0,
  };
}
