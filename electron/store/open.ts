// Opens (or creates) the SQLite file with the pragmas every connection needs, then migrates it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { registerFunctions } from './functions';
import { migrate, refuseNewerSchema } from './migrate';

export interface OpenOptions {
  /** Skip migrations (tests that build a database at an older version). */
  migrate?: boolean;
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    const migrating = options.migrate !== false && !options.readonly;
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
