// Opens a database file and builds the API over it: what the web host, the CLI, the Electron worker
// and the tests all share.
import os from 'node:os';
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
}

export function openCore(file: string, options: CoreOptions = {}): Api {
  const backupDir = options.backupDir ?? resolveBackupDir(file);
  const core: Core = {
    db: openDatabase(file, { backupDir }),
    file,
    appVersion: pkg.version,
    operator: options.operator ?? defaultOperator(),
    backupDir,
    reopen() {
      // Handlers read core.db afresh on every call, so replacing it here is all they need.
      core.db = openDatabase(file, { backupDir });
    },
  };
  return createApi(core, options);
}
