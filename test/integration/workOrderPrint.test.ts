// Printed work orders through the real dispatch table: the batch data in walking-route order (by
// selection and by crew and due day), marking printed with its log and audit entries and without a
// status change, the print log of one order, and the backfill of the log by migration 0110.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';
import { migrate } from '../../electron/store/migrate';
import { migrations } from '../../electron/store/migrations';
import { openDatabase } from '../../electron/store/open';
import { newId } from '../../electron/store/tx';
import type { Crew } from '../../shared/contract/crews';
import { call, callError } from '../support/api';
import { auditRowsFor, createCampus, fixtureInput, type Campus } from '../support/assets';
import {
  addDays,
  createCrew,
  createOrder,
  setOrder,
  todayIn,
  walkTo,
} from '../support/maintenance';
import { openTempApi, tempDir, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let campus: Campus;
let crew: Crew;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  campus = createCampus(api);
  crew = createCrew(api);
});

afterEach(() => t.cleanup());

const place = (kind: 'floor' | 'room', parentId: string, name: string, extra = {}) =>
  call(api, 'places.create', { kind, parentId, name, ...extra });

describe('workOrders.printData', () => {
  it('answers a selection in walking-route order: building, floor by number, room, then due day', () => {
    const basement = place('floor', campus.building.id, '地下一层', {
      code: 'ZZ-B1',
      floorNumber: -1,
    });
    const pump = place('room', basement.id, '水泵房', { code: 'B1-01' });
    const at = (placeId: string | null, title: string, dueDate: string | null = null) =>
      createOrder(api, { placeId, title, dueDate });
    const orders = [
      at(null, '无地点'),
      at(campus.green.id, '绿地喷灌'),
      at(campus.roomB.id, 'B101'),
      at(campus.room201.id, 'A201'),
      at(campus.room2.id, 'A102'),
      at(campus.room.id, 'A101 later', '2030-02-01'),
      at(campus.room.id, 'A101 first', '2030-01-01'),
      at(pump.id, '水泵房'),
      at(campus.building.id, '教学楼整体'),
    ];
    const data = call(api, 'workOrders.printData', {
      ids: [...orders.map((o) => o.id), newId(), orders[0]?.id ?? ''],
    });
    expect(data.total).toBe(orders.length);
    expect(data.orders.map((o) => o.title)).toEqual([
      '教学楼整体',
      '水泵房',
      'A101 first',
      'A101 later',
      'A102',
      'A201',
      'B101',
      '绿地喷灌',
      '无地点',
    ]);
    const a201 = data.orders.find((o) => o.title === 'A201');
    expect(a201?.place.map((p) => p.name)).toEqual([
      campus.site.name,
      campus.building.name,
      campus.floor2.name,
      campus.room201.name,
    ]);
    expect(data.orders.at(-1)?.place).toEqual([]);
    expect(data.timeZone).toBe('Asia/Shanghai');
  });

  it('carries what the sheet prints: people, text, checklist, settings and assets in walking order', () => {
    call(api, 'settings.update', { organisationName: '某职业技术学院后勤处' });
    const far = call(api, 'assets.create', fixtureInput('FX-B', { placeId: campus.roomB.id }));
    const near = call(api, 'assets.create', fixtureInput('FX-Z', { placeId: campus.room.id }));
    const order = createOrder(api, {
      placeId: campus.room.id,
      assetIds: [far.id, near.id],
      description: '第二排灯管闪烁\n讲台灯不亮',
      requester: '张老师',
      requesterPhone: '13800001111',
      checklist: [{ text: '断电挂牌', done: false }],
      estimatedHours: 1.5,
      crewId: crew.id,
    });
    const [sheet] = call(api, 'workOrders.printData', { ids: [order.id] }).orders;
    expect(sheet).toMatchObject({
      number: order.number,
      status: 'assigned',
      crewName: crew.name,
      requester: '张老师',
      requesterPhone: '13800001111',
      description: '第二排灯管闪烁\n讲台灯不亮',
      checklist: [{ text: '断电挂牌', done: false }],
      estimatedHours: 1.5,
      printedAt: null,
    });
    expect(sheet?.assets.map((a) => a.code)).toEqual(['FX-Z', 'FX-B']);
    expect(sheet?.assets[0]?.placePath).toContain('A101');
    const data = call(api, 'workOrders.printData', { ids: [order.id] });
    expect(data.organisationName).toBe('某职业技术学院后勤处');
    expect(data.siteName).toBe(campus.site.name);
    expect(data.logoDataUrl).toBeNull();
  });

  it("answers a crew's open orders due on or before the day, and nothing else", () => {
    const other = createCrew(api, '水暖班', { trade: 'plumber' });
    const today = todayIn();
    const make = (title: string, dueDate: string | null, crewId = crew.id) =>
      createOrder(api, { title, dueDate, crewId, placeId: campus.room.id });
    make('due today', today);
    make('overdue', addDays(today, -3));
    walkTo(api, make('in progress', addDays(today, 1)), 'in_progress');
    make('later', addDays(today, 2));
    make('no due day', null);
    make('other crew', today, other.id);
    walkTo(api, make('done', today), 'completed');
    walkTo(api, make('held', today), 'on_hold');
    const data = call(api, 'workOrders.printData', {
      crewId: crew.id,
      dueBy: addDays(today, 1),
    });
    expect(data.orders.map((o) => o.title).sort()).toEqual(
      ['due today', 'held', 'in progress', 'overdue'].sort(),
    );
    // Same room: by due day.
    expect(data.orders[0]?.title).toBe('overdue');
    expect(callError(api, 'workOrders.printData', { crewId: newId(), dueBy: today }).code).toBe(
      'NOT_FOUND',
    );
    expect(callError(api, 'workOrders.printData', { ids: [] }).code).toBe('VALIDATION');
    expect(
      callError(api, 'workOrders.printData', { ids: [newId()], crewId: crew.id, dueBy: today })
        .code,
    ).toBe('VALIDATION');
  });
});

describe('workOrders.markPrinted and workOrders.prints', () => {
  it('logs each print with copies, layout and output, keeps the status, and audits it', () => {
    const a = createOrder(api);
    const b = walkTo(api, createOrder(api), 'in_progress', crew.id);
    const first = call(api, 'workOrders.markPrinted', { ids: [a.id, b.id, b.id, newId()] });
    expect(first.updated).toBe(2);
    const second = call(api, 'workOrders.markPrinted', {
      ids: [b.id],
      copies: 2,
      layout: 'a5x2',
      output: 'pdf',
    });
    const read = call(api, 'workOrders.get', { id: b.id });
    expect(read).toMatchObject({
      status: 'in_progress',
      printedAt: second.printedAt,
      printedBy: '测试员',
    });
    expect(call(api, 'workOrders.prints', { id: b.id }).items).toEqual([
      { at: first.printedAt, actor: '测试员', copies: 1, layout: 'a4', output: 'printer' },
      { at: second.printedAt, actor: '测试员', copies: 2, layout: 'a5x2', output: 'pdf' },
    ]);
    expect(call(api, 'workOrders.prints', { id: a.id }).items).toHaveLength(1);
    const audit = auditRowsFor(api, b.id).at(-1);
    expect(audit?.note).toBe('打印工单');
    expect(callError(api, 'workOrders.prints', { id: newId() }).code).toBe('NOT_FOUND');
    expect(callError(api, 'workOrders.markPrinted', { ids: [a.id], copies: 6 }).code).toBe(
      'VALIDATION',
    );
  });

  it('shows a print recorded only on the order (written outside the API) as one entry', () => {
    const order = createOrder(api);
    setOrder(api, order.id, { printed_at: '2026-01-05T01:00:00.000Z', printed_by: '老王' });
    expect(call(api, 'workOrders.prints', { id: order.id }).items).toEqual([
      { at: '2026-01-05T01:00:00.000Z', actor: '老王', copies: 1, layout: 'a4', output: 'printer' },
    ]);
  });
});

describe('migration 0110', () => {
  it('backfills one log entry for every order already marked printed', () => {
    const tmp = tempDir();
    try {
      const file = tmp.file();
      const db = openDatabase(file, { migrate: false });
      migrate(db, migrations, 100);
      const insert = db.prepare(
        `INSERT INTO work_orders (id, number, type, title, priority, reported_at, printed_at,
           printed_by, created_by, created_at, updated_at)
         VALUES (?, ?, 'corrective', '旧工单', 'normal', ?, ?, ?, 'x', ?, ?)`,
      );
      const at = '2025-06-01T02:00:00.000Z';
      insert.run('wo-1', 'WO-2025-00001', at, at, '老李', at, at);
      insert.run('wo-2', 'WO-2025-00002', at, null, null, at, at);
      db.close();
      const migrated = openCore(file, { validateResults: true, operator: 'x' });
      try {
        expect(call(migrated, 'workOrders.prints', { id: 'wo-1' }).items).toEqual([
          { at, actor: '老李', copies: 1, layout: 'a4', output: 'printer' },
        ]);
        expect(call(migrated, 'workOrders.prints', { id: 'wo-2' }).items).toEqual([]);
      } finally {
        migrated.core.db.close();
      }
    } finally {
      tmp.cleanup();
    }
  });
});
