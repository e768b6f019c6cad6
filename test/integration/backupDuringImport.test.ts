// A backup taken while another process is importing restores to a consistent database. The child
// (test/support/backupImportChild.ts) imports batches of 2,000 assets, one transaction each, through
// its own openCore; once it has committed two, the parent takes backup.now through its own
// connection to the same file, lets the child finish, and restores the backup into a fresh
// database. The restored file must pass integrity_check and hold exactly the first k batches whole
// (no batch in part, none out of order), with k between the batches seen before the backup and
// fewer than the child committed in the end.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';
import { call } from '../support/api';
import { tempDir, type TempDir } from '../support/tempDb';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = path.join(ROOT, 'test/support/backupImportChild.ts');
const TRANSACTIONS = 10;
const ROWS = 2000;

let tmp: TempDir;
const apis: Api[] = [];

beforeEach(() => {
  tmp = tempDir('utility-desk-backup-import-');
});

afterEach(() => {
  for (const api of apis.splice(0)) if (api.core.db.open) api.core.db.close();
  tmp.cleanup();
});

function openApi(file: string): Api {
  const api = openCore(file, { operator: '备份测试', validateResults: true });
  apis.push(api);
  return api;
}

it('restores a backup taken during a running import to whole transactions only', async () => {
  const live = tmp.file('live.db');
  const log = tmp.file('committed.json');
  const api = openApi(live);

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, live, log, String(TRANSACTIONS), String(ROWS)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let seen = 0;
  let stderr = '';
  let cue: (() => void) | null = null;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    seen += (chunk.toString().match(/^committed \d+$/gm) ?? []).length;
    if (seen >= 2) cue?.();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    cue = resolve;
    child.on('exit', (code) => reject(new Error(`child ended early (${code}): ${stderr}`)));
  });

  const seenBefore = seen;
  const backup = call(api, 'backup.now', { file: tmp.file('during-import.db') });
  expect(backup).toMatchObject({ ok: true, integrity: 'ok' });
  expect(await exited, stderr).toBe(0);
  const { committed } = JSON.parse(fs.readFileSync(log, 'utf8')) as { committed: number[] };
  expect(committed).toEqual(Array.from({ length: TRANSACTIONS }, (_, i) => i + 1));

  const fresh = openApi(tmp.file('fresh/restored.db'));
  call(fresh, 'backup.restore', { file: backup.file });
  const db = fresh.core.db;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);

  const batches = db
    .prepare<[], { tx: number; n: number }>(
      `SELECT CAST(substr(code, 2, 2) AS INTEGER) AS tx, count(*) AS n
       FROM assets GROUP BY tx ORDER BY tx`,
    )
    .all();
  const present = batches.map((b) => b.tx);
  expect(present).toEqual(Array.from({ length: present.length }, (_, i) => i + 1));
  expect(batches.every((b) => b.n === ROWS)).toBe(true);
  expect(present.length).toBeGreaterThanOrEqual(seenBefore);
  expect(present.length).toBeLessThan(TRANSACTIONS);
  expect(committed).toEqual(expect.arrayContaining(present));
  // The search index was copied with its table: it finds exactly the restored rows.
  const found = db
    .prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM assets_fts WHERE assets_fts MATCH '"T01-"'`,
    )
    .get();
  expect(found?.n).toBe(ROWS);
}, 120_000);
