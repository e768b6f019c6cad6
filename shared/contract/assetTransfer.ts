// Methods for moving the asset register in and out of spreadsheets: a dry-run import report, the
// commit of an import, export of a filtered register, and blank templates. Files travel as base64
// so the same call works over IPC and the web host.
import { z } from 'zod';
import { AssetFilter } from './assets';

/**
 * Limits on an imported file, checked before anything is parsed. The renderer may check them too
 * and refuse early; the core enforces them either way.
 */
export const importLimits = {
  /** Decoded file size: a register of 200,000 rows fits in a few MB, 20 MB leaves ample room. */
  maxBytes: 20 * 1024 * 1024,
  /** Data rows (the header row not counted). */
  maxRows: 200_000,
} as const;

export const TableFormat = z.enum(['csv', 'xlsx']);
export type TableFormat = z.infer<typeof TableFormat>;

/** How a CSV's bytes were read; XLSX is always UTF-8 inside. */
export const TextEncodingName = z.enum(['utf-8', 'utf-8-bom', 'gb18030']);
export type TextEncodingName = z.infer<typeof TextEncodingName>;

export const SheetLanguage = z.enum(['zh-CN', 'en']);
export type SheetLanguage = z.infer<typeof SheetLanguage>;

// No max length on the content here: the service measures it against importLimits.maxBytes and
// answers with a message that gives the limit, which a schema error could not say as plainly.
const ImportFile = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string(),
});

export const ImportProblem = z.object({
  /** Row as the spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: z.number().int().positive(),
  /** The column's header as written in the file ('' when the problem is the row itself). */
  column: z.string(),
  value: z.string(),
  /** Plain English: 'unknown place', 'duplicate code in file', 'not a number'… */
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportReport = z.object({
  format: TableFormat,
  encoding: TextEncodingName,
  /** Data rows read (blank rows are not counted). */
  rows: z.number().int().nonnegative(),
  /** Rows without problems: creates + updates + unchanged. */
  valid: z.number().int().nonnegative(),
  creates: z.number().int().nonnegative(),
  updates: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Every problem, in row order (capped at maxReportedProblems; problemCount has the total). */
  problems: z.array(ImportProblem),
  problemCount: z.number().int().nonnegative(),
  /** Headers that match no column; their cells are ignored. */
  unknownHeaders: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** A report of a file where every row is wrong stays a few MB at most. */
export const maxReportedProblems = 5_000;

const ExportedFile = z.object({ fileName: z.string(), contentBase64: z.string() });

export const assetsTransferMethods = {
  /** Reads and checks a file as an import would, and writes nothing. */
  'assets.importPreview': { input: ImportFile, result: ImportReport },
  /**
   * Imports in one transaction: 'valid' writes the rows without problems, 'all' writes every row
   * or, when any row has a problem, nothing (VALIDATION with the problems). Rows update by code.
   */
  'assets.importCommit': {
    input: ImportFile.extend({ mode: z.enum(['valid', 'all']) }),
    result: z.object({
      created: z.number().int().nonnegative(),
      updated: z.number().int().nonnegative(),
      unchanged: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
    }),
  },
  'assets.export': {
    input: z.object({
      filter: AssetFilter.default({}),
      format: TableFormat,
      language: SheetLanguage,
    }),
    result: ExportedFile.extend({ rows: z.number().int().nonnegative() }),
  },
  /** Headers plus one example row per kind, as a guide to filling in an import. */
  'assets.template': {
    input: z.object({ format: TableFormat, language: SheetLanguage }),
    result: ExportedFile,
  },
} as const;
