// The export-all and import-all commands, spawned as IT staff would run them (`npm run cli -- …`):
// a one-line summary and exit 0 on success, a clear message and a non-zero exit otherwise, and a
// restored file equal to the source in every table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { generateDemo } from '../../electron/demo';
import { call } from '../support/api';
import { dumpDb } from '../support/dump';
import { tempDir, type TempDir } from '../support/tempDb';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function cli(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

let dir: TempDir;
let source: string;
let zip: string;

beforeAll(() => {
  dir = tempDir('utility-desk-export-cli-');
  source = dir.file('source.db');
  zip = dir.file('out/export.zip');
  const api = openCore(source, { operator: '管理员' });
  generateDemo(api.core.db, { scale: 1, seed: 3 });
  call(api, 'assets.create', { code: 'CLI-1', name: '命令行 "测试", 一', kind: 'equipment' });
  api.core.db.close();
});

afterAll(() => dir.cleanup());

describe('npm run cli -- export-all / import-all', () => {
  it('exports, restores into a new file, and the two databases hold the same rows', () => {
    const exported = cli('export-all', '--db', source, '--out', zip);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^exported \d+ tables, \d+ rows from .* to .*export\.zip/);
    expect(exported.stdout.split('\n')).toHaveLength(1);
    expect(fs.existsSync(zip)).toBe(true);

    const target = dir.file('restored.db');
    const restored = cli('import-all', '--db', target, '--operator', '恢复员', zip);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^restored \d+ tables, \d+ rows from .* into .*restored\.db/);

    const a = openCore(source);
    const b = openCore(target);
    try {
      const left = dumpDb(a.core.db);
      const right = dumpDb(b.core.db);
      const importEntry = right.tables.audit_log!.filter((row) => row.includes('"import"'));
      expect(importEntry).toHaveLength(1);
      expect(importEntry[0]).toContain('恢复员');
      right.tables.audit_log = right.tables.audit_log!.filter((row) => !row.includes('"import"'));
      expect(right).toEqual(left);
    } finally {
      a.core.db.close();
      b.core.db.close();
    }

    // The same restore again: the database is no longer empty.
    const again = cli('import-all', '--db', target, zip);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/^CONFLICT: An export can only be restored into an empty/);
  });

  it('fails plainly, and leaves no new database behind after a failed restore', () => {
    const target = dir.file('never.db');
    const notZip = dir.file('not.zip');
    fs.writeFileSync(notZip, 'id,name\n1,a\n');
    const bad = cli('import-all', '--db', target, notZip);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/BAD_REQUEST: The file is not a zip archive/);
    expect(fs.existsSync(target)).toBe(false);

    const missingDb = cli('export-all', '--db', dir.file('absent.db'), '--out', dir.file('x.zip'));
    expect(missingDb.status).toBe(1);
    expect(missingDb.stderr).toMatch(/No database at/);
    expect(fs.existsSync(dir.file('absent.db'))).toBe(false);

    expect(cli('export-all', '--db', source).status).toBe(2);
    expect(cli('import-all', '--db', target).status).toBe(2);
  });
});
