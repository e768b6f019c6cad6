// The asset register through the real dispatch table on temporary SQLite files, results checked
// against the contract: create/get/update/delete of every kind, the register's rules (fields of the
// kind, unique codes, known places, meter trees), the audit trail written in the same transaction
// and read back as field-level history, bulk edits, "add N fixtures", picking, places that hold
// assets (move, refused delete), and the demo register obeying the register's own rules.
// Searching, filtering and sorting are in assetSearch.test.ts. The last group pins bugs found and
// fixed: codes of added fixtures, child meters, meter deletion and its audit trail.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { generateDemo } from '../../electron/demo';
import { assetIssues } from '../../electron/services/assetRules';
import { ASSET_SELECT, toAsset, type AssetRow } from '../../electron/services/assetsStore';
import type { Asset, AssetKind } from '../../shared/contract/assets';
import { call, callError, issuePaths } from '../support/api';
import {
  auditRowsFor,
  countWhere,
  createAsset,
  createCampus,
  equipmentInput,
  fixtureInput,
  listAll,
  meterInput,
  zoneInput,
  type Campus,
  type NewAsset,
} from '../support/assets';
import { countRows, dumpDb } from '../support/dump';
import { openTempApi, type TempApi } from '../support/tempDb';

const LABEL_A101 = '第一教学楼 › 1层 › 多媒体教室A101';
const LABEL_A102 = '第一教学楼 › 1层 › 多媒体教室A102';

/** Makes every audit insert fail for the length of fn (a TEMP trigger: the main schema is untouched). */
function withAuditRefused<T>(api: Api, fn: () => T): T {
  const db = api.core.db;
  db.exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON main.audit_log
           BEGIN SELECT RAISE(ABORT, 'audit refused by the test'); END`);
  try {
    return fn();
  } finally {
    db.exec('DROP TRIGGER temp.refuse_audit');
  }
}

describe('on a fresh database', () => {
  let t: TempApi;
  let api: Api;
  let campus: Campus;

  beforeEach(() => {
    t = openTempApi();
    api = t.api;
    campus = createCampus(api);
  });

  afterEach(() => {
    t.cleanup();
  });

  const assetAudits = () =>
    countWhere(api, `SELECT count(*) AS n FROM audit_log WHERE entity = 'asset'`);

  // -------------------------------------------------------------------------------------------
  describe('create, get, update and delete of each kind', () => {
    interface KindCase {
      kind: AssetKind;
      input: (c: Campus) => NewAsset;
      patch: Partial<NewAsset>;
      path: string[];
    }
    const cases: KindCase[] = [
      {
        kind: 'fixture',
        input: (c) =>
          fixtureInput('A101-L001', {
            name: '多媒体教室LED灯管',
            placeId: c.room.id,
            previousPowerW: 36,
            ratedLifeH: 50_000,
            dailyHours: 10,
            lastReplaced: '2024-05-01',
            serial: 'FX-0001',
            installDate: '2019-09-01',
            notes: '讲台上方第一排',
            custom: { 品牌: '雷士', 保修: true },
          }),
        patch: {
          name: '多媒体教室LED面板灯',
          lampType: 'panel',
          ratedPowerW: 36,
          lastReplaced: null,
        },
        path: ['职业技术学院主校区', '第一教学楼', '1层', '多媒体教室A101'],
      },
      {
        kind: 'irrigation_zone',
        input: (c) =>
          zoneInput('GZ-01', {
            name: '东区绿地喷灌1区',
            placeId: c.green.id,
            plantType: '草坪',
            controllerId: 'CTL-1-1',
            precipRateMmH: 12,
            installDate: '2019-04-10',
          }),
        patch: {
          greenAreaM2: 3100.5,
          scheduleDays: ['TU', 'FR'],
          scheduleStart: '02:30',
          irrigationMethod: 'drip',
        },
        path: ['职业技术学院主校区', '东区绿地'],
      },
      {
        kind: 'meter',
        input: (c) =>
          meterInput('EM2-JX-A', 'electricity', 2, {
            name: '第一教学楼电表',
            placeId: c.building.id,
            multiplier: 80,
            registerDigits: 6,
            serial: 'SN-E2-123456',
          }),
        patch: { multiplier: 40, serial: 'SN-E2-000777', status: 'under_repair' },
        path: ['职业技术学院主校区', '第一教学楼'],
      },
      {
        kind: 'equipment',
        input: (c) =>
          equipmentInput('EQ-PUMP-001', {
            name: '供水加压泵1号',
            placeId: c.site.id,
            ratedPowerW: 7500,
            dailyHours: 16,
            serial: 'PMP-7781',
          }),
        patch: { equipmentType: 'valve', name: '给水阀门', ratedPowerW: null, placeId: null },
        path: ['职业技术学院主校区'],
      },
    ];

    for (const c of cases) {
      it(`${c.kind}: round trip with Chinese names, field-level history and an audit row per write`, () => {
        const input = c.input(campus);
        const created = call(api, 'assets.create', input);
        expect(created).toMatchObject({ ...input, kind: c.kind, status: 'in_service' });
        expect(created.createdAt).toBe(created.updatedAt);

        const got = call(api, 'assets.get', { id: created.id });
        expect(got.asset).toEqual(created);
        expect(got.path.map((p) => p.name)).toEqual(c.path);
        expect(got.history).toHaveLength(1);
        expect(got.history[0]).toMatchObject({ action: 'create', actor: '测试员', note: null });
        expect(got.history[0]?.changes).toContainEqual({
          field: 'name',
          before: null,
          after: input.name,
        });

        const updated = call(api, 'assets.update', { id: created.id, patch: c.patch });
        expect(updated).toMatchObject({
          ...c.patch,
          id: created.id,
          code: input.code,
          kind: c.kind,
        });
        expect(updated.updatedAt >= created.updatedAt).toBe(true);
        expect(call(api, 'assets.get', { id: created.id }).asset).toEqual(updated);

        const history = call(api, 'assets.get', { id: created.id }).history;
        expect(history.map((h) => h.action)).toEqual(['update', 'create']);
        const changed = new Set(history[0]?.changes.map((ch) => ch.field));
        const expectedFields = Object.keys(c.patch).map((f) => (f === 'placeId' ? 'place' : f));
        expect(changed).toEqual(new Set(expectedFields));
        for (const ch of history[0]?.changes ?? []) {
          if (ch.field === 'place') continue;
          expect(ch.before).toEqual(created[ch.field as keyof Asset]);
          expect(ch.after).toEqual(updated[ch.field as keyof Asset]);
        }

        expect(call(api, 'assets.delete', { id: created.id })).toEqual({ deleted: 1 });
        expect(callError(api, 'assets.get', { id: created.id }).code).toBe('NOT_FOUND');
        expect(callError(api, 'assets.delete', { id: created.id }).code).toBe('NOT_FOUND');
        expect(callError(api, 'assets.update', { id: created.id, patch: { name: 'x' } }).code).toBe(
          'NOT_FOUND',
        );

        const audit = auditRowsFor(api, created.id);
        expect(audit.map((r) => [r.entity, r.action, r.actor])).toEqual([
          ['asset', 'create', '测试员'],
          ['asset', 'update', '测试员'],
          ['asset', 'delete', '测试员'],
        ]);
        expect(JSON.parse(audit[0]?.after_json ?? 'null')).toEqual(created);
        expect(JSON.parse(audit[1]?.before_json ?? 'null')).toEqual(created);
        expect(JSON.parse(audit[1]?.after_json ?? 'null')).toEqual(updated);
        expect(JSON.parse(audit[2]?.before_json ?? 'null')).toEqual(updated);
        expect(audit[2]?.after_json).toBeNull();
        expect(countRows(api.core.db, 'assets')).toBe(0);
      });
    }

    it('keeps names byte-exact and trims them; keeps custom fields', () => {
      const a = createAsset(
        api,
        fixtureInput('A101-L009', {
          name: '  𠀋 壹号灯（东侧）  ',
          custom: { 资产编号: 'ZC-009', 数量: 2, 备用: null },
        }),
      );
      expect(a.name).toBe('𠀋 壹号灯（东侧）');
      expect(call(api, 'assets.get', { id: a.id }).asset.custom).toEqual({
        资产编号: 'ZC-009',
        数量: 2,
        备用: null,
      });
    });

    it('shows a move in the history as a change of the place label, not of an id', () => {
      const a = createAsset(api, fixtureInput('A101-L001', { placeId: campus.room.id }));
      expect(a.placeName).toBe(LABEL_A101);
      call(api, 'assets.update', { id: a.id, patch: { status: 'faulty' } });
      const moved = call(api, 'assets.update', { id: a.id, patch: { placeId: campus.room2.id } });
      expect(moved.placeName).toBe(LABEL_A102);
      const { history, path } = call(api, 'assets.get', { id: a.id });
      expect(path.map((p) => p.name)).toEqual([
        '职业技术学院主校区',
        '第一教学楼',
        '1层',
        '多媒体教室A102',
      ]);
      expect(history.map((h) => h.action)).toEqual(['update', 'update', 'create']);
      expect(history[0]?.changes).toEqual([
        { field: 'place', before: LABEL_A101, after: LABEL_A102 },
      ]);
      expect(history[1]?.changes).toEqual([
        { field: 'status', before: 'in_service', after: 'faulty' },
      ]);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('the register refuses what breaks its rules, and writes nothing', () => {
    it('a field that does not apply to the kind is a VALIDATION error naming the field', () => {
      const before = dumpDb(api.core.db);
      const wrong: [NewAsset, string][] = [
        [fixtureInput('F-1', { utility: 'water' }), 'utility'],
        [fixtureInput('F-2', { greenAreaM2: 100 }), 'greenAreaM2'],
        [meterInput('M-1', 'water', 1, { lampType: 'panel' }), 'lampType'],
        [meterInput('M-2', 'water', 1, { equipmentType: 'pump' }), 'equipmentType'],
        [zoneInput('Z-1', { meterLevel: 1 }), 'meterLevel'],
        [zoneInput('Z-2', { serial: 'SN-1' }), 'serial'],
        [equipmentInput('E-1', { greenAreaM2: 10 }), 'greenAreaM2'],
        [equipmentInput('E-2', { scheduleDays: ['MO'] }), 'scheduleDays'],
      ];
      for (const [input, field] of wrong) {
        const error = callError(api, 'assets.create', input);
        expect(error.code, field).toBe('VALIDATION');
        expect(issuePaths(error)).toContain(field);
        expect(error.message).toContain(field);
      }
      const lamp = createAsset(api, fixtureInput('A101-L001'));
      const mid = dumpDb(api.core.db);
      const error = callError(api, 'assets.update', {
        id: lamp.id,
        patch: { utility: 'electricity' },
      });
      expect(error.code).toBe('VALIDATION');
      expect(issuePaths(error)).toEqual(['utility']);
      expect(dumpDb(api.core.db)).toEqual(mid);
      call(api, 'assets.delete', { id: lamp.id });
      expect(dumpDb(api.core.db).tables.assets).toEqual(before.tables.assets);
    });

    it('a duplicate code is a CONFLICT naming the code, on create and on update', () => {
      createAsset(api, fixtureInput('A101-L001'));
      const other = createAsset(api, fixtureInput('A101-L002'));
      const before = dumpDb(api.core.db);
      const onCreate = callError(api, 'assets.create', meterInput('A101-L001', 'water', 1));
      expect(onCreate.code).toBe('CONFLICT');
      expect(onCreate.message).toContain('A101-L001');
      expect(issuePaths(onCreate)).toEqual(['code']);
      const onUpdate = callError(api, 'assets.update', {
        id: other.id,
        patch: { code: 'A101-L001' },
      });
      expect(onUpdate.code).toBe('CONFLICT');
      expect(onUpdate.message).toContain('A101-L001');
      expect(dumpDb(api.core.db)).toEqual(before);
      // Its own code again is not a conflict.
      expect(call(api, 'assets.update', { id: other.id, patch: { code: 'A101-L002' } }).code).toBe(
        'A101-L002',
      );
    });

    it('an unknown placeId is a VALIDATION error on create and update', () => {
      const lamp = createAsset(api, fixtureInput('A101-L001', { placeId: campus.room.id }));
      const before = dumpDb(api.core.db);
      const onCreate = callError(
        api,
        'assets.create',
        fixtureInput('A101-L002', { placeId: 'no-such-place' }),
      );
      expect(onCreate.code).toBe('VALIDATION');
      expect(issuePaths(onCreate)).toEqual(['placeId']);
      const onUpdate = callError(api, 'assets.update', {
        id: lamp.id,
        patch: { placeId: 'no-such-place' },
      });
      expect(onUpdate.code).toBe('VALIDATION');
      expect(issuePaths(onUpdate)).toEqual(['placeId']);
      expect(dumpDb(api.core.db)).toEqual(before);
    });

    it('input that breaks the contract is refused before any rule runs', () => {
      const before = dumpDb(api.core.db);
      const bad: [unknown, string][] = [
        [{ ...fixtureInput('A 1') }, 'code'],
        [{ ...fixtureInput('A1'), kind: 'lamp' }, 'kind'],
        [{ ...fixtureInput('A1'), lampType: 'candle' }, 'lampType'],
        [{ ...fixtureInput('A1'), installDate: '2024-02-30' }, 'installDate'],
        [{ ...fixtureInput('A1'), name: '   ' }, 'name'],
        [{ ...fixtureInput('A1'), name: '灯'.repeat(201) }, 'name'],
        [{ ...zoneInput('Z1'), scheduleStart: '24:00' }, 'scheduleStart'],
        [{ ...meterInput('M1', 'water', 4) }, 'meterLevel'],
      ];
      for (const [input, field] of bad) {
        const error = callError(api, 'assets.create', input);
        expect(error.code, field).toBe('VALIDATION');
        expect(issuePaths(error), field).toContain(field);
      }
      expect(dumpDb(api.core.db)).toEqual(before);
    });

    describe('meter trees', () => {
      it('a parent must be a meter of the same utility on a lower level', () => {
        const w1 = createAsset(api, meterInput('WM1-1', 'water', 1));
        const w2 = createAsset(api, meterInput('WM2-1', 'water', 2, { parentMeterId: w1.id }));
        const e1 = createAsset(api, meterInput('EM1-1', 'electricity', 1));
        const lamp = createAsset(api, fixtureInput('A101-L001'));
        expect(w2.parentMeterId).toBe(w1.id);
        expect(
          createAsset(api, meterInput('WM3-1', 'water', 3, { parentMeterId: w2.id })).parentMeterId,
        ).toBe(w2.id);
        expect(
          createAsset(api, meterInput('WM3-2', 'water', 3, { parentMeterId: w1.id })).parentMeterId,
        ).toBe(w1.id);

        const before = dumpDb(api.core.db);
        const refused: [NewAsset, string, RegExp][] = [
          [meterInput('X-1', 'electricity', 2, { parentMeterId: w1.id }), 'parentMeterId', /water/],
          [meterInput('X-2', 'water', 2, { parentMeterId: e1.id }), 'parentMeterId', /electricity/],
          [
            meterInput('X-3', 'water', 2, { parentMeterId: lamp.id }),
            'parentMeterId',
            /not a meter/,
          ],
          [
            meterInput('X-4', 'water', 2, { parentMeterId: 'no-such-meter' }),
            'parentMeterId',
            /not a meter/,
          ],
          [meterInput('X-5', 'water', 2, { parentMeterId: w2.id }), 'meterLevel', /level 2/],
          [meterInput('X-6', 'water', 1, { parentMeterId: w2.id }), 'meterLevel', /level 2/],
          [meterInput('X-7', 'water', 1, { parentMeterId: w1.id }), 'meterLevel', /level 1/],
        ];
        for (const [input, field, message] of refused) {
          const error = callError(api, 'assets.create', input);
          expect(error.code, input.code).toBe('VALIDATION');
          expect(issuePaths(error), input.code).toContain(field);
          expect(error.message, input.code).toMatch(message);
        }
        const onUpdate = callError(api, 'assets.update', {
          id: w2.id,
          patch: { parentMeterId: e1.id },
        });
        expect(issuePaths(onUpdate)).toContain('parentMeterId');
        expect(dumpDb(api.core.db)).toEqual(before);
      });

      it('no cycles: a meter cannot be its own parent or the parent of its ancestor', () => {
        // Without levels the level rule cannot catch a cycle; the ancestor walk must.
        const a = createAsset(api, meterInput('WM-A', 'water', null));
        const b = createAsset(api, meterInput('WM-B', 'water', null, { parentMeterId: a.id }));
        const c = createAsset(api, meterInput('WM-C', 'water', null, { parentMeterId: b.id }));
        const before = dumpDb(api.core.db);
        for (const parent of [a, b, c]) {
          const error = callError(api, 'assets.update', {
            id: a.id,
            patch: { parentMeterId: parent.id },
          });
          expect(error.code).toBe('VALIDATION');
          expect(issuePaths(error)).toEqual(['parentMeterId']);
          expect(error.message).toMatch(/own ancestor/);
        }
        expect(
          issuePaths(callError(api, 'assets.update', { id: b.id, patch: { parentMeterId: c.id } })),
        ).toEqual(['parentMeterId']);
        // With levels, both rules object.
        const l1 = createAsset(api, meterInput('WM1-1', 'water', 1));
        const l2 = createAsset(api, meterInput('WM2-1', 'water', 2, { parentMeterId: l1.id }));
        const mid = dumpDb(api.core.db);
        const error = callError(api, 'assets.update', {
          id: l1.id,
          patch: { parentMeterId: l2.id },
        });
        expect(new Set(issuePaths(error))).toEqual(new Set(['parentMeterId', 'meterLevel']));
        expect(dumpDb(api.core.db)).toEqual(mid);
        expect(before.tables.assets?.length).toBe(3);
      });

      it('a meter that others hang from cannot be deleted, and nothing changes', () => {
        const w1 = createAsset(api, meterInput('WM1-1', 'water', 1));
        createAsset(api, meterInput('WM2-1', 'water', 2, { parentMeterId: w1.id }));
        const before = dumpDb(api.core.db);
        const error = callError(api, 'assets.delete', { id: w1.id });
        expect(['CONFLICT', 'CONSTRAINT']).toContain(error.code);
        expect(dumpDb(api.core.db)).toEqual(before);
      });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('every write and its audit row commit together', () => {
    it('create, update, delete, bulk and add-fixtures each write exactly one asset audit row per asset', () => {
      let audits = assetAudits();
      const step = (expectedRows: number, fn: () => void) => {
        fn();
        const now = assetAudits();
        expect(now - audits).toBe(expectedRows);
        audits = now;
      };
      let id = '';
      step(1, () => (id = createAsset(api, fixtureInput('A101-L001')).id));
      step(1, () => call(api, 'assets.update', { id, patch: { status: 'standby' } }));
      step(3, () =>
        call(api, 'assets.addFixtures', {
          placeId: campus.room.id,
          count: 3,
          lampType: 'panel',
          ratedPowerW: 36,
        }),
      );
      step(4, () =>
        call(api, 'assets.bulkUpdate', {
          selection: { filter: { kinds: ['fixture'] }, exceptIds: [] },
          patch: { status: 'faulty' },
        }),
      );
      step(1, () => call(api, 'assets.delete', { id }));
      step(0, () => callError(api, 'assets.create', fixtureInput('X', { utility: 'water' })));
      const rows = api.core.db
        .prepare<[], { entity: string; actor: string }>(
          `SELECT entity, actor FROM audit_log WHERE entity = 'asset'`,
        )
        .all();
      expect(rows.every((r) => r.actor === '测试员')).toBe(true);
    });

    it('if the audit row cannot be written, the asset change is rolled back too', () => {
      const lamp = createAsset(api, fixtureInput('A101-L001', { placeId: campus.room.id }));
      const other = createAsset(api, fixtureInput('A101-L002', { placeId: campus.room.id }));
      const before = dumpDb(api.core.db);
      const attempts: [string, unknown][] = [
        ['assets.create', fixtureInput('A101-L003')],
        ['assets.update', { id: lamp.id, patch: { name: '改名的灯', status: 'faulty' } }],
        ['assets.delete', { id: lamp.id }],
        [
          'assets.bulkUpdate',
          { selection: { ids: [lamp.id, other.id] }, patch: { status: 'retired' } },
        ],
        [
          'assets.addFixtures',
          { placeId: campus.room.id, count: 2, lampType: 'panel', ratedPowerW: 36 },
        ],
      ];
      for (const [method, input] of attempts) {
        const error = withAuditRefused(api, () => callError(api, method, input));
        expect(error.code, method).toBe('CONSTRAINT');
        expect(dumpDb(api.core.db), method).toEqual(before);
      }
      // And the search indexes were rolled back with the rows.
      expect(listAll(api, { q: '改名' }).items).toEqual([]);
      expect(listAll(api, { q: 'L003' }).items).toEqual([]);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('bulk edits', () => {
    const fixturesIn = (roomId: string, prefix: string, n: number): Asset[] =>
      Array.from({ length: n }, (_, i) =>
        createAsset(
          api,
          fixtureInput(`${prefix}-L${String(i + 1).padStart(3, '0')}`, { placeId: roomId }),
        ),
      );

    it('by ids: changes exactly those assets, each with its own audit row and note', () => {
      const lamps = fixturesIn(campus.room.id, 'A101', 6);
      const chosen = [lamps[1], lamps[3], lamps[4]].map((a) => (a as Asset).id);
      const r = call(api, 'assets.bulkUpdate', {
        selection: { ids: [...chosen, chosen[0] as string] },
        patch: { status: 'under_repair', fields: { ratedPowerW: 24 } },
      });
      expect(r).toEqual({ updated: 3 });
      for (const lamp of listAll(api).items) {
        const picked = chosen.includes(lamp.id);
        expect(lamp.status, lamp.code).toBe(picked ? 'under_repair' : 'in_service');
        expect(lamp.ratedPowerW, lamp.code).toBe(picked ? 24 : 18);
        const history = call(api, 'assets.get', { id: lamp.id }).history;
        if (picked) {
          expect(history[0]?.note).toBe('批量修改 3 项');
          expect(new Set(history[0]?.changes.map((c) => c.field))).toEqual(
            new Set(['status', 'ratedPowerW']),
          );
          expect(history[0]?.changes).toContainEqual({
            field: 'status',
            before: 'in_service',
            after: 'under_repair',
          });
        } else {
          expect(history).toHaveLength(1);
        }
      }
    });

    it('by filter minus exceptions: moves exactly the matching assets, the place shows in history', () => {
      const inA101 = fixturesIn(campus.room.id, 'A101', 5);
      const inA102 = fixturesIn(campus.room2.id, 'A102', 4);
      const inB101 = fixturesIn(campus.roomB.id, 'B101', 3);
      const valve = createAsset(
        api,
        equipmentInput('EQ-VALVE-001', {
          name: '给水阀门',
          equipmentType: 'valve',
          placeId: campus.room.id,
        }),
      );
      const except = [inA101[0], inA102[2]].map((a) => (a as Asset).id);
      const filter = { placeId: campus.floor.id, kinds: ['fixture' as const] };
      const matching = listAll(api, filter).items.map((a) => a.id);
      expect(matching).toHaveLength(9);

      const r = call(api, 'assets.bulkUpdate', {
        selection: { filter, exceptIds: except },
        patch: { placeId: campus.room201.id },
      });
      expect(r).toEqual({ updated: 7 });
      const moved = new Set(matching.filter((id) => !except.includes(id)));
      for (const a of listAll(api).items) {
        const expectedPlace = moved.has(a.id)
          ? campus.room201.id
          : [...inA101, valve].some((x) => x.id === a.id)
            ? campus.room.id
            : inA102.some((x) => x.id === a.id)
              ? campus.room2.id
              : campus.roomB.id;
        expect(a.placeId, a.code).toBe(expectedPlace);
      }
      expect(
        inB101.every((b) =>
          listAll(api, { placeId: campus.roomB.id }).items.some((a) => a.id === b.id),
        ),
      ).toBe(true);
      const one = call(api, 'assets.get', { id: [...moved][0] as string }).history[0];
      expect(one?.note).toBe('批量修改 7 项');
      expect(one?.changes).toHaveLength(1);
      expect(one?.changes[0]).toMatchObject({
        field: 'place',
        after: '第一教学楼 › 2层 › 计算机房A201',
      });
      expect(
        countWhere(api, `SELECT count(*) AS n FROM audit_log WHERE note = '批量修改 7 项'`),
      ).toBe(7);
    });

    it('a filter with a search, and an empty selection, are handled', () => {
      fixturesIn(campus.room.id, 'A101', 3);
      fixturesIn(campus.room2.id, 'A102', 3);
      const r = call(api, 'assets.bulkUpdate', {
        selection: { filter: { q: 'A102-L' }, exceptIds: [] },
        patch: { notes: '二次检修' },
      });
      expect(r.updated).toBe(3);
      expect(listAll(api, { q: '检修' }).items.map((a) => a.code)).toEqual([
        'A102-L001',
        'A102-L002',
        'A102-L003',
      ]);
      const none = call(api, 'assets.bulkUpdate', {
        selection: { filter: { q: '不存在' }, exceptIds: [] },
        patch: { status: 'retired' },
      });
      expect(none.updated).toBe(0);
    });

    it('a patch that makes one asset invalid fails as a whole and changes nothing', () => {
      const lamps = fixturesIn(campus.room.id, 'A101', 4);
      const meter = createAsset(
        api,
        meterInput('WM2-JX-A', 'water', 2, { placeId: campus.building.id }),
      );
      const before = dumpDb(api.core.db);

      const byFilter = callError(api, 'assets.bulkUpdate', {
        selection: { filter: { placeId: campus.building.id }, exceptIds: [] },
        patch: { status: 'faulty', fields: { lampType: 'panel' } },
      });
      expect(byFilter.code).toBe('VALIDATION');
      expect(issuePaths(byFilter)).toEqual(['lampType']);
      expect(byFilter.message).toContain('WM2-JX-A');
      expect(dumpDb(api.core.db)).toEqual(before);

      const byIds = callError(api, 'assets.bulkUpdate', {
        selection: { ids: [...lamps.map((l) => l.id), meter.id] },
        patch: { fields: { utility: 'water' } },
      });
      expect(byIds.code).toBe('VALIDATION');
      expect(dumpDb(api.core.db)).toEqual(before);

      const unknownPlace = callError(api, 'assets.bulkUpdate', {
        selection: { ids: lamps.map((l) => l.id) },
        patch: { placeId: 'no-such-place' },
      });
      expect(unknownPlace.code).toBe('VALIDATION');
      expect(issuePaths(unknownPlace)).toContain('patch.placeId');
      expect(dumpDb(api.core.db)).toEqual(before);

      const unknownId = callError(api, 'assets.bulkUpdate', {
        selection: { ids: [lamps[0]?.id, 'no-such-asset'] },
        patch: { status: 'retired' },
      });
      expect(unknownId.code).toBe('NOT_FOUND');
      expect(dumpDb(api.core.db)).toEqual(before);
    });

    it('an empty patch is refused', () => {
      const [lamp] = fixturesIn(campus.room.id, 'A101', 1);
      const before = dumpDb(api.core.db);
      for (const patch of [{}, { fields: {} }]) {
        const error = callError(api, 'assets.bulkUpdate', {
          selection: { ids: [lamp?.id] },
          patch,
        });
        expect(error.code).toBe('VALIDATION');
        expect(error.message).toMatch(/nothing to change/);
      }
      expect(
        callError(api, 'assets.bulkUpdate', { selection: { ids: [] }, patch: { status: 'faulty' } })
          .code,
      ).toBe('VALIDATION');
      expect(dumpDb(api.core.db)).toEqual(before);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('add N fixtures to a room', () => {
    it('creates them with generated, continuing codes, the room, the type and an audit note', () => {
      const first = call(api, 'assets.addFixtures', {
        placeId: campus.room.id,
        count: 5,
        lampType: 'panel',
        ratedPowerW: 36,
        installDate: '2025-03-01',
        dailyHours: 10,
      });
      expect(first.created).toBe(5);
      expect(first.codes).toHaveLength(5);
      const second = call(api, 'assets.addFixtures', {
        placeId: campus.room.id,
        count: 3,
        lampType: 'panel',
        ratedPowerW: 36,
      });
      const codes = [...first.codes, ...second.codes];
      expect(new Set(codes).size).toBe(8);
      const numbers = codes.map((c) => {
        expect(c.startsWith('A101-L'), c).toBe(true);
        return Number(/(\d+)$/.exec(c)?.[1]);
      });
      expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

      const made = listAll(api, { placeId: campus.room.id }).items;
      expect(made.map((a) => a.code)).toEqual([...codes].sort());
      for (const a of made) {
        expect(a).toMatchObject({
          kind: 'fixture',
          lampType: 'panel',
          ratedPowerW: 36,
          name: 'LED面板灯',
          status: 'in_service',
          placeName: LABEL_A101,
        });
        const audit = auditRowsFor(api, a.id);
        expect(audit).toHaveLength(1);
        expect(audit[0]?.note).toBe(
          first.codes.includes(a.code) ? '新增 5 套灯具' : '新增 3 套灯具',
        );
      }
      expect(
        made.filter((a) => a.installDate === '2025-03-01' && a.dailyHours === 10),
      ).toHaveLength(5);
    });

    it('takes a name and a code prefix, and refuses an unknown place', () => {
      const r = call(api, 'assets.addFixtures', {
        placeId: campus.green.id,
        count: 2,
        lampType: 'street_light',
        ratedPowerW: 100,
        codePrefix: 'LD',
      });
      expect(r.codes.every((c) => c.startsWith('LD'))).toBe(true);
      expect(listAll(api, { q: '路灯' }).items.map((a) => a.code)).toEqual(r.codes);
      const before = dumpDb(api.core.db);
      const error = callError(api, 'assets.addFixtures', {
        placeId: 'no-such-room',
        count: 2,
        lampType: 'panel',
        ratedPowerW: 36,
      });
      expect(error.code).toBe('VALIDATION');
      expect(issuePaths(error)).toEqual(['placeId']);
      expect(
        callError(api, 'assets.addFixtures', {
          placeId: campus.room.id,
          count: 0,
          lampType: 'panel',
          ratedPowerW: 36,
        }).code,
      ).toBe('VALIDATION');
      expect(dumpDb(api.core.db)).toEqual(before);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('pick', () => {
    it('returns the selection in code order with its total, minus exceptions, up to the limit', () => {
      for (const code of ['A101-L007', 'A101-L002', 'A101-L010', 'A101-L001', 'A101-L005']) {
        createAsset(api, fixtureInput(code, { placeId: campus.room.id }));
      }
      createAsset(api, meterInput('WM2-JX-A', 'water', 2, { placeId: campus.building.id }));
      const all = call(api, 'assets.pick', {
        selection: { filter: { kinds: ['fixture'] }, exceptIds: [] },
      });
      expect(all.total).toBe(5);
      expect(all.items.map((a) => a.code)).toEqual([
        'A101-L001',
        'A101-L002',
        'A101-L005',
        'A101-L007',
        'A101-L010',
      ]);
      const except = all.items[1]?.id as string;
      const some = call(api, 'assets.pick', {
        selection: { filter: { placeId: campus.site.id }, exceptIds: [except] },
        limit: 3,
      });
      expect(some.total).toBe(5);
      expect(some.items.map((a) => a.code)).toEqual(['A101-L001', 'A101-L005', 'A101-L007']);
      const byIds = call(api, 'assets.pick', { selection: { ids: [except, except] } });
      expect(byIds).toMatchObject({
        total: 1,
        items: [{ code: 'A101-L002', placeName: LABEL_A101 }],
      });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('places that hold assets', () => {
    it('moving a floor to another building keeps its assets, and the new building finds them', () => {
      const lamps = ['A101-L001', 'A101-L002'].map((c) =>
        createAsset(api, fixtureInput(c, { placeId: campus.room.id })),
      );
      const valve = createAsset(
        api,
        equipmentInput('EQ-VALVE-001', { equipmentType: 'valve', placeId: campus.floor.id }),
      );
      const ids = [...lamps, valve].map((a) => a.id).sort();
      expect(listAll(api, { placeId: campus.building2.id }).items).toEqual([]);

      call(api, 'places.move', { id: campus.floor.id, parentId: campus.building2.id });
      const inNew = listAll(api, { placeId: campus.building2.id }).items;
      expect(inNew.map((a) => a.id).sort()).toEqual(ids);
      expect(listAll(api, { placeId: campus.building.id }).items).toEqual([]);
      expect(
        listAll(api, { placeId: campus.site.id })
          .items.map((a) => a.id)
          .sort(),
      ).toEqual(ids);
      const lamp = call(api, 'assets.get', { id: lamps[0]?.id as string });
      expect(lamp.asset.placeId).toBe(campus.room.id);
      expect(lamp.asset.placeName).toBe('第二教学楼 › 1层 › 多媒体教室A101');
      expect(lamp.path.map((p) => p.name)).toEqual([
        '职业技术学院主校区',
        '第二教学楼',
        '1层',
        '多媒体教室A101',
      ]);
      // The assets themselves were not rewritten.
      expect(lamp.history).toHaveLength(1);
    });

    it('deleting a place that still holds assets anywhere below is refused, and nothing is deleted', () => {
      createAsset(api, fixtureInput('A101-L001', { placeId: campus.room.id }));
      createAsset(api, fixtureInput('A101-L002', { placeId: campus.room.id }));
      createAsset(api, meterInput('WM2-JX-A', 'water', 2, { placeId: campus.building.id }));
      const before = dumpDb(api.core.db);
      const cases: [string, string, number][] = [
        [campus.room.id, '多媒体教室A101', 2],
        [campus.floor.id, '1层', 2],
        [campus.building.id, '第一教学楼', 3],
        [campus.site.id, '职业技术学院主校区', 3],
      ];
      for (const [id, name, count] of cases) {
        for (const cascade of [false, true]) {
          const error = callError(api, 'places.delete', { id, cascade });
          expect(error.code, name).toBe('CONFLICT');
          expect(error.message).toBe(
            `"${name}" still holds ${count} asset(s); move or delete them first`,
          );
          expect(error.details).toEqual({ reason: 'HAS_ASSETS', assetCount: count });
          expect(dumpDb(api.core.db)).toEqual(before);
        }
      }
      // Places without assets delete as before; with children they still need the cascade.
      expect(call(api, 'places.delete', { id: campus.room201.id })).toEqual({ deleted: 1 });
      expect(
        (callError(api, 'places.delete', { id: campus.building2.id }).details as { reason: string })
          .reason,
      ).toBe('HAS_CHILDREN');
      expect(call(api, 'places.delete', { id: campus.building2.id, cascade: true })).toEqual({
        deleted: 3,
      });

      // Once the assets have moved out, the building goes.
      call(api, 'assets.bulkUpdate', {
        selection: { filter: { placeId: campus.building.id }, exceptIds: [] },
        patch: { placeId: campus.green.id },
      });
      expect(call(api, 'places.delete', { id: campus.building.id, cascade: true }).deleted).toBe(5);
      expect(listAll(api, { placeId: campus.green.id }).items).toHaveLength(3);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('the demo register at scale 1', () => {
  let t: TempApi;
  let api: Api;
  let all: Asset[];

  beforeAll(() => {
    t = openTempApi();
    api = t.api;
    generateDemo(api.core.db, { scale: 1, lastYear: 2025 });
    all = api.core.db.prepare<[], AssetRow>(ASSET_SELECT).all().map(toAsset);
  });

  afterAll(() => {
    t.cleanup();
  });

  const ofKind = (kind: AssetKind) => all.filter((a) => a.kind === kind);

  it('has 8,000+ fixtures and a few hundred pieces of equipment', () => {
    expect(ofKind('fixture').length).toBeGreaterThanOrEqual(8000);
    const equipment = ofKind('equipment').length;
    expect(equipment).toBeGreaterThanOrEqual(100);
    expect(equipment).toBeLessThan(1000);
    const facets = call(api, 'assets.facets', {});
    expect(facets.byKind.fixture).toBe(ofKind('fixture').length);
    expect(call(api, 'assets.list', { limit: 1 }).total).toBe(all.length);
  });

  it('has about 40 irrigation zones with 108,000 ± 500 m² of green area', () => {
    const zones = ofKind('irrigation_zone');
    expect(zones.length).toBeGreaterThanOrEqual(35);
    expect(zones.length).toBeLessThanOrEqual(45);
    const area = zones.reduce((s, z) => s + (z.greenAreaM2 ?? 0), 0);
    expect(Math.abs(area - 108_000)).toBeLessThanOrEqual(500);
    expect(zones.every((z) => (z.greenAreaM2 ?? 0) > 0)).toBe(true);
  });

  it('has two level-1 water meters and, on every building, one level-2 water and one electricity meter under a level-1 parent', () => {
    const meters = ofKind('meter');
    const byId = new Map(meters.map((m) => [m.id, m]));
    const waterL1 = meters.filter((m) => m.utility === 'water' && m.meterLevel === 1);
    expect(waterL1).toHaveLength(2);
    expect(waterL1.every((m) => m.parentMeterId === null)).toBe(true);
    const buildings = api.core.db
      .prepare<[], { id: string; name: string }>(
        `SELECT id, name FROM places WHERE kind = 'building'`,
      )
      .all();
    expect(buildings.length).toBeGreaterThan(20);
    for (const b of buildings) {
      for (const utility of ['water', 'electricity'] as const) {
        const here = meters.filter(
          (m) => m.placeId === b.id && m.utility === utility && m.meterLevel === 2,
        );
        expect(here, `${b.name} ${utility}`).toHaveLength(1);
        const parent = byId.get(here[0]?.parentMeterId ?? '');
        expect(parent, `${b.name} ${utility} parent`).toMatchObject({ utility, meterLevel: 1 });
      }
    }
  });

  it('obeys the register’s own rules: every asset passes assetIssues', () => {
    const failures = all.flatMap((a) =>
      assetIssues(api.core.db, a).map((i) => `${a.code} ${i.path}: ${i.message}`),
    );
    expect(failures).toEqual([]);
    expect(new Set(all.map((a) => a.code)).size).toBe(all.length);
  });

  it('is searchable exactly at its full size (路灯, 水表, a code fragment)', () => {
    const matches = (a: Asset, q: string) =>
      [a.code, a.name, a.serial ?? '', a.notes].some((f) =>
        f.toLowerCase().includes(q.toLowerCase()),
      );
    for (const q of ['路灯', '水表', 'JX-A-30', 'L1', '灯杆锈蚀']) {
      const expected = all
        .filter((a) => matches(a, q))
        .map((a) => a.code)
        .sort();
      expect(expected.length, q).toBeGreaterThan(0);
      const found = listAll(api, { q }).items.map((a) => a.code);
      expect(found, q).toEqual(expected);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('regressions of bugs found by these tests', () => {
  let t: TempApi;
  let api: Api;

  beforeEach(() => {
    t = openTempApi();
    api = t.api;
  });

  afterEach(() => {
    t.cleanup();
  });

  // assetBulk.ts: the default prefix is `${room.code}-L` and nextCodes adds another '-', so the
  // codes come out as A101-L-001, and a room whose fixtures are numbered A101-L01… (the demo's
  // style) starts again at 1 instead of continuing.
  it('add fixtures generates <roomCode>-L001… and continues after existing numbers', () => {
    const campus = createCampus(api);
    createAsset(api, fixtureInput('A101-L01', { placeId: campus.room.id }));
    createAsset(api, fixtureInput('A101-L02', { placeId: campus.room.id }));
    const first = call(api, 'assets.addFixtures', {
      placeId: campus.room.id,
      count: 2,
      lampType: 'panel',
      ratedPowerW: 36,
    });
    expect(first.codes).toEqual(['A101-L003', 'A101-L004']);
    const second = call(api, 'assets.addFixtures', {
      placeId: campus.room.id,
      count: 2,
      lampType: 'panel',
      ratedPowerW: 36,
    });
    expect(second.codes).toEqual(['A101-L005', 'A101-L006']);
  });

  // assetRules.ts checks a meter against its own parent only: changing a parent's utility or level
  // is accepted although its child meters then break the rules they were created under.
  it('changing a parent meter so that its children break the tree rules is refused', () => {
    const w1 = createAsset(api, meterInput('WM1-1', 'water', 1));
    createAsset(api, meterInput('WM2-1', 'water', 2, { parentMeterId: w1.id }));
    expect(
      callError(api, 'assets.update', { id: w1.id, patch: { utility: 'electricity' } }).code,
    ).toBe('VALIDATION');
    expect(callError(api, 'assets.update', { id: w1.id, patch: { meterLevel: 3 } }).code).toBe(
      'VALIDATION',
    );
  });

  // linked_meter_id is ON DELETE SET NULL: deleting a meter silently rewrites every irrigation zone
  // linked to it, without an audit row for the zone.
  it('deleting a meter that zones are linked to leaves an audit trail for those zones', () => {
    const rm = createAsset(api, meterInput('RM1-1', 'reclaimed_water', 1));
    const zone = createAsset(api, zoneInput('GZ-01', { linkedMeterId: rm.id }));
    call(api, 'assets.delete', { id: rm.id });
    const after = call(api, 'assets.get', { id: zone.id });
    expect(after.asset.linkedMeterId).toBeNull();
    expect(after.history[0]?.changes).toContainEqual({
      field: 'linkedMeterId',
      before: rm.id,
      after: null,
    });
  });
});
