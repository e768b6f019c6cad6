// The running and recently finished reading imports of this process. Each import runs in a
// worker thread of its own (importWorker.ts) on its own connection, so the thread that answers
// the window is never blocked by it: a status call reads the thread's progress from shared
// memory, a cancel sets a flag there. One import at a time — its transaction holds the database's
// write lock, and a second would only wait for it. Finished jobs are kept ten minutes.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportJobStatus } from '../../shared/contract/readingImport';
import { DeskError, type ApiErrorBody } from '../../shared/contract/errors';
import type { ReadingImportOutcome, ReadingImportRequest } from '../services/readingImport';
import { newId } from '../store/tx';
import {
  PHASES,
  PROGRESS,
  PROGRESS_SLOTS,
  type ImportWorkerData,
  type ImportWorkerReply,
} from './importShared';

const KEEP_MS = 10 * 60_000;

interface Job {
  id: string;
  dryRun: boolean;
  startedAt: number;
  endedAt: number | null;
  state: ImportJobStatus['state'];
  control: Int32Array;
  progress: Float64Array;
  outcome: ReadingImportOutcome | null;
  error: ApiErrorBody | null;
  worker: Worker | null;
}

const jobs = new Map<string, Job>();

/**
 * How to start the thread. From the sources (tests, `npm run serve`) tsx compiles its TypeScript
 * on the fly; in the bundle (build-electron.mjs) importWorker.cjs sits beside the running file.
 */
function startThread(data: ImportWorkerData): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
    const entry = path.join(path.dirname(here), 'importWorker.ts');
    const code = `require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`;
    return new Worker(code, { eval: true, workerData: data });
  }
  return new Worker(path.join(path.dirname(here), 'importWorker.cjs'), { workerData: data });
}

function forget(now: number): void {
  for (const [id, job] of jobs) {
    if (job.endedAt !== null && now - job.endedAt > KEEP_MS) jobs.delete(id);
  }
}

export interface JobOwner {
  dbPath: string;
  backupDir: string;
  appVersion: string;
  actor: string;
}

export function startImport(owner: JobOwner, request: ReadingImportRequest): ImportJobStatus {
  const now = Date.now();
  forget(now);
  if ([...jobs.values()].some((j) => j.state === 'running')) {
    throw new DeskError(
      'CONFLICT',
      '另一个导入正在进行，请等它完成或取消 / Another import is running; wait for it or cancel it.',
      { reason: 'IMPORT_RUNNING' },
    );
  }
  const control = new SharedArrayBuffer(4);
  const progress = new SharedArrayBuffer(PROGRESS_SLOTS * 8);
  const job: Job = {
    id: newId(),
    dryRun: request.dryRun,
    startedAt: now,
    endedAt: null,
    state: 'running',
    control: new Int32Array(control),
    progress: new Float64Array(progress),
    outcome: null,
    error: null,
    worker: null,
  };
  job.progress[PROGRESS.phaseStartedAt] = now;
  const worker = startThread({ ...owner, request, control, progress });
  job.worker = worker;
  const end = (state: Job['state'], error: ApiErrorBody | null) => {
    if (job.endedAt !== null) return;
    job.state = state;
    job.error = error;
    job.endedAt = Date.now();
    job.worker = null;
  };
  worker.on('message', (reply: ImportWorkerReply) => {
    if (reply.ok) {
      job.outcome = reply.outcome;
      end('done', null);
    } else if ((reply.error.details as { reason?: string } | undefined)?.reason === 'CANCELLED') {
      end('cancelled', reply.error);
    } else {
      const report = (reply.error.details as { report?: ReadingImportOutcome['report'] })?.report;
      if (report) job.outcome = { report, result: null };
      end('failed', reply.error);
    }
  });
  worker.on('error', (error) => end('failed', { code: 'INTERNAL', message: error.message }));
  worker.on('exit', (code) =>
    end('failed', { code: 'INTERNAL', message: `the import thread ended (exit code ${code})` }),
  );
  jobs.set(job.id, job);
  return statusOf(job);
}

function requireJob(jobId: string): Job {
  const job = jobs.get(jobId);
  if (!job) {
    throw new DeskError('NOT_FOUND', `没有这个导入任务 / No import job ${jobId.slice(0, 64)}`);
  }
  return job;
}

export function importStatus(jobId: string): ImportJobStatus {
  return statusOf(requireJob(jobId));
}

export function cancelImport(jobId: string): ImportJobStatus {
  const job = requireJob(jobId);
  if (job.state === 'running') Atomics.store(job.control, 0, 1);
  return statusOf(job);
}

/** Waits for a job to end (tests and scripts; the window polls importStatus instead). */
export function importEnded(jobId: string): Promise<ImportJobStatus> {
  const job = requireJob(jobId);
  return new Promise((resolve) => {
    const check = () => {
      if (job.state !== 'running') resolve(statusOf(job));
      else setTimeout(check, 20);
    };
    check();
  });
}

function statusOf(job: Job): ImportJobStatus {
  const now = job.endedAt ?? Date.now();
  const phaseIndex = job.progress[PROGRESS.phase] ?? 0;
  const done = Math.max(0, Math.round(job.progress[PROGRESS.done] ?? 0));
  const total = Math.max(done, Math.round(job.progress[PROGRESS.total] ?? 0));
  const phaseMs = now - (job.progress[PROGRESS.phaseStartedAt] ?? job.startedAt);
  return {
    jobId: job.id,
    state: job.state,
    dryRun: job.dryRun,
    phase: job.state === 'running' ? (PHASES[phaseIndex] ?? 'reading') : 'finished',
    done,
    total,
    rowsPerSecond: phaseMs > 0 ? Math.round((done * 1000) / phaseMs) : 0,
    elapsedMs: now - job.startedAt,
    report: job.outcome?.report ?? null,
    result: job.outcome?.result ?? null,
    error: job.error,
  };
}
