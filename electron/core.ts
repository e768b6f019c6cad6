// Opens a database file and builds the API over it: what the web host, the CLI, the Electron worker
// and the tests all share.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, type Api, type ApiOptions } from './api';
import type { Core } from './context';
import { resolveBackupDir } from './paths';
import { openDatabase } from './store/open';
import pkg from '../package.json' with { type: 'json' };

export function defaultOperator(): string {
  try {
    return os.userInfo().username || '操作员';
  } catch {
    return '操作员';
  }
}

export interface CoreOptions extends ApiOptions {
  operator?: string;
  /** Where backups go (default: UTILITY_DESK_BACKUP_DIR, else `backups` beside the file). */
  backupDir?: string;
  /** Open for reading only (also chosen by itself when the file or its folder cannot be written). */
  readOnly?: boolean;
}

/**
 * A database on read-only media (a CD, a write-protected USB stick, a shared folder without write
 * rights) is opened for reading rather than refused: people can still look things up, and every
 * write is answered READ_ONLY by SQLite itself.
 */
export function cannotWrite(file: string): boolean {
  try {
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

export function openCore(file: string, options: CoreOptions = {}): Api {
  const backupDir = options.backupDir ?? resolveBackupDir(file);
  const readOnly = options.readOnly === true || (fs.existsSync(file) && cannotWrite(file));
  const core: Core = {
    db: openDatabase(file, { backupDir, readonly: readOnly }),
    readOnly,
    file,
    appVersion: pkg.version,
    operator: options.operator ?? defaultOperator(),
    backupDir,
    reopen() {
      // Handlers read core.db afresh on every call, so replacing it here is all they need.
      core.db = openDatabase(file, { backupDir, readonly: core.readOnly });
    },
  };
  return createApi(core, options);
}
