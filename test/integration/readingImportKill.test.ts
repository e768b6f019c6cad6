// Killing the process during a 1,000,000-row reading import: `npm run cli -- import-readings` is
// spawned on a real CSV and killed with SIGKILL — once while it reads and checks the file, once
// while its transaction is being written (seen by the write-ahead log growing past a few
// megabytes, which only a transaction in progress does) — and after each kill the database must
// pass PRAGMA integrity_check and hold all of the import or none of it: readings, daily rollups
// and the import's audit entry together. A last run, left alone, imports everything.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { call } from '../support/api';
import { tempDir, type TempDir } from '../support/tempDb';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const METERS = 100;
const HOURS = 10_000;
const ROWS = METERS * HOURS;

let dir: TempDir;
let db: string;
let csv: string;

beforeAll(() => {
  dir = tempDir('utility-desk-import-kill-');
  db = dir.file('desk.db');
  csv = dir.file('hourly.csv');
  const api = openCore(db, { operator: '测试员' });
  const site = call(api, 'places.create', { kind: 'site', name: '东校区', parentId: null });
  for (let m = 0; m < METERS; m++) {
    call(api, 'assets.create', {
      kind: 'meter',
      code: `K-${m}`,
      name: '水表',
      placeId: site.id,
      utility: 'water',
      meterLevel: 2,
      unit: 'm³',
    });
  }
  api.core.db.close();
  const out = fs.openSync(csv, 'w');
  fs.writeSync(out, '表号,时间,读数\n');
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let m = 0; m < METERS; m++) {
    const lines: string[] = [];
    for (let h = 0; h < HOURS; h++) {
      lines.push(
        `K-${m},${new Date(start + h * 3_600_000).toISOString()},${(h * 0.75).toFixed(2)}`,
      );
    }
    fs.writeSync(out, `${lines.join('\n')}\n`);
  }
  fs.closeSync(out);
});

afterAll(() => dir.cleanup());

interface Outcome {
  readings: number;
  days: number;
  audits: number;
  integrity: string;
}

function inspect(): Outcome {
  // openCore runs the start-up checks and recovers the write-ahead log, as the app would.
  const api = openCore(db, { operator: '检查' });
  try {
    const one = (sql: string) => api.core.db.prepare(sql).pluck().get() as number | string;
    return {
      readings: one('SELECT count(*) FROM meter_readings') as number,
      days: one('SELECT count(*) FROM meter_daily') as number,
      audits: one(`SELECT count(*) FROM audit_log WHERE entity = 'import'`) as number,
      integrity: one('PRAGMA integrity_check') as string,
    };
  } finally {
    api.core.db.close();
  }
}

/**
 * Runs the import with its progress on stderr; kills it when `killWhen` says so (checked every
 * 20 ms), or lets it finish.
 */
function runImport(killWhen: ((stderr: string) => boolean) | null) {
  return new Promise<{ killed: boolean; code: number | null; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', 'import-readings', '--db', db, csv],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, UTILITY_DESK_PROGRESS: '1' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let killed = false;
    const timer = setInterval(() => {
      if (!killed && killWhen?.(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ killed, code, stderr });
    });
  });
}

const walBytes = () => {
  try {
    return fs.statSync(`${db}-wal`).size;
  } catch {
    return 0;
  }
};

describe('killing a 1,000,000-row reading import', () => {
  it(
    'leaves none of it when killed while the file is read and checked',
    { timeout: 120_000 },
    async () => {
      const walBefore = walBytes();
      const run = await runImport((err) => err.includes('checking ') && walBytes() <= walBefore);
      expect(run.killed, run.stderr).toBe(true);
      expect(inspect()).toEqual({ readings: 0, days: 0, audits: 0, integrity: 'ok' });
    },
  );

  it(
    'leaves none of it when killed while its transaction is written',
    { timeout: 180_000 },
    async () => {
      const run = await runImport(() => walBytes() > 8 * 1024 * 1024);
      expect(run.killed, run.stderr).toBe(true);
      expect(inspect()).toEqual({ readings: 0, days: 0, audits: 0, integrity: 'ok' });
    },
  );

  it('imports all of it when left to finish', { timeout: 180_000 }, async () => {
    const run = await runImport(null);
    expect(run.code, run.stderr).toBe(0);
    const after = inspect();
    expect(after).toMatchObject({ readings: ROWS, audits: 1, integrity: 'ok' });
    // 10,000 hours from midnight UTC are 417 local days in Shanghai, for every meter.
    expect(after.days).toBe(METERS * 417);
  });
});
