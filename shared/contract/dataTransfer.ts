// Methods for the whole-data export: every table of the database as CSV files in one zip with a
// manifest, and the restore of such a zip into an empty database (the round trip that lets a
// register move to a new PC or be read by other tools). Files travel as base64, as imports do, so
// the same call works over IPC and the web host.
import { z } from 'zod';

export const dataTransferLimits = {
  /**
   * The zip as sent. Base64 of it must still fit in one JavaScript string (about 512 M characters),
   * and the whole archive is held in memory while it is checked: 256 MB stays well inside both.
   */
  maxZipBytes: 256 * 1024 * 1024,
  /**
   * All CSV files unpacked together, judged from the sizes the zip declares before unpacking. Each
   * file is read as one string, so this also keeps every file under V8's string length limit.
   */
  maxUnpackedBytes: 512 * 1024 * 1024,
} as const;

/** Rows per table, by table name. */
const TableCounts = z.record(z.string(), z.number().int().nonnegative());

export const dataTransferMethods = {
  /** Writes a zip of one CSV file per table plus manifest.json; reads in one snapshot. */
  'data.exportAll': {
    input: z.object({}).strict(),
    result: z.object({ fileName: z.string(), contentBase64: z.string(), tables: TableCounts }),
  },
  /**
   * Restores an export into an empty database (CONFLICT otherwise), all tables in one transaction,
   * after checking the manifest, the schema version and every file's SHA-256.
   */
  'data.importAll': {
    input: z.object({ fileName: z.string().trim().min(1).max(255), contentBase64: z.string() }),
    result: z.object({ tables: TableCounts }),
  },
} as const;
