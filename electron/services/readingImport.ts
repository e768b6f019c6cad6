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
import { resolveRefs, type FileReading, type MeterBatch } from './readingImportMeters';
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
      const toWrite = prepared.reduce((n, b) => n + b.readings.length, 0);
      for (const batch of prepared) {
        checkCancel();
        writeBatch(ctx, batch, sheet, request, counts, (n) => {
          hooks.progress?.('writing', written + n, toWrite);
          checkCancel();
        });
        written += batch.readings.length;
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
  const order = batch.readings.map((_, i) => i);
  // Platform exports come in time order; sorting a million indices is then wasted work.
  if (!isSorted(batch)) {
    order.sort((a, b) => at(batch, a) - at(batch, b) || batch.rows[a]! - batch.rows[b]!);
  }
  let rows: number[] = [];
  let readings: FileReading[] = [];
  for (const i of order) {
    const r = batch.readings[i] as FileReading;
    const last = readings[readings.length - 1] as FileReading | undefined;
    if (last && last.at === r.at) {
      if (last.value !== r.value || last.estimated !== r.estimated) {
        sheet.problems.push(
          problem(
            'duplicate_conflict',
            batch.rows[i]!,
            '',
            String(r.value),
            `${batch.code} ${iso(r.at)}: 第 ${rows[rows.length - 1]} 行为 ${last.value} / row ${rows[rows.length - 1]} has ${last.value}`,
          ),
        );
      } else {
        counts.unchanged++;
      }
      continue;
    }
    rows.push(batch.rows[i]!);
    readings.push(r);
  }
  if (readings.length === 0) return { ...batch, rows, readings };
  if (values === 'interval') ({ rows, readings } = cumulate(ctx, batch.meterId, rows, readings));
  const key = meterKey(ctx.db, batch.meterId);
  const first = (readings[0] as FileReading).at;
  const last = (readings[readings.length - 1] as FileReading).at;
  const stored = new Map(readingsBetween(ctx.db, key, first, last).map((s) => [s.at, s]));
  const fresh: FileReading[] = [];
  const freshRows: number[] = [];
  readings.forEach((r, i) => {
    const same = stored.get(r.at);
    if (!same) {
      fresh.push(r);
      freshRows.push(rows[i]!);
    } else if (same.value === r.value && (same.estimated === 1) === r.estimated) {
      counts.unchanged++;
    } else {
      sheet.problems.push(
        problem(
          'duplicate_conflict',
          rows[i]!,
          '',
          String(r.value),
          `${batch.code} ${iso(r.at)}: 已存读数 ${same.value} / stored reading ${same.value}`,
        ),
      );
    }
  });
  counts.inserts += fresh.length;
  return { ...batch, rows: freshRows, readings: fresh };
}

const at = (batch: MeterBatch, i: number) => (batch.readings[i] as FileReading).at;

function isSorted(batch: MeterBatch): boolean {
  for (let i = 1; i < batch.readings.length; i++) if (at(batch, i - 1) > at(batch, i)) return false;
  return true;
}

/**
 * Interval amounts (register units) to register values: each reading is the one before it plus
 * its amount. The first interval starts one step (the spacing of the first two rows) before the
 * first row; the register value there is the meter's reading at that instant, else its latest
 * reading before it (no consumption is assumed in a gap), else 0 — and that starting point is
 * imported too, so the first interval counts and a re-import finds the same values.
 */
function cumulate(ctx: Ctx, meterId: string, rows: number[], readings: FileReading[]) {
  const first = readings[0] as FileReading;
  const second = readings[1] as FileReading | undefined;
  const step = second ? second.at - first.at : 3_600_000;
  const startAt = first.at - step;
  const before = readingBefore(ctx.db, meterKey(ctx.db, meterId), startAt + 1);
  let register = before?.value ?? 0;
  const out: FileReading[] = [{ at: startAt, value: register, estimated: false }];
  const outRows = [rows[0] as number];
  readings.forEach((r, i) => {
    register = Math.round((register + r.value) * 1e6) / 1e6;
    out.push({ at: r.at, value: register, estimated: r.estimated });
    outRows.push(rows[i] as number);
  });
  return { rows: outRows, readings: out };
}

function writeBatch(
  ctx: Ctx,
  batch: MeterBatch,
  sheet: ParsedSheet,
  request: ReadingImportRequest,
  counts: { reviews: number },
  onChunk: (done: number) => void,
): void {
  if (batch.readings.length === 0) return;
  const openBefore = openReviewEnds(ctx, batch.meterId);
  try {
    addCheckedReadings(ctx, batch.meterId, batch.readings, {
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
    rowAt ??= new Map(batch.readings.map((r, i) => [r.at, batch.rows[i] as number]));
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
