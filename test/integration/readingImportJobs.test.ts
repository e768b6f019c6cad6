// Reading imports as jobs through the API, each in its own worker thread on its own connection:
// a dry run then a commit, progress while it runs, the main connection answering meanwhile, a
// cancel that leaves the database as it was, and one import at a time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { importEnded } from '../../electron/worker/importJobs';
import type { Asset } from '../../shared/contract/assets';
import { call, callError } from '../support/api';
import { dumpDb } from '../support/dump';
import { createMeter } from '../support/meters';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let meter: Asset;

beforeEach(() => {
  t = openTempApi('导入员');
  api = t.api;
  meter = createMeter(api, 'W-201').meter;
});

afterEach(() => t.cleanup());

/** `hours` hourly cumulative readings of W-201 from 2024-01-01, as a wide CSV. */
function hourlyCsv(hours: number): string {
  const start = Date.parse('2024-01-01T00:00:00Z');
  const lines = ['时间,W-201'];
  for (let h = 0; h < hours; h++) {
    lines.push(`${new Date(start + h * 3_600_000).toISOString()},${(h * 1.25).toFixed(2)}`);
  }
  return Buffer.from(lines.join('\n')).toString('base64');
}

describe('reading import jobs', () => {
  it('runs a dry run, then the commit, in a thread of their own', async () => {
    const file = { fileName: 'hourly.csv', contentBase64: hourlyCsv(500) };
    const before = dumpDb(api.core.db);
    const started = call(api, 'meters.importStart', file);
    expect(started).toMatchObject({ state: 'running', dryRun: true });
    const dry = await importEnded(started.jobId);
    expect(dry).toMatchObject({ state: 'done', phase: 'finished', result: null });
    expect(dry.report).toMatchObject({ inserts: 500, canCommit: true, layout: 'wide' });
    expect(dumpDb(api.core.db)).toEqual(before);

    const commit = call(api, 'meters.importStart', { ...file, dryRun: false });
    const done = await importEnded(commit.jobId);
    expect(done.result).toEqual({ inserted: 500, unchanged: 0, meters: 1, reviews: 0 });
    expect(done.done).toBe(500);
    // The main connection sees what the thread committed, rollups included.
    const total = call(api, 'meters.yearly', { meterId: meter.id, from: 2024, to: 2024 });
    expect(total.items[0]?.amount).toBeCloseTo(499 * 1.25, 6);
    expect(call(api, 'meters.importJob', { jobId: commit.jobId }).state).toBe('done');
  });

  it('reports a refused commit with its problems and writes nothing', async () => {
    const text = ['时间,W-201,W-404', '2024-01-01T00:00Z,1,1', '2024-01-01T01:00Z,2,2'].join('\n');
    const before = dumpDb(api.core.db);
    const job = call(api, 'meters.importStart', {
      fileName: 'bad.csv',
      contentBase64: Buffer.from(text).toString('base64'),
      dryRun: false,
    });
    const ended = await importEnded(job.jobId);
    expect(ended.state).toBe('failed');
    expect(ended.error?.code).toBe('VALIDATION');
    expect(ended.report?.byKind.unknown_meter).toBe(1);
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('answers other calls while an import runs, and a cancel leaves the database as it was', async () => {
    const before = dumpDb(api.core.db);
    const job = call(api, 'meters.importStart', {
      fileName: 'big.csv',
      contentBase64: hourlyCsv(300_000),
      dryRun: false,
    });
    // Another import is refused while this one runs.
    const second = callError(api, 'meters.importStart', {
      fileName: 'x.csv',
      contentBase64: hourlyCsv(2),
    });
    expect(second.code).toBe('CONFLICT');
    // The main thread is free: reads are answered at once.
    expect(call(api, 'meters.readings', { meterId: meter.id }).total).toBe(0);
    // Wait until it is writing, so the cancel interrupts a transaction in progress.
    for (let i = 0; i < 2000; i++) {
      const now = call(api, 'meters.importJob', { jobId: job.jobId });
      if (now.phase === 'writing' && now.done > 0) break;
      if (now.state !== 'running') throw new Error(`ended before the cancel: ${now.state}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    call(api, 'meters.importCancel', { jobId: job.jobId });
    const ended = await importEnded(job.jobId);
    expect(ended.state).toBe('cancelled');
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('names a job it does not know', () => {
    expect(callError(api, 'meters.importJob', { jobId: 'nope' }).code).toBe('NOT_FOUND');
  });
});
