// Small file-level helpers of the backup code: reading an SQLite header without opening the file,
// a read-only connection that leaves no files behind, telling whether two paths name one file, and
// turning a failed copy into a plain DeskError.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../shared/contract/errors';

const MAGIC = 'SQLite format 3\0';

export interface DbHeader {
  userVersion: number;
  appId: number;
}

/**
 * The schema version and application id from the first 100 bytes, or null when the file is not
 * SQLite. Cheap (no connection, no locks), so the backup list can show every file's version; the
 * values are those of the main file, which is all there is in a backup (rollback-journal mode).
 */
export function readDbHeader(file: string): DbHeader | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(100);
    if (fs.readSync(fd, head, 0, 100, 0) < 100) return null;
    if (head.toString('latin1', 0, 16) !== MAGIC) return null;
    return { userVersion: head.readInt32BE(60), appId: head.readInt32BE(68) };
  } catch {
    return null; // unreadable (a device, a file locked elsewhere): not a database we can use
  } finally {
    fs.closeSync(fd);
  }
}

export interface ReadOnly {
  db: Database.Database;
  close(): void;
}

/**
 * A read-only connection to an existing file. Reading a WAL-mode file creates its -wal and -shm,
 * and a read-only connection cannot delete them again; close() removes the ones this opening
 * created (the -wal only while empty), so checking a file leaves its folder as it was.
 */
export function openReadOnly(file: string): ReadOnly {
  const wal = `${file}-wal`;
  const shm = `${file}-shm`;
  const hadWal = fs.existsSync(wal);
  const hadShm = fs.existsSync(shm);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return {
    db,
    close() {
      db.close();
      if (hadWal) return;
      // A -wal with frames means another connection wrote meanwhile: its files are not ours.
      if (fs.existsSync(wal) && fs.statSync(wal).size > 0) return;
      fs.rmSync(wal, { force: true });
      if (!hadShm) fs.rmSync(shm, { force: true });
    },
  };
}

/** True when both paths name the same file (also through links and case-insensitive names). */
export function sameFile(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  if (process.platform !== 'linux' && ra.toLowerCase() === rb.toLowerCase()) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.ino !== 0 && sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

interface CodedError {
  code?: unknown;
  message?: unknown;
}

/** A failed write (or read) of a backup as a DeskError that says what to do about it. */
export function writeFailure(error: unknown, file: string, verb = 'written'): DeskError {
  if (error instanceof DeskError) return error;
  const e = error as CodedError;
  const code = typeof e?.code === 'string' ? e.code : '';
  const reason = typeof e?.message === 'string' ? e.message : String(error);
  const details = { file, reason };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new DeskError('DISK_FULL', `The disk is full: ${file} could not be ${verb}.`, details);
  }
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === 'SQLITE_CANTOPEN' ||
    ['EACCES', 'EPERM', 'EROFS'].includes(code)
  ) {
    return new DeskError(
      'READ_ONLY',
      `${file} could not be ${verb}: the folder is read-only or not accessible (${reason}).`,
      details,
    );
  }
  return new DeskError('INTERNAL', `${file} could not be ${verb}: ${reason}`, details);
}
