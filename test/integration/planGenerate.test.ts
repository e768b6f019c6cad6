// Generation of preventive work orders on a real temporary database, always with an explicit
// "today": the lead window, idempotency (twice, and from a second connection), catch-up after the
// app was closed for 60 days, after-completion plans, a filter target re-evaluated at each run,
// empty targets, local days around midnight, and a deleted plan whose orders stay.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';
import { generateDuePlans } from '../../electron/services/planGenerate';
import type { Plan } from '../../shared/contract/plans';
import { call, callError } from '../support/api';
import {
  countWhere,
  createAsset,
  createCampus,
  fixtureInput,
  type Campus,
} from '../support/assets';
import {
  cancelOrder,
  completeOrder,
  createPlan,
  ctxOf,
  insertCrew,
  occurrenceRows,
  planOrders,
  weeklyPlan,
} from '../support/plans';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let campus: Campus;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  campus = createCampus(api);
  createAsset(api, fixtureInput('LED-001', { placeId: campus.room.id }));
  createAsset(api, fixtureInput('LED-002', { placeId: campus.room2.id }));
});

afterEach(() => {
  t.cleanup();
});

const generate = (today: string, planId?: string) =>
  call(api, 'plans.generate', planId ? { today, planId } : { today });

function buildingPlan(
  name = '教学楼A灯具周检',
  extra: Parameters<typeof weeklyPlan>[2] = {},
): Plan {
  return createPlan(
    api,
    weeklyPlan(
      name,
      { kind: 'filter', filter: { placeId: campus.building.id, kinds: ['fixture'] } },
      extra,
    ),
  );
}

describe('lead window', () => {
  it('orders every occurrence due up to today + lead days, filled from the plan', () => {
    const crewId = insertCrew(api);
    const plan = buildingPlan(undefined, { crewId, orderType: 'preventive', category: 'lighting' });
    const result = generate('2026-01-05');
    expect(result).toMatchObject({ created: 2, overdue: 0, missed: 0, plans: 1 });
    expect(result.orders.map((o) => [o.planId, o.occurrence])).toEqual([
      [plan.id, '2026-01-05T08:00'],
      [plan.id, '2026-01-12T08:00'],
    ]);
    const orders = planOrders(api, plan.id);
    expect(orders.map((o) => o.number)).toEqual(result.orders.map((o) => o.number));
    expect(orders[0]).toMatchObject({
      type: 'preventive',
      title: '教学楼A灯具周检 2026-01-05',
      status: 'assigned',
      due_date: '2026-01-05',
      crew_id: crewId,
      place_id: campus.building.id,
      estimated_hours: 2,
      assets: 2,
    });
    expect(JSON.parse(orders[0]?.checklist_json ?? '[]')).toEqual([
      { text: '检查灯具是否点亮', done: false },
      { text: '清洁灯罩', done: false },
    ]);
    expect(
      occurrenceRows(api, plan.id).map((r) => [r.occurrence, r.state, r.work_order_id]),
    ).toEqual(orders.map((o) => [o.occurrence, 'ordered', o.id]));
    expect(call(api, 'plans.get', { id: plan.id }).openOrders).toBe(2);
  });

  it('with no lead days orders only what is due today; without a crew the order is open', () => {
    const plan = buildingPlan(undefined, { leadDays: 0 });
    expect(generate('2026-01-04').created).toBe(0);
    expect(generate('2026-01-05').orders.map((o) => o.occurrence)).toEqual(['2026-01-05T08:00']);
    expect(planOrders(api, plan.id).map((o) => o.status)).toEqual(['open']);
  });
});

describe('idempotency', () => {
  it('running twice gives the same orders', () => {
    const plan = buildingPlan();
    const first = generate('2026-01-05');
    const before = planOrders(api, plan.id);
    expect(generate('2026-01-05')).toEqual({
      created: 0,
      overdue: 0,
      missed: 0,
      plans: 1,
      orders: [],
    });
    expect(generate('2026-01-06').created).toBe(0);
    expect(planOrders(api, plan.id)).toEqual(before);
    expect(first.created).toBe(2);
    // The next day that brings a new occurrence into the window adds exactly that one.
    expect(generate('2026-01-12').orders.map((o) => o.occurrence)).toEqual(['2026-01-19T08:00']);
  });

  it('a second connection to the same file makes no second order', () => {
    const plan = buildingPlan();
    const other = openCore(t.file, { validateResults: true, operator: '另一台电脑' });
    try {
      generate('2026-01-05');
      const again = other.dispatch('plans.generate', { today: '2026-01-05' });
      expect(again).toMatchObject({ ok: true, result: { created: 0 } });
    } finally {
      other.core.db.close();
    }
    expect(planOrders(api, plan.id)).toHaveLength(2);
  });
});

describe('catch-up after a gap', () => {
  it('60 days closed: the past occurrences are missed except the latest, ordered overdue', () => {
    const a = buildingPlan('A楼周检');
    const b = buildingPlan('A楼周检二', {
      start: '2026-01-06T14:00',
      recurrence: { kind: 'rrule', rule: 'FREQ=WEEKLY;BYDAY=TU' },
    });
    generate('2026-01-05');
    const result = generate('2026-03-06');
    // A: Jan 19 … Feb 23 missed (6), Mar 2 overdue, Mar 9 in the window. B (first run ordered
    // only Jan 6): Jan 13 … Feb 24 missed (7), Mar 3 overdue, Mar 10 in the window.
    expect(result).toMatchObject({ created: 4, overdue: 2, missed: 13, plans: 2 });
    const ordersA = planOrders(api, a.id);
    expect(ordersA.map((o) => o.due_date)).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-03-02',
      '2026-03-09',
    ]);
    const occA = occurrenceRows(api, a.id);
    expect(occA.filter((r) => r.state === 'missed').map((r) => r.due_date)).toEqual([
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
    ]);
    expect(occA.filter((r) => r.state === 'missed').every((r) => r.work_order_id === null)).toBe(
      true,
    );
    expect(planOrders(api, b.id).map((o) => o.due_date)).toEqual([
      '2026-01-06',
      '2026-03-03',
      '2026-03-10',
    ]);
    expect(generate('2026-03-06')).toMatchObject({ created: 0, missed: 0 });
    expect(countWhere(api, 'SELECT count(*) AS n FROM work_orders')).toBe(7);
    const audit = api.core.db
      .prepare<[string], { after_json: string; note: string }>(
        `SELECT after_json, note FROM audit_log WHERE entity = 'plan' AND entity_id = ? AND note IS NOT NULL ORDER BY rowid`,
      )
      .all(a.id);
    expect(audit.map((r) => r.note)).toEqual(['计划生成', '计划生成']);
    expect(JSON.parse(audit[1]?.after_json ?? '{}')).toMatchObject({
      overdue: 1,
      missed: occA.filter((r) => r.state === 'missed').map((r) => r.occurrence),
    });
  });

  it('a new plan whose start lies years back begins today', () => {
    const plan = buildingPlan('老计划', { start: '2020-01-06T08:00' });
    expect(generate('2026-01-07')).toMatchObject({ created: 1, overdue: 0, missed: 0 });
    expect(planOrders(api, plan.id).map((o) => o.occurrence)).toEqual(['2026-01-12T08:00']);
  });
});

describe('targets', () => {
  it('re-evaluates a filter at every run: new assets join, retired ones leave', () => {
    const plan = buildingPlan();
    generate('2026-01-05');
    const added = createAsset(api, fixtureInput('LED-201', { placeId: campus.room201.id }));
    createAsset(api, fixtureInput('LED-B01', { placeId: campus.roomB.id }));
    generate('2026-01-12');
    const first = api.core.db
      .prepare<[], { id: string }>(`SELECT id FROM assets WHERE code = 'LED-001'`)
      .get();
    call(api, 'assets.update', { id: first?.id ?? '', patch: { status: 'retired' } });
    generate('2026-01-19');
    expect(planOrders(api, plan.id).map((o) => o.assets)).toEqual([2, 2, 3, 2]);
    const last = planOrders(api, plan.id)[3];
    const ids = api.core.db
      .prepare<[string], { asset_id: string }>(
        `SELECT asset_id FROM work_order_assets WHERE work_order_id = ?`,
      )
      .all(last?.id ?? '')
      .map((r) => r.asset_id);
    expect(ids).toContain(added.id);
  });

  it('an empty target defers what is ahead and records what is past as missed, with no order', () => {
    const plan = createPlan(
      api,
      weeklyPlan('B楼巡检', { kind: 'filter', filter: { placeId: campus.green.id } }),
    );
    expect(generate('2026-01-05')).toMatchObject({ created: 0, missed: 0 });
    expect(occurrenceRows(api, plan.id)).toEqual([]);
    createAsset(api, fixtureInput('GR-001', { placeId: campus.green.id }));
    expect(generate('2026-01-06').orders.map((o) => o.occurrence)).toEqual(['2026-01-12T08:00']);
    call(api, 'assets.update', {
      id:
        api.core.db.prepare<[], { id: string }>(`SELECT id FROM assets WHERE code = 'GR-001'`).get()
          ?.id ?? '',
      patch: { status: 'retired' },
    });
    const result = generate('2026-02-04');
    // Jan 19 … Feb 2 are past: all missed, the latest too, since nothing is left to work on.
    expect(result).toMatchObject({ created: 0, overdue: 0, missed: 3 });
    expect(occurrenceRows(api, plan.id).map((r) => [r.due_date, r.state])).toEqual([
      ['2026-01-12', 'ordered'],
      ['2026-01-19', 'missed'],
      ['2026-01-26', 'missed'],
      ['2026-02-02', 'missed'],
    ]);
  });
});

describe('after-completion plans', () => {
  it('keeps one order at a time and counts N days from the local day of the completion', () => {
    const plan = createPlan(api, {
      name: '水泵保养',
      target: { kind: 'filter', filter: { placeId: campus.room.id } },
      recurrence: { kind: 'afterCompletion', days: 30 },
      start: '2026-01-10T09:00',
      timeZone: 'Asia/Shanghai',
      leadDays: 7,
    });
    expect(generate('2026-01-02').created).toBe(0);
    expect(generate('2026-01-03').orders.map((o) => o.occurrence)).toEqual(['2026-01-10T09:00']);
    expect(generate('2026-01-20')).toMatchObject({ created: 0, overdue: 0 });
    const [first] = planOrders(api, plan.id);
    // 17:00 UTC is already 01:00 on the 16th in Shanghai: the next is 30 days after the 16th.
    completeOrder(api, first?.id ?? '', '2026-01-15T17:00:00.000Z');
    expect(call(api, 'plans.get', { id: plan.id }).upcoming).toEqual(['2026-02-15T09:00']);
    expect(generate('2026-02-07').created).toBe(0);
    expect(generate('2026-02-08').orders.map((o) => o.occurrence)).toEqual(['2026-02-15T09:00']);
    // A cancelled order moves the schedule one interval on rather than stalling on it.
    cancelOrder(api, planOrders(api, plan.id)[1]?.id ?? '');
    expect(generate('2026-03-14').orders.map((o) => o.occurrence)).toEqual(['2026-03-17T09:00']);
    // Left undone past its day, the order is simply overdue: nothing is missed.
    expect(generate('2026-04-30')).toMatchObject({ created: 0, missed: 0 });
  });

  it('orders an overdue first occurrence once after a gap', () => {
    const plan = createPlan(api, {
      name: '水泵保养',
      target: { kind: 'filter', filter: { placeId: campus.room.id } },
      recurrence: { kind: 'afterCompletion', days: 10 },
      start: '2026-01-10T09:00',
      timeZone: 'Asia/Shanghai',
      leadDays: 0,
    });
    generate('2026-01-10');
    completeOrder(api, planOrders(api, plan.id)[0]?.id ?? '', '2026-01-10T03:00:00.000Z');
    expect(generate('2026-03-01')).toMatchObject({ created: 1, overdue: 1, missed: 0 });
    expect(planOrders(api, plan.id).map((o) => o.due_date)).toEqual(['2026-01-10', '2026-01-20']);
  });
});

describe('local days', () => {
  it('a plan at 23:30 local is due on that local day, whatever the UTC day', () => {
    const shanghai = buildingPlan('深夜巡检', {
      start: '2026-03-10T23:30',
      recurrence: { kind: 'rrule', rule: 'FREQ=DAILY' },
      leadDays: 0,
    });
    const newYork = buildingPlan('纽约分校', {
      start: '2026-03-10T23:30',
      recurrence: { kind: 'rrule', rule: 'FREQ=DAILY' },
      leadDays: 0,
      timeZone: 'America/New_York',
    });
    // 03:30 UTC on the 11th is 23:30 on the 10th in New York and 11:30 on the 11th in Shanghai.
    const result = generateDuePlans(
      { core: api.core, db: api.core.db, actor: '测试员' },
      new Date('2026-03-11T03:30:00Z'),
    );
    expect(result).toMatchObject({ created: 2, overdue: 0, missed: 0 });
    expect(planOrders(api, newYork.id).map((o) => [o.occurrence, o.due_date])).toEqual([
      ['2026-03-10T23:30', '2026-03-10'],
    ]);
    expect(planOrders(api, shanghai.id).map((o) => [o.occurrence, o.due_date])).toEqual([
      ['2026-03-11T23:30', '2026-03-11'],
    ]);
  });

  it('the app-start entry point generates every active plan and skips paused ones', () => {
    const active = buildingPlan('启用');
    const paused = buildingPlan('停用', { active: false });
    const result = generateDuePlans(ctxOf(api), '2026-01-05');
    expect(result.plans).toBe(1);
    expect(result.orders.every((o) => o.planId === active.id)).toBe(true);
    expect(generate('2026-01-05', paused.id)).toMatchObject({ plans: 0, created: 0 });
    expect(callError(api, 'plans.generate', { planId: 'ghost' }).code).toBe('NOT_FOUND');
  });

  it('a plan that fails is rolled back alone; the others are generated and the error is thrown', () => {
    const good = buildingPlan('正常');
    const broken = buildingPlan('损坏');
    // A rule that a later, stricter parser refuses, as if the database came from an older version.
    api.core.db.prepare(`UPDATE pm_plans SET rule = 'FREQ=HOURLY' WHERE id = ?`).run(broken.id);
    expect(() => generateDuePlans(ctxOf(api), '2026-01-05')).toThrow(/FREQ/);
    expect(planOrders(api, good.id)).toHaveLength(2);
    expect(occurrenceRows(api, broken.id)).toEqual([]);
  });
});

describe('deleting a plan', () => {
  it('keeps its orders, unlinked, and drops its occurrence records', () => {
    const plan = buildingPlan();
    const { orders } = generate('2026-01-05');
    call(api, 'plans.delete', { id: plan.id });
    expect(planOrders(api, null).map((o) => o.number)).toEqual(orders.map((o) => o.number));
    expect(planOrders(api, null).map((o) => o.occurrence)).toEqual([
      '2026-01-05T08:00',
      '2026-01-12T08:00',
    ]);
    expect(occurrenceRows(api, plan.id)).toEqual([]);
    expect(generate('2026-01-12')).toMatchObject({ plans: 0, created: 0 });
  });
});
