// The audit view's API on a real temporary database: changes made through the API (places, assets,
// a bulk edit, a delete, under two operators on three days) are found again by each filter, page
// without gaps or repeats, and export as a CSV that parses back to the same entries, with formula
// starts neutralised. The clock is faked (Date only) so each day's entries have known times.
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../electron/api';
import { localTimeFormatter } from '../../electron/services/auditExport';
import type { InputOf } from '../../shared/contract';
import type { AuditItem } from '../../shared/contract/audit';
import { call, callError, createTree, type Tree } from '../support/api';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let tree: Tree;
let lampId: string;
let pumpId: string;
let shedId: string;

const injection = '=HYPERLINK("http://example.com","x")';

/** Day 1 (UTC): the place tree. Day 2: assets, a status change, a bulk edit. Day 3: a delete. */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  t = openTempApi('测试员');
  api = t.api;

  vi.setSystemTime(new Date('2025-03-01T10:00:00.000Z'));
  tree = createTree(api);
  shedId = call(api, 'places.create', {
    kind: 'area',
    parentId: tree.site.id,
    name: '自行车棚',
  }).id;

  vi.setSystemTime(new Date('2025-03-02T15:30:00.000Z'));
  call(api, 'system.setOperator', { name: '王师傅' });
  lampId = call(api, 'assets.create', {
    code: 'LT-1',
    name: 'LED灯管',
    kind: 'fixture',
    placeId: tree.room.id,
    lampType: 'led_tube',
    ratedPowerW: 18,
  }).id;
  pumpId = call(api, 'assets.create', {
    code: 'PU-1',
    name: '生活水泵',
    kind: 'equipment',
    equipmentType: 'pump',
  }).id;
  call(api, 'assets.update', { id: lampId, patch: { status: 'faulty' } });
  call(api, 'assets.bulkUpdate', {
    selection: { ids: [lampId, pumpId] },
    patch: { status: 'under_repair' },
  });

  // 23:30 UTC is already the next morning in Shanghai: the export writes local times.
  vi.setSystemTime(new Date('2025-03-03T23:30:00.000Z'));
  call(api, 'system.setOperator', { name: injection });
  call(api, 'places.delete', { id: shedId, cascade: false });
});

afterEach(() => {
  t.cleanup();
  vi.useRealTimers();
});

const list = (input: InputOf<'audit.list'> = {}) =>
  call(api, 'audit.list', { limit: 500, ...input });

function rowCount(): number {
  return (api.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

describe('audit.list', () => {
  it('lists every entry newest first, with field changes', () => {
    const all = list();
    // 4 places + 1 area, 2 assets, 1 update, 2 bulk updates, 1 delete.
    expect(all.total).toBe(11);
    expect(all.total).toBe(rowCount());
    expect(all.items.map((i) => i.at)).toEqual([...all.items.map((i) => i.at)].sort().reverse());
    const first = all.items[0] as AuditItem;
    expect(first).toMatchObject({ entity: 'place', entityId: shedId, action: 'delete' });
    expect(first.changes).toContainEqual({ field: 'name', before: '自行车棚', after: null });
    // Within one millisecond the later write still comes first (UUIDv7 ids break the tie).
    const lamp = list({ entityId: lampId }).items;
    expect(lamp.map((i) => i.action)).toEqual(['update', 'update', 'create']);
    expect(lamp[0]?.note).toBe('批量修改 2 项');
    expect(lamp[0]?.changes).toEqual([
      { field: 'status', before: 'faulty', after: 'under_repair' },
    ]);
    expect(lamp[1]?.changes).toEqual([{ field: 'status', before: 'in_service', after: 'faulty' }]);
    // A creation lists the fields it set, not its own id or its empty fields.
    const created = lamp[2]?.changes.map((c) => c.field);
    expect(created).toEqual(expect.arrayContaining(['code', 'name', 'lampType', 'ratedPowerW']));
    expect(created).not.toContain('id');
    expect(created).not.toContain('notes');
    expect(lamp[2]?.label).toBe('LT-1 LED灯管');
  });

  it('filters by object type, object, operator and action', () => {
    const places = list({ entity: 'place' });
    expect(places.total).toBe(6);
    expect(places.items.every((i) => i.entity === 'place')).toBe(true);
    expect(list({ entity: 'asset' }).total).toBe(5);
    expect(list({ entity: 'nothing' })).toEqual({ items: [], total: 0 });

    expect(list({ entityId: pumpId }).items.map((i) => i.action)).toEqual(['update', 'create']);

    const wang = list({ actor: '王师傅' });
    expect(wang.total).toBe(5);
    expect(wang.items.every((i) => i.actor === '王师傅')).toBe(true);
    expect(list({ actor: '测试员' }).total).toBe(5);
    expect(list({ actor: injection }).total).toBe(1);

    expect(list({ action: 'create' }).total).toBe(7);
    expect(list({ action: 'update' }).total).toBe(3);
    expect(list({ action: 'delete' }).items.map((i) => i.entityId)).toEqual([shedId]);
    expect(list({ entity: 'asset', action: 'update', actor: '王师傅' }).total).toBe(3);
  });

  it('filters by time: a date is a whole UTC day, an instant bound is exact and `to` exclusive', () => {
    expect(list({ from: '2025-03-02', to: '2025-03-02' }).total).toBe(5);
    expect(list({ from: '2025-03-01', to: '2025-03-01' }).total).toBe(5);
    expect(list({ from: '2025-03-03' }).total).toBe(1);
    expect(list({ to: '2025-02-28' }).total).toBe(0);
    // A local (Shanghai) day sent as instants: 4 March there began at 16:00 UTC on the 3rd.
    expect(
      list({ from: '2025-03-04T00:00:00+08:00', to: '2025-03-05T00:00:00+08:00' }).items.map(
        (i) => i.action,
      ),
    ).toEqual(['delete']);
    expect(list({ to: '2025-03-02T15:30:00.000Z' }).total).toBe(5);
    expect(list({ from: '2025-03-02T15:30:00.000Z', to: '2025-03-02T15:30:00.001Z' }).total).toBe(
      5,
    );
    // Bounds beyond year 9999 still order correctly against stored times.
    expect(list({ from: '9999-12-31' }).total).toBe(0);
    expect(list({ to: '9999-12-31' }).total).toBe(11);
    expect(list({ from: '2025-03-05', to: '2025-03-01' }).total).toBe(0);
  });

  it('searches the note and the object id, LIKE metacharacters taken literally', () => {
    expect(list({ q: '批量' }).total).toBe(2);
    expect(list({ q: lampId.slice(-12) }).items.every((i) => i.entityId === lampId)).toBe(true);
    expect(list({ q: '%' }).total).toBe(0);
    expect(list({ q: '_' }).total).toBe(0);
    expect(list({ q: '  ' }).total).toBe(11);
  });

  it('pages without gaps or repeats', () => {
    const all = list().items.map((i) => i.id);
    const paged: string[] = [];
    for (let offset = 0; offset < all.length; offset += 3) {
      const page = call(api, 'audit.list', { offset, limit: 3 });
      expect(page.total).toBe(11);
      expect(page.items.length).toBe(Math.min(3, all.length - offset));
      paged.push(...page.items.map((i) => i.id));
    }
    expect(paged).toEqual(all);
    expect(call(api, 'audit.list', { offset: 100, limit: 3 })).toEqual({ items: [], total: 11 });
    expect(call(api, 'audit.list', {}).items.length).toBe(11);
  });

  it('refuses malformed filters and oversized pages', () => {
    expect(callError(api, 'audit.list', { limit: 501 }).code).toBe('VALIDATION');
    expect(callError(api, 'audit.list', { limit: 0 }).code).toBe('VALIDATION');
    expect(callError(api, 'audit.list', { from: '2025-02-30' }).code).toBe('VALIDATION');
    expect(callError(api, 'audit.list', { to: 'yesterday' }).code).toBe('VALIDATION');
    expect(callError(api, 'audit.list', { action: 'drop' }).code).toBe('VALIDATION');
    expect(callError(api, 'audit.list', { q: 'x'.repeat(201) }).code).toBe('VALIDATION');
  });

  it('uses an index for each filter of the view', () => {
    const plan = (where: string) =>
      (
        api.core.db
          .prepare(`EXPLAIN QUERY PLAN SELECT id FROM audit_log ${where} ORDER BY at DESC, id DESC`)
          .all() as { detail: string }[]
      )
        .map((r) => r.detail)
        .join(' | ');
    expect(plan('')).toContain('USING INDEX audit_by_time');
    expect(plan("WHERE actor = 'x'")).toContain('USING INDEX audit_by_actor');
    expect(plan("WHERE entity = 'x'")).toContain('USING INDEX audit_by_entity_time');
    expect(plan("WHERE entity = 'x' AND entity_id = 'y'")).toContain('USING INDEX audit_by_entity');
    for (const p of [plan(''), plan("WHERE actor = 'x'"), plan("WHERE entity = 'x'")]) {
      expect(p).not.toMatch(/SCAN audit_log$|TEMP B-TREE FOR ORDER BY/);
    }
  });
});

describe('audit.get and audit.facets', () => {
  it('gives one entry with its whole before and after snapshots', () => {
    const update = list({ entityId: lampId, action: 'update' }).items.at(-1) as AuditItem;
    const entry = call(api, 'audit.get', { id: update.id });
    expect(entry).toMatchObject({ id: update.id, changes: update.changes });
    expect(entry.before).toMatchObject({ code: 'LT-1', status: 'in_service' });
    expect(entry.after).toMatchObject({ code: 'LT-1', status: 'faulty' });
    expect((entry.after as { updatedAt: string }).updatedAt).toBe('2025-03-02T15:30:00.000Z');
    expect(callError(api, 'audit.get', { id: 'no-such-entry' }).code).toBe('NOT_FOUND');
  });

  it('lists the operators and object types that occur', () => {
    expect(call(api, 'audit.facets', {})).toEqual({
      actors: [injection, '测试员', '王师傅'].sort(),
      entities: ['asset', 'place'],
    });
  });
});

describe('audit.export', () => {
  function exported(input: Partial<InputOf<'audit.export'>> = {}) {
    const file = call(api, 'audit.export', {
      language: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      ...input,
    });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8'), {
      relaxColumnCount: false,
    }) as string[][];
    return { file, rows, text: bytes.toString('utf8') };
  }

  it('writes the filtered entries as UTF-8 CSV with a BOM, in Chinese, newest first', () => {
    const { file, rows, text } = exported({ entity: 'asset' });
    expect(file.fileName).toMatch(/^操作记录_\d{8}-\d{4}\.csv$/);
    expect(file.rows).toBe(5);
    expect(text).toContain('\r\n');
    expect(rows[0]).toEqual(['时间', '操作员', '对象', '编号', '名称', '操作', '备注', '变更']);
    expect(rows.length).toBe(6);
    const [, , , update, , create] = rows as string[][];
    const bulk = rows.find((r) => r[3] === lampId && r[6] !== '');
    expect(bulk).toEqual([
      '2025-03-02 23:30:00',
      '王师傅',
      '资产',
      lampId,
      'LT-1 LED灯管',
      '修改',
      '批量修改 2 项',
      '状态: 故障 → 维修中',
    ]);
    expect(update).toEqual(expect.arrayContaining([lampId, '状态: 在用 → 故障']));
    expect(create?.[5]).toBe('新建');
    expect(create?.[7]).toContain('灯具类型: LED灯管');
    expect(create?.[7]).toContain('额定功率(W): 18');
    // The same entries in the same order as the list.
    expect(rows.slice(1).map((r) => r[3])).toEqual(
      list({ entity: 'asset' }).items.map((i) => i.entityId),
    );
  });

  it('writes the place names, English headers and labels on request', () => {
    const zh = exported({ entity: 'place', action: 'create' }).rows;
    expect(zh.slice(1).map((r) => r[4])).toContain(`XQ ${tree.site.name}`);
    expect(zh.find((r) => r[3] === tree.building.id)?.[7]).toContain('用途: 教学楼');

    const { file, rows } = exported({ language: 'en', entity: 'place', action: 'delete' });
    expect(file.fileName).toMatch(/^audit-log_\d{8}-\d{4}\.csv$/);
    expect(rows).toEqual([
      ['Time', 'Operator', 'Object', 'ID', 'Name', 'Action', 'Note', 'Changes'],
      [
        '2025-03-04 07:30:00',
        `'${injection}`,
        'Place',
        shedId,
        '自行车棚',
        'Delete',
        '',
        expect.stringContaining('Kind: Outdoor area; Parent: '),
      ],
    ]);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    call(api, 'places.create', { kind: 'site', parentId: null, name: '@SUM(A1:A9)', code: '-1+2' });
    const { rows, text } = exported({ actor: injection });
    expect(rows.length).toBe(3);
    for (const row of rows.slice(1)) expect(row[1]).toBe(`'${injection}`);
    expect(rows[1]?.[4]).toBe(`'-1+2 @SUM(A1:A9)`);
    expect(text).not.toMatch(/(^|[,\n])[=+\-@]/);
  });

  it('exports nothing but the header for a filter that matches nothing', () => {
    const { file, rows } = exported({ entity: 'nothing' });
    expect(file.rows).toBe(0);
    expect(rows.length).toBe(1);
  });

  it('refuses an export larger than the limit, naming it, before building the file', () => {
    const db = api.core.db;
    // A year of a busy office, written directly: the export must refuse it from the count alone.
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
      INSERT INTO audit_log (id, at, actor, entity, entity_id, action, after_json)
      SELECT 'bulk-' || i, '2024-01-01T00:00:00.000Z', 'bulk', 'asset', 'a', 'create', '{}' FROM n`);
    const started = performance.now();
    const error = callError(api, 'audit.export', { language: 'zh-CN' });
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('200000');
    expect(performance.now() - started).toBeLessThan(1000);
    // A narrower filter over the same log exports at once.
    expect(exported({ actor: '王师傅' }).file.rows).toBe(5);
  });
});

describe('local times in the export', () => {
  it('match luxon across daylight-saving switches, including half-hour ones', () => {
    const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'];
    for (const zone of zones) {
      const format = localTimeFormatter(zone);
      // Every 29 minutes through a year: each hour sampled twice or more, both switches included.
      for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2026, 0, 1); ms += 29 * 60_000) {
        const iso = new Date(ms).toISOString();
        const expected = DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
        if (format(iso) !== expected) expect(`${zone} ${iso}: ${format(iso)}`).toBe(expected);
      }
    }
  });
});
