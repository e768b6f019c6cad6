// Importing meter readings from CSV/XLSX (issue 6): interval data from a metering platform or a
// round typed into a spreadsheet. An import is a job: it runs in a worker thread on its own
// connection (so the window and every other call go on), reports rows done and rows per second,
// and can be cancelled, which rolls its one transaction back. A dry run reads and checks
// everything, writes nothing and answers with the report; a commit writes all of it or nothing.
//
// Layouts: long (meter code or serial, timestamp, value — one reading per row) and wide
// (timestamp, then one column per meter headed by its code or serial). Values are cumulative
// register readings, or amounts per interval (each the consumption in the interval ending at its
// timestamp, in register units). Timestamps with a zone ('Z', '+08:00') are taken as they are;
// without one they are read in `zone`, which the report asks for when the file needs it.
import { z } from 'zod';
import { TableFormat, TextEncodingName } from './assetTransfer';
import { Id, TimeZone } from './common';
import { errorCodes } from './errors';

export const readingImportLimits = {
  /** A year of 15-minute data for 30 meters in long format is about 50 MB. */
  maxBytes: 128 * 1024 * 1024,
  /** Data rows, the header not counted. */
  maxRows: 2_000_000,
} as const;

export const ReadingLayout = z.enum(['long', 'wide']);
export type ReadingLayout = z.infer<typeof ReadingLayout>;
export const ReadingValueKind = z.enum(['cumulative', 'interval']);
export type ReadingValueKind = z.infer<typeof ReadingValueKind>;

/**
 * What can be wrong with a row. Every kind but negative_delta stops the commit; a negative delta
 * is imported and lands in the review queue, never silently dropped, so it is a warning.
 */
export const ReadingProblemKind = z.enum([
  'unknown_meter',
  'bad_time',
  'no_zone',
  'bad_value',
  'duplicate_conflict',
  'outside_installation',
  'negative_delta',
]);
export type ReadingProblemKind = z.infer<typeof ReadingProblemKind>;

export const ReadingImportProblem = z.object({
  /** Row as the spreadsheet shows it: the header is row 1. */
  row: z.number().int().positive(),
  /** The column's header as written in the file ('' for the row as a whole). */
  column: z.string(),
  value: z.string(),
  kind: ReadingProblemKind,
  severity: z.enum(['error', 'warning']),
  /** Chinese first, then English: '未知表计 / unknown meter'. */
  reason: z.string(),
});
export type ReadingImportProblem = z.infer<typeof ReadingImportProblem>;

export const ReadingImportReport = z.object({
  format: TableFormat,
  encoding: TextEncodingName,
  layout: ReadingLayout,
  values: ReadingValueKind,
  /** The zone timestamps without one were read in; null when every timestamp carried its own. */
  zone: z.string().nullable(),
  /** Some timestamps carry no zone and none was given: choose one and run again. */
  zoneNeeded: z.boolean(),
  /** Data rows read (blank rows not counted). */
  rows: z.number().int().nonnegative(),
  /** Readings found (a wide row holds one per meter cell). */
  readings: z.number().int().nonnegative(),
  meters: z.number().int().nonnegative(),
  /** New readings a commit writes; `unchanged` equal ones already stored (a re-import). */
  inserts: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Earliest and latest instant in the file (UTC). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** In row order, capped at maxReportedReadingProblems; `byKind` and `problemCount` count all. */
  problems: z.array(ReadingImportProblem),
  problemCount: z.number().int().nonnegative(),
  byKind: z.record(ReadingProblemKind, z.number().int().nonnegative()),
  /** No errors (warnings allowed) and no zone needed. */
  canCommit: z.boolean(),
});
export type ReadingImportReport = z.infer<typeof ReadingImportReport>;

export const maxReportedReadingProblems = 2_000;

export const ReadingImportResult = z.object({
  inserted: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  meters: z.number().int().nonnegative(),
  /** Negative deltas the import put in the review queue. */
  reviews: z.number().int().nonnegative(),
});
export type ReadingImportResult = z.infer<typeof ReadingImportResult>;

const ErrorBody = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});

export const ImportJobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type ImportJobState = z.infer<typeof ImportJobState>;
export const ImportPhase = z.enum(['reading', 'checking', 'writing', 'finished']);

export const ImportJobStatus = z.object({
  jobId: Id,
  state: ImportJobState,
  dryRun: z.boolean(),
  phase: ImportPhase,
  /** Rows handled in this phase, of `total` (0 while the file is still being read). */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  rowsPerSecond: z.number().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  /** The dry run's report, or a commit's report when it was refused for its problems. */
  report: ReadingImportReport.nullable(),
  result: ReadingImportResult.nullable(),
  error: ErrorBody.nullable(),
});
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const ReadingImportInput = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z.string(),
    zone: TimeZone.optional(),
    values: ReadingValueKind.default('cumulative'),
    dryRun: z.boolean().default(true),
  })
  .strict();
export type ReadingImportInput = z.infer<typeof ReadingImportInput>;

export const metersImportMethods = {
  /** Starts an import job (a dry run unless dryRun is false) and answers at once. */
  'meters.importStart': { input: ReadingImportInput, result: ImportJobStatus },
  /** Where a job stands; a finished job is kept for ten minutes after it ends. */
  'meters.importJob': { input: z.object({ jobId: Id }).strict(), result: ImportJobStatus },
  /** Stops a running job; its transaction is rolled back and nothing of it is written. */
  'meters.importCancel': { input: z.object({ jobId: Id }).strict(), result: ImportJobStatus },
} as const;
