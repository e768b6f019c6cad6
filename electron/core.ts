// Opens a database file and builds the API over it: what the web host, the CLI, the Electron worker
// and the tests all share.
import os from 'node:os';
import { createApi, type Api, type ApiOptions } from './api';
import type { Core } from './context';
import { openDatabase } from './store/open';
import pkg from '../package.json' with { type: 'json' };

export function defaultOperator(): string {
  try {
    return os.userInfo().username || '操作员';
  } catch {
    return '操作员';
  }
}

export function openCore(file: string, options: ApiOptions & { operator?: string } = {}): Api {
  const db = openDatabase(file);
  const core: Core = {
    db,
    file,
    appVersion: pkg.version,
    operator: options.operator ?? defaultOperator(),
  };
  return createApi(core, options);
}
