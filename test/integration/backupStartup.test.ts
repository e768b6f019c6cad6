// Start-up and the backup folder on real files: a damaged database is refused at open with CORRUPT
// naming the newest good backup, and is not modified; the web host command says so in one line; an
// older database is backed up before it is migrated; the daily backup is made once a day and
// rotates the folder; and the web host never serves the database or the backup folder.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';
import {
  ensureDailyBackup,
  rotationPolicyOf,
  ROTATION_SETTING,
} from '../../electron/services/backup';
import { backupFileName } from '../../electron/store/backupRotation';
import { migrate } from '../../electron/store/migrate';
import { latestVersion, migrations } from '../../electron/store/migrations';
import { openDatabase } from '../../electron/store/open';
import { createWebHost } from '../../electron/web/server';
import { DeskError } from '../../shared/contract/errors';
import { call } from '../support/api';
import { createCampus } from '../support/assets';
import { corrupt, sha256, withDb } from '../support/backupFiles';
import { dumpDb } from '../support/dump';
import { close, listen, rawRequest } from '../support/http';
import { tempDir, type TempDir } from '../support/tempDb';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let tmp: TempDir;
let file: string;
let backups: string;
const open: Api[] = [];

beforeEach(() => {
  tmp = tempDir();
  file = tmp.file('utility-desk.db');
  backups = path.join(tmp.dir, 'backups');
});

afterEach(() => {
  for (const api of open.splice(0)) if (api.core.db.open) api.core.db.close();
  tmp.cleanup();
});

function core(at = file): Api {
  const api = openCore(at, { operator: '启动检查', validateResults: true });
  open.push(api);
  return api;
}

/** A database with enough data to damage, closed; returns the folder backup taken of it. */
function damagedDatabase(withBackup: boolean): string | undefined {
  const api = core();
  const campus = createCampus(api);
  call(api, 'assets.addFixtures', {
    placeId: campus.room.id,
    count: 1500,
    lampType: 'panel',
    ratedPowerW: 18,
  });
  const backup = withBackup ? call(api, 'backup.now', {}).file : undefined;
  api.core.db.close();
  corrupt(file);
  return backup;
}

function openError(at = file): DeskError {
  try {
    openCore(at).core.db.close();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('the database opened');
}

describe('a damaged database at start-up', () => {
  it('is refused with CORRUPT naming the newest good backup, and is not modified', () => {
    const good = damagedDatabase(true);
    // A newer copy that is itself damaged must be passed over.
    const bad = path.join(backups, backupFileName(new Date(Date.now() + 3_600_000)));
    fs.copyFileSync(file, bad);
    const hash = sha256(file);
    const folder = fs.readdirSync(backups).sort();

    const error = openError();
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain(`The newest good backup is ${good}`);
    expect(error.details).toMatchObject({
      file,
      backupDir: backups,
      newestGoodBackup: { file: good, schemaVersion: latestVersion },
      problems: expect.arrayContaining([expect.stringMatching(/page/)]),
    });
    expect(() => openDatabase(file)).toThrow(/damaged/);
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(backups).sort()).toEqual(folder);
  });

  it('says so when there is no good backup', () => {
    damagedDatabase(false);
    const error = openError();
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toContain(`No good backup was found in ${backups}`);
    expect(error.details).not.toHaveProperty('newestGoodBackup');
  });

  it('makes the web host command print one line in Chinese and English and exit 2', () => {
    const good = damagedDatabase(true);
    const serve = (db: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'electron/web/serve.ts', '--db', db, '--port', '0'],
        { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env } },
      );
    const corruptRun = serve(file);
    expect(corruptRun.status).toBe(2);
    expect(corruptRun.stdout).toBe('');
    const lines = corruptRun.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('数据库文件已损坏');
    expect(lines[0]).toContain('The database file is damaged');
    expect(lines[0]).toContain(String(good));

    const newer = tmp.file('newer.db');
    const made = new Database(newer);
    made.pragma(`user_version = ${latestVersion + 10}`);
    made.close();
    const newerRun = serve(newer);
    expect(newerRun.status).toBe(2);
    expect(newerRun.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/更新版本.*newer Utility Desk/),
    ]);
  }, 60_000);
});

describe('restoring a damaged database from the command line', () => {
  it('puts the newest good backup in place, keeps the damaged file, and the data opens', () => {
    const good = damagedDatabase(true);
    const expected = withDb(String(good), (db) =>
      db.prepare('SELECT count(*) AS n FROM assets').get(),
    );
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', 'restore-backup', '--db', file],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('restored');
    const api = openCore(file);
    try {
      expect(api.core.db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual(expected);
      expect(api.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      api.core.db.close();
    }
    const kept = fs.readdirSync(path.dirname(file)).filter((n) => n.includes('.damaged-'));
    expect(kept.length).toBeGreaterThan(0);
  }, 90_000);
});

describe('opening an older database', () => {
  it('backs it up, checked, before migrating', () => {
    const db = openDatabase(file, { migrate: false });
    migrate(db, migrations, 20);
    db.prepare(
      `INSERT INTO places (id, kind, parent_id, name, created_at, updated_at)
       VALUES ('s', 'site', NULL, '旧校区', '2024-01-01', '2024-01-01')`,
    ).run();
    db.close();
    const old = withDb(file, dumpDb);

    const api = core();
    expect(call(api, 'system.info', {}).schemaVersion).toBe(latestVersion);
    const items = call(api, 'backup.list', {}).items;
    expect(items).toEqual([expect.objectContaining({ tag: 'before-migrate', schemaVersion: 20 })]);
    expect(withDb(items[0]?.file ?? '', dumpDb)).toEqual(old);
  });

  it('takes no backup of a new or an up-to-date database', () => {
    core().core.db.close();
    core();
    expect(fs.existsSync(backups)).toBe(false);
  });
});

describe('databases sharing a folder', () => {
  it('keep their backups apart: list, daily check and the start-up offer', () => {
    const mine = core();
    const other = core(tmp.file('other.db'));
    const own = call(mine, 'backup.now', {});
    const theirs = call(other, 'backup.now', {});
    expect(theirs.name).toMatch(/^other-/);
    expect(call(mine, 'backup.list', {}).items.map((i) => i.name)).toEqual([own.name]);
    expect(call(other, 'backup.list', {}).items.map((i) => i.name)).toEqual([theirs.name]);
    // The other database's backup of today does not count as this one's.
    const now = new Date();
    fs.rmSync(own.file);
    expect(ensureDailyBackup(mine.core, backups, now).status).toBe('created');
    // Nor is it offered when this one is damaged, even when it is the newer.
    fs.utimesSync(theirs.file, new Date(), new Date(Date.now() + 86_400_000));
    expect(call(mine, 'backup.startupCheck', {}).newestGoodBackup?.name).toMatch(/^utility-desk-/);
  });
});

describe('backup.startupCheck', () => {
  it('answers quick_check and the newest good backup', () => {
    const api = core();
    expect(call(api, 'backup.startupCheck', {})).toEqual({ quickCheck: 'ok' });
    const made = call(api, 'backup.now', {});
    const check = call(api, 'backup.startupCheck', {});
    expect(check.quickCheck).toBe('ok');
    expect(check.newestGoodBackup).toMatchObject({ file: made.file, schemaVersion: latestVersion });
  });
});

describe('ensureDailyBackup', () => {
  it('makes one backup a day, then rotates the folder (hand-worked)', () => {
    const api = core();
    createCampus(api);
    const first = ensureDailyBackup(api.core, backups, new Date(2026, 10, 29, 8, 30));
    expect(first).toMatchObject({
      status: 'created',
      name: 'utility-desk-2026-11-29T0830.db',
      verification: { ok: true },
      deleted: [],
    });
    expect(ensureDailyBackup(api.core, backups, new Date(2026, 10, 29, 12))).toEqual({
      status: 'exists',
      name: 'utility-desk-2026-11-29T0830.db',
    });

    // Regular backups every day of November at 02:00 (some already there), and a tagged one.
    if (first.status !== 'created') throw new Error('no backup');
    for (let day = 1; day <= 28; day += 1) {
      fs.copyFileSync(first.file, path.join(backups, backupFileName(new Date(2026, 10, day, 2))));
    }
    const tagged = backupFileName(new Date(2026, 10, 2, 2), 'before-restore');
    fs.copyFileSync(first.file, path.join(backups, tagged));
    // 30 Nov is a Monday: daily 3 keeps 28–30, weekly 2 keeps 30 and 29 (week of 23–29), monthly 1
    // keeps 30; everything from 1 to 27 Nov goes, and the tagged one is not rotation's to delete.
    const next = ensureDailyBackup(api.core, backups, new Date(2026, 10, 30, 9), {
      daily: 3,
      weekly: 2,
      monthly: 1,
    });
    expect(next.status).toBe('created');
    expect(fs.readdirSync(backups).sort()).toEqual([
      tagged,
      'utility-desk-2026-11-28T0200.db',
      'utility-desk-2026-11-29T0830.db',
      'utility-desk-2026-11-30T0900.db',
    ]);
  });

  it('reads its policy from settings, and returns a failure instead of throwing', () => {
    const api = core();
    api.core.db
      .prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)')
      .run(ROTATION_SETTING, '{"daily":2,"monthly":6}', '2026-11-29');
    expect(rotationPolicyOf(api.core.db)).toEqual({ daily: 2, weekly: 4, monthly: 6 });

    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const notAFolder = tmp.file('backups-is-a-file');
      fs.writeFileSync(notAFolder, 'x');
      expect(ensureDailyBackup(api.core, notAFolder, new Date())).toMatchObject({
        status: 'failed',
        message: expect.any(String),
      });
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});

describe('the web host', () => {
  it('never serves the database file or the backup folder', async () => {
    const api = core();
    const made = call(api, 'backup.now', {});
    const staticDir = path.join(tmp.dir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><p>Utility Desk</p>');
    const server = createWebHost({ api, token: 'backup-test-token', staticDir, host: '127.0.0.1' });
    const port = await listen(server);
    try {
      const paths = [
        `/backups/${made.name}`,
        '/backups/',
        '/utility-desk.db',
        '/utility-desk.db-wal',
        `/../backups/${made.name}`,
        `/%2e%2e/backups/${made.name}`,
        '/..%2futility-desk.db',
        '/settings/../../utility-desk.db',
      ];
      for (const p of paths) {
        const res = await rawRequest({ port, path: p });
        expect(res.status, p).toBe(404);
        expect(res.text, p).not.toContain('SQLite format 3');
      }
      expect((await rawRequest({ port, path: '/' })).status).toBe(200);
    } finally {
      await close(server);
    }
  });
});
