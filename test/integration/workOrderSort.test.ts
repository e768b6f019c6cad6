// Sorting the work-order list by crew and by place while what those sorts read changes: a crew
// renamed, places renamed and moved, orders given another crew or place. Every list is paged
// through the dispatch and compared with an independent sort of a model read through the API; the
// ways a page can be found (as SQLite plans it, sorting the matches, walking the sort's index
// reading rows, walking it against a set of the matches or of the orders left out) give the same
// pages on every sort; the sort keys of migration 0090 are filled for orders older than it; and
// the crew and place sorts, and every walk, read an index in order (EXPLAIN QUERY PLAN).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { PLACE_LABEL } from '../../electron/services/assetsStore';
import {
  orderWhere,
  pageSql,
  pageWhere,
  type PageWay,
  type SortColumn,
} from '../../electron/services/workOrderQuery';
import { todayContext } from '../../electron/services/workOrdersStore';
import { migrate } from '../../electron/store/migrate';
import { migrations } from '../../electron/store/migrations';
import { openDatabase } from '../../electron/store/open';
import {
  priorities,
  workOrderSortColumns,
  workOrderTypes,
  type WorkOrderFilter,
} from '../../shared/contract/workOrders';
import { workOrderStatuses } from '../../shared/domain/workOrderTransitions';
import { call } from '../support/api';
import { createCampus, type Campus } from '../support/assets';
import { createCrew, createOrder, insertPlan, setOrder, walkTo } from '../support/maintenance';
import { prng } from '../support/prng';
import { openTempApi, tempDir, type TempApi } from '../support/tempDb';

const utf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

interface Raw {
  id: string;
  number: string;
  title: string;
  status: string;
  type: string;
  priority: string;
  crew_id: string | null;
  place_id: string | null;
  due_date: string | null;
  reported_at: string;
  plan_id: string | null;
}

type Key = string | number | null;

describe('sorting by crew and by place', () => {
  let t: TempApi;
  let api: Api;
  let campus: Campus;
  const crewIds: string[] = [];
  let placeIds: string[];
  let planId: string;

  beforeAll(() => {
    t = openTempApi();
    api = t.api;
    campus = createCampus(api);
    // A third building whose floors and rooms sort between and around the others' labels.
    const place = (kind: 'building' | 'floor' | 'room', parentId: string, name: string) =>
      call(api, 'places.create', { kind, parentId, name }).id;
    const library = place('building', campus.site.id, 'Library');
    const ground = place('floor', library, 'G');
    const upstairs = place('floor', library, '二层');
    const extra = [
      library,
      ground,
      upstairs,
      place('room', ground, '阅览室'),
      place('room', ground, 'Archive'),
      place('room', upstairs, '自习室'),
    ];
    placeIds = [...Object.values(campus).map((p) => p.id), ...extra];
    for (const name of ['电工班', '水工班', 'A组', 'a组']) crewIds.push(createCrew(api, name).id);
    // No index serves a plan's orders: SQLite walks a sort's index for them, reading every row.
    planId = insertPlan(api, '月度巡检');
    const rng = prng(20_261_129);
    for (let i = 0; i < 160; i += 1) {
      const order = createOrder(api, {
        type: rng.pick(workOrderTypes),
        title: `${rng.pick(['漏水', '更换灯管', 'LED Panel', '喷头'])} ${i}`,
        priority: rng.pick(priorities),
        crewId: rng.chance(0.8) ? rng.pick(crewIds) : null,
        placeId: rng.chance(0.85) ? rng.pick(placeIds) : null,
      });
      if (rng.chance(0.6)) setOrder(api, order.id, { status: rng.pick(workOrderStatuses) });
      if (i % 15 === 0) setOrder(api, order.id, { plan_id: planId });
    }
  });

  afterAll(() => t.cleanup());

  /** Crew names from crews.list; labels from places.get's path, as PLACE_LABEL reads the tree. */
  function model() {
    const crews = new Map(
      call(api, 'crews.list', { includeInactive: true }).items.map((c) => [c.id, c.name]),
    );
    const labels = new Map<string, string>();
    const parents = new Map<string, string | null>();
    for (const id of placeIds) {
      const { place, path } = call(api, 'places.get', { id });
      parents.set(id, place.parentId);
      // path runs root first and ends with the place: its parent and grandparent precede it.
      const named = [path[path.length - 3], path[path.length - 2]]
        .filter((p) => p && (p.kind === 'building' || p.kind === 'floor'))
        .map((p) => p?.name);
      labels.set(id, [...named, place.name].join(' › '));
    }
    const orders = api.core.db
      .prepare(
        `SELECT id, number, title, status, type, priority, crew_id, place_id, due_date, reported_at,
                plan_id FROM work_orders`,
      )
      .all() as Raw[];
    const rank = (list: readonly string[], v: string) => list.indexOf(v);
    const keyOf: Record<SortColumn, (r: Raw) => Key> = {
      number: (r) => r.number,
      title: (r) => r.title,
      status: (r) => rank(workOrderStatuses, r.status),
      priority: (r) => rank(priorities, r.priority),
      dueDate: (r) => r.due_date,
      crewName: (r) => (r.crew_id ? (crews.get(r.crew_id) ?? null) : null),
      placePath: (r) => (r.place_id ? (labels.get(r.place_id) ?? null) : null),
      reportedAt: (r) => r.reported_at,
      type: (r) => rank(workOrderTypes, r.type),
    };
    const inSubtree = (placeId: string | null, root: string) => {
      for (let at = placeId; at; at = parents.get(at) ?? null) if (at === root) return true;
      return false;
    };
    const matches = (filter: WorkOrderFilter) =>
      orders.filter(
        (r) =>
          (!filter.statuses || filter.statuses.includes(r.status as never)) &&
          (!filter.types || filter.types.includes(r.type as never)) &&
          (!filter.crewId || r.crew_id === filter.crewId) &&
          (!filter.placeId || inSubtree(r.place_id, filter.placeId)) &&
          (!filter.planId || r.plan_id === filter.planId) &&
          (!filter.q || r.title.includes(filter.q)),
      );
    /** Ids in list order: the key (UTF-8 order for text), NULLs last either way, then the id. */
    const sorted = (
      filter: WorkOrderFilter,
      column: SortColumn,
      direction: 'asc' | 'desc',
    ): string[] => {
      const sign = direction === 'asc' ? 1 : -1;
      const cmp = (a: Key, b: Key): number => {
        if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
        const c = typeof a === 'number' ? a - (b as number) : utf8(a, String(b));
        return sign * Math.sign(c);
      };
      return matches(filter)
        .sort((x, y) => cmp(keyOf[column](x), keyOf[column](y)) || sign * utf8(x.id, y.id))
        .map((r) => r.id);
    };
    return { keyOf, sorted, orders };
  }

  function listAll(
    filter: WorkOrderFilter,
    column: SortColumn,
    direction: 'asc' | 'desc',
    limit = 37,
  ) {
    const ids: string[] = [];
    const rows: { id: string; crewName: string | null; placePath: string }[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = call(api, 'workOrders.query', {
        filter,
        sort: { column, direction },
        offset,
        limit,
      });
      ids.push(...page.items.map((r) => r.id));
      rows.push(...page.items);
      if (page.items.length < limit) {
        expect(page.total).toBe(ids.length);
        return { ids, rows };
      }
    }
  }

  /** Both sorts both ways through the API, each row's own crew and label, and the stored keys. */
  function expectSortsRight(step: string) {
    const m = model();
    for (const column of ['crewName', 'placePath'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const { ids, rows } = listAll({}, column, direction);
        expect(ids, `${step}: ${column} ${direction}`).toEqual(m.sorted({}, column, direction));
        const byId = new Map(m.orders.map((r) => [r.id, r]));
        for (const row of rows) {
          const raw = byId.get(row.id) as Raw;
          expect(row.crewName, step).toBe(m.keyOf.crewName(raw));
          expect(row.placePath, step).toBe(m.keyOf.placePath(raw) ?? '');
        }
      }
    }
    const stale = api.core.db
      .prepare(
        `SELECT w.number FROM work_orders w
         LEFT JOIN crews c ON c.id = w.crew_id
         LEFT JOIN places p1 ON p1.id = w.place_id
         LEFT JOIN places p2 ON p2.id = p1.parent_id
         LEFT JOIN places p3 ON p3.id = p2.parent_id
         WHERE w.crew_sort IS NOT c.name OR w.place_sort IS NOT ${PLACE_LABEL}`,
      )
      .pluck()
      .all();
    expect(stale, step).toEqual([]);
  }

  it('sorts right as created', () => {
    expectSortsRight('created');
  });

  it('follows a crew renamed', () => {
    call(api, 'crews.update', { id: crewIds[0] ?? '', patch: { name: 'Z组' } });
    expectSortsRight('crew renamed');
    call(api, 'crews.update', { id: crewIds[2] ?? '', patch: { name: '安装组' } });
    expectSortsRight('second crew renamed');
  });

  it('follows places renamed: a building, a floor, a room, a site', () => {
    call(api, 'places.update', { id: campus.building.id, patch: { name: '综合楼' } });
    expectSortsRight('building renamed');
    call(api, 'places.update', { id: campus.floor.id, patch: { name: 'B1' } });
    expectSortsRight('floor renamed');
    call(api, 'places.update', { id: campus.room.id, patch: { name: '报告厅' } });
    expectSortsRight('room renamed');
    call(api, 'places.update', { id: campus.site.id, patch: { name: '新校区' } });
    expectSortsRight('site renamed');
  });

  it('follows places moved: a room to another building, a floor with its rooms', () => {
    call(api, 'places.move', { id: campus.room.id, parentId: campus.floorB.id });
    expectSortsRight('room moved');
    call(api, 'places.move', { id: campus.floor2.id, parentId: campus.building2.id });
    expectSortsRight('floor moved');
  });

  it('follows an order given another crew or place, or none', () => {
    const [a, b, c, d] = model().orders.filter((r) => r.status === 'open');
    call(api, 'workOrders.update', {
      id: a?.id ?? '',
      patch: { crewId: crewIds[3] ?? null, placeId: campus.green.id },
    });
    call(api, 'workOrders.update', { id: b?.id ?? '', patch: { crewId: null, placeId: null } });
    expectSortsRight('orders updated');
    // Assigning on a transition sets the crew in workOrderTransition's own statement.
    const open = createOrder(api, { placeId: campus.roomB.id });
    walkTo(api, open, 'assigned', crewIds[1]);
    // Direct writes too: the keys follow whatever sets the columns.
    setOrder(api, c?.id ?? '', { crew_id: crewIds[2], place_id: campus.room201.id });
    setOrder(api, d?.id ?? '', { crew_sort: 'wrong', place_sort: null });
    expectSortsRight('orders assigned and written directly');
  });

  it('finds the same pages every way, on every sort, for filters small and large', () => {
    const db = api.core.db;
    const m = model();
    const today = todayContext(db);
    const filters: WorkOrderFilter[] = [
      {},
      { statuses: ['open', 'closed', 'cancelled'] },
      { types: ['corrective'] },
      { crewId: crewIds[1] ?? '' },
      { placeId: campus.site.id },
      { placeId: campus.building2.id, statuses: ['open'] },
      { q: '漏水' },
      { statuses: workOrderStatuses.filter((s) => s !== 'verified') },
      { statuses: ['closed', 'open', 'completed'], types: ['corrective', 'inspection'] },
      { planId },
    ];
    // Each way, and the set of the orders a filter of statuses and types leaves out.
    const ways: [PageWay, boolean][] = [
      ['filter', false],
      ['sort', false],
      ['walk', false],
      ['set', false],
      ['set', true],
    ];
    for (const filter of filters) {
      expect(m.sorted(filter, 'number', 'asc').length, JSON.stringify(filter)).toBeGreaterThan(0);
      const params = { ...orderWhere(filter).params, ...today };
      for (const column of workOrderSortColumns) {
        for (const direction of ['asc', 'desc'] as const) {
          const want = m.sorted(filter, column, direction);
          // Through the dispatch, which picks a way per page from the total and the offset: short
          // pages, so that most orders matching is most of a page's worst case (a walk).
          expect(listAll(filter, column, direction, 8).ids, JSON.stringify(filter)).toEqual(want);
          for (const [way, outside] of ways) {
            const sql = pageSql(pageWhere(filter, way, outside), { column, direction });
            for (const offset of [0, 25, want.length - 3]) {
              const rowids = db
                .prepare(sql)
                .pluck()
                .all({ ...params, limit: 25, offset: Math.max(0, offset) }) as number[];
              const ids = rowids.map(
                (r) =>
                  db.prepare('SELECT id FROM work_orders WHERE rowid = ?').pluck().get(r) as string,
              );
              expect(
                ids,
                `${JSON.stringify(filter)} ${column} ${direction} ${way} ${outside} @${offset}`,
              ).toEqual(want.slice(Math.max(0, offset), Math.max(0, offset) + 25));
            }
          }
        }
      }
    }
  });

  it('reads crew and place sorts from their indexes in order, unfiltered and when walking', () => {
    const db = api.core.db;
    const today = todayContext(db);
    const plan = (
      filter: WorkOrderFilter,
      way: PageWay,
      column: SortColumn,
      dir: 'asc' | 'desc',
      outside = false,
    ) =>
      (
        db
          .prepare(
            `EXPLAIN QUERY PLAN ${pageSql(pageWhere(filter, way, outside), { column, direction: dir })}`,
          )
          .all({ ...orderWhere(filter).params, ...today, limit: 100, offset: 0 }) as {
          detail: string;
        }[]
      )
        .map((r) => r.detail)
        .join(' | ');
    const indexes = {
      crewName: 'work_orders_list_crew_sort',
      placePath: 'work_orders_list_place_sort',
    };
    for (const [column, index] of Object.entries(indexes) as [SortColumn, string][]) {
      for (const dir of ['asc', 'desc'] as const) {
        const unfiltered = plan({}, 'filter', column, dir);
        expect(unfiltered, `${column} ${dir}`).toContain(`SCAN w USING COVERING INDEX ${index}`);
        expect(unfiltered, `${column} ${dir}`).not.toContain('TEMP B-TREE');
      }
    }
    // Walking, any filter is tested along the sort's index rather than sorted afterwards.
    const walks: [WorkOrderFilter, boolean][] = [
      [{ statuses: ['closed'], placeId: campus.site.id, q: '漏水' }, false],
      [{ statuses: ['closed', 'cancelled'], types: ['corrective'] }, true],
    ];
    for (const [filter, outside] of walks) {
      for (const column of workOrderSortColumns) {
        for (const way of ['walk', 'set'] as const) {
          for (const dir of ['asc', 'desc'] as const) {
            const walked = plan(filter, way, column, dir, outside);
            const what = `${JSON.stringify(filter)} ${column} ${way} ${dir}`;
            expect(walked, what).toMatch(/^SCAN w USING (COVERING )?INDEX /);
            expect(walked, what).not.toContain('TEMP B-TREE FOR ORDER BY');
          }
        }
      }
    }
  });

  it('answers a page at or past the end with no rows and the total', () => {
    const total = call(api, 'workOrders.query', { filter: {}, limit: 1 }).total;
    for (const offset of [total, total + 500]) {
      expect(
        call(api, 'workOrders.query', {
          filter: {},
          sort: { column: 'placePath', direction: 'asc' },
          offset,
        }),
      ).toEqual({ items: [], total });
    }
  });
});

describe('migration 0090', () => {
  it('fills the sort keys of orders that existed before it', () => {
    const tmp = tempDir();
    try {
      const file = tmp.file();
      const old = openDatabase(file, { migrate: false });
      migrate(old, migrations, 80);
      const now = '2026-01-01T00:00:00.000Z';
      const place = old.prepare(
        `INSERT INTO places (id, kind, parent_id, name, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      place.run('s', 'site', null, '老校区', now, now);
      place.run('b', 'building', 's', '图书馆', now, now);
      place.run('f', 'floor', 'b', '2层', now, now);
      place.run('r', 'room', 'f', '阅览室', now, now);
      place.run('a', 'area', 's', '操场', now, now);
      old
        .prepare(
          `INSERT INTO crews (id, name, trade, created_at, updated_at)
           VALUES ('c', '水工班', 'plumber', ?, ?)`,
        )
        .run(now, now);
      const order = old.prepare(
        `INSERT INTO work_orders (id, number, type, title, priority, place_id, crew_id,
           reported_at, created_by, created_at, updated_at)
         VALUES (?, ?, 'corrective', '漏水', 'normal', ?, ?, ?, 't', ?, ?)`,
      );
      const cases = [
        ['o1', 'r', 'c', '图书馆 › 2层 › 阅览室', '水工班'],
        ['o2', 'f', null, '图书馆 › 2层', null],
        ['o3', 'b', 'c', '图书馆', '水工班'],
        ['o4', 'a', null, '操场', null],
        ['o5', 's', null, '老校区', null],
        ['o6', null, 'c', null, '水工班'],
      ] as const;
      cases.forEach(([id, placeId, crewId], i) =>
        order.run(id, `WO-2026-0000${i + 1}`, placeId, crewId, now, now, now),
      );
      old.close();
      const db = openDatabase(file);
      try {
        expect(
          db.prepare('SELECT id, place_sort, crew_sort FROM work_orders ORDER BY id').raw().all(),
        ).toEqual(cases.map(([id, , , label, crew]) => [id, label, crew]));
      } finally {
        db.close();
      }
    } finally {
      tmp.cleanup();
    }
  });
});
