// People through the dispatch table on a real database: headcounts per site and year with
// standard persons from the settings' weights; park enterprises with their years, quotas and
// meters; and both imported from CSV and XLSX with a dry run that writes nothing, problems named
// by row and column, and the all-or-nothing and valid-rows commits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { call, callError } from '../support/api';
import { createCampus, meterInput, type Campus } from '../support/assets';
import { dumpDb } from '../support/dump';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let campus: Campus;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  campus = createCampus(api);
});
afterEach(() => t.cleanup());

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('headcounts', () => {
  it('are set, replaced, listed with standard persons, and deleted', () => {
    const siteId = campus.site.id;
    const set = call(api, 'people.setHeadcount', {
      siteId,
      year: 2024,
      students: 8000,
      staff: 600,
      residents: 200,
      others: 400,
    });
    expect(set.standardPersons).toBe(9000);
    call(api, 'people.setHeadcount', {
      siteId,
      year: 2024,
      students: 8100,
      staff: 600,
      residents: 200,
      others: 0,
    });
    call(api, 'people.setHeadcount', {
      siteId,
      year: 2023,
      students: 7900,
      staff: 590,
      residents: 0,
      others: 0,
    });
    call(api, 'settings.update', { standardPersonWeights: { staff: 2 } });
    const list = call(api, 'people.headcounts', { siteId });
    expect(list.items.map((h) => [h.year, h.standardPersons])).toEqual([
      [2023, 7900 + 1180],
      [2024, 8100 + 1200 + 200],
    ]);
    expect(call(api, 'people.headcounts', { fromYear: 2024 }).items).toHaveLength(1);
    expect(call(api, 'people.deleteHeadcount', { siteId, year: 2023 })).toEqual({ deleted: 1 });
    expect(call(api, 'people.deleteHeadcount', { siteId, year: 2023 })).toEqual({ deleted: 0 });
    const error = callError(api, 'people.setHeadcount', {
      siteId: campus.building.id,
      year: 2024,
      students: 1,
      staff: 1,
      residents: 0,
      others: 0,
    });
    expect(error.code).toBe('NOT_FOUND');
    const audit = api.core.db
      .prepare(`SELECT count(*) FROM audit_log WHERE entity = 'headcount'`)
      .pluck()
      .get();
    expect(audit).toBe(4);
  });
});

describe('enterprises', () => {
  it('keep their years, quotas and meters, and refuse clashes', () => {
    const siteId = campus.site.id;
    const e = call(api, 'people.createEnterprise', {
      siteId,
      name: '精密机械公司',
      code: 'QY-1',
      placeId: campus.building.id,
    });
    expect(e).toMatchObject({
      siteName: campus.site.name,
      placeName: campus.building.name,
      meters: [],
      years: [],
    });
    expect(callError(api, 'people.createEnterprise', { siteId, name: '精密机械公司' }).code).toBe(
      'CONFLICT',
    );
    expect(
      callError(api, 'people.createEnterprise', { siteId, name: '别名', code: 'QY-1' }).code,
    ).toBe('CONFLICT');
    const other = call(api, 'places.create', { kind: 'site', parentId: null, name: '二园区' });
    const outside = call(api, 'places.create', {
      kind: 'building',
      parentId: other.id,
      name: '厂房',
    });
    expect(
      callError(api, 'people.updateEnterprise', { id: e.id, patch: { placeId: outside.id } }).code,
    ).toBe('VALIDATION');
    call(api, 'people.updateEnterprise', { id: e.id, patch: { notes: '重点用水户' } });
    call(api, 'people.setEnterpriseYear', {
      enterpriseId: e.id,
      year: 2024,
      valueAdded: 10_500,
      waterQuota: 110_000,
    });
    call(api, 'people.setEnterpriseYear', {
      enterpriseId: e.id,
      year: 2023,
      valueAdded: null,
      waterQuota: 90_000,
    });
    const w = call(
      api,
      'assets.create',
      meterInput('QW-1', 'water', 2, { placeId: campus.building.id }),
    );
    const r = call(
      api,
      'assets.create',
      meterInput('QR-1', 'reclaimed_water', 2, { placeId: campus.room.id }),
    );
    const far = call(api, 'assets.create', meterInput('QF-1', 'water', 2, { placeId: outside.id }));
    const after = call(api, 'people.setEnterpriseMeters', {
      enterpriseId: e.id,
      meterIds: [w.id, r.id, w.id],
    });
    expect(after.meters.map((m) => [m.code, m.utility])).toEqual([
      ['QR-1', 'reclaimed_water'],
      ['QW-1', 'water'],
    ]);
    expect(after.years).toEqual([
      { year: 2023, valueAdded: null, waterQuota: 90_000 },
      { year: 2024, valueAdded: 10_500, waterQuota: 110_000 },
    ]);
    expect(after.notes).toBe('重点用水户');
    const second = call(api, 'people.createEnterprise', { siteId, name: '电子材料公司' });
    expect(
      callError(api, 'people.setEnterpriseMeters', { enterpriseId: second.id, meterIds: [w.id] })
        .code,
    ).toBe('CONFLICT');
    expect(
      callError(api, 'people.setEnterpriseMeters', { enterpriseId: second.id, meterIds: [far.id] })
        .code,
    ).toBe('VALIDATION');
    call(api, 'people.setEnterpriseYear', {
      enterpriseId: e.id,
      year: 2023,
      valueAdded: null,
      waterQuota: null,
    });
    expect(
      call(api, 'people.enterprises', { siteId }).items.find((x) => x.id === e.id)?.years,
    ).toHaveLength(1);
    expect(call(api, 'people.deleteEnterprise', { id: e.id })).toEqual({ deleted: 1 });
    expect(call(api, 'people.enterprises', {}).items.map((x) => x.name)).toEqual(['电子材料公司']);
    // The meters stay in the register, free for another enterprise.
    expect(
      call(api, 'people.setEnterpriseMeters', { enterpriseId: second.id, meterIds: [w.id] }).meters,
    ).toHaveLength(1);
  });
});

describe('the import', () => {
  const headcountCsv = [
    '校区,年份,学生,教职工,其他常住人员,其他人员',
    `${campus_name()},2023,"8,200",610,180,300`,
    `${campus_name()},2024,8400,620,190,`,
    '没有的校区,2024,1,1,1,1',
    `${campus_name()},20X4,1,1,1,1`,
    `${campus_name()},2024,9000,1,1,1`,
  ].join('\r\n');

  function campus_name() {
    return '职业技术学院主校区';
  }

  it('dry-runs a headcount file, names each problem, and writes nothing', () => {
    const before = dumpDb(api.core.db);
    const report = call(api, 'people.importPreview', {
      kind: 'headcounts',
      fileName: 'h.csv',
      contentBase64: b64(headcountCsv),
    });
    expect(report).toMatchObject({ rows: 5, valid: 2, creates: 2, problemCount: 3 });
    expect(report.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [4, '校区', 'unknown site'],
      [5, '年份', 'not a number ≥ 0'],
      [6, '年份', 'repeated in the file'],
    ]);
    expect(dumpDb(api.core.db)).toEqual(before);
    const all = callError(api, 'people.importCommit', {
      kind: 'headcounts',
      fileName: 'h.csv',
      contentBase64: b64(headcountCsv),
      mode: 'all',
    });
    expect(all.code).toBe('VALIDATION');
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('commits the valid rows, and a second run changes nothing', () => {
    const input = {
      kind: 'headcounts' as const,
      fileName: 'h.csv',
      contentBase64: b64(headcountCsv),
    };
    expect(call(api, 'people.importCommit', { ...input, mode: 'valid' })).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      skipped: 3,
    });
    const items = call(api, 'people.headcounts', {}).items;
    expect(items.map((h) => [h.year, h.students, h.others])).toEqual([
      [2023, 8200, 300],
      [2024, 8400, 0],
    ]);
    expect(call(api, 'people.importCommit', { ...input, mode: 'valid' })).toMatchObject({
      unchanged: 2,
    });
  });

  it('imports enterprise years from its XLSX template, creating the enterprise', () => {
    const template = call(api, 'people.template', {
      kind: 'enterprises',
      format: 'xlsx',
      language: 'zh-CN',
    });
    expect(template.fileName).toBe('企业导入模板.xlsx');
    const file = {
      kind: 'enterprises' as const,
      fileName: template.fileName,
      contentBase64: template.contentBase64,
    };
    expect(call(api, 'people.importPreview', file)).toMatchObject({
      format: 'xlsx',
      rows: 1,
      creates: 1,
      problemCount: 0,
    });
    expect(call(api, 'people.importCommit', { ...file, mode: 'all' })).toMatchObject({
      created: 1,
    });
    const [e] = call(api, 'people.enterprises', { siteId: campus.site.id }).items;
    expect(e).toMatchObject({ name: '示例精密机械有限公司', code: 'QY-001' });
    expect(e?.years).toEqual([{ year: 2025, valueAdded: 12500, waterQuota: 86000 }]);
    const csv =
      'Site,Enterprise code,Year,"Value added (10,000 CNY)",Water quota (m³)\n,QY-001,2025,13000,86000\n';
    const refused = callError(api, 'people.importPreview', {
      kind: 'enterprises',
      fileName: 'e.csv',
      contentBase64: b64(csv),
    });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/企业名称/);
  });
});
