// Asset import through the real dispatch table on a temporary SQLite file: the dry run names every
// bad row and column and writes nothing; the commit writes the valid rows (or all or nothing) in
// one transaction with an audit entry per asset plus one for the import; re-importing updates by
// code; rule breaks (places, meters, kinds, lengths) are row problems under their column.
// Malformed files are in assetImportFiles.test.ts. Files are real files in a temporary directory;
// the GBK one is encoded with iconv-lite as Chinese Excel saves it.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { normaliseHeader, sheetColumns } from '../../electron/services/assetSheetColumns';
import type { ImportProblem } from '../../shared/contract/assetTransfer';
import { call, callError, createTree, type Tree } from '../support/api';
import { countRows, dumpDb } from '../support/dump';
import { openTempApi, tempDir, type TempApi, type TempDir } from '../support/tempDb';

let t: TempApi;
let api: Api;
let tree: Tree;
let files: TempDir;
let room301: string;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  files = tempDir('utility-desk-files-');
  tree = createTree(api);
  // Two rooms 301 on floors named 3层, so "3层/301" alone is ambiguous.
  for (const [building, code] of [
    ['教学楼A', 'JX-B'],
    ['图书馆', 'TSG'],
  ] as const) {
    const b = call(api, 'places.create', {
      kind: 'building',
      parentId: tree.site.id,
      name: building,
      code,
    });
    const f = call(api, 'places.create', {
      kind: 'floor',
      parentId: b.id,
      name: '3层',
      floorNumber: 3,
    });
    const r = call(api, 'places.create', {
      kind: 'room',
      parentId: f.id,
      name: '301',
      code: `${code}-301`,
    });
    if (building === '教学楼A') room301 = r.id;
  }
});

afterEach(() => {
  t.cleanup();
  files.cleanup();
});

/** Writes the file for real and reads it back as the renderer would send it. */
function file(name: string, content: string | Buffer, encoding: 'utf8' | 'gbk' = 'utf8') {
  const bytes =
    typeof content === 'string'
      ? encoding === 'gbk'
        ? iconv.encode(content, 'gbk')
        : Buffer.from(content)
      : content;
  fs.writeFileSync(path.join(files.dir, name), bytes);
  return {
    fileName: name,
    contentBase64: fs.readFileSync(path.join(files.dir, name)).toString('base64'),
  };
}

const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

interface AuditRow {
  entity: string;
  entity_id: string;
  action: string;
  after_json: string | null;
  note: string | null;
}
const audit = (entity: string) =>
  api.core.db
    .prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE entity = ? ORDER BY rowid')
    .all(entity);

const assetByCode = (code: string) => {
  const items = call(api, 'assets.list', { filter: { q: code } }).items.filter(
    (a) => a.code === code,
  );
  if (items.length !== 1) throw new Error(`expected one asset ${code}, found ${items.length}`);
  return items[0] as (typeof items)[number];
};

// Rows 5, 7 and 9 are bad: an unknown place, a power that is not a number, an unknown lamp type.
const inventory = [
  '编号,名称,类别,位置,状态,安装日期,灯具类型,额定功率(W),日运行时长(h),备注',
  'LT-A101-001,LED灯管 T8,灯具,第一教学楼/1层/多媒体教室A101,在用,2024/3/5,LED灯管,18,10,',
  'LT-A101-002,LED面板灯,灯具,A101,在用,2024-03-05,LED面板灯,36,10,',
  'LT-301-001,LED筒灯,灯具,教学楼A/3层/301,维修中,,LED筒灯,12,8,',
  'LT-X-001,路灯 北门,灯具,教学楼Z/1层/101,在用,,路灯,150,12,',
  'LT-301-002,投光灯,灯具,教学楼A>3层>301,在用,,投光灯,200,4,',
  'LT-301-003,应急灯,灯具,教学楼A/3层/301,备用,,应急灯,abc,24,',
  'WM-JX-A,第一教学楼总水表,计量表,第一教学楼,在用,,,,,',
  'LT-301-004,"LED灯管, 北侧",灯具,教学楼A/3层/301,在用,,日光灯,18,10,',
  'LT-301-005,LED灯管,fixture,教学楼A/3层/301,in_service,,led_tube,18,10,走廊',
];
const badRows: ImportProblem[] = [
  { row: 5, column: '位置', value: '教学楼Z/1层/101', reason: 'unknown place' },
  { row: 7, column: '额定功率(W)', value: 'abc', reason: 'not a number' },
  { row: 9, column: '灯具类型', value: '日光灯', reason: 'unknown lamp type' },
];

describe('a GBK CSV with three bad rows', () => {
  it('dry run names exactly those rows and columns and writes nothing', () => {
    const before = dumpDb(api.core.db);
    const report = call(api, 'assets.importPreview', file('盘点.csv', csv(inventory), 'gbk'));
    expect(report).toEqual({
      format: 'csv',
      encoding: 'gb18030',
      rows: 9,
      valid: 6,
      creates: 6,
      updates: 0,
      unchanged: 0,
      problems: badRows,
      problemCount: 3,
      unknownHeaders: [],
    });
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it("commit 'valid' writes only the valid rows, audits each and the import; a re-import changes nothing", () => {
    const input = { ...file('盘点.csv', csv(inventory), 'gbk'), mode: 'valid' as const };
    expect(call(api, 'assets.importCommit', input)).toEqual({
      created: 6,
      updated: 0,
      unchanged: 0,
      skipped: 3,
    });
    expect(countRows(api.core.db, 'assets')).toBe(6);

    const a = assetByCode('LT-A101-001');
    expect(a).toMatchObject({
      name: 'LED灯管 T8',
      kind: 'fixture',
      placeId: tree.room.id,
      status: 'in_service',
      installDate: '2024-03-05',
      lampType: 'led_tube',
      ratedPowerW: 18,
      dailyHours: 10,
    });
    expect(assetByCode('LT-301-002')).toMatchObject({ placeId: room301, lampType: 'floodlight' });
    expect(assetByCode('LT-301-001').status).toBe('under_repair');
    expect(assetByCode('LT-301-005')).toMatchObject({ notes: '走廊', lampType: 'led_tube' });
    expect(assetByCode('WM-JX-A')).toMatchObject({ kind: 'meter', placeId: tree.building.id });

    const assetAudit = audit('asset');
    expect(assetAudit).toHaveLength(6);
    expect(assetAudit.every((r) => r.action === 'create' && r.note === '导入 盘点.csv')).toBe(true);
    const imports = audit('import');
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ action: 'create', note: '导入 盘点.csv' });
    expect(JSON.parse(imports[0]?.after_json ?? '{}')).toMatchObject({
      fileName: '盘点.csv',
      mode: 'valid',
      rows: 9,
      created: 6,
      updated: 0,
      unchanged: 0,
      skipped: 3,
    });
    const history = call(api, 'assets.get', { id: a.id }).history;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', note: '导入 盘点.csv' });

    // The same file again: matched by code, nothing rewritten, no new asset history.
    expect(call(api, 'assets.importCommit', input)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 6,
      skipped: 3,
    });
    expect(countRows(api.core.db, 'assets')).toBe(6);
    expect(audit('asset')).toHaveLength(6);
    expect(audit('import')).toHaveLength(2);

    // One status changed in the sheet: one update, in that asset's history.
    const edited = inventory.map((l) =>
      l.startsWith('LT-A101-001') ? l.replace(',在用,', ',故障,') : l,
    );
    const again = { ...file('盘点.csv', csv(edited), 'gbk'), mode: 'valid' as const };
    expect(call(api, 'assets.importCommit', again)).toEqual({
      created: 0,
      updated: 1,
      unchanged: 5,
      skipped: 3,
    });
    const changed = call(api, 'assets.get', { id: a.id });
    expect(changed.asset.status).toBe('faulty');
    expect(changed.history[0]).toMatchObject({
      action: 'update',
      note: '导入 盘点.csv',
      changes: [{ field: 'status', before: 'in_service', after: 'faulty' }],
    });
  });

  it("commit 'all' refuses with the problems and writes nothing", () => {
    const before = dumpDb(api.core.db);
    const error = callError(api, 'assets.importCommit', {
      ...file('盘点.csv', csv(inventory), 'gbk'),
      mode: 'all',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      '3 of 9 rows have problems, so nothing was imported. First: row 5, 位置: unknown place.',
    );
    expect(error.details).toEqual({ problems: badRows, problemCount: 3 });
    expect(dumpDb(api.core.db)).toEqual(before);
    const good = inventory.filter((_, i) => ![4, 6, 8].includes(i));
    expect(
      call(api, 'assets.importCommit', { ...file('good.csv', csv(good), 'gbk'), mode: 'all' }),
    ).toEqual({ created: 6, updated: 0, unchanged: 0, skipped: 0 });
  });
});

describe('rows and references', () => {
  it('gives every header spelling to one column only', () => {
    const owner = new Map<string, string>();
    for (const c of sheetColumns) {
      for (const spelling of new Set([c.key, c.zh, c.en, ...c.aliases].map(normaliseHeader))) {
        expect(owner.get(spelling) ?? c.key, spelling).toBe(c.key);
        owner.set(spelling, c.key);
      }
    }
  });

  it('reads English headers in any case and spacing, and meters and zones that refer to each other by code', () => {
    const lines = [
      ' CODE ,name,Kind,Place,Utility,meter level,Parent Meter Code,unit,Linked meter code,Green area (m²),METHOD,Schedule days,start,Minutes,Extra',
      'WM-2,Level-2 water meter,Meter,A101,Water,2,WM-1,m³,,,,,,,x',
      'WM-1,Inlet water meter,meter,第一教学楼,自来水,1,,m³,,,,,,,',
      'IR-1,North lawn,Irrigation zone,职业技术学院主校区,,,,,WM-2,2600,Sprinkler,"周一、周三, Fri",6:00,30,',
      'EM-1,Electricity meter,Meter,A101,electricity,2,WM-1,kWh,,,,,,,',
      'WM-3,Orphan,Meter,A101,water,2,NOPE,m³,,,,,,,',
      'WM-4,Under a bad meter,Meter,A101,electricity,3,EM-1,kWh,,,,,,,',
    ];
    const report = call(api, 'assets.importPreview', file('meters.csv', csv(lines)));
    expect(report.unknownHeaders).toEqual(['Extra']);
    expect(report.problems).toEqual([
      {
        row: 5,
        column: 'Parent Meter Code',
        value: 'WM-1',
        reason: 'parent meter measures water, not electricity',
      },
      { row: 6, column: 'Parent Meter Code', value: 'NOPE', reason: 'unknown meter code' },
      { row: 7, column: 'Parent Meter Code', value: 'EM-1', reason: 'meter on row 5 has problems' },
    ]);
    expect(
      call(api, 'assets.importCommit', { ...file('meters.csv', csv(lines)), mode: 'valid' }),
    ).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 3 });
    const wm1 = assetByCode('WM-1');
    expect(assetByCode('WM-2')).toMatchObject({
      parentMeterId: wm1.id,
      meterLevel: 2,
      utility: 'water',
      unit: 'm³',
    });
    expect(assetByCode('IR-1')).toMatchObject({
      placeId: tree.site.id,
      linkedMeterId: assetByCode('WM-2').id,
      greenAreaM2: 2600,
      irrigationMethod: 'sprinkler',
      scheduleDays: ['MO', 'WE', 'FR'],
      scheduleStart: '06:00',
      scheduleMinutes: 30,
    });
  });

  it('reports duplicate codes, fields of another kind, a kind change, ambiguous places, bad dates and a ragged row', () => {
    call(api, 'assets.create', { code: 'M-OLD', name: '旧表', kind: 'meter', utility: 'water' });
    const lines = [
      '编号,名称,类别,位置,安装日期,灯具类型',
      'L-1,灯,灯具,3层/301,2024-02-30,LED灯管',
      'L-1,灯,灯具,教学楼A/3层/301,,',
      'M-1,表,计量表,,,路灯',
      'M-OLD,旧表,灯具,,,',
      'L-2,灯,灯具,JX-B-301,2024-13-01,,多余',
      'L-3,,灯具,,,',
    ];
    const report = call(api, 'assets.importPreview', file('mixed.csv', csv(lines)));
    expect(report.problems).toEqual([
      {
        row: 2,
        column: '位置',
        value: '3层/301',
        reason: 'ambiguous place (2 places match; write more of its path)',
      },
      { row: 2, column: '安装日期', value: '2024-02-30', reason: 'not a real calendar date' },
      { row: 3, column: '编号', value: 'L-1', reason: 'duplicate code in file (first on row 2)' },
      { row: 4, column: '灯具类型', value: '路灯', reason: 'does not apply to a meter' },
      {
        row: 5,
        column: '类别',
        value: '灯具',
        reason: 'kind cannot change (the register has it as meter)',
      },
      { row: 6, column: '安装日期', value: '2024-13-01', reason: 'not a real calendar date' },
      { row: 6, column: '', value: '多余', reason: 'more cells than headers (6)' },
      { row: 7, column: '名称', value: '', reason: 'required' },
    ]);
    expect(report).toMatchObject({ rows: 6, valid: 0 });
  });

  it('turns a 10,000-character name into a row problem and keeps formula-looking text as text', () => {
    const long = '灯'.repeat(10_000);
    const lines = [
      '编号,名称,类别',
      `L-LONG,${long},灯具`,
      `L-F,"=cmd|' /C calc'!A0",灯具`,
      `L-Q,'+86 10 1234,灯具`,
    ];
    const report = call(api, 'assets.importPreview', file('long.csv', csv(lines)));
    expect(report.problems).toEqual([
      { row: 2, column: '名称', value: `${'灯'.repeat(200)}…`, reason: 'too long (max 200)' },
    ]);
    const before = dumpDb(api.core.db);
    expect(
      callError(api, 'assets.importCommit', { ...file('long.csv', csv(lines)), mode: 'all' }).code,
    ).toBe('VALIDATION');
    expect(dumpDb(api.core.db)).toEqual(before);
    expect(
      call(api, 'assets.importCommit', { ...file('long.csv', csv(lines)), mode: 'valid' }),
    ).toMatchObject({ created: 2, skipped: 1 });
    expect(assetByCode('L-F').name).toBe(`=cmd|' /C calc'!A0`);
    // An apostrophe that guards a formula start (as our exports write it) is taken off again.
    expect(assetByCode('L-Q').name).toBe('+86 10 1234');
  });
});
