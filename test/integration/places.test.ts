// The place tree through the real dispatch table on a temporary SQLite file, with results checked
// against the contract: create/list/get/update/move/delete/search, and the audit trail that every
// write leaves in the same transaction.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { Place } from '../../shared/contract/places';
import { call, callError, createTree, issuePaths } from '../support/api';
import { countRows, dumpDb } from '../support/dump';
import { openTempApi, type TempApi } from '../support/tempDb';

interface AuditRow {
  id: string;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

function auditRows(api: Api): AuditRow[] {
  return api.core.db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY rowid').all();
}

function lastAudit(api: Api): AuditRow {
  const rows = auditRows(api);
  const row = rows[rows.length - 1];
  if (!row) throw new Error('no audit row');
  return row;
}

let t: TempApi;
let api: Api;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
});

afterEach(() => {
  t.cleanup();
});

describe('create, list and get', () => {
  it('builds site → building → floor → room with Chinese names and reads them back', () => {
    const { site, building, floor, room } = createTree(api);
    expect(site).toMatchObject({ kind: 'site', parentId: null, timeZone: 'Asia/Shanghai' });
    expect(building).toMatchObject({
      kind: 'building',
      parentId: site.id,
      name: '第一教学楼',
      use: 'teaching',
      areaM2: 9000,
      timeZone: null,
    });
    expect(floor).toMatchObject({ kind: 'floor', parentId: building.id, floorNumber: 1 });
    expect(room).toMatchObject({ kind: 'room', parentId: floor.id, name: '多媒体教室A101' });
    expect(new Set([site.id, building.id, floor.id, room.id]).size).toBe(4);

    const roots = call(api, 'places.list', { parentId: null }).items;
    expect(roots.map((p) => p.id)).toEqual([site.id]);
    expect(roots[0]?.childCount).toBe(1);
    const underSite = call(api, 'places.list', { parentId: site.id }).items;
    expect(underSite.map((p) => p.name)).toEqual(['第一教学楼']);

    const got = call(api, 'places.get', { id: room.id });
    expect(got.place).toEqual(room);
    expect(got.path.map((p) => [p.kind, p.name])).toEqual([
      ['site', '职业技术学院主校区'],
      ['building', '第一教学楼'],
      ['floor', '1层'],
      ['room', '多媒体教室A101'],
    ]);
  });

  it('trims names and keeps them byte-exact after a round trip through SQLite', () => {
    const site = call(api, 'places.create', {
      kind: 'site',
      parentId: null,
      name: '  北校区（新）· 𠀋  ',
    });
    expect(site.name).toBe('北校区（新）· 𠀋');
    expect(call(api, 'places.get', { id: site.id }).place.name).toBe('北校区（新）· 𠀋');
  });

  it('lists children of an unknown parent as NOT_FOUND and gets an unknown id as NOT_FOUND', () => {
    expect(callError(api, 'places.list', { parentId: 'no-such-id' }).code).toBe('NOT_FOUND');
    expect(callError(api, 'places.get', { id: 'no-such-id' }).code).toBe('NOT_FOUND');
  });

  it('refuses a kind under the wrong parent kind, naming parentId, and writes nothing', () => {
    const { site, floor } = createTree(api);
    const before = dumpDb(api.core.db);
    const roomUnderSite = callError(api, 'places.create', {
      kind: 'room',
      parentId: site.id,
      name: '错位的房间',
    });
    expect(roomUnderSite.code).toBe('VALIDATION');
    expect(issuePaths(roomUnderSite)).toEqual(['parentId']);
    const siteUnderFloor = callError(api, 'places.create', {
      kind: 'site',
      parentId: floor.id,
      name: '嵌套校区',
    });
    expect(siteUnderFloor.code).toBe('VALIDATION');
    expect(issuePaths(siteUnderFloor)).toEqual(['parentId']);
    const orphanBuilding = callError(api, 'places.create', {
      kind: 'building',
      parentId: null,
      name: '无主楼',
    });
    expect(orphanBuilding.code).toBe('VALIDATION');
    expect(issuePaths(orphanBuilding)).toEqual(['parentId']);
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('refuses a time zone on anything but a site', () => {
    const { site } = createTree(api);
    const error = callError(api, 'places.create', {
      kind: 'building',
      parentId: site.id,
      name: '实验楼',
      timeZone: 'Asia/Shanghai',
    });
    expect(error.code).toBe('VALIDATION');
    expect(issuePaths(error)).toEqual(['timeZone']);
  });
});

describe('update', () => {
  it('changes the given fields only and keeps the rest', () => {
    const { building } = createTree(api);
    const updated = call(api, 'places.update', {
      id: building.id,
      patch: { name: '第一教学楼（综合楼）', areaM2: 9500.5 },
    });
    expect(updated).toMatchObject({
      id: building.id,
      name: '第一教学楼（综合楼）',
      areaM2: 9500.5,
      code: 'JX-A',
      use: 'teaching',
      parentId: building.parentId,
      createdAt: building.createdAt,
    });
    expect(updated.updatedAt >= building.updatedAt).toBe(true);
    expect(call(api, 'places.get', { id: building.id }).place).toEqual(updated);
  });

  it('clears a nullable field when given null', () => {
    const { room } = createTree(api);
    const updated = call(api, 'places.update', { id: room.id, patch: { code: null } });
    expect(updated.code).toBeNull();
    expect(updated.areaM2).toBe(96.5);
  });

  it('answers NOT_FOUND for an unknown id and writes nothing', () => {
    createTree(api);
    const before = dumpDb(api.core.db);
    const error = callError(api, 'places.update', { id: 'missing', patch: { name: '新名字' } });
    expect(error.code).toBe('NOT_FOUND');
    expect(dumpDb(api.core.db)).toEqual(before);
  });
});

describe('move', () => {
  it('moves a floor, with its rooms, to another building', () => {
    const { site, building, floor, room } = createTree(api);
    const other = call(api, 'places.create', {
      kind: 'building',
      parentId: site.id,
      name: '第二教学楼',
      code: 'JX-B',
    });
    const moved = call(api, 'places.move', { id: floor.id, parentId: other.id });
    expect(moved.parentId).toBe(other.id);
    expect(call(api, 'places.list', { parentId: building.id }).items).toEqual([]);
    expect(call(api, 'places.list', { parentId: other.id }).items.map((p) => p.id)).toEqual([
      floor.id,
    ]);
    expect(call(api, 'places.get', { id: room.id }).path.map((p) => p.name)).toEqual([
      '职业技术学院主校区',
      '第二教学楼',
      '1层',
      '多媒体教室A101',
    ]);
  });

  it('refuses moving a place under its own subtree, naming parentId, and writes nothing', () => {
    const { building, floor, room } = createTree(api);
    const before = dumpDb(api.core.db);
    for (const [id, parentId] of [
      [building.id, floor.id],
      [building.id, room.id],
      [floor.id, floor.id],
    ] as const) {
      const error = callError(api, 'places.move', { id, parentId });
      expect(error.code).toBe('VALIDATION');
      expect(issuePaths(error)).toEqual(['parentId']);
      expect(error.message).toMatch(/cannot be (placed|moved) under/);
    }
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('refuses moving a kind under a wrong parent kind, naming parentId', () => {
    const { site, floor, room } = createTree(api);
    const other = call(api, 'places.create', { kind: 'site', parentId: null, name: '南校区' });
    const before = dumpDb(api.core.db);
    const cases: [string, string | null][] = [
      [floor.id, site.id],
      [room.id, other.id],
      [floor.id, null],
      [site.id, other.id],
    ];
    for (const [id, parentId] of cases) {
      const error = callError(api, 'places.move', { id, parentId });
      expect(error.code, `${id} → ${parentId}`).toBe('VALIDATION');
      expect(issuePaths(error)).toEqual(['parentId']);
    }
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('moves an outdoor area from a site to a building (both allowed parents)', () => {
    const { site, building } = createTree(api);
    const area = call(api, 'places.create', {
      kind: 'area',
      parentId: site.id,
      name: '东区绿地',
      areaM2: 12000,
    });
    expect(call(api, 'places.move', { id: area.id, parentId: building.id }).parentId).toBe(
      building.id,
    );
  });

  it('refuses a move to a missing parent as NOT_FOUND', () => {
    const { floor } = createTree(api);
    expect(callError(api, 'places.move', { id: floor.id, parentId: 'nowhere' }).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('delete', () => {
  it('refuses to delete a place with children unless cascading, and deletes nothing', () => {
    const { building } = createTree(api);
    const before = dumpDb(api.core.db);
    const error = callError(api, 'places.delete', { id: building.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'HAS_CHILDREN', childCount: 1 });
    expect(error.message).toContain('第一教学楼');
    const explicit = callError(api, 'places.delete', { id: building.id, cascade: false });
    expect(explicit.code).toBe('CONFLICT');
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('deletes a leaf without cascade', () => {
    const { floor, room } = createTree(api);
    expect(call(api, 'places.delete', { id: room.id })).toEqual({ deleted: 1 });
    expect(call(api, 'places.list', { parentId: floor.id }).items).toEqual([]);
    expect(callError(api, 'places.get', { id: room.id }).code).toBe('NOT_FOUND');
  });

  it('with cascade removes the whole subtree and nothing else', () => {
    const { site, building } = createTree(api);
    const second = call(api, 'places.create', {
      kind: 'building',
      parentId: site.id,
      name: '图书馆',
      code: 'TSG',
    });
    const floor2 = call(api, 'places.create', {
      kind: 'floor',
      parentId: building.id,
      name: '2层',
      floorNumber: 2,
    });
    call(api, 'places.create', { kind: 'room', parentId: floor2.id, name: '教室A201' });
    call(api, 'places.create', { kind: 'area', parentId: building.id, name: '楼前广场' });

    expect(call(api, 'places.delete', { id: building.id, cascade: true })).toEqual({ deleted: 6 });
    expect(countRows(api.core.db, 'places')).toBe(2);
    expect(call(api, 'places.list', { parentId: site.id }).items.map((p) => p.id)).toEqual([
      second.id,
    ]);
  });

  it('answers NOT_FOUND for an unknown id', () => {
    expect(callError(api, 'places.delete', { id: 'gone', cascade: true }).code).toBe('NOT_FOUND');
  });
});

describe('search', () => {
  function seedForSearch(): Place {
    const { site, floor } = createTree(api);
    const names: [string, string][] = [
      ['化学实验室', 'LAB_1'],
      ['物理实验室', 'LABX1'],
      ['节能率100%示范间', 'E%1'],
      ['节能率1000示范间', 'E01'],
      ['反斜杠\\房间', 'BS\\1'],
    ];
    for (const [name, code] of names) {
      call(api, 'places.create', { kind: 'room', parentId: floor.id, name, code });
    }
    return site;
  }

  it('finds by a Chinese substring, with the path root-first', () => {
    seedForSearch();
    const items = call(api, 'places.search', { q: '实验室' }).items;
    expect(items.map((p) => p.name).sort()).toEqual(['化学实验室', '物理实验室']);
    expect(items[0]?.path.map((p) => p.kind)).toEqual(['site', 'building', 'floor', 'room']);
    expect(items[0]?.path.at(-1)?.id).toBe(items[0]?.id);
  });

  it('finds by a code fragment, case-insensitively for ASCII', () => {
    seedForSearch();
    // Ordered by name length, then name: the floor "1层" before the building "第一教学楼".
    expect(call(api, 'places.search', { q: 'jx-a' }).items.map((p) => p.code)).toEqual([
      'JX-A-1F',
      'JX-A',
    ]);
    expect(call(api, 'places.search', { q: 'A10' }).items.map((p) => p.code)).toEqual(['A101']);
  });

  it('treats % and _ and \\ literally', () => {
    seedForSearch();
    expect(call(api, 'places.search', { q: 'LAB_' }).items.map((p) => p.code)).toEqual(['LAB_1']);
    expect(call(api, 'places.search', { q: '100%' }).items.map((p) => p.code)).toEqual(['E%1']);
    expect(call(api, 'places.search', { q: '%' }).items.map((p) => p.code)).toEqual(['E%1']);
    expect(call(api, 'places.search', { q: '_' }).items.map((p) => p.code)).toEqual(['LAB_1']);
    expect(call(api, 'places.search', { q: '\\' }).items.map((p) => p.code)).toEqual(['BS\\1']);
  });

  it('filters by kind even when many shorter names of other kinds match first', () => {
    const { site, building, floor } = createTree(api);
    const hall = call(api, 'places.create', {
      kind: 'building',
      parentId: site.id,
      name: '综合实验大楼',
    });
    // 150 rooms whose short names contain 楼 sort before the building by name length.
    for (let i = 1; i <= 150; i += 1) {
      call(api, 'places.create', { kind: 'room', parentId: floor.id, name: `楼${i}` });
    }
    const buildings = call(api, 'places.search', { q: '楼', kinds: ['building'], limit: 20 });
    expect(buildings.items.map((p) => p.id).sort()).toEqual([hall.id, building.id].sort());
    const rooms = call(api, 'places.search', { q: '楼', kinds: ['room'], limit: 5 });
    expect(rooms.items.map((p) => p.name)).toEqual(['楼1', '楼2', '楼3', '楼4', '楼5']);
  });

  it('filters by kind and honours the limit', () => {
    seedForSearch();
    const rooms = call(api, 'places.search', { q: '', kinds: ['room'], limit: 200 }).items;
    expect(rooms).toHaveLength(6);
    expect(rooms.every((p) => p.kind === 'room')).toBe(true);
    expect(call(api, 'places.search', { q: '', limit: 3 }).items).toHaveLength(3);
    expect(call(api, 'places.search', { q: '没有这个地方' }).items).toEqual([]);
  });
});

describe('audit log', () => {
  it('writes one row per change with before/after JSON and the operator as actor', () => {
    expect(call(api, 'system.setOperator', { name: '王师傅' })).toEqual({ operator: '王师傅' });
    expect(call(api, 'system.info', {}).operator).toBe('王师傅');

    const { site, building, floor, room } = createTree(api);
    const created = auditRows(api);
    expect(created).toHaveLength(4);
    expect(created.map((r) => [r.action, r.entity, r.entity_id])).toEqual([
      ['create', 'place', site.id],
      ['create', 'place', building.id],
      ['create', 'place', floor.id],
      ['create', 'place', room.id],
    ]);
    for (const row of created) {
      expect(row.actor).toBe('王师傅');
      expect(row.before_json).toBeNull();
      expect(Number.isNaN(Date.parse(row.at))).toBe(false);
    }
    expect(JSON.parse(created[1]?.after_json ?? 'null')).toEqual(building);

    const updated = call(api, 'places.update', { id: room.id, patch: { name: '智慧教室A101' } });
    const updateRow = lastAudit(api);
    expect(countRows(api.core.db, 'audit_log')).toBe(5);
    expect(updateRow).toMatchObject({ action: 'update', entity_id: room.id, actor: '王师傅' });
    expect(JSON.parse(updateRow.before_json ?? 'null')).toEqual(room);
    expect(JSON.parse(updateRow.after_json ?? 'null')).toEqual(updated);

    call(api, 'system.setOperator', { name: '李工' });
    const other = call(api, 'places.create', {
      kind: 'building',
      parentId: site.id,
      name: '二号楼',
    });
    expect(lastAudit(api).actor).toBe('李工');
    const moved = call(api, 'places.move', { id: floor.id, parentId: other.id });
    const moveRow = lastAudit(api);
    expect(moveRow).toMatchObject({ action: 'update', entity_id: floor.id, actor: '李工' });
    expect(JSON.parse(moveRow.before_json ?? 'null')).toMatchObject({ parentId: building.id });
    expect(JSON.parse(moveRow.after_json ?? 'null')).toEqual(moved);

    const beforeDelete = countRows(api.core.db, 'audit_log');
    expect(call(api, 'places.delete', { id: other.id, cascade: true })).toEqual({ deleted: 3 });
    const deletes = auditRows(api).slice(beforeDelete);
    expect(deletes).toHaveLength(3);
    expect(deletes.map((r) => r.entity_id).sort()).toEqual([other.id, floor.id, room.id].sort());
    for (const row of deletes) {
      expect(row).toMatchObject({ action: 'delete', actor: '李工', after_json: null });
      expect(JSON.parse(row.before_json ?? 'null')).toMatchObject({ id: row.entity_id });
    }
  });

  it('writes no audit row for a refused or failing change', () => {
    const { building } = createTree(api);
    const n = countRows(api.core.db, 'audit_log');
    callError(api, 'places.delete', { id: building.id });
    callError(api, 'places.update', { id: 'missing', patch: { name: 'x' } });
    callError(api, 'places.create', { kind: 'room', parentId: building.id, name: '错位' });
    expect(countRows(api.core.db, 'audit_log')).toBe(n);
  });

  it('rolls the change back when its audit entry cannot be written (same transaction)', () => {
    const { site, building, room } = createTree(api);
    api.core.db.exec(
      `CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
    );
    const before = dumpDb(api.core.db);
    const failures = [
      callError(api, 'places.create', { kind: 'building', parentId: site.id, name: '三号楼' }),
      callError(api, 'places.update', { id: room.id, patch: { name: '改名失败' } }),
      callError(api, 'places.delete', { id: building.id, cascade: true }),
    ];
    for (const error of failures) expect(error.code).toBe('CONSTRAINT');
    expect(dumpDb(api.core.db)).toEqual(before);
    expect(call(api, 'places.get', { id: room.id }).place.name).toBe('多媒体教室A101');
  });
});
