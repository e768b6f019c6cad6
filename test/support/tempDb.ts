// Temporary SQLite files for tests: each lives in its own directory under os.tmpdir() (so the -wal
// and -shm files go with it) and is removed, with that directory, by cleanup().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';

export interface TempDir {
  dir: string;
  /** A path inside dir; the file itself is not created. */
  file(name?: string): string;
  cleanup(): void;
}

export function tempDir(prefix = 'utility-desk-test-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name = 'desk.db') => path.join(dir, name),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TempDb {
  /** Path of a database file that does not exist yet. */
  file: string;
  dir: string;
  cleanup(): void;
}

export function tempDbPath(name = 'desk.db'): TempDb {
  const tmp = tempDir();
  return { file: tmp.file(name), dir: tmp.dir, cleanup: tmp.cleanup };
}

export interface TempApi {
  api: Api;
  file: string;
  /** Closes the database (if still open) and removes its directory. */
  cleanup(): void;
}

/** A fresh, migrated database file behind the real dispatch table, checking results too. */
export function openTempApi(operator = '测试员'): TempApi {
  const tmp = tempDbPath();
  const api = openCore(tmp.file, { validateResults: true, operator });
  return {
    api,
    file: tmp.file,
    cleanup: () => {
      if (api.core.db.open) api.core.db.close();
      tmp.cleanup();
    },
  };
}
