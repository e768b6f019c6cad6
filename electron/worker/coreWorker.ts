// The database thread of the desktop app. It opens the core on its own connection and answers the
// main process's `{id, method, input}` messages with `{id, envelope}`, one at a time. It runs in a
// worker_threads Worker because better-sqlite3 is synchronous: a slow query here never freezes the
// main process that relays IPC and draws windows. Plain Node; it never imports Electron.
import { parentPort, workerData } from 'node:worker_threads';
import { DeskError, type ApiErrorBody, type Envelope } from '../../shared/contract/errors';
import type { Api } from '../api';
import { openCore } from '../core';
import { toErrorBody } from '../errors';
import { scheduleDailyBackups } from '../services/backup';

/** What the main side passes as workerData. */
export interface CoreWorkerData {
  dbPath: string;
  operator?: string;
}

/** One API call. */
export interface CoreRequest {
  id: number;
  method: string;
  input: unknown;
}

/** Asks the worker to close the database (after every call sent before it) and end. */
export interface CoreCloseRequest {
  type: 'close';
}

export type ToCoreWorker = CoreRequest | CoreCloseRequest;

export interface CoreReply {
  id: number;
  envelope: Envelope<unknown>;
}

function isRequest(message: unknown): message is CoreRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<CoreRequest>;
  return typeof m.id === 'number' && typeof m.method === 'string';
}

function isClose(message: unknown): message is CoreCloseRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as CoreCloseRequest).type === 'close'
  );
}

/**
 * Opens the database once. A failure (a file that cannot be opened, a schema newer than this app)
 * does not end the thread: every call is answered with the reason instead, so the window can show
 * it rather than waiting on a worker that is gone.
 */
function open(data: CoreWorkerData): { api: Api } | { error: ApiErrorBody } {
  try {
    const options = data.operator ? { operator: data.operator } : {};
    return { api: openCore(data.dbPath, options) };
  } catch (error) {
    if (error instanceof DeskError) return { error: error.toBody() }; // e.g. SCHEMA_TOO_NEW
    // A local file the user chose: naming it (never a stack) is what lets them fix it.
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`[utility-desk] could not open the database ${data.dbPath}: ${reason}`);
    return {
      error: {
        code: 'INTERNAL',
        message: `The database could not be opened: ${data.dbPath} (${reason})`,
        details: { file: data.dbPath },
      },
    };
  }
}

function run(): void {
  const port = parentPort;
  if (!port) throw new Error('coreWorker must run as a worker thread (see coreClient.ts)');
  const data = workerData as CoreWorkerData;
  const opened = open(data);
  // Today's backup at start, then an hourly look (see ensureDailyBackup); calls queue meanwhile.
  const stopBackups = 'api' in opened ? scheduleDailyBackups(opened.api.core) : () => undefined;

  port.on('message', (message: unknown) => {
    if (isClose(message)) {
      stopBackups();
      if ('api' in opened && opened.api.core.db.open) opened.api.core.db.close();
      // Nothing else keeps the thread alive, so it ends and the main side sees 'exit'.
      port.close();
      return;
    }
    if (!isRequest(message)) return;
    const envelope: Envelope<unknown> =
      'api' in opened
        ? opened.api.dispatch(message.method, message.input)
        : { ok: false, error: opened.error };
    try {
      port.postMessage({ id: message.id, envelope } satisfies CoreReply);
    } catch (error) {
      // A result that cannot be structured-cloned still gets an answer, never silence.
      port.postMessage({
        id: message.id,
        envelope: { ok: false, error: toErrorBody(error) },
      } satisfies CoreReply);
    }
  });
}

run();
