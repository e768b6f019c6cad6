// The main-process side of the database worker: sends `{id, method, input}` to coreWorker and
// resolves each call with the `{id, envelope}` that comes back. Plain Node (no Electron import), so
// tests drive it directly. Every call is answered with an envelope, never left hanging: a call that
// takes too long, a worker that crashes or exits, and a client that is closed all answer INTERNAL.
import { Worker } from 'node:worker_threads';
import type { ApiErrorBody, Envelope } from '../../shared/contract/errors';
import type { CoreReply, CoreWorkerData, ToCoreWorker } from './coreWorker';

export interface CoreClientOptions {
  dbPath: string;
  /** The worker's Node options; it inherits the process's when absent. */
  execArgv?: string[];
  /** Who the audit log names; the OS user when absent. */
  operator?: string;
  /** How long one call may take before it is answered with INTERNAL (default 60 s). */
  timeoutMs?: number;
  /** How long close() lets the worker close the database before ending it (default 5 s). */
  closeTimeoutMs?: number;
  /** Where unexpected worker failures are reported (default console.error). */
  log?: (message: string, error?: unknown) => void;
}

export interface CoreClient {
  /** Resolves with the method's envelope; never rejects. */
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Lets calls already sent finish, closes the database and ends the worker. */
  close(): Promise<void>;
}

interface Pending {
  worker: Worker;
  resolve(envelope: Envelope<unknown>): void;
  timer: NodeJS.Timeout;
}

function failure(message: string, details?: unknown): Envelope<unknown> {
  const error: ApiErrorBody =
    details === undefined ? { code: 'INTERNAL', message } : { code: 'INTERNAL', message, details };
  return { ok: false, error };
}

function isReply(message: unknown): message is CoreReply {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<CoreReply>;
  return (
    typeof m.id === 'number' &&
    typeof m.envelope === 'object' &&
    m.envelope !== null &&
    typeof m.envelope.ok === 'boolean'
  );
}

export function createCoreClient(workerFile: string, options: CoreClientOptions): CoreClient {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const workerData: CoreWorkerData = options.operator
    ? { dbPath: options.dbPath, operator: options.operator }
    : { dbPath: options.dbPath };

  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | null = null;
  let closing: Promise<void> | null = null;

  function settle(id: number, envelope: Envelope<unknown>): void {
    const entry = pending.get(id);
    if (!entry) return; // already answered (timed out) or unknown
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(envelope);
  }

  /** Answers every call still waiting on a worker that has gone. */
  function failCallsOf(gone: Worker, envelope: Envelope<unknown>): void {
    for (const [id, entry] of pending) {
      if (entry.worker === gone) settle(id, envelope);
    }
  }

  function start(): Worker {
    const w = new Worker(workerFile, {
      workerData,
      name: 'utility-desk-core',
      ...(options.execArgv ? { execArgv: options.execArgv } : {}),
    });
    w.on('message', (message: unknown) => {
      if (isReply(message)) settle(message.id, message.envelope);
    });
    w.on('messageerror', (error) =>
      log('[utility-desk] unreadable message from the database worker:', error),
    );
    w.on('error', (error) => log('[utility-desk] the database worker failed:', error));
    w.on('exit', (code) => {
      // A later call starts a fresh worker; the calls this one held get an answer now.
      if (worker === w) worker = null;
      failCallsOf(
        w,
        failure(`The database worker stopped (exit code ${code}) before answering; try again.`),
      );
    });
    return w;
  }

  function call(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (closing) return Promise.resolve(failure('The database is closed.'));
    let w: Worker;
    try {
      w = worker ?? (worker = start());
    } catch (error) {
      log('[utility-desk] could not start the database worker:', error);
      return Promise.resolve(failure('The database worker could not be started.'));
    }
    const id = nextId++;
    return new Promise<Envelope<unknown>>((resolve) => {
      const timer = setTimeout(() => {
        // The worker is left running: the call may be a legitimately slow write that commits.
        settle(
          id,
          failure(
            `The database did not answer ${method} within ${Math.round(timeoutMs / 1000)} s.`,
            {
              method,
            },
          ),
        );
      }, timeoutMs);
      pending.set(id, { worker: w, resolve, timer });
      try {
        w.postMessage({ id, method, input } satisfies ToCoreWorker);
      } catch (error) {
        // Input that cannot be structured-cloned (functions, symbols) never reaches the worker.
        pending.delete(id);
        clearTimeout(timer);
        const reason = error instanceof Error ? error.message : String(error);
        resolve({
          ok: false,
          error: { code: 'BAD_REQUEST', message: `Input cannot be sent: ${reason}` },
        });
      }
    });
  }

  function close(): Promise<void> {
    if (closing) return closing;
    const w = worker;
    worker = null;
    closing = new Promise<void>((resolve) => {
      if (!w) return resolve();
      const timer = setTimeout(() => {
        log('[utility-desk] the database worker did not close in time; ending it.');
        void w.terminate();
      }, closeTimeoutMs);
      w.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      // Messages are handled in order, so calls sent before this one are answered first.
      w.postMessage({ type: 'close' } satisfies ToCoreWorker);
    });
    return closing;
  }

  // Start now, so the database opens (and migrates) while the window loads.
  try {
    worker = start();
  } catch (error) {
    log('[utility-desk] could not start the database worker:', error);
  }

  return { call, close };
}
