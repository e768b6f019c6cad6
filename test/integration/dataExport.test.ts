// The whole-data export round trip through the real dispatch table: the demo register plus audit
// rows from API edits and awkward values (NULLs, empty strings, quotes, commas, newlines, Chinese,
// a literal \N, a BLOB, an INTEGER beyond 2^53, a REAL in an INTEGER column, Infinity) is exported,
// restored into a fresh database and compared table by table, row by row, with storage classes;
// search works after the restore. Restores that must be refused (non-empty database, altered file,
// missing table, newer or older schema, another application, differing columns, broken references,
// a bad cell, an oversized or foreign archive) are refused with a clear error and write nothing.
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { generateDemo } from '../../electron/demo';
import { sha256Hex, type Manifest } from '../../electron/services/dataArchive';
import type { ResultOf } from '../../shared/contract';
import { call, callError, createTree } from '../support/api';
import {
  alterArchive,
  ordinaryTables,
  readManifest,
  rewriteCsv as rewrite,
  typedRows,
  type ArchiveFiles,
} from '../support/dataExport';
import { dumpDb } from '../support/dump';
import { openTempApi, type TempApi } from '../support/tempDb';

function searchTotal(api: Api, text: string): number {
  return call(api, 'assets.list', { filter: { q: text }, limit: 1 }).total;
}

let src: TempApi;
let archive: ResultOf<'data.exportAll'>;
let specialId: string;
const searches = ['路灯', '灯', 'LED', 'line2', '中文', '逗号'];

beforeAll(() => {
  src = openTempApi();
  const api = src.api;
  generateDemo(api.core.db, { scale: 1, seed: 7, actor: '演示' });
  // Audit rows of every action from API edits.
  const [first] = call(api, 'assets.list', { filter: { q: '路灯' }, limit: 1 }).items;
  call(api, 'assets.update', { id: first!.id, patch: { notes: '灯杆锈蚀, 已报修', serial: null } });
  // The demo's fixtures have work orders, which keep them from deletion: delete a new one.
  const doomed = call(api, 'assets.create', {
    code: 'ZZ-DELETED-1',
    name: '待删除灯具',
    kind: 'fixture',
    placeId: first!.placeId,
  });
  call(api, 'assets.delete', { id: doomed.id });
  const tree = createTree(api, '-导出');
  call(api, 'places.update', { id: tree.room.id, patch: { notes: '"靠窗", 第二排\n备用' } });
  // A floor moved under a building created after it: its row comes before its parent's, which
  // only a restore with deferred foreign keys accepts.
  const later = call(api, 'places.create', {
    kind: 'building',
    parentId: tree.site.id,
    name: '新建楼',
    code: 'NEW',
  });
  call(api, 'places.move', { id: tree.floor.id, parentId: later.id });
  call(api, 'assets.create', {
    code: 'ZZ-SPECIAL-1',
    name: '测试设备 "甲", 含逗号',
    kind: 'equipment',
    placeId: tree.room.id,
    notes: 'line1, "quoted"\nline2\r\nline3 中文 \\N',
    custom: { memo: '\\N', empty: '', n: 3, ok: true, none: null },
    serial: '\\N',
  });
  call(api, 'assets.create', { code: 'ZZ-NULLS', name: '空值设备', kind: 'equipment' });
  // A separate asset, so that the searches below (which check their results) never list it.
  specialId = call(api, 'assets.create', { code: 'ZZ-RAW', name: '原始值', kind: 'equipment' }).id;
  // Storage classes the API never writes, set directly: the export must be faithful to whatever
  // the file holds, not only to what today's code puts there.
  api.core.db
    .prepare(
      `UPDATE assets SET controller_id = X'00FF7F80', plant_type = '', unit = '\\N',
         utility = '=SUM(A1)', irrigation_method = '-5', schedule_days = ' padded ',
         rated_life_h = ?, daily_hours = ?, green_area_m2 = ?, precip_rate_mm_h = 'abc',
         schedule_minutes = ?, meter_level = 2.5, register_digits = '12', equipment_type = '42',
         schedule_start = '\\\\server\\share'
       WHERE id = ?`,
    )
    .run(Infinity, 0.1 + 0.2, 1e-300, 2n ** 53n + 1n, specialId);
  api.core.db
    .prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)`)
    .run('organisation', '{"name":"职业技术学院","note":"a,b\\n"}', '2026-01-01T00:00:00.000Z');
  archive = call(api, 'data.exportAll', {});
});

afterAll(() => src.cleanup());

describe('export everything', () => {
  it('lists every ordinary table and none of the derived search tables', () => {
    const files = unzipSync(Buffer.from(archive.contentBase64, 'base64'));
    const manifest = readManifest(files);
    const tables = ordinaryTables(src.api.core.db);
    expect(tables).toEqual(expect.arrayContaining(['assets', 'audit_log', 'places', 'settings']));
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(tables);
    expect(Object.keys(archive.tables).sort()).toEqual(tables);
    expect(Object.keys(files).some((f) => f.includes('fts') || f.includes('grams'))).toBe(false);
    expect(manifest.schemaVersion).toBe(src.api.core.db.pragma('user_version', { simple: true }));
    expect(manifest.appVersion).toBe(src.api.core.appVersion);
    expect(archive.fileName).toMatch(/^utility-desk-export-\d{8}T\d{6}Z\.zip$/);
    for (const t of manifest.tables) {
      const csv = files[t.file]!;
      expect(sha256Hex(csv)).toBe(t.sha256);
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(t.rows).toBe(archive.tables[t.name]);
    }
    const assetsCsv = Buffer.from(files['assets.csv']!).toString('utf8');
    // NULL, a literal backslash-N and a would-be formula, as the scheme says.
    expect(assetsCsv).toContain('\\N');
    expect(assetsCsv).toContain('\\\\N');
    expect(assetsCsv).toContain('\\T=SUM(A1)');
  });
});

describe('restore from export', () => {
  let dst: TempApi;
  let restored: ResultOf<'data.importAll'>;

  beforeAll(() => {
    dst = openTempApi('恢复员');
    restored = call(dst.api, 'data.importAll', {
      fileName: archive.fileName,
      contentBase64: archive.contentBase64,
    });
  });
  afterAll(() => dst.cleanup());

  it('reproduces every table row for row, with storage classes', () => {
    expect(restored.tables).toEqual(archive.tables);
    const a = src.api.core.db;
    const b = dst.api.core.db;
    expect(ordinaryTables(b)).toEqual(ordinaryTables(a));
    const childBeforeParent = `SELECT count(*) FROM places c JOIN places p ON c.parent_id = p.id
                               WHERE c.rowid < p.rowid`;
    expect(a.prepare(childBeforeParent).pluck().get()).toBeGreaterThan(0);
    for (const table of ordinaryTables(a)) {
      const where = table === 'audit_log' ? `entity <> 'import'` : 'true';
      expect(typedRows(b, table, where), table).toEqual(typedRows(a, table, where));
    }
    const special = b
      .prepare(
        `SELECT typeof(controller_id) c, typeof(schedule_minutes) m, schedule_minutes mv,
                typeof(meter_level) l, typeof(rated_life_h) r, rated_life_h rv, plant_type p, unit
         FROM assets WHERE id = ?`,
      )
      .safeIntegers(true)
      .get(specialId);
    expect(special).toEqual({
      c: 'blob',
      m: 'integer',
      mv: 2n ** 53n + 1n,
      l: 'real',
      r: 'real',
      rv: Infinity,
      p: '',
      unit: '\\N',
    });
    const notes = b
      .prepare(`SELECT notes, serial, place_id FROM assets WHERE code = 'ZZ-NULLS'`)
      .get();
    expect(notes).toEqual({ notes: '', serial: null, place_id: null });
    const quoted = b.prepare(`SELECT notes, serial FROM assets WHERE code = 'ZZ-SPECIAL-1'`).get();
    expect(quoted).toEqual({ notes: 'line1, "quoted"\nline2\r\nline3 中文 \\N', serial: '\\N' });
  });

  it('writes one audit entry for the restore', () => {
    const entries = dst.api.core.db
      .prepare(`SELECT actor, action, entity_id, note FROM audit_log WHERE entity = 'import'`)
      .all();
    expect(entries).toEqual([
      {
        actor: '恢复员',
        action: 'create',
        entity_id: archive.fileName,
        note: `从导出恢复 ${archive.fileName}`,
      },
    ]);
  });

  it('rebuilds the search indexes through the triggers', () => {
    for (const text of searches) {
      expect(searchTotal(dst.api, text), text).toBe(searchTotal(src.api, text));
    }
    expect(searchTotal(dst.api, '路灯')).toBeGreaterThan(0);
    const db = dst.api.core.db;
    expect(() =>
      db.prepare(`INSERT INTO assets_fts(assets_fts) VALUES ('integrity-check')`).run(),
    ).not.toThrow();
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a second restore into the now non-empty database', () => {
    const before = dumpDb(dst.api.core.db);
    const error = callError(dst.api, 'data.importAll', archive);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/empty database/);
    expect(dumpDb(dst.api.core.db)).toEqual(before);
  });
});

function altered(mutate: (files: ArchiveFiles, manifest: Manifest) => void): string {
  return alterArchive(archive.contentBase64, mutate);
}

describe('restores that are refused and write nothing', () => {
  function expectRefused(
    contentBase64: string,
    code: string,
    message: RegExp,
    setup?: (api: Api) => void,
  ) {
    const t = openTempApi();
    try {
      setup?.(t.api);
      const before = dumpDb(t.api.core.db);
      const error = callError(t.api, 'data.importAll', { fileName: 'x.zip', contentBase64 });
      expect(error.code, error.message).toBe(code);
      expect(error.message).toMatch(message);
      expect(dumpDb(t.api.core.db)).toEqual(before);
    } finally {
      t.cleanup();
    }
  }

  it('a database that already has data', () => {
    expectRefused(
      archive.contentBase64,
      'CONFLICT',
      /only be restored into an empty database.*places/,
      (api) => {
        createTree(api);
      },
    );
  });

  it('a CSV changed after export (hash mismatch)', () => {
    const content = altered((files) => {
      const csv = Buffer.from(files['places.csv']!).toString('utf8');
      files['places.csv'] = Buffer.from(csv.replace('1层', '9层'), 'utf8');
    });
    expectRefused(content, 'BAD_REQUEST', /places\.csv does not match its SHA-256/);
  });

  it('a missing table', () => {
    expectRefused(
      altered((files, manifest) => {
        delete files['headcounts.csv'];
        manifest.tables = manifest.tables.filter((t) => t.name !== 'headcounts');
      }),
      'BAD_REQUEST',
      /incomplete: table headcounts is missing/,
    );
    expectRefused(
      altered((files) => delete files['settings.csv']),
      'BAD_REQUEST',
      /incomplete: settings\.csv \(table settings\) is missing/,
    );
  });

  it('a newer or an older schema version', () => {
    const version = src.api.core.db.pragma('user_version', { simple: true }) as number;
    const newer = altered((_f, m) => void (m.schemaVersion = version + 10));
    expectRefused(newer, 'SCHEMA_TOO_NEW', new RegExp(`schema version ${version + 10}.*newer`));
    const older = altered((_f, m) => void (m.schemaVersion = version - 10));
    expectRefused(older, 'BAD_REQUEST', /older than this app's.*not supported yet/);
  });

  it('an archive from another application', () => {
    const foreign = altered((_f, m) => void (m.applicationId = 0x12345678));
    expectRefused(foreign, 'BAD_REQUEST', /another application/, (api) => {
      // Set here too, so the check is exercised whichever migration sets it.
      if (api.core.db.pragma('application_id', { simple: true }) === 0) {
        api.core.db.pragma('application_id = 1');
      }
    });
  });

  it('columns that differ from this schema', () => {
    const content = altered((files, manifest) => {
      manifest.tables.find((t) => t.name === 'settings')!.columns[1] = 'value';
      rewrite(files, manifest, 'settings.csv', (csv) => csv.replace('value_json', 'value'));
    });
    expectRefused(content, 'BAD_REQUEST', /columns of settings .* do not match/);
  });

  it('rows that fail after others were written (rolled back)', () => {
    const brokenReference = altered((files, manifest) =>
      rewrite(files, manifest, 'headcounts.csv', (csv) => {
        const [header, first, ...rest] = csv.split('\r\n');
        const cells = first!.split(',');
        cells[1] = '01000000-0000-7000-8000-000000000000';
        return [header, cells.join(','), ...rest].join('\r\n');
      }),
    );
    expectRefused(brokenReference, 'BAD_REQUEST', /refers to rows it does not contain/);
    const badCell = altered((files, manifest) =>
      rewrite(files, manifest, 'settings.csv', (csv) => csv.replace('organisation', '\\Qbad')),
    );
    expectRefused(badCell, 'BAD_REQUEST', /settings\.csv, row 2, column key: unknown escape/);
  });

  it('an archive that claims to unpack beyond the limit (checked before inflating)', () => {
    const zip = Buffer.from(archive.contentBase64, 'base64');
    // The uncompressed size of the first central directory entry (signature PK\x01\x02, +24).
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(0xfff00000, central + 24);
    expectRefused(zip.toString('base64'), 'BAD_REQUEST', /unpacks to more than the \d+ MB/);
  });

  it('files that are not an export at all', () => {
    expectRefused(Buffer.from('id,name\n1,a\n').toString('base64'), 'BAD_REQUEST', /not a zip/);
    const noManifest = Buffer.from(zipSync({ 'a.csv': Buffer.from('x') })).toString('base64');
    expectRefused(noManifest, 'BAD_REQUEST', /no manifest\.json/);
    expectRefused('@@not base64@@', 'BAD_REQUEST', /base64/);
  });
});
