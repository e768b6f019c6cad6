// Schema migrations on real files: a database at every earlier user_version migrates to the latest,
// ends with the same schema as a fresh one and keeps its data; a newer database is refused and left
// alone; each step is its own transaction; every connection gets WAL, foreign keys and a busy timeout.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/contract/errors';
import { openCore } from '../../electron/core';
import { migrate, schemaVersion } from '../../electron/store/migrate';
import { latestVersion, migrations, type Migration } from '../../electron/store/migrations';
import { openDatabase } from '../../electron/store/open';
import { dumpDb, normalisedSchema, tableNames } from '../support/dump';
import { tempDir, type TempDir } from '../support/tempDb';

let tmp: TempDir;

beforeEach(() => {
  tmp = tempDir();
});

afterEach(() => {
  tmp.cleanup();
});

function freshSchema(): string[] {
  const db = openDatabase(tmp.file('fresh.db'));
  try {
    return normalisedSchema(db);
  } finally {
    db.close();
  }
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

const NOW = '2025-09-01T00:00:00.000Z';

function columnsOf(db: Database.Database, table: string): string[] {
  return db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid')
    .all(table)
    .map((r) => r.name);
}

interface TableRows {
  columns: string[];
  rows: string[];
}

/** The rows of a table restricted to the given columns, as sorted JSON. */
function rowsOf(db: Database.Database, table: string, columns: string[]): TableRows {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const rows = columns.length
    ? db
        .prepare<[], Record<string, unknown>>(`SELECT ${list} FROM "${table}"`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort()
    : [];
  return { columns, rows };
}

/** Puts a little data in, as far as the schema at `version` allows; returns what to look for later. */
function seedAt(db: Database.Database, version: number): { places: string[]; headcounts: number } {
  const seeded = { places: [] as string[], headcounts: 0 };
  if (version >= 10) {
    const insert = db.prepare(
      `INSERT INTO places (id, kind, parent_id, name, code, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('site-1', 'site', null, '老校区', 'XQ-1', NOW, NOW);
    insert.run('bldg-1', 'building', 'site-1', '旧图书馆', 'TSG', NOW, NOW);
    db.prepare(
      `INSERT INTO audit_log (id, at, actor, entity, entity_id, action, after_json)
       VALUES ('a-1', ?, '管理员', 'place', 'site-1', 'create', '{}')`,
    ).run(NOW);
    seeded.places.push('site-1', 'bldg-1');
  }
  if (version >= 20) {
    db.prepare(
      `INSERT INTO headcounts (id, site_id, year, students, staff) VALUES ('h-1', 'site-1', 2024, 8500, 640)`,
    ).run();
    db.prepare(
      `INSERT INTO settings (key, value_json, updated_at) VALUES ('org.name', '"职业技术学院"', ?)`,
    ).run(NOW);
    seeded.headcounts = 1;
  }
  return seeded;
}

describe('the migration list', () => {
  it('is numbered upward in steps of ten, with unique names, ending at latestVersion', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions.length).toBeGreaterThan(0);
    versions.forEach((v, i) => expect(v).toBe((i + 1) * 10));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
    expect(latestVersion).toBe(versions[versions.length - 1]);
  });

  it('creates places (with per-kind views) and the audit log in the first step', () => {
    const db = new Database(tmp.file());
    try {
      migrate(db, migrations, 10);
      expect(schemaVersion(db)).toBe(10);
      expect(tableNames(db)).toEqual(['audit_log', 'places']);
      const views = db
        .prepare<[], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`,
        )
        .all()
        .map((r) => r.name);
      expect(views).toEqual(['buildings', 'floors', 'rooms', 'sites']);
      const auditColumns = db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('audit_log')`)
        .all()
        .map((r) => r.name);
      expect(auditColumns).toEqual(
        expect.arrayContaining(['actor', 'at', 'entity', 'entity_id', 'before_json', 'after_json']),
      );
    } finally {
      db.close();
    }
  });
});

const earlier = [0, ...migrations.slice(0, -1).map((m) => m.version)];

describe.each(earlier)('a database at user_version %i', (version) => {
  it('migrates to the latest version with the fresh schema and keeps its data', () => {
    const file = tmp.file(`at-${version}.db`);
    const old = openDatabase(file, { migrate: false });
    const applied = migrate(old, migrations, version);
    expect(applied).toEqual(migrations.filter((m) => m.version <= version).map((m) => m.version));
    expect(schemaVersion(old)).toBe(version);
    const seeded = seedAt(old, version);
    const oldTables = tableNames(old);
    const oldRows = Object.fromEntries(
      oldTables.map((t) => [t, rowsOf(old, t, columnsOf(old, t))]),
    );
    old.close();

    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(latestVersion);
      expect(normalisedSchema(db)).toEqual(freshSchema());
      // Every row of every older table is still there, column for column (later steps may add
      // columns; those are not compared).
      for (const table of oldTables) {
        const before = oldRows[table];
        if (!before) throw new Error(`no rows kept for ${table}`);
        expect(columnsOf(db, table), table).toEqual(expect.arrayContaining(before.columns));
        expect(rowsOf(db, table, before.columns), table).toEqual(before);
      }
      const ids = db
        .prepare<[], { id: string }>('SELECT id FROM places ORDER BY id')
        .all()
        .map((r) => r.id);
      expect(ids).toEqual([...seeded.places].sort());
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }

    // And the API works on the migrated file.
    const api = openCore(file, { validateResults: true, operator: 'test' });
    try {
      const info = api.dispatch('system.info', {});
      expect(info).toMatchObject({ ok: true, result: { schemaVersion: latestVersion } });
      if (seeded.places.length) {
        expect(api.dispatch('places.get', { id: 'bldg-1' })).toMatchObject({
          ok: true,
          result: { path: [{ name: '老校区' }, { name: '旧图书馆' }] },
        });
      }
    } finally {
      api.core.db.close();
    }
  });
});

describe('refusals and failures', () => {
  it('refuses a database newer than the app with SCHEMA_TOO_NEW and leaves it untouched', () => {
    const file = tmp.file('newer.db');
    const newer = new Database(file);
    newer.exec(
      `CREATE TABLE future_things (id TEXT PRIMARY KEY); INSERT INTO future_things VALUES ('f');`,
    );
    newer.pragma(`user_version = ${latestVersion + 10}`);
    newer.close();
    const hash = sha256(file);

    let thrown: unknown;
    try {
      openDatabase(file).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DeskError);
    const error = thrown as DeskError;
    expect(error.code).toBe('SCHEMA_TOO_NEW');
    expect(error.details).toEqual({
      databaseVersion: latestVersion + 10,
      appVersion: latestVersion,
    });
    expect(error.message).toContain(String(latestVersion + 10));

    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['newer.db']);
    const check = new Database(file, { readonly: true });
    try {
      expect(schemaVersion(check)).toBe(latestVersion + 10);
      expect(tableNames(check)).toEqual(['future_things']);
    } finally {
      check.close();
    }
    expect(() => openCore(file)).toThrow(/newer than this app/);
  });

  it('runs each migration in its own transaction: a failing step leaves the previous version', () => {
    const [first] = migrations;
    if (!first) throw new Error('no migrations');
    const list: Migration[] = [
      first,
      {
        version: first.version + 10,
        name: 'broken',
        sql: `CREATE TABLE half_done (id TEXT); INSERT INTO half_done VALUES ('x'); CREATE TABLE oops (;`,
      },
      { version: first.version + 20, name: 'never', sql: `CREATE TABLE never_reached (id TEXT);` },
    ];
    const file = tmp.file('broken.db');
    const db = openDatabase(file, { migrate: false });
    try {
      expect(() => migrate(db, list, first.version + 20)).toThrow();
      expect(schemaVersion(db)).toBe(first.version);
      expect(tableNames(db)).toEqual(['audit_log', 'places']);
      expect(db.inTransaction).toBe(false);
      // A later run with the step fixed picks up where the failure left off.
      const fixed = list.map((m) =>
        m.name === 'broken' ? { ...m, sql: 'CREATE TABLE half_done (id TEXT);' } : m,
      );
      expect(migrate(db, fixed, first.version + 20)).toEqual([
        first.version + 10,
        first.version + 20,
      ]);
      expect(tableNames(db)).toEqual(['audit_log', 'half_done', 'never_reached', 'places']);
    } finally {
      db.close();
    }
  });

  it('is idempotent: opening a current database applies nothing', () => {
    const file = tmp.file('current.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    try {
      const before = dumpDb(db);
      expect(migrate(db)).toEqual([]);
      expect(dumpDb(db)).toEqual(before);
    } finally {
      db.close();
    }
  });

  it('stops at a target below the latest', () => {
    const db = openDatabase(tmp.file('partial.db'), { migrate: false });
    try {
      expect(migrate(db, migrations, 10)).toEqual([10]);
      expect(schemaVersion(db)).toBe(10);
    } finally {
      db.close();
    }
  });
});

describe('pragmas', () => {
  it('sets WAL, foreign keys and a busy timeout on every connection', () => {
    const file = tmp.file('pragmas.db');
    for (let i = 0; i < 2; i += 1) {
      const db = openDatabase(file);
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
        expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      } finally {
        db.close();
      }
    }
  });

  it('enforces foreign keys: a building under a missing site is refused', () => {
    const db = openDatabase(tmp.file('fk.db'));
    try {
      expect(() =>
        db
          .prepare(
            `INSERT INTO places (id, kind, parent_id, name, created_at, updated_at)
             VALUES ('b', 'building', 'no-site', '孤楼', ?, ?)`,
          )
          .run(NOW, NOW),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});
