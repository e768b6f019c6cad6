// A core that may fail to open and still answers: what the desktop worker (and the web host with
// --offer-restore) run, so the window can show why the database is not open and offer the way back
// instead of a dead app. While the database is refused, every call is answered with that refusal
// (CORRUPT, SCHEMA_TOO_NEW…) and `backup.recover` puts the newest good backup in place and opens it.
import { contract } from '../shared/contract';
import { DeskError, type ApiErrorBody, type Envelope } from '../shared/contract/errors';
import type { Api } from './api';
import { openCore, type CoreOptions } from './core';
import { toErrorBody } from './errors';
import { resolveBackupDir } from './paths';
import { findNewestGoodBackup } from './store/backupFolder';
import { backupPrefixFor } from './store/backupRotation';
import { latestVersion } from './store/migrations';
import { replaceDamagedWith } from './store/replaceDamaged';

export interface RecoverableCore {
  dispatch(method: string, input: unknown): Envelope<unknown>;
  /** The open API, or null while the database is refused. */
  current(): Api | null;
  /** Why the database is refused, or null when it is open. */
  refusal(): ApiErrorBody | null;
  /** Called with the API each time the database opens (at start or after a recovery). */
  onOpen(listener: (api: Api) => void): void;
  close(): void;
}

function refusal(file: string, error: unknown): ApiErrorBody {
  if (error instanceof DeskError) return error.toBody();
  // A local file the user chose: naming it (never a stack) is what lets them fix it.
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`[utility-desk] could not open the database ${file}: ${reason}`);
  return {
    code: 'INTERNAL',
    message: `The database could not be opened: ${file} (${reason})`,
    details: { file },
  };
}

export function openRecoverableCore(file: string, options: CoreOptions = {}): RecoverableCore {
  let api: Api | null = null;
  let refused: ApiErrorBody | null = null;
  const listeners: ((api: Api) => void)[] = [];

  function tryOpen(): void {
    try {
      api = openCore(file, options);
      refused = null;
      for (const listener of listeners) listener(api);
    } catch (error) {
      api = null;
      refused = refusal(file, error);
    }
  }

  function recover(input: unknown): Envelope<unknown> {
    const parsed = contract['backup.recover'].input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION', message: 'backup.recover takes no input' } };
    }
    const backupDir = options.backupDir ?? resolveBackupDir(file);
    const good = findNewestGoodBackup(backupDir, backupPrefixFor(file));
    if (!good) {
      return {
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: `在 ${backupDir} 中没有找到完好的备份 / No good backup was found in ${backupDir}`,
          details: { backupDir },
        },
      };
    }
    try {
      const replaced = replaceDamagedWith(file, good.file);
      tryOpen();
      if (!api) return { ok: false, error: refused ?? { code: 'INTERNAL', message: 'not open' } };
      return { ok: true, result: { ...replaced, schemaVersion: latestVersion } };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  }

  tryOpen();
  return {
    dispatch(method, input) {
      if (api) return api.dispatch(method, input);
      if (method === 'backup.recover' && refused?.code === 'CORRUPT') return recover(input);
      return { ok: false, error: refused ?? { code: 'INTERNAL', message: 'not open' } };
    },
    current: () => api,
    refusal: () => refused,
    onOpen(listener) {
      listeners.push(listener);
      if (api) listener(api);
    },
    close() {
      if (api?.core.db.open) api.core.db.close();
    },
  };
}
