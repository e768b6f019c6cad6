// The thread a reading import runs in (see importJobs.ts): its own connection to the database
// file, so the thread that answers the window goes on reading while this one writes. Progress
// goes into shared memory the job list reads at any time; a cancel is a flag in the same memory,
// checked between steps, which rolls the import's one transaction back. The outcome (or the
// error, as the API's error body) is posted once at the end.
import { parentPort, workerData } from 'node:worker_threads';
import type { Core, Ctx } from '../context';
import { toErrorBody } from '../errors';
import { importReadings, type ReadingImportRequest } from '../services/readingImport';
import { openSecondConnection } from '../store/open';
import { PHASES, PROGRESS, type ImportWorkerData, type ImportWorkerReply } from './importShared';

function run(): void {
  const port = parentPort;
  if (!port) throw new Error('importWorker must run as a worker thread (see importJobs.ts)');
  const data = workerData as ImportWorkerData;
  const control = new Int32Array(data.control);
  const progress = new Float64Array(data.progress);
  let reply: ImportWorkerReply;
  const db = openSecondConnection(data.dbPath);
  try {
    const core: Core = {
      db,
      file: data.dbPath,
      appVersion: data.appVersion,
      operator: data.actor,
      readOnly: false,
      backupDir: data.backupDir,
      reopen() {
        throw new Error('an import job never reopens its connection');
      },
    };
    const ctx: Ctx = { core, db, actor: data.actor };
    const request: ReadingImportRequest = data.request;
    const outcome = importReadings(ctx, request, {
      progress(phase, done, total) {
        const index = PHASES.indexOf(phase);
        if (progress[PROGRESS.phase] !== index) {
          progress[PROGRESS.phase] = index;
          progress[PROGRESS.phaseStartedAt] = Date.now();
        }
        progress[PROGRESS.done] = done;
        progress[PROGRESS.total] = total;
      },
      cancelled: () => Atomics.load(control, 0) === 1,
    });
    reply = { ok: true, outcome };
  } catch (error) {
    reply = { ok: false, error: toErrorBody(error) };
  } finally {
    db.close();
  }
  port.postMessage(reply);
}

run();
