// Work orders through the real dispatch table on temporary SQLite files, results checked against
// the contract: numbering, the detail (place path, assets, timeline, parts), the whole lifecycle and
// its refusals, completing a lamp replacement into every fixture's history, edits, printing,
// overdue across sites in different zones, and writes that fail leaving nothing behind.
// The list (filters, sorts, paging, query plans) is tested with the other views in
// workOrderViews.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { localDate, localYear } from '../../electron/services/siteTime';
import { newId, nowIso } from '../../electron/store/tx';
import type { Crew } from '../../shared/contract/crews';
import { legalTransitions } from '../../shared/domain/workOrderTransitions';
import { call, callError, issuePaths } from '../support/api';
import {
  auditRowsFor,
  countWhere,
  createCampus,
  fixtureInput,
  meterInput,
  type Campus,
} from '../support/assets';
import { dumpDb } from '../support/dump';
import {
  addDays,
  addTechnician,
  createCrew,
  createOrder,
  todayIn,
  walkTo,
  ZONE,
} from '../support/maintenance';
import { openTempApi, type TempApi } from '../support/tempDb';

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

const fixture = (code: string, placeId = campus.room.id) =>
  call(api, 'assets.create', fixtureInput(code, { placeId }));

describe('creating and reading', () => {
  it('numbers orders WO-YYYY-00001 upwards, and a failed create gives its number back', () => {
    const year = localYear(ZONE);
    const numbers = [1, 2, 3].map(() => createOrder(api).number);
    expect(numbers).toEqual([1, 2, 3].map((n) => `WO-${year}-0000${n}`));
    const before = dumpDb(api.core.db);
    const error = callError(api, 'workOrders.create', {
      type: 'corrective',
      title: '坏班组',
      crewId: newId(),
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(dumpDb(api.core.db)).toEqual(before);
    expect(createOrder(api).number).toBe(`WO-${year}-00004`);
    expect(countWhere(api, 'SELECT count(DISTINCT number) AS n FROM work_orders')).toBe(4);
  });

  it('reads an order with its place path, assets, first event, parts and next moves', () => {
    const a = fixture('FX-1');
    const b = fixture('FX-2', campus.roomB.id);
    const tech = addTechnician(api, crew);
    const order = createOrder(api, {
      placeId: campus.room.id,
      assetIds: [b.id, a.id, a.id],
      crewId: crew.id,
      technicianId: tech.id,
      dueDate: '2030-01-15',
      checklist: [{ text: '断电', done: false }],
    });
    expect(order.status).toBe('assigned');
    expect(order).toMatchObject({ crewName: '电工班', technicianName: '王师傅', assetCount: 2 });
    expect(order.place.map((p) => p.name)).toEqual([
      '职业技术学院主校区',
      '第一教学楼',
      '1层',
      '多媒体教室A101',
    ]);
    expect(order.placePath).toBe('第一教学楼 › 1层 › 多媒体教室A101');
    expect(order.assets.map((x) => [x.code, x.placePath])).toEqual([
      ['FX-1', '第一教学楼 › 1层 › 多媒体教室A101'],
      ['FX-2', '第二教学楼 › 1层 › 阶梯教室B101'],
    ]);
    expect(order.events).toMatchObject([{ from: null, to: 'assigned', actor: '测试员' }]);
    expect(order.next).toEqual(legalTransitions('assigned'));
    expect(order.checklist).toEqual([{ text: '断电', done: false }]);
    // Parts come from the stock movements: issues shown positive, returns negative.
    const db = api.core.db;
    db.prepare(
      `INSERT INTO parts (id, name, spec, unit, on_hand, created_at, updated_at)
       VALUES ('part-1', 'LED灯管', 'T8 18W', '支', 10, ?, ?)`,
    ).run(nowIso(), nowIso());
    const move = db.prepare(
      `INSERT INTO part_movements (id, part_id, at, kind, quantity, work_order_id, actor)
       VALUES (?, 'part-1', ?, ?, ?, ?, '测试员')`,
    );
    move.run('m-1', '2026-01-02T01:00:00.000Z', 'issue', -4, order.id);
    move.run('m-2', '2026-01-02T02:00:00.000Z', 'return', 1, order.id);
    const read = call(api, 'workOrders.get', { id: order.id });
    expect(read.parts.map((p) => [p.name, p.spec, p.unit, p.quantity])).toEqual([
      ['LED灯管', 'T8 18W', '支', 4],
      ['LED灯管', 'T8 18W', '支', -1],
    ]);
    expect(callError(api, 'workOrders.get', { id: newId() }).code).toBe('NOT_FOUND');
  });

  it('refuses a technician who is not in the crew', () => {
    const other = createCrew(api, '水工班', { trade: 'plumber' });
    const tech = addTechnician(api, other, '李师傅');
    const error = callError(api, 'workOrders.create', {
      type: 'corrective',
      title: 'x',
      crewId: crew.id,
      technicianId: tech.id,
    });
    expect(issuePaths(error)).toEqual(['technicianId']);
  });
  it('keeps an asset that is on a work order from deletion, naming the way out', () => {
    const a = fixture('FX-KEEP');
    createOrder(api, { placeId: campus.room.id, assetIds: [a.id] });
    const before = dumpDb(api.core.db);
    const error = callError(api, 'assets.delete', { id: a.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('retire it');
    expect(error.details).toMatchObject({ orders: 1, reason: 'HAS_HISTORY' });
    expect(dumpDb(api.core.db)).toEqual(before);
  });
});

describe('the lifecycle', () => {
  it('walks open → assigned → in_progress → completed → verified → closed with its timeline', () => {
    const order = createOrder(api);
    const step = (to: Parameters<typeof legalTransitions>[0], extra: object = {}) =>
      call(api, 'workOrders.transition', { id: order.id, to, note: `到${to}`, ...extra });
    expect(step('assigned', { crewId: crew.id }).crewId).toBe(crew.id);
    step('in_progress');
    const done = step('completed', { labourHours: 1.5, findings: '灯管老化', result: '已更换' });
    expect(done).toMatchObject({ labourHours: 1.5, findings: '灯管老化', result: '已更换' });
    expect(done.completedAt).not.toBeNull();
    expect(step('verified', { verifiedBy: '李科长' }).verifiedBy).toBe('李科长');
    const closed = step('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.next).toEqual([]);
    expect(closed.events.map((e) => [e.from, e.to, e.note, e.actor])).toEqual([
      [null, 'open', '', '测试员'],
      ['open', 'assigned', '到assigned', '测试员'],
      ['assigned', 'in_progress', '到in_progress', '测试员'],
      ['in_progress', 'completed', '到completed', '测试员'],
      ['completed', 'verified', '到verified', '测试员'],
      ['verified', 'closed', '到closed', '测试员'],
    ]);
    const ats = closed.events.map((e) => e.at);
    expect([...ats].sort()).toEqual(ats);
    const audit = auditRowsFor(api, order.id);
    expect(audit.map((r) => r.action)).toEqual(['create', ...Array(5).fill('update')]);
    expect(JSON.parse(audit[5]?.after_json ?? '{}')).toMatchObject({ status: 'closed' });
  });

  it('refuses closed → in_progress with CONFLICT naming both statuses, changing nothing', () => {
    const closed = walkTo(api, createOrder(api), 'closed', crew.id);
    const before = dumpDb(api.core.db);
    const error = callError(api, 'workOrders.transition', { id: closed.id, to: 'in_progress' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('已关闭');
    expect(error.message).toContain('处理中');
    expect(error.message).toContain('closed');
    expect(error.message).toContain('in_progress');
    expect(error.details).toEqual({ from: 'closed', to: 'in_progress', allowed: [] });
    expect(dumpDb(api.core.db)).toEqual(before);
    expect(call(api, 'workOrders.get', { id: closed.id }).status).toBe('closed');
  });

  it('assigning needs a crew, verifying a verifier; a hold returns where it was', () => {
    const order = createOrder(api);
    const move = (to: string, extra: object = {}) =>
      api.dispatch('workOrders.transition', { id: order.id, to, ...extra });
    expect(
      issuePaths(callError(api, 'workOrders.transition', { id: order.id, to: 'assigned' })),
    ).toEqual(['crewId']);
    expect(move('assigned', { crewId: crew.id }).ok).toBe(true);
    expect(move('in_progress').ok).toBe(true);
    const held = call(api, 'workOrders.transition', { id: order.id, to: 'on_hold' });
    expect(held.heldFrom).toBe('in_progress');
    expect(held.next).toEqual(['in_progress', 'cancelled']);
    const wrong = callError(api, 'workOrders.transition', { id: order.id, to: 'assigned' });
    expect(wrong.details).toEqual({ from: 'on_hold', to: 'assigned', allowed: held.next });
    const resumed = call(api, 'workOrders.transition', { id: order.id, to: 'in_progress' });
    expect(resumed.heldFrom).toBeNull();
    const done = call(api, 'workOrders.transition', { id: order.id, to: 'completed' });
    expect(
      issuePaths(callError(api, 'workOrders.transition', { id: order.id, to: 'verified' })),
    ).toEqual(['verifiedBy']);
    expect(done.completedAt).not.toBeNull();
    const back = call(api, 'workOrders.transition', { id: order.id, to: 'in_progress' });
    expect(back.completedAt).toBeNull();
    call(api, 'workOrders.update', { id: order.id, patch: { verifiedBy: '王主任' } });
    call(api, 'workOrders.transition', { id: order.id, to: 'completed' });
    // The verifier already on the order is enough.
    expect(call(api, 'workOrders.transition', { id: order.id, to: 'verified' }).verifiedBy).toBe(
      '王主任',
    );
  });

  it('completing a lamp replacement updates every covered fixture and its history', () => {
    const fixtures = ['FX-1', 'FX-2', 'FX-3'].map((code) => fixture(code));
    const meter = call(api, 'assets.create', meterInput('M-1', 'electricity', 1));
    const order = createOrder(api, {
      category: 'lighting',
      title: '三楼灯具改造',
      placeId: campus.room.id,
      assetIds: [...fixtures.map((f) => f.id), meter.id],
      newLampType: 'panel',
      newPowerW: 12,
    });
    const done = walkTo(api, order, 'completed', crew.id);
    const day = localDate(ZONE, new Date(done.completedAt ?? ''));
    for (const f of fixtures) {
      const { asset, history } = call(api, 'assets.get', { id: f.id });
      expect(asset).toMatchObject({
        lampType: 'panel',
        ratedPowerW: 12,
        previousPowerW: 18,
        lastReplaced: day,
      });
      expect(history[0]?.note).toBe(`工单 ${order.number} 完工：更换灯具`);
      expect(history[0]?.changes).toEqual([
        { field: 'lampType', before: 'led_tube', after: 'panel' },
        { field: 'ratedPowerW', before: 18, after: 12 },
        { field: 'previousPowerW', before: null, after: 18 },
        { field: 'lastReplaced', before: null, after: day },
      ]);
    }
    expect(call(api, 'assets.get', { id: meter.id }).asset).toEqual(meter);
    // Done again after a failed acceptance: nothing new to record, the old power is kept.
    call(api, 'workOrders.transition', { id: order.id, to: 'in_progress' });
    call(api, 'workOrders.transition', { id: order.id, to: 'completed' });
    const first = fixtures[0]?.id ?? '';
    expect(call(api, 'assets.get', { id: first }).asset.previousPowerW).toBe(18);
    expect(call(api, 'assets.get', { id: first }).history).toHaveLength(2);
  });

  it('a lamp replacement that cannot be written leaves the order as it was', () => {
    const f = fixture('FX-9');
    const order = walkTo(
      api,
      createOrder(api, { assetIds: [f.id], newPowerW: 9 }),
      'in_progress',
      crew.id,
    );
    const db = api.core.db;
    const before = dumpDb(db);
    db.exec(`CREATE TEMP TRIGGER refuse BEFORE UPDATE ON main.assets
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    try {
      expect(api.dispatch('workOrders.transition', { id: order.id, to: 'completed' }).ok).toBe(
        false,
      );
    } finally {
      db.exec('DROP TRIGGER temp.refuse');
    }
    expect(dumpDb(db)).toEqual(before);
  });
});

describe('editing, printing and overdue', () => {
  it('replaces the covered assets, audits before and after, and locks the plan once done', () => {
    const [a, b, c] = ['FX-1', 'FX-2', 'FX-3'].map((code) => fixture(code));
    const order = createOrder(api, { assetIds: [a?.id ?? '', b?.id ?? ''] });
    const edited = call(api, 'workOrders.update', {
      id: order.id,
      patch: { title: '更换走廊灯', assetIds: [c?.id ?? ''], priority: 'urgent' },
    });
    expect(edited.assets.map((x) => x.code)).toEqual(['FX-3']);
    expect(edited).toMatchObject({ title: '更换走廊灯', priority: 'urgent', assetCount: 1 });
    const last = auditRowsFor(api, order.id).at(-1);
    expect(JSON.parse(last?.before_json ?? '{}')).toMatchObject({
      title: '更换灯管',
      assets: ['FX-1', 'FX-2'],
    });
    expect(JSON.parse(last?.after_json ?? '{}')).toMatchObject({
      title: '更换走廊灯',
      assets: ['FX-3'],
    });
    expect(
      callError(api, 'workOrders.update', { id: order.id, patch: { assetIds: [newId()] } }).code,
    ).toBe('NOT_FOUND');
    expect(call(api, 'workOrders.get', { id: order.id }).assets.map((x) => x.code)).toEqual([
      'FX-3',
    ]);
    walkTo(api, order, 'completed', crew.id);
    const locked = callError(api, 'workOrders.update', { id: order.id, patch: { title: '改' } });
    expect(locked.code).toBe('CONFLICT');
    const report = call(api, 'workOrders.update', {
      id: order.id,
      patch: { findings: '线路老化' },
    });
    expect(report.findings).toBe('线路老化');
    walkTo(api, report, 'closed');
    const closed = callError(api, 'workOrders.update', { id: order.id, patch: { findings: 'x' } });
    expect(closed.code).toBe('CONFLICT');
    // A form sending the values the order already has changes nothing and is not refused.
    expect(
      call(api, 'workOrders.update', { id: order.id, patch: { title: '更换走廊灯' } }).status,
    ).toBe('closed');
  });

  it('keeps a crew on assigned work and drops a technician when the crew changes', () => {
    const tech = addTechnician(api, crew);
    const other = createCrew(api, '综合班', { trade: 'general' });
    const order = createOrder(api, { crewId: crew.id, technicianId: tech.id });
    expect(
      issuePaths(callError(api, 'workOrders.update', { id: order.id, patch: { crewId: null } })),
    ).toEqual(['crewId']);
    const moved = call(api, 'workOrders.update', { id: order.id, patch: { crewId: other.id } });
    expect(moved).toMatchObject({ crewId: other.id, technicianId: null, status: 'assigned' });
  });

  it('marks orders printed without touching their status', () => {
    const a = createOrder(api);
    const b = walkTo(api, createOrder(api), 'in_progress', crew.id);
    const result = call(api, 'workOrders.markPrinted', { ids: [a.id, b.id, newId()] });
    expect(result.updated).toBe(2);
    const read = call(api, 'workOrders.get', { id: b.id });
    expect(read).toMatchObject({ printedAt: result.printedAt, printedBy: '测试员' });
    expect(read.status).toBe('in_progress');
    expect(auditRowsFor(api, a.id).at(-1)?.note).toBe('打印工单');
  });

  it('is overdue when active and due before today at its own site', () => {
    const far = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].map((timeZone, i) =>
      call(api, 'places.create', { kind: 'site', parentId: null, name: `远方${i}`, timeZone }),
    );
    const sites = [
      { placeId: campus.room.id, zone: ZONE },
      { placeId: far[0]?.id ?? '', zone: 'Pacific/Kiritimati' },
      { placeId: far[1]?.id ?? '', zone: 'Pacific/Pago_Pago' },
      { placeId: null, zone: ZONE },
    ];
    const expected = new Map<string, boolean>();
    const base = todayIn();
    for (const site of sites) {
      for (const offset of [-2, -1, 0, 1]) {
        const dueDate = addDays(base, offset);
        const order = createOrder(api, { placeId: site.placeId, dueDate });
        expected.set(order.id, dueDate < todayIn(site.zone));
        expect(order.overdue).toBe(dueDate < todayIn(site.zone));
      }
    }
    const overdue = call(api, 'workOrders.query', { filter: { overdue: true }, limit: 500 });
    expect(new Set(overdue.items.map((r) => r.id))).toEqual(
      new Set([...expected].filter(([, v]) => v).map(([k]) => k)),
    );
    const late = overdue.items[0]?.id ?? '';
    const done = walkTo(api, call(api, 'workOrders.get', { id: late }), 'completed', crew.id);
    expect(done.overdue).toBe(false);
  });
});
