// `npm run cli -- import-readings`, spawned as IT staff would run it: a dry run prints the report
// and writes nothing, a commit prints one line, a file with errors exits 1 naming the row and
// writes nothing, a zoneless file asks for --zone, and wrong usage exits 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { call } from '../support/api';
import { dumpDb } from '../support/dump';
import { createMeter, utc } from '../support/meters';
import { tempDir, type TempDir } from '../support/tempDb';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function cli(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'import-readings', ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

let dir: TempDir;
let db: string;
let meterId: string;

function dump() {
  const api = openCore(db);
  try {
    return dumpDb(api.core.db);
  } finally {
    api.core.db.close();
  }
}

function write(name: string, text: string, encoding: 'utf-8' | 'gbk' = 'utf-8'): string {
  const file = dir.file(name);
  fs.writeFileSync(file, encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
  return file;
}

beforeAll(() => {
  dir = tempDir('utility-desk-readings-cli-');
  db = dir.file('desk.db');
  const api = openCore(db, { operator: '管理员' });
  meterId = createMeter(api, 'W-301').meter.id;
  api.core.db.close();
});

afterAll(() => dir.cleanup());

describe('npm run cli -- import-readings', () => {
  const good = '表号,时间,读数\nW-301,2025-05-01 08:00,10\nW-301,2025-05-02 08:00,12.5\n';

  it('asks for a zone when the timestamps carry none, and writes nothing', () => {
    const before = dump();
    const run = cli('--db', db, write('nozone.csv', good, 'gbk'), '--dry-run');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('no_zone 2');
    expect(run.stdout).toContain('--zone');
    expect(dump()).toEqual(before);
  });

  it('prints the dry-run report, then imports with a one-line summary, then finds it all stored', () => {
    const file = write('good.csv', good, 'gbk');
    const before = dump();
    const dry = cli('--db', db, file, '--zone', 'Asia/Shanghai', '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('gb18030');
    expect(dry.stdout).toContain('new 2');
    expect(dry.stdout).toContain('ready to import');
    expect(dump()).toEqual(before);

    const run = cli('--db', db, file, '--zone', 'Asia/Shanghai');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^imported 2 readings of 1 meters \(0 unchanged, 0 to review\)/);
    expect(run.stdout.split('\n')).toHaveLength(1);
    const api = openCore(db);
    const stored = call(api, 'meters.readings', { meterId }).items.map((r) => [r.at, r.value]);
    api.core.db.close();
    expect(stored).toEqual([
      [utc('2025-05-02 08:00'), 12.5],
      [utc('2025-05-01 08:00'), 10],
    ]);

    const again = cli('--db', db, file, '--zone', 'Asia/Shanghai');
    expect(again.stdout).toMatch(/^imported 0 readings of 1 meters \(2 unchanged/);
  });

  it('exits 1 naming the row when the file has errors, and writes nothing', () => {
    const bad =
      'meter,timestamp,value\nW-301,2025-06-01T08:00+08:00,20\nW-999,2025-06-01T08:00+08:00,1\n';
    const before = dump();
    const run = cli('--db', db, write('bad.csv', bad));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('VALIDATION');
    expect(run.stderr).toContain('row 3');
    expect(run.stderr).toContain('unknown_meter 1');
    expect(dump()).toEqual(before);
  });

  it('exits 2 on wrong usage', () => {
    expect(cli('--db', db).status).toBe(2);
    expect(cli('--db', db, 'x.csv', '--zone', 'Mars/Olympus').status).toBe(2);
    expect(cli('--db', db, 'x.csv', '--values', 'delta').status).toBe(2);
  });
});
