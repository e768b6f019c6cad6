// Opens (or creates) the SQLite file with the pragmas every connection needs, then migrates it.
// An existing file is first looked at through a read-only connection: PRAGMA quick_check (a damaged
// file is never opened for writing) and, when its schema is older, a checked backup before any
// migration step writes to it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../shared/contract/errors';
import { resolveBackupDir } from '../paths';
import { problemLines } from './backup';
import { findNewestGoodBackup, writeBackupInto } from './backupFolder';
import { backupPrefixFor } from './backupRotation';
import { registerFunctions } from './functions';
import { migrate, refuseNewerSchema } from './migrate';
import { latestVersion } from './migrations';

export interface OpenOptions {
  /** Skip migrations (tests that build a database at an older version). */
  migrate?: boolean;
  readonly?: boolean;
  /** Where a pre-upgrade backup goes and where CORRUPT looks for a good one (resolveBackupDir). */
  backupDir?: string;
  /** Back up an older database before migrating it (default true; off for a restore's staged copy). */
  backupBeforeMigrate?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const inMemory = file === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const migrating = options.migrate !== false && !options.readonly;
  if (!inMemory && !options.readonly && hasContent(file)) {
    checkBeforeWriting(file, migrating, options);
  }
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    // Refuse a database from a newer app before anything (even its journal mode) is written to it.
    if (migrating) refuseNewerSchema(db);
    applyPragmas(db, options.readonly ?? false);
    if (migrating) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A second connection to a file this app already opened, checked and migrated (a long job's, in
 * its own thread): none of the start-up checks again, the same pragmas and SQL functions.
 */
export function openSecondConnection(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  try {
    applyPragmas(db, false);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function hasContent(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/**
 * The start-up checks, on a read-only connection so that nothing (not even a WAL checkpoint on
 * close) writes to a file before it has passed them. quick_check reads every page, about a second
 * per few hundred MB: the price of never writing into a damaged file.
 */
function checkBeforeWriting(file: string, migrating: boolean, options: OpenOptions): void {
  const folder = options.backupDir ?? resolveBackupDir(file);
  // A plain read-only connection: the -wal and -shm it may create are the live database's own,
  // which the read-write connection opened next uses and removes when it closes.
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const problems = quickCheck(db);
    if (problems.length) throw corruptError(file, folder, problems);
    if (!migrating) return;
    const version = refuseNewerSchema(db);
    if (version > 0 && version < latestVersion && options.backupBeforeMigrate !== false) {
      const prefix = backupPrefixFor(file);
      const written = writeBackupInto(db, folder, new Date(), 'before-migrate', prefix);
      if (!written.verification.ok) {
        throw corruptError(file, folder, [written.verification.integrity]);
      }
    }
  } finally {
    db.close();
  }
}

/** What quick_check found wrong (empty when the file is fine); unreadable files count as damaged. */
function quickCheck(db: Database.Database): string[] {
  try {
    const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
    const lines = problemLines(rows.map((r) => r.quick_check));
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

function corruptError(file: string, folder: string, problems: string[]): DeskError {
  const good = findNewestGoodBackup(folder, backupPrefixFor(file));
  const newestGoodBackup = good && {
    file: good.file,
    name: good.name,
    at: good.at,
    schemaVersion: good.schemaVersion,
  };
  const offer = good
    ? `The newest good backup is ${good.file} (${good.at}); restore it.`
    : `No good backup was found in ${folder}.`;
  return new DeskError(
    'CORRUPT',
    `The database ${file} is damaged (${problems[0]?.slice(0, 200)}) and was not opened. ${offer}`,
    {
      file,
      problems: problems.slice(0, 20),
      backupDir: folder,
      ...(newestGoodBackup ? { newestGoodBackup } : {}),
    },
  );
}

export function applyPragmas(db: Database.Database, readonly: boolean): void {
  registerFunctions(db);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the
    // last transactions, never corrupt the file.
    db.pragma('synchronous = NORMAL');
  }
}
