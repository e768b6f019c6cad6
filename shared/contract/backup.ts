// Methods of backup and restore: the backups in the backup folder, "back up now" (into the folder
// or to a chosen file), restoring a backup over the current database (which is itself backed up
// first), and the start-up check's verdict with the newest good backup to offer.
import { z } from 'zod';

/**
 * A path on the machine running the core, as a file dialog gives it. No control characters: a NUL
 * would cut the path short where SQLite reads it, after the checks ran on the whole of it.
 */
const FilePath = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'a file path has no control characters');

export const BackupItem = z.object({
  file: z.string(),
  name: z.string(),
  /** When it was taken, UTC ISO-8601 (from the local time in its name). */
  at: z.string(),
  bytes: z.number().int().nonnegative(),
  /** The file's schema version; absent when it is not an SQLite file at all. */
  schemaVersion: z.number().int().optional(),
  /** 'before-restore', 'before-migrate', 'unverified'; absent for regular backups. */
  tag: z.string().optional(),
});
export type BackupItem = z.infer<typeof BackupItem>;

export const BackupVerification = z.object({
  /** Ours and intact (PRAGMA integrity_check said ok). */
  ok: z.boolean(),
  schemaVersion: z.number().int(),
  /** 'ok' or what integrity_check reported. */
  integrity: z.string(),
  /** Rows per table. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  appId: z.number().int(),
});
export type BackupVerification = z.infer<typeof BackupVerification>;

export const GoodBackup = BackupItem.extend({ schemaVersion: z.number().int() });

export const backupMethods = {
  /** The backup folder and its `.db` files, newest first. */
  'backup.list': {
    input: z.object({}).strict(),
    result: z.object({ folder: z.string(), items: z.array(BackupItem) }),
  },
  /**
   * A backup now: into the backup folder when no file is given, else to `file` (an existing file
   * there is replaced only when it is an SQLite database). Answers the copy's check.
   */
  'backup.now': {
    input: z.object({ file: FilePath.optional() }).strict(),
    result: BackupVerification.extend({ file: z.string(), name: z.string(), bytes: z.number() }),
  },
  /**
   * Replaces the current database with a backup: refused unless it is ours, intact and not newer
   * than this app (SCHEMA_TOO_NEW); an older one is migrated. The current database is backed up
   * into the folder first (`previous`).
   */
  'backup.restore': {
    input: z.object({ file: FilePath }).strict(),
    result: z.object({
      restored: z.object({ file: z.string(), schemaVersion: z.number().int() }),
      /** The schema version after migrating: this app's latest. */
      schemaVersion: z.number().int(),
      previous: z.object({ file: z.string(), name: z.string() }),
      counts: z.record(z.string(), z.number().int().nonnegative()),
    }),
  },
  /** quick_check of the open database, and the newest backup that would restore. */
  'backup.startupCheck': {
    input: z.object({}).strict(),
    result: z.object({
      quickCheck: z.string(),
      newestGoodBackup: GoodBackup.optional(),
    }),
  },
  /**
   * The way out when the database failed its start-up check: puts the newest good backup in place
   * of the damaged file (kept beside it) and opens it. Answered only while the app is in that
   * state; with a healthy database it is refused with CONFLICT (use backup.restore).
   */
  'backup.recover': {
    input: z.object({}).strict(),
    result: z.object({
      restoredFrom: z.string(),
      keptAs: z.string().optional(),
      schemaVersion: z.number().int(),
    }),
  },
} as const;
