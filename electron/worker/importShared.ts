// What the import job list (importJobs.ts) and the import thread (importWorker.ts) share: the
// data a thread starts with, the layout of the shared progress memory, and the final reply.
import type { ApiErrorBody } from '../../shared/contract/errors';
import type { ReadingImportOutcome, ReadingImportRequest } from '../services/readingImport';

export const PHASES = ['reading', 'checking', 'writing'] as const;

/** Slots of the Float64Array over `progress`. */
export const PROGRESS = { phase: 0, phaseStartedAt: 1, done: 2, total: 3 } as const;
export const PROGRESS_SLOTS = 4;

export interface ImportWorkerData {
  dbPath: string;
  backupDir: string;
  appVersion: string;
  actor: string;
  request: ReadingImportRequest;
  /** Int32 slot 0: 1 asks the thread to stop. */
  control: SharedArrayBuffer;
  progress: SharedArrayBuffer;
}

export type ImportWorkerReply =
  { ok: true; outcome: ReadingImportOutcome } | { ok: false; error: ApiErrorBody };
