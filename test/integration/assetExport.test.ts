// Export and templates through the real dispatch table: CSV is UTF-8 with a BOM, XLSX keeps numbers
// as numbers, headers and coded values follow the chosen language, and an exported file imports
// back unchanged. Text that a spreadsheet would run as a formula is neutralised in both formats,
// and a formula in an imported XLSX is kept as text, never evaluated.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { call, createTree, type Tree } from '../support/api';
import { dumpDb } from '../support/dump';
import { openTempApi, tempDir, type TempApi, type TempDir } from '../support/tempDb';

let t: TempApi;
let api: Api;
let tree: Tree;
let files: TempDir;

const injection = `=cmd|' /C calc'!A0`;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  files = tempDir('utility-desk-export-');
  tree = createTree(api);
  // A second site with the same building and room names: their short paths are ambiguous.
  const other = call(api, 'places.create', {
    kind: 'site',
    parentId: null,
    name: '南校区',
    code: 'NXQ',
  });
  const b = call(api, 'places.create', {
    kind: 'building',
    parentId: other.id,
    name: '第一教学楼',
    code: 'JX-A',
  });
  const f = call(api, 'places.create', { kind: 'floor', parentId: b.id, name: '1层' });
  const southRoom = call(api, 'places.create', {
    kind: 'room',
    parentId: f.id,
    name: '多媒体教室A101',
  });

  const inlet = call(api, 'assets.create', {
    code: 'WM-1',
    name: '总水表',
    kind: 'meter',
    placeId: tree.building.id,
    utility: 'water',
    meterLevel: 1,
    unit: 'm³',
    multiplier: 1,
    registerDigits: 6,
    serial: 'SN-1',
  });
  const sub = call(api, 'assets.create', {
    code: 'WM-2',
    name: '楼层水表',
    kind: 'meter',
    placeId: tree.floor.id,
    utility: 'water',
    meterLevel: 2,
    parentMeterId: inlet.id,
  });
  call(api, 'assets.create', {
    code: 'IR-1',
    name: '北区草坪',
    kind: 'irrigation_zone',
    placeId: tree.site.id,
    greenAreaM2: 2600.5,
    irrigationMethod: 'micro_spray',
    linkedMeterId: sub.id,
    scheduleDays: ['MO', 'TH'],
    scheduleStart: '05:30',
    scheduleMinutes: 25,
    precipRateMmH: 8.5,
    plantType: '草坪',
  });
  call(api, 'assets.create', {
    code: 'LT-1',
    name: 'LED灯管',
    kind: 'fixture',
    placeId: tree.room.id,
    lampType: 'led_tube',
    ratedPowerW: 18,
    previousPowerW: 36,
    ratedLifeH: 50000,
    dailyHours: 10.5,
    lastReplaced: '2025-01-02',
    installDate: '2020-06-30',
    notes: '走廊, "东侧"',
  });
  call(api, 'assets.create', {
    code: 'LT-2',
    name: injection,
    kind: 'fixture',
    placeId: southRoom.id,
    status: 'faulty',
    lampType: 'street_light',
    notes: '+1 备用',
  });
  call(api, 'assets.create', {
    code: 'PU-1',
    name: '@水泵',
    kind: 'equipment',
    status: 'standby',
    equipmentType: 'pump',
    ratedPowerW: 7500,
    serial: '-P-01',
  });
  call(api, 'assets.create', {
    code: 'EQ-1',
    name: '雨水花园',
    kind: 'equipment',
    equipmentType: '自定义设施',
  });
});

afterEach(() => {
  t.cleanup();
  files.cleanup();
});

/** Saves an exported file for real and reads it back as the user's next import would be. */
function saved(exported: { fileName: string; contentBase64: string }) {
  const file = path.join(files.dir, exported.fileName);
  fs.writeFileSync(file, Buffer.from(exported.contentBase64, 'base64'));
  return {
    fileName: exported.fileName,
    contentBase64: fs.readFileSync(file).toString('base64'),
    bytes: fs.readFileSync(file),
  };
}

async function sheetOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

describe('export', () => {
  it.each([
    ['xlsx', 'zh-CN'],
    ['xlsx', 'en'],
    ['csv', 'zh-CN'],
    ['csv', 'en'],
  ] as const)('%s in %s imports back unchanged', (format, language) => {
    const exported = call(api, 'assets.export', { format, language });
    expect(exported.rows).toBe(7);
    expect(exported.fileName).toMatch(new RegExp(`^(资产台账|assets)_\\d{8}\\.${format}$`));
    const file = saved(exported);
    const before = dumpDb(api.core.db);
    const report = call(api, 'assets.importPreview', file);
    expect(report).toMatchObject({
      format,
      rows: 7,
      valid: 7,
      unchanged: 7,
      creates: 0,
      updates: 0,
      problems: [],
      unknownHeaders: [],
    });
    expect(call(api, 'assets.importCommit', { ...file, mode: 'all' })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 7,
      skipped: 0,
    });
    // Only the import's own audit entry is new.
    const after = dumpDb(api.core.db);
    expect(after.tables.assets).toEqual(before.tables.assets);
    expect(after.tables.audit_log?.length).toBe((before.tables.audit_log?.length ?? 0) + 1);
  });

  it('writes CSV as UTF-8 with a BOM, labels in the language asked for, places as paths and meters by code', () => {
    const text = saved(call(api, 'assets.export', { format: 'csv', language: 'zh-CN' })).bytes;
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/^编号,名称,类别,位置,状态,安装日期,备注,灯具类型,额定功率\(W\)/);
    const ir = lines.find((l) => l.startsWith('IR-1,'));
    expect(ir).toContain(',灌溉分区,职业技术学院主校区,在用,');
    expect(ir).toContain(',微喷,草坪,,WM-2,"周一,周四",05:30,25,8.5,');
    // The site's room name is shared by the south campus: the path then starts at the site.
    expect(lines.find((l) => l.startsWith('LT-1,'))).toContain(
      ',职业技术学院主校区 › 第一教学楼 › 1层 › 多媒体教室A101,在用,2020-06-30,"走廊, ""东侧""",LED灯管,18,36,50000,10.5,2025-01-02,',
    );
    expect(lines.find((l) => l.startsWith('WM-2,'))).toContain(
      ',计量表,职业技术学院主校区 › 第一教学楼 › 1层,',
    );
    expect(lines.find((l) => l.startsWith('EQ-1,'))).toMatch(/,自定义设施$/);
    expect(lines.find((l) => l.startsWith('PU-1,'))).toMatch(/,水泵$/);
  });

  it('neutralises formula starts in CSV and XLSX, and XLSX keeps numbers as numbers', async () => {
    const csvText = saved(
      call(api, 'assets.export', { format: 'csv', language: 'en' }),
    ).bytes.toString('utf8');
    expect(csvText).toContain(`LT-2,'${injection},Light fixture,`);
    expect(csvText).toContain(`,'+1 备用,`);
    expect(csvText).toContain(`PU-1,'@水泵,Equipment,`);
    expect(csvText).toContain(`,'-P-01,Pump`);

    const ws = await sheetOf(
      saved(call(api, 'assets.export', { format: 'xlsx', language: 'en' })).bytes,
    );
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const rowOf = (code: string) => {
      for (let r = 2; r <= ws.rowCount; r += 1)
        if (ws.getRow(r).getCell(1).value === code) return ws.getRow(r);
      throw new Error(code);
    };
    expect(rowOf('LT-2').getCell(col('Name')).value).toBe(`'${injection}`);
    expect(rowOf('PU-1').getCell(col('Serial')).value).toBe("'-P-01");
    expect(rowOf('LT-1').getCell(col('Rated power (W)')).value).toBe(18);
    expect(rowOf('LT-1').getCell(col('Daily hours')).value).toBe(10.5);
    expect(rowOf('IR-1').getCell(col('Green area (m²)')).value).toBe(2600.5);
    ws.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
  });

  it('exports what a filter selects, with the columns of the selected kinds only', () => {
    const exported = call(api, 'assets.export', {
      filter: { kinds: ['fixture'] },
      format: 'csv',
      language: 'en',
    });
    expect(exported.rows).toBe(2);
    const [header] = Buffer.from(exported.contentBase64, 'base64')
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    expect(header).toBe(
      'Code,Name,Kind,Place,Status,Install date,Notes,Lamp type,Rated power (W),Previous power (W),Rated life (h),Daily hours,Last replaced,Serial',
    );
    expect(
      call(api, 'assets.export', { filter: { q: '水泵' }, format: 'csv', language: 'en' }).rows,
    ).toBe(1);
  });
});

describe('a formula in an imported XLSX', () => {
  it('is kept as its text or its cached result, never evaluated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('资产');
    ws.addRow(['编号', '名称', '类别', '额定功率(W)']);
    ws.addRow(['F-1', { formula: `cmd|' /C calc'!A0` }, '灯具', { formula: '9*2', result: 18 }]);
    ws.addRow(['F-2', injection, '灯具', 36]);
    const file = saved({
      fileName: '公式.xlsx',
      contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    });
    expect(call(api, 'assets.importPreview', file)).toMatchObject({
      format: 'xlsx',
      encoding: 'utf-8',
      valid: 2,
      problems: [],
    });
    call(api, 'assets.importCommit', { ...file, mode: 'all' });
    const imported = call(api, 'assets.list', { filter: { q: 'F-' } }).items;
    expect(imported.map((a) => [a.code, a.name, a.ratedPowerW])).toEqual([
      ['F-1', injection, 18],
      ['F-2', injection, 36],
    ]);
  });
});

describe('templates', () => {
  it.each([
    ['xlsx', 'zh-CN'],
    ['csv', 'en'],
  ] as const)(
    '%s in %s: every header, one example per kind, which imports as written',
    async (format, language) => {
      const template = call(api, 'assets.template', { format, language });
      expect(template.fileName).toBe(
        language === 'en' ? `asset-import-template.${format}` : `资产导入模板.${format}`,
      );
      const file = saved(template);
      let header: unknown[];
      if (format === 'xlsx') {
        const ws = await sheetOf(file.bytes);
        header = (ws.getRow(1).values as unknown[]).slice(1);
        expect(ws.rowCount).toBe(5);
        expect(ws.getRow(2).getCell(header.indexOf('额定功率(W)') + 1).value).toBe(18);
      } else {
        const lines = file.bytes.subarray(3).toString('utf8').trim().split('\r\n');
        header = (lines[0] ?? '').split(',');
        expect(lines).toHaveLength(5);
      }
      expect(header).toHaveLength(30);
      expect(header.slice(0, 4)).toEqual(
        language === 'en' ? ['Code', 'Name', 'Kind', 'Place'] : ['编号', '名称', '类别', '位置'],
      );
      expect(call(api, 'assets.importPreview', file)).toMatchObject({
        rows: 4,
        valid: 4,
        creates: 4,
        problems: [],
      });
    },
  );
});
