// Backup and restore through the dispatch table on real files: a backup is a checked, self-contained
// copy of the data; restoring one brings the data back exactly and keeps the state it replaced as a
// backup; an older-schema backup is migrated; and files that are newer, damaged, not SQLite or not
// ours are refused with nothing changed.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';
import { migrate } from '../../electron/store/migrate';
import { latestVersion, migrations } from '../../electron/store/migrations';
import { APPLICATION_ID } from '../../electron/store/migrations/0050-application-id';
import { openDatabase } from '../../electron/store/open';
import { call, callError } from '../support/api';
import { createCampus } from '../support/assets';
import { countRows, dumpDb } from '../support/dump';
import { openTempApi, tempDir, type TempApi, type TempDir } from '../support/tempDb';
import { corrupt, sha256, withDb } from '../support/backupFiles';

let temp: TempApi;
let api: Api;
let spare: TempDir;
let backups: string;

beforeEach(() => {
  temp = openTempApi('备份测试员');
  api = temp.api;
  spare = tempDir();
  backups = path.join(path.dirname(temp.file), 'backups');
});

afterEach(() => {
  temp.cleanup();
  spare.cleanup();
});

/** A campus and some fixtures: enough pages for corruption to land inside real data. */
function seed(count = 300): void {
  const campus = createCampus(api);
  call(api, 'assets.addFixtures', {
    placeId: campus.room.id,
    count,
    lampType: 'panel',
    ratedPowerW: 36,
  });
}

function backupFiles(): string[] {
  return fs.existsSync(backups) ? fs.readdirSync(backups).sort() : [];
}

describe('backup.now and verification', () => {
  it('marks the database as ours, and writes a checked, self-contained copy into the folder', () => {
    expect(api.core.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(api.core.backupDir).toBe(backups);
    seed();
    const result = call(api, 'backup.now', {});
    expect(result).toMatchObject({
      ok: true,
      integrity: 'ok',
      schemaVersion: latestVersion,
      appId: APPLICATION_ID,
    });
    expect(result.counts).toMatchObject({ places: 11, assets: 300 });
    expect(result.counts.audit_log).toBeGreaterThan(300);
    expect(path.dirname(result.file)).toBe(backups);
    // Named after the database (desk.db) and the local time.
    expect(result.name).toMatch(/^desk-\d{4}-\d\d-\d\dT\d{4}\.db$/);
    // One file in rollback-journal mode (header byte 18 = 1), no -wal or -shm beside it.
    expect(backupFiles()).toEqual([result.name]);
    expect(fs.readFileSync(result.file)[18]).toBe(1);
    expect(withDb(result.file, dumpDb)).toEqual(dumpDb(api.core.db));
    expect(backupFiles()).toEqual([result.name]);

    const listed = call(api, 'backup.list', {});
    expect(listed.folder).toBe(backups);
    expect(listed.items).toEqual([
      {
        file: result.file,
        name: result.name,
        at: expect.any(String),
        bytes: fs.statSync(result.file).size,
        schemaVersion: latestVersion,
      },
    ]);
  });

  it('backs up to a chosen file, replacing an older backup there but nothing else', () => {
    seed(10);
    const chosen = spare.file('我的备份.db');
    expect(call(api, 'backup.now', { file: chosen })).toMatchObject({ ok: true, file: chosen });
    call(api, 'places.create', { kind: 'site', parentId: null, name: '新校区', code: 'XQ2' });
    expect(call(api, 'backup.now', { file: chosen }).counts.places).toBe(12);

    const notes = spare.file('notes.db');
    fs.writeFileSync(notes, '这是一份笔记，不是数据库');
    expect(callError(api, 'backup.now', { file: notes })).toMatchObject({ code: 'BAD_REQUEST' });
    expect(fs.readFileSync(notes, 'utf8')).toBe('这是一份笔记，不是数据库');

    expect(callError(api, 'backup.now', { file: 'relative.db' }).code).toBe('BAD_REQUEST');
    // A NUL would end the path early where SQLite reads it: refused by the schema.
    expect(callError(api, 'backup.now', { file: `${chosen}\0/x` }).code).toBe('VALIDATION');
    expect(callError(api, 'backup.now', { file: temp.file }).code).toBe('BAD_REQUEST');
    expect(callError(api, 'backup.now', { file: spare.file('no/such/dir/x.db') }).code).toBe(
      'BAD_REQUEST',
    );
    expect(backupFiles()).toEqual([]);
  });

  it('honours UTILITY_DESK_BACKUP_DIR', () => {
    const elsewhere = path.join(spare.dir, '备份目录');
    const saved = process.env.UTILITY_DESK_BACKUP_DIR;
    process.env.UTILITY_DESK_BACKUP_DIR = elsewhere;
    try {
      const other = openCore(spare.file('env.db'), { operator: 'env' });
      try {
        expect(other.core.backupDir).toBe(elsewhere);
        expect(path.dirname(call(other, 'backup.now', {}).file)).toBe(elsewhere);
      } finally {
        other.core.db.close();
      }
    } finally {
      if (saved === undefined) delete process.env.UTILITY_DESK_BACKUP_DIR;
      else process.env.UTILITY_DESK_BACKUP_DIR = saved;
    }
  });
});

describe('backup.restore', () => {
  it('brings back exactly the backed-up data and keeps the replaced state as a backup', () => {
    seed();
    const before = dumpDb(api.core.db);
    const backup = call(api, 'backup.now', {});
    // Change things after the backup: more assets, a rename, a deletion.
    const site = call(api, 'places.create', { kind: 'site', parentId: null, name: '北校区' });
    call(api, 'places.update', { id: site.id, patch: { name: '北校区（新）' } });
    const list = call(api, 'assets.list', { limit: 5 });
    call(api, 'assets.delete', { id: list.items[0]?.id ?? '' });
    const changed = dumpDb(api.core.db);
    expect(changed).not.toEqual(before);

    const result = call(api, 'backup.restore', { file: backup.file });
    expect(result.restored).toEqual({ file: backup.file, schemaVersion: latestVersion });
    expect(result.schemaVersion).toBe(latestVersion);
    expect(result.counts).toMatchObject({ places: 11, assets: 300 });
    expect(dumpDb(api.core.db)).toEqual(before);

    // The replaced state is a checked backup of its own, and restoring it goes back again.
    expect(result.previous.name).toMatch(/-before-restore(-\d+)?\.db$/);
    expect(withDb(result.previous.file, dumpDb)).toEqual(changed);
    call(api, 'backup.restore', { file: result.previous.file });
    expect(dumpDb(api.core.db)).toEqual(changed);

    // The same Api goes on working on the restored file, reads and writes.
    call(api, 'backup.restore', { file: backup.file });
    expect(call(api, 'system.info', {}).schemaVersion).toBe(latestVersion);
    call(api, 'places.create', { kind: 'site', parentId: null, name: '恢复后新建' });
    expect(countRows(api.core.db, 'places')).toBe(12);
    expect(fs.existsSync(`${temp.file}.restoring`)).toBe(false);
  });

  it('migrates a backup from an older schema (version 20) and leaves the backup file as it was', () => {
    const old = spare.file('v20.db');
    const db = openDatabase(old, { migrate: false });
    migrate(db, migrations, 20);
    const at = '2024-03-01T00:00:00.000Z';
    const insert = db.prepare(
      `INSERT INTO places (id, kind, parent_id, name, code, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('old-site', 'site', null, '老校区', 'LXQ', at, at);
    insert.run('old-lib', 'building', 'old-site', '旧图书馆', 'TSG', at, at);
    db.prepare(
      `INSERT INTO headcounts (id, site_id, year, students, staff) VALUES ('h1', 'old-site', 2023, 8000, 600)`,
    ).run();
    db.close();
    const hash = sha256(old);
    expect(withDb(old, (d) => d.pragma('application_id', { simple: true }))).toBe(0);

    const result = call(api, 'backup.restore', { file: old });
    expect(result.restored.schemaVersion).toBe(20);
    expect(result.schemaVersion).toBe(latestVersion);
    expect(api.core.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(api.core.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(call(api, 'places.get', { id: 'old-lib' }).path.map((p) => p.name)).toEqual([
      '老校区',
      '旧图书馆',
    ]);
    expect(countRows(api.core.db, 'headcounts')).toBe(1);
    expect(api.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    call(api, 'assets.create', { code: 'NEW-1', name: '新表', kind: 'meter', placeId: 'old-lib' });
    expect(sha256(old)).toBe(hash);
  });
});

describe('backup.restore refusals: nothing changes', () => {
  let before: ReturnType<typeof dumpDb>;
  let folderBefore: string[];

  beforeEach(() => {
    seed(1500);
    before = dumpDb(api.core.db);
    folderBefore = backupFiles();
  });

  afterEach(() => {
    expect(dumpDb(api.core.db)).toEqual(before);
    expect(backupFiles()).toEqual(folderBefore);
    expect(call(api, 'system.info', {}).counts.room).toBeGreaterThan(0);
  });

  it('refuses a backup from a newer schema with SCHEMA_TOO_NEW', () => {
    const newer = spare.file('newer.db');
    call(api, 'backup.now', { file: newer });
    withDb(newer, (d) => d.pragma(`user_version = ${latestVersion + 10}`), false);
    const error = callError(api, 'backup.restore', { file: newer });
    expect(error.code).toBe('SCHEMA_TOO_NEW');
    expect(error.message).toContain(`schema version ${latestVersion + 10}`);
    expect(error.message).toMatch(/Update Utility Desk/);
  });

  it('refuses a file that is not SQLite, and one that is missing', () => {
    const text = spare.file('not-a-db.db');
    fs.writeFileSync(text, 'SQLite format 2\n'.repeat(500));
    const error = callError(api, 'backup.restore', { file: text });
    expect(error).toMatchObject({ code: 'BAD_REQUEST', details: { reason: 'not-sqlite' } });
    expect(error.message).toMatch(/not an SQLite database/);
    expect(callError(api, 'backup.restore', { file: spare.file('gone.db') }).code).toBe(
      'NOT_FOUND',
    );
    expect(callError(api, 'backup.restore', { file: 'relative.db' }).code).toBe('BAD_REQUEST');
    expect(callError(api, 'backup.restore', { file: temp.file }).code).toBe('BAD_REQUEST');
  });

  it('refuses SQLite files that are not ours', () => {
    const make = (name: string, sql: string) => {
      const file = spare.file(name);
      const db = new Database(file);
      db.exec(sql);
      db.close();
      return file;
    };
    const foreign = make('foreign.db', 'CREATE TABLE notes (x); PRAGMA application_id = 1234;');
    expect(callError(api, 'backup.restore', { file: foreign })).toMatchObject({
      code: 'BAD_REQUEST',
      details: { reason: 'foreign-app' },
    });
    const plain = make('plain.db', 'CREATE TABLE places (id TEXT);');
    expect(callError(api, 'backup.restore', { file: plain })).toMatchObject({
      details: { reason: 'unknown-schema' },
    });
    const lookalike = make('lookalike.db', 'CREATE TABLE places (id); PRAGMA user_version = 30;');
    const error = callError(api, 'backup.restore', { file: lookalike });
    expect(error).toMatchObject({ code: 'BAD_REQUEST', details: { reason: 'tables' } });
    expect(error.message).toMatch(/lacks the tables .*assets/);
  });

  it('refuses a damaged backup of ours with CORRUPT', () => {
    const damaged = spare.file('damaged.db');
    call(api, 'backup.now', { file: damaged });
    corrupt(damaged);
    const error = callError(api, 'backup.restore', { file: damaged });
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toMatch(/damaged.*choose another backup/);
  });
});
