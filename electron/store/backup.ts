// Copies of the database and the check of a copy. A copy is made with SQLite's online backup API
// (a consistent snapshot of committed data, read through the WAL, safe while other connections
// write) and never by copying the file, which can catch a live WAL database half-checkpointed.
// A copy is checked by opening it read-only: is it ours (application_id, else the tables of its
// schema version), PRAGMA integrity_check, and row counts of its tables.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DeskError } from '../../shared/contract/errors';
import { registerFunctions } from './functions';
import { migrate } from './migrate';
import { latestVersion, migrations } from './migrations';
import { APPLICATION_ID } from './migrations/0050-application-id';
import { openReadOnly, readDbHeader, sameFile, writeFailure, type ReadOnly } from './backupFiles';

/** The first schema version whose files carry APPLICATION_ID; older ones are known by their tables. */
const MARKED_FROM_VERSION = 50;

export interface BackupVerification {
  /** The copy is ours and passed PRAGMA integrity_check. */
  ok: boolean;
  schemaVersion: number;
  /** 'ok', or what integrity_check reported (its first lines). */
  integrity: string;
  /** Rows in each ordinary table (FTS shadow tables left out). */
  counts: Record<string, number>;
  appId: number;
}

// better-sqlite3's db.backup() drives a native backup object one step per event-loop turn and
// returns a Promise, but the dispatch table is synchronous and a restore must back up, close, swap
// and reopen with no other call in between. So this drives that same native object (the one
// db.backup() creates: sqlite3_backup_init/step/finish) directly, copying every page in one step,
// which also keeps the source's read snapshot for the whole copy. It is synchronous and blocks the
// thread for the copy: about a second per few hundred MB, acceptable in the database worker for
// now; a backup in its own worker with its own connection is the way on once files grow larger.
interface NativeBackup {
  transfer(pages: number): { totalPages: number; remainingPages: number };
  close(): void;
}
interface NativeDatabase {
  backup(db: Database.Database, attached: string, dest: string, unlinkOnFailure: boolean): unknown;
}

const requireCjs = createRequire(import.meta.url);
const { cppdb } = requireCjs('better-sqlite3/lib/util') as { cppdb: symbol };

function nativeOf(db: Database.Database): NativeDatabase {
  const native = (db as unknown as Record<symbol, unknown>)[cppdb];
  if (typeof (native as Partial<NativeDatabase> | undefined)?.backup !== 'function') {
    // Caught by the backup tests the day a better-sqlite3 upgrade moves its internals.
    throw new Error('better-sqlite3 internals changed: no native backup on the connection');
  }
  return native as NativeDatabase;
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes a consistent copy of `db` to `destFile` (replacing an older SQLite file there, never any
 * other file) through a temporary file, so `destFile` is never a half-written copy. The copy is
 * switched to rollback-journal mode: one self-contained file that opens read-only anywhere.
 */
export function backupTo(db: Database.Database, destFile: string): { bytes: number } {
  const dest = path.resolve(destFile);
  const live = path.resolve(db.name);
  if ([live, `${live}-wal`, `${live}-shm`].some((f) => sameFile(f, dest))) {
    throw new DeskError('BAD_REQUEST', 'A backup cannot be written over the database itself.', {
      file: dest,
    });
  }
  refuseOverwrite(dest);
  const partial = `${dest}.partial`;
  for (const f of [partial, `${partial}-journal`]) fs.rmSync(f, { force: true });
  try {
    const copy = nativeOf(db).backup(db, 'main', partial, true) as NativeBackup;
    try {
      // SQLITE_BUSY (a lock the copy needs is held elsewhere) comes back as progress with pages
      // to go, or with no page count at all when it struck before the first page: retry. Done is
      // a known page count with none remaining (a database has at least one page).
      const done = (p: { totalPages: number; remainingPages: number }) =>
        p.totalPages > 0 && p.remainingPages === 0;
      let step = copy.transfer(-1);
      for (let tries = 0; !done(step) && tries < 100; tries += 1) {
        sleepMs(50);
        step = copy.transfer(-1);
      }
      if (!done(step)) throw new Error('the database stayed busy for 5 s');
    } finally {
      copy.close();
    }
    const single = new Database(partial);
    try {
      single.pragma('journal_mode = DELETE');
    } finally {
      single.close();
    }
    fs.rmSync(`${dest}-shm`, { force: true });
    fs.renameSync(partial, dest);
    syncFolder(path.dirname(dest));
    return { bytes: fs.statSync(dest).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw writeFailure(error, dest);
  }
}

/** Only a missing file or an older SQLite file with no WAL or journal beside it may be replaced. */
function refuseOverwrite(dest: string): void {
  if (!fs.existsSync(path.dirname(dest))) {
    throw new DeskError('BAD_REQUEST', `The folder ${path.dirname(dest)} does not exist.`, {
      file: dest,
    });
  }
  if (!fs.existsSync(dest)) return;
  if (!fs.statSync(dest).isFile() || !readDbHeader(dest)) {
    throw new DeskError(
      'BAD_REQUEST',
      `${dest} exists and is not an SQLite database; choose another file name.`,
      { file: dest },
    );
  }
  if (fs.existsSync(`${dest}-wal`) || fs.existsSync(`${dest}-journal`)) {
    throw new DeskError('CONFLICT', `${dest} looks open in another program; choose another name.`, {
      file: dest,
    });
  }
}

function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Folders cannot be opened for fsync on Windows; the rename is durable there on its own.
  }
}

const expectedByVersion = new Map<number, string[]>();

/** The ordinary tables a database has at `version`: the migrations replayed in memory. */
function expectedTables(version: number): string[] {
  let tables = expectedByVersion.get(version);
  if (!tables) {
    const mem = new Database(':memory:');
    try {
      // Migrations may call the app's SQL functions (0080 backfills its word index with them).
      registerFunctions(mem);
      migrate(mem, migrations, version);
      tables = tableNames(mem);
    } finally {
      mem.close();
    }
    expectedByVersion.set(version, tables);
  }
  return tables;
}

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>(
      `SELECT name FROM pragma_table_list
       WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
       ORDER BY name`,
    )
    .all()
    .map((r) => r.name);
}

function notOurs(file: string, reason: string, why: string): DeskError {
  return new DeskError('BAD_REQUEST', `${path.basename(file)} ${why}`, { file, reason });
}

/** Throws unless a readable file with this header and these tables is a Utility Desk database. */
function assertOurs(file: string, appId: number, version: number, tables: string[]): void {
  const known = migrations.some((m) => m.version === version);
  const marked = appId === APPLICATION_ID;
  if (marked && version > latestVersion) return; // a newer app's file: refused by version later
  if (!marked && appId !== 0) {
    throw notOurs(
      file,
      'foreign-app',
      `is an SQLite database of another program (application id ${appId}), not a Utility Desk database.`,
    );
  }
  if (!known || (!marked && version >= MARKED_FROM_VERSION)) {
    throw notOurs(
      file,
      'unknown-schema',
      `is an SQLite database but not a Utility Desk one (schema version ${version}).`,
    );
  }
  const missing = expectedTables(version).filter((t) => !tables.includes(t));
  if (missing.length) {
    throw notOurs(
      file,
      'tables',
      `is not a Utility Desk database: it lacks the tables ${missing.join(', ')}.`,
    );
  }
}

/**
 * Opens `file` read-only and checks it. Throws NOT_FOUND for no file and BAD_REQUEST for a file that
 * is not SQLite or not ours; a damaged file of ours answers ok: false with what integrity_check said.
 */
export function verifyBackup(file: string): BackupVerification {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
    throw new DeskError('NOT_FOUND', `There is no backup file at ${abs}.`, { file: abs });
  }
  const header = readDbHeader(abs);
  if (!header) {
    throw notOurs(abs, 'not-sqlite', 'is not an SQLite database, so not a Utility Desk backup.');
  }
  let reader: ReadOnly;
  try {
    reader = openReadOnly(abs);
  } catch (error) {
    throw writeFailure(error, abs, 'read');
  }
  const db = reader.db;
  try {
    let schemaVersion = header.userVersion;
    let appId = header.appId;
    let tables: string[];
    try {
      // Through SQLite rather than the header bytes: a WAL beside the file may hold newer values.
      schemaVersion = db.pragma('user_version', { simple: true }) as number;
      appId = db.pragma('application_id', { simple: true }) as number;
      tables = tableNames(db);
    } catch (error) {
      if (appId !== APPLICATION_ID) throw notOurs(abs, 'unreadable', 'cannot be read as SQLite.');
      return { ok: false, schemaVersion, integrity: messageOf(error), counts: {}, appId };
    }
    assertOurs(abs, appId, schemaVersion, tables);
    const integrity = integrityOf(db);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      try {
        const row = db
          .prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`)
          .get();
        counts[table] = row?.n ?? 0;
      } catch {
        // A damaged table cannot be counted; integrity already says why.
      }
    }
    return { ok: integrity === 'ok', schemaVersion, integrity, counts, appId };
  } finally {
    reader.close();
  }
}

function integrityOf(db: Database.Database): string {
  try {
    const rows = db.pragma('integrity_check(20)') as { integrity_check: string }[];
    const lines = problemLines(rows.map((r) => r.integrity_check));
    return lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('; ').slice(0, 2000);
  } catch (error) {
    return messageOf(error);
  }
}

/** integrity_check's rows as single lines, without its "*** in database main ***" headings. */
export function problemLines(rows: string[]): string[] {
  return rows
    .flatMap((row) => row.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line && !/^\*\*\* in database/.test(line));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Throws SCHEMA_TOO_NEW or CORRUPT for a checked copy that cannot be restored by this app. */
export function assertRestorable(file: string, check: BackupVerification): void {
  if (check.schemaVersion > latestVersion) {
    throw new DeskError(
      'SCHEMA_TOO_NEW',
      `The backup ${path.basename(file)} has schema version ${check.schemaVersion}, newer than this app understands (${latestVersion}). Update Utility Desk to restore it; nothing was changed.`,
      { file, databaseVersion: check.schemaVersion, appVersion: latestVersion },
    );
  }
  if (!check.ok) {
    throw new DeskError(
      'CORRUPT',
      `The backup ${path.basename(file)} is damaged (${check.integrity.slice(0, 200)}); choose another backup. Nothing was changed.`,
      { file, integrity: check.integrity },
    );
  }
}
