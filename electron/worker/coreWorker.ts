// The database thread of the desktop app. It opens the core on its own connection and answers the
// main process's `{id, method, input}` messages with `{id, envelope}`, one at a time. It runs in a
// worker_threads Worker because better-sqlite3 is synchronous: a slow query here never freezes the
// main process that relays IPC and draws windows. Plain Node; it never imports Electron.
import { parentPort, workerData } from 'node:worker_threads';
import type { Envelope } from '../../shared/contract/errors';
import { toErrorBody } from '../errors';
import { openRecoverableCore } from '../recoverableCore';
import { scheduleDailyJobs } from '../services/dailyJobs';

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

function run(): void {
  const port = parentPort;
  if (!port) throw new Error('coreWorker must run as a worker thread (see coreClient.ts)');
  const data = workerData as CoreWorkerData;
  // A database that cannot be opened (damaged, from a newer app) does not end the thread: every
  // call is answered with the reason, so the window can show it and offer the newest good backup.
  const core = openRecoverableCore(data.dbPath, data.operator ? { operator: data.operator } : {});
  // Today's backup and due plan orders at start (or once a recovered database opens), then hourly.
  let stopJobs: () => void = () => undefined;
  core.onOpen((api) => {
    stopJobs();
    stopJobs = scheduleDailyJobs(api.core);
  });

  port.on('message', (message: unknown) => {
    if (isClose(message)) {
      stopJobs();
      core.close();
      // Nothing else keeps the thread alive, so it ends and the main side sees 'exit'.
      port.close();
      return;
    }
    if (!isRequest(message)) return;
    const envelope = core.dispatch(message.method, message.input);
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
