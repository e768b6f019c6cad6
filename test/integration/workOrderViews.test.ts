// The work-order views through the real dispatch table: the list (every filter and every sort
// against an independent computation over 300 generated orders, page by page, and the query plans
// of the common filters), the calendar, the today board, and the KPIs against hand-worked values.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { pageSql, orderWhere, type SortColumn } from '../../electron/services/workOrderQuery';
import { todayContext } from '../../electron/services/workOrdersStore';
import {
  priorities,
  workOrderSortColumns,
  workOrderTypes,
  type WorkOrderFilter,
  type WorkOrderRow,
} from '../../shared/contract/workOrders';
import {
  activeStatuses,
  workOrderStatuses,
  type WorkOrderStatus,
} from '../../shared/domain/workOrderTransitions';
import { call, callError, issuePaths } from '../support/api';
import { createCampus, fixtureInput, type Campus } from '../support/assets';
import {
  addDays,
  createCrew,
  createOrder,
  createRequest,
  insertOccurrence,
  insertPlan,
  setOrder,
  todayIn,
  walkTo,
} from '../support/maintenance';
import { prng } from '../support/prng';
import { openTempApi, type TempApi } from '../support/tempDb';

interface Raw {
  id: string;
  number: string;
  title: string;
  description: string;
  status: WorkOrderStatus;
  type: string;
  priority: string;
  crew_id: string | null;
  place_id: string | null;
  due_date: string | null;
  reported_at: string;
  plan_id: string | null;
}

const utf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe('the list', () => {
  let t: TempApi;
  let api: Api;
  let campus: Campus;
  let raws: Raw[];
  const crewNames = new Map<string, string>();
  const labels = new Map<string, string>();
  const parents = new Map<string, string | null>();
  const assetsOf = new Map<string, Set<string>>();
  let planId: string;
  let fixtures: string[];

  beforeAll(() => {
    t = openTempApi();
    api = t.api;
    campus = createCampus(api);
    const rng = prng(20_26);
    const crews = ['电工班', '水工班', 'A组'].map((name) => createCrew(api, name));
    for (const c of crews) crewNames.set(c.id, c.name);
    fixtures = [1, 2, 3, 4, 5, 6].map(
      (i) => call(api, 'assets.create', fixtureInput(`FX-${i}`, { placeId: campus.room.id })).id,
    );
    planId = insertPlan(api, '月度巡检');
    const places = Object.values(campus);
    const words = [
      '更换灯管',
      '管道漏水',
      '喷头损坏',
      '配电箱检修',
      'LED Panel',
      '完成100%',
      'a_b',
    ];
    const today = todayIn();
    for (let i = 0; i < 300; i += 1) {
      const order = createOrder(api, {
        type: rng.pick(workOrderTypes),
        title: `${rng.pick(words)} ${i}`,
        description: rng.chance(0.5) ? `${rng.pick(words)}，${rng.pick(words).toLowerCase()}` : '',
        placeId: rng.chance(0.85) ? rng.pick(places).id : null,
        crewId: rng.chance(0.7) ? rng.pick(crews).id : null,
        priority: rng.pick(priorities),
        dueDate: rng.chance(0.85) ? addDays(today, rng.int(-40, 40)) : null,
        assetIds: fixtures.filter(() => rng.chance(0.2)),
      });
      setOrder(api, order.id, {
        status: rng.pick(workOrderStatuses),
        reported_at: new Date(Date.UTC(2026, 0, 1) + rng.int(0, 1e10)).toISOString(),
        plan_id: rng.chance(0.2) ? planId : null,
      });
    }
    raws = api.core.db
      .prepare(
        `SELECT id, number, title, description, status, type, priority, crew_id, place_id,
                due_date, reported_at, plan_id FROM work_orders`,
      )
      .all() as Raw[];
    for (const row of api.core.db
      .prepare('SELECT work_order_id AS o, asset_id AS a FROM work_order_assets')
      .all() as { o: string; a: string }[]) {
      assetsOf.set(row.o, (assetsOf.get(row.o) ?? new Set()).add(row.a));
    }
    // "Building › Floor › Room": the ancestors that are buildings or floors, at most two.
    const byId = new Map(places.map((p) => [p.id, p]));
    for (const p of places) {
      parents.set(p.id, p.parentId);
      const up = [p.parentId, byId.get(p.parentId ?? '')?.parentId]
        .map((id) => byId.get(id ?? ''))
        .filter((x) => x && (x.kind === 'building' || x.kind === 'floor'));
      labels.set(p.id, [...up.reverse().map((x) => x?.name), p.name].join(' › '));
    }
  });

  afterAll(() => t.cleanup());

  const inSubtree = (placeId: string | null, root: string): boolean => {
    for (let at = placeId; at; at = parents.get(at) ?? null) if (at === root) return true;
    return false;
  };
  const isOverdue = (r: Raw) =>
    r.due_date !== null && activeStatuses.includes(r.status) && r.due_date < todayIn();

  function expected(filter: WorkOrderFilter): Raw[] {
    const q = filter.q?.trim().toLowerCase();
    return raws.filter(
      (r) =>
        (!q || [r.number, r.title, r.description].some((s) => s.toLowerCase().includes(q))) &&
        (!filter.statuses || filter.statuses.includes(r.status)) &&
        (!filter.types || filter.types.includes(r.type as never)) &&
        (!filter.crewId || r.crew_id === filter.crewId) &&
        (!filter.placeId || inSubtree(r.place_id, filter.placeId)) &&
        (!filter.dueFrom || (r.due_date !== null && r.due_date >= filter.dueFrom)) &&
        (!filter.dueTo || (r.due_date !== null && r.due_date <= filter.dueTo)) &&
        (filter.overdue === undefined || isOverdue(r) === filter.overdue) &&
        (!filter.planId || r.plan_id === filter.planId) &&
        (!filter.assetId || (assetsOf.get(r.id)?.has(filter.assetId) ?? false)),
    );
  }

  const rank = (list: readonly string[]) => (v: string) => list.indexOf(v);
  const keyOf: Record<SortColumn, (r: Raw) => string | number | null> = {
    number: (r) => r.number,
    title: (r) => r.title,
    status: (r) => rank(workOrderStatuses)(r.status),
    priority: (r) => rank(priorities)(r.priority),
    dueDate: (r) => r.due_date,
    crewName: (r) => (r.crew_id ? (crewNames.get(r.crew_id) ?? null) : null),
    placePath: (r) => (r.place_id ? (labels.get(r.place_id) ?? null) : null),
    reportedAt: (r) => r.reported_at,
    type: (r) => rank(workOrderTypes)(r.type),
  };

  function sorted(rows: Raw[], column: SortColumn, direction: 'asc' | 'desc'): string[] {
    const sign = direction === 'asc' ? 1 : -1;
    const cmp = (a: string | number | null, b: string | number | null): number => {
      if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
      const c = typeof a === 'number' ? a - (b as number) : utf8(a, String(b));
      return sign * Math.sign(c);
    };
    return [...rows]
      .sort((x, y) => cmp(keyOf[column](x), keyOf[column](y)) || sign * utf8(x.id, y.id))
      .map((r) => r.id);
  }

  function listAll(filter: WorkOrderFilter, column: SortColumn, direction: 'asc' | 'desc') {
    const ids: string[] = [];
    const rows: WorkOrderRow[] = [];
    for (let offset = 0; offset < 1000; offset += 41) {
      const page = call(api, 'workOrders.query', {
        filter,
        sort: { column, direction },
        offset,
        limit: 41,
      });
      expect(page.total).toBe(expected(filter).length);
      rows.push(...page.items);
      ids.push(...page.items.map((r) => r.id));
      if (page.items.length < 41) break;
    }
    return { ids, rows };
  }

  it('sorts on every column both ways, NULLs last, ties by id, page after page', () => {
    for (const column of workOrderSortColumns) {
      for (const direction of ['asc', 'desc'] as const) {
        expect(listAll({}, column, direction).ids, `${column} ${direction}`).toEqual(
          sorted(raws, column, direction),
        );
      }
    }
  });

  it('each row carries its crew, place label, asset count and overdue flag', () => {
    const { rows } = listAll({}, 'number', 'asc');
    const byId = new Map(raws.map((r) => [r.id, r]));
    for (const row of rows) {
      const raw = byId.get(row.id) as Raw;
      expect(row.crewName).toBe(keyOf.crewName(raw));
      expect(row.placePath).toBe(keyOf.placePath(raw) ?? '');
      expect(row.assetCount).toBe(assetsOf.get(row.id)?.size ?? 0);
      expect(row.overdue).toBe(isOverdue(raw));
    }
  });

  it('filters by text, status, type, crew, place subtree, due dates, overdue, plan and asset', () => {
    const today = todayIn();
    const crewId = [...crewNames.keys()][1] ?? '';
    const filters: WorkOrderFilter[] = [
      { q: '漏水' },
      { q: '更换灯管' },
      { q: 'led' },
      { q: '灯' },
      { q: ' PANEL ' },
      { q: '%' },
      { q: '_' },
      { q: '0%' },
      { q: raws[7]?.number.slice(-6) ?? '' },
      { q: '没有这个词' },
      { statuses: ['open', 'assigned'] },
      { statuses: [...activeStatuses] },
      { types: ['preventive', 'inspection'] },
      { crewId },
      { placeId: campus.building.id },
      { placeId: campus.room.id },
      { dueFrom: addDays(today, -5), dueTo: addDays(today, 5) },
      { dueTo: today },
      { overdue: true },
      { overdue: false },
      { planId },
      { assetId: fixtures[2] ?? '' },
      { statuses: [...activeStatuses], crewId, dueTo: addDays(today, 10), q: '管' },
    ];
    for (const filter of filters) {
      const want = expected(filter);
      expect(want.length, JSON.stringify(filter)).toBeLessThan(raws.length);
      if (filter.q !== '没有这个词') expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      for (const column of ['dueDate', 'priority'] as const) {
        expect(listAll(filter, column, 'asc').ids, JSON.stringify(filter)).toEqual(
          sorted(want, column, 'asc'),
        );
      }
    }
  });

  it('serves the common filters and every sort from the list indexes, never the table', () => {
    const db = api.core.db;
    const today = todayContext(db);
    const crewId = [...crewNames.keys()][0] ?? '';
    const plans = (filter: WorkOrderFilter, column: SortColumn = 'dueDate') => {
      const where = orderWhere(filter);
      const params = { ...where.params, ...today, limit: 100, offset: 0 };
      const sort = { column, direction: 'asc' as const };
      return [`SELECT count(*) FROM work_orders w ${where.sql}`, pageSql(where, sort)].map((sql) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
          .map((r) => r.detail)
          .join(' | '),
      );
    };
    const cases: [WorkOrderFilter, string][] = [
      [{ statuses: ['open', 'assigned'] }, 'work_orders_list_status'],
      [{ crewId }, 'work_orders_list_crew'],
      [{ crewId, statuses: ['in_progress'] }, 'work_orders_list_crew'],
      [{ dueFrom: '2026-01-01', dueTo: '2026-02-01' }, 'work_orders_list_due'],
      [{ overdue: true }, 'work_orders_list_status'],
    ];
    for (const [filter, index] of cases) {
      for (const plan of plans(filter)) {
        expect(plan, JSON.stringify(filter)).toContain(`USING COVERING INDEX ${index}`);
      }
    }
    for (const column of [
      'dueDate',
      'number',
      'title',
      'status',
      'priority',
      'reportedAt',
      'type',
    ] as const) {
      const [, page] = plans({}, column);
      expect(page, column).not.toContain('TEMP B-TREE');
      expect(page, column).toMatch(/USING (COVERING )?INDEX/);
    }
  });
});

describe('calendar, board and indicators', () => {
  let t: TempApi;
  let api: Api;

  beforeEach(() => {
    t = openTempApi();
    api = t.api;
  });

  afterEach(() => t.cleanup());

  it('counts and lists due work per day, at most 50 a day, within 62 days', () => {
    const today = todayIn();
    const crew = createCrew(api);
    const day = addDays(today, 2);
    for (let i = 0; i < 55; i += 1) {
      createOrder(api, { dueDate: day, priority: i % 2 ? 'low' : 'urgent', title: `批量 ${i}` });
    }
    const late = createOrder(api, { dueDate: addDays(today, -1), crewId: crew.id });
    walkTo(api, createOrder(api, { dueDate: today }), 'completed', crew.id);
    walkTo(api, createOrder(api, { dueDate: today }), 'cancelled');
    const cal = call(api, 'workOrders.calendar', {
      from: addDays(today, -1),
      to: addDays(today, 3),
    });
    expect(cal.days.map((d) => [d.date, d.total, d.overdue, d.items.length])).toEqual([
      [addDays(today, -1), 1, 1, 1],
      [today, 0, 0, 0],
      [addDays(today, 1), 0, 0, 0],
      [day, 55, 0, 50],
      [addDays(today, 3), 0, 0, 0],
    ]);
    const items = cal.days[3]?.items ?? [];
    const ranks = items.map((r) => priorities.indexOf(r.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(items.slice(0, 28).every((r) => r.priority === 'urgent')).toBe(true);
    const numbers = items.filter((r) => r.priority === 'urgent').map((r) => r.number);
    expect(numbers).toEqual([...numbers].sort());
    const done = call(api, 'workOrders.calendar', { from: today, to: today, includeDone: true });
    expect(done.days[0]?.total).toBe(1);
    const mine = call(api, 'workOrders.calendar', {
      from: addDays(today, -1),
      to: addDays(today, 3),
      crewId: crew.id,
    });
    expect(mine.days.flatMap((d) => d.items.map((r) => r.id))).toEqual([late.id]);
    const long = callError(api, 'workOrders.calendar', { from: today, to: addDays(today, 62) });
    expect([long.code, issuePaths(long)]).toEqual(['VALIDATION', ['to']]);
    expect(
      call(api, 'workOrders.calendar', { from: today, to: addDays(today, 61) }).days,
    ).toHaveLength(62);
    expect(
      issuePaths(callError(api, 'workOrders.calendar', { from: today, to: addDays(today, -1) })),
    ).toEqual(['to']);
  });

  it('boards each active crew’s work due by the day, overdue first, and the unassigned', () => {
    const today = todayIn();
    const a = createCrew(api, '电工班');
    const b = createCrew(api, '水工班', { trade: 'plumber' });
    const gone = createCrew(api, '旧班组');
    const soon = createOrder(api, { crewId: a.id, dueDate: today, priority: 'urgent' });
    const late = createOrder(api, { crewId: a.id, dueDate: addDays(today, -3), priority: 'low' });
    const undated = createOrder(api, { crewId: a.id, priority: 'high' });
    createOrder(api, { crewId: a.id, dueDate: addDays(today, 1) });
    walkTo(api, createOrder(api, { crewId: a.id, dueDate: today }), 'completed');
    const orphan = createOrder(api, { crewId: gone.id, dueDate: today });
    call(api, 'crews.update', { id: gone.id, patch: { active: false } });
    const open = createOrder(api, { dueDate: addDays(today, -1) });
    const board = call(api, 'workOrders.board', {});
    expect(board.date).toBe(today);
    expect(board.crews.map((c) => [c.crewName, c.items.map((r) => r.id)])).toEqual([
      [null, [open.id]],
      ['旧班组', [orphan.id]],
      ['水工班', []],
      ['电工班', [late.id, soon.id, undated.id]],
    ]);
    expect(b.id).toBeTruthy();
    const tomorrow = call(api, 'workOrders.board', { date: addDays(today, 1) });
    expect(tomorrow.crews.find((c) => c.crewId === a.id)?.items).toHaveLength(4);
  });

  it('computes the indicators by hand-worked values', () => {
    const empty = call(api, 'workOrders.kpis', {});
    expect(empty).toMatchObject({ open: 0, mttrHours: null, pmCompliance: null, pmDue: 0 });
    const now = Date.now();
    const ago = (hours: number) => new Date(now - hours * 3_600_000).toISOString();
    const today = todayIn();
    const order = (extra: Parameters<typeof createOrder>[1] = {}) => createOrder(api, extra).id;
    // MTTR: two corrective repairs of 10 h and 30 h; a year-old one and a preventive do not count.
    for (const [reported, completed, type] of [
      [50, 40, 'corrective'],
      [100, 70, 'corrective'],
      [9_700, 9_650, 'corrective'],
      [20, 10, 'preventive'],
    ] as const) {
      setOrder(api, order({ type }), {
        status: 'closed',
        reported_at: ago(reported),
        completed_at: ago(completed),
      });
    }
    // Backlog ages 2, 7.5, 8, 45 and 100 days; one of them overdue.
    for (const days of [2, 7.5, 8, 45, 100]) {
      setOrder(api, order({ dueDate: days === 45 ? addDays(today, -1) : null }), {
        reported_at: ago(days * 24),
      });
    }
    // PM: on time (23:30 local on the due day), late (00:30 the day after), missed, still open;
    // due today and due 13 months ago are outside the window.
    const plan = insertPlan(api, '月度巡检');
    const due = (n: number) => addDays(today, -n);
    const pm = (n: number, completedAt: string | null) => {
      const id = order({ type: 'preventive' });
      setOrder(api, id, completedAt ? { status: 'closed', completed_at: completedAt } : {});
      insertOccurrence(api, plan, due(n), 'ordered', id);
    };
    pm(10, `${due(10)}T15:30:00.000Z`);
    pm(20, `${due(20)}T16:30:00.000Z`);
    insertOccurrence(api, plan, due(30), 'missed', null);
    pm(40, null);
    pm(0, ago(1));
    insertOccurrence(api, plan, due(400), 'missed', null);
    const site = call(api, 'places.create', { kind: 'site', parentId: null, name: '校区' });
    call(api, 'requests.convert', { id: createRequest(api, { placeId: site.id }).id });
    createRequest(api, { placeId: site.id });
    const kpis = call(api, 'workOrders.kpis', {});
    // Active: the five of the backlog, the open PM order and the converted request (both new).
    expect(kpis).toMatchObject({
      open: 7,
      overdue: 1,
      completedLast12Months: 6,
      pmDue: 4,
      pmOnTime: 1,
      pmCompliance: 0.25,
      requestsNew: 1,
      backlog: [
        { bucket: '0-7', count: 4 },
        { bucket: '8-30', count: 1 },
        { bucket: '31-90', count: 1 },
        { bucket: '90+', count: 1 },
      ],
    });
    expect(kpis.mttrHours).toBeCloseTo(20, 6);
  });
});
