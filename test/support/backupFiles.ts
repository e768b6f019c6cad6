// Helpers of the backup tests: a file's hash (to show it was not touched), damaging a real
// database file the way a failing disk does, and a short-lived connection to look inside a file.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Overwrites the first 512 bytes of every page in the middle third of the file (b-tree page
 * headers and cell pointers) with a fixed garbage pattern, so the damage is the same on every run.
 * The file must be closed (no -wal with newer pages) and at least a few dozen pages long.
 */
export function corrupt(file: string): void {
  const pageSize = fs.readFileSync(file).readUInt16BE(16) || 65536;
  const pages = Math.floor(fs.statSync(file).size / pageSize);
  if (pages < 30) throw new Error(`corrupt(): ${file} has only ${pages} pages`);
  const garbage = Buffer.alloc(512);
  let x = 0x2f6b1d3;
  for (let i = 0; i < garbage.length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    garbage[i] = x >>> 24;
  }
  const fd = fs.openSync(file, 'r+');
  try {
    for (let page = Math.floor(pages / 3); page < Math.floor((2 * pages) / 3); page += 1) {
      fs.writeSync(fd, garbage, 0, garbage.length, page * pageSize);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Runs `fn` on a connection of its own to `file` (read-only unless told), then closes it. */
export function withDb<T>(file: string, fn: (db: Database.Database) => T, readonly = true): T {
  const db = new Database(file, { readonly, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
