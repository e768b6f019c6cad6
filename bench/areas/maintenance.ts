// Area `maintenance`: on the demo's five years of work orders at --scale, (a) generating a year of
// orders for every plan at once — copies of the demo's plans with no occurrences yet and lead days
// covering a year, so one generation run orders the whole year — against the bare insert rate of
// the `sqlite` area, and (b) listing and filtering at least 50,000 orders through api.dispatch
// ('workOrders.query'), against the fixed 20 ms of the issue.
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';
import { generateDemo } from '../../electron/demo';
import { createRng, type Rng } from '../../electron/demo/random';
import { generateDuePlans } from '../../electron/services/planGenerate';
import { newId } from '../../electron/store/tx';
import { workOrderSortColumns, type WorkOrderFilter } from '../../shared/contract/workOrders';
import { call, pick } from '../lib/api';
import { latencyResults } from '../lib/stats';
import { removeDbFiles } from '../lib/tempdb';
import { sample, timed } from '../lib/timing';
import type { Area, Ctx, Result } from '../lib/types';
import { sqliteLimits } from './sqlite';

const SEED = 20261129;
/** The size the issue asks the list to stay fast at. */
const ORDERS = 50_000;
/** The limit for one page of the list; a fixed figure, not measured here. */
const QUERY_LIMIT_MS = 20;
const QUERY_LIMIT_OF = 'fixed 20 ms of the issue, not measured';
/** Per family of filters; together a few hundred calls, each with its own drawn sort and offset. */
const QUERIES = { warmup: 10, iterations: 60 };
/** Rows one generation writes to, to count what it wrote. */
const WRITTEN = [
  'work_orders',
  'work_order_assets',
  'work_order_events',
  'pm_occurrences',
  'audit_log',
];

function count(api: Api, table: string): number {
  return api.core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

function localToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * (a) Copies every demo plan with start today and 366 lead days (the demo's own plans are switched
 * off), then times one generation run: a year of orders for all plans, as a new installation's
 * first run or a plan editor saving many plans at once would make them.
 */
function generateYear(api: Api, ctx: Ctx): Result[] {
  const db = api.core.db;
  const today = localToday();
  db.transaction(() => {
    const plans = db.prepare('SELECT * FROM pm_plans WHERE active = 1').all() as Record<
      string,
      unknown
    >[];
    const insert = db.prepare(
      `INSERT INTO pm_plans (id, name, active, order_type, category, priority, target_json, place_id,
         checklist_json, crew_id, estimated_hours, lead_days, recurrence, rule, interval_days,
         start_local, time_zone, notes, created_at, updated_at)
       VALUES (@id, @name, 1, @order_type, @category, @priority, @target_json, @place_id,
         @checklist_json, @crew_id, @estimated_hours, 366, @recurrence, @rule, @interval_days,
         @start_local, @time_zone, @notes, @created_at, @updated_at)`,
    );
    db.prepare('UPDATE pm_plans SET active = 0').run();
    for (const p of plans) {
      const time = String(p.start_local).slice(11);
      insert.run({
        ...p,
        id: newId(),
        name: `${String(p.name)}（基准）`,
        start_local: `${today}T${time}`,
      });
    }
  })();
  const before = WRITTEN.reduce((n, t) => n + count(api, t), 0);
  ctx.log('maintenance: generating a year of orders for every plan');
  const run = timed(() => generateDuePlans({ core: api.core, db, actor: 'bench' }, today));
  const rows = WRITTEN.reduce((n, t) => n + count(api, t), 0) - before;
  const orders = run.value.created;
  if (orders === 0) throw new Error('plan generation created no orders');
  const limits = sqliteLimits(ctx);
  return [
    { name: 'maintenance.generate_year.s', value: run.ms / 1000, unit: 's' },
    { name: 'maintenance.generate_year.orders', value: orders, unit: 'orders' },
    { name: 'maintenance.generate_year.rows', value: rows, unit: 'rows' },
    {
      name: 'maintenance.generate_year.orders_per_s',
      value: orders / (run.ms / 1000),
      unit: 'orders/s',
      // Bare inserts of as many rows per order as generation wrote: the rate to approach.
      limit: (limits.insertRowsPerS * orders) / rows,
      limitOf: `sqlite.insert.rows_per_s at ${(rows / orders).toFixed(0)} rows/order`,
    },
  ];
}

/**
 * Tops the demo up to ORDERS work orders by copying corrective orders (with their assets) under
 * new numbers that continue each year's counter: the list then has the demo's own mix of
 * statuses, crews, places and dates at the size the issue names.
 */
function topUp(api: Api, ctx: Ctx): number {
  const db = api.core.db;
  const missing = ORDERS - count(api, 'work_orders');
  if (missing <= 0) return 0;
  ctx.log(
    `maintenance: copying ${missing.toLocaleString('en-US')} orders to reach ${ORDERS.toLocaleString('en-US')}`,
  );
  const sources = db
    .prepare(
      `SELECT id, substr(number, 1, 7) AS series FROM work_orders WHERE type = 'corrective' ORDER BY id`,
    )
    .all() as { id: string; series: string }[];
  const columns = (
    db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('work_orders') as string[]
  ).filter((c) => c !== 'id' && c !== 'number');
  const copy = db.prepare(
    `INSERT INTO work_orders (id, number, ${columns.join(', ')})
     SELECT @id, @number, ${columns.join(', ')} FROM work_orders WHERE id = @source`,
  );
  const assets = db.prepare(
    `INSERT INTO work_order_assets (work_order_id, asset_id)
     SELECT @id, asset_id FROM work_order_assets WHERE work_order_id = @source`,
  );
  const bump = db
    .prepare('UPDATE number_counters SET last = last + 1 WHERE series = ? RETURNING last')
    .pluck();
  db.transaction(() => {
    for (let i = 0; i < missing; i += 1) {
      const source = pick(sources, i);
      const last = bump.get(source.series) as number;
      const row = {
        id: newId(),
        number: `${source.series}-${String(last).padStart(5, '0')}`,
        source: source.id,
      };
      copy.run(row);
      assets.run(row);
    }
  })();
  return missing;
}

interface Draw {
  filter: WorkOrderFilter;
  offset: number;
}

type QueryCall = Draw & {
  sort: { column: (typeof workOrderSortColumns)[number]; direction: 'asc' | 'desc' };
  limit: number;
};

const STATUS_SETS = [
  ['open', 'assigned', 'in_progress', 'on_hold'],
  ['closed'],
  ['completed', 'verified'],
] as const;
const TERMS = ['漏水', '宿舍', 'LED灯管', '喷头', '巡检', 'WO-2024', '堵塞'];

/** Filter families as staff use the list: by status, crew, overdue, due range, text and place. */
function families(api: Api): Record<string, (rng: Rng) => Draw> {
  const db = api.core.db;
  const ids = (sql: string) => db.prepare(sql).pluck().all() as string[];
  const crews = ids('SELECT id FROM crews ORDER BY id');
  const places = ids(`SELECT id FROM places WHERE kind IN ('site','building') ORDER BY id`);
  const years = ids(
    `SELECT DISTINCT substr(due_date, 1, 4) FROM work_orders WHERE due_date IS NOT NULL ORDER BY 1`,
  );
  const offsets = [0, 0, 100, 1000, 5000];
  const at = (filter: WorkOrderFilter) => (rng: Rng) => ({ filter, offset: rng.pick(offsets) });
  return {
    all: at({}),
    status: (rng) => ({
      filter: { statuses: [...rng.pick(STATUS_SETS)] },
      offset: rng.pick(offsets),
    }),
    crew: (rng) => ({ filter: { crewId: rng.pick(crews) }, offset: rng.pick([0, 100, 500]) }),
    overdue: at({ overdue: true }),
    due_range: (rng) => {
      const year = rng.pick(years);
      const month = String(rng.int(1, 12)).padStart(2, '0');
      return {
        filter: { dueFrom: `${year}-${month}-01`, dueTo: `${year}-${month}-28` },
        offset: 0,
      };
    },
    q: (rng) => ({ filter: { q: rng.pick(TERMS) }, offset: rng.pick([0, 100]) }),
    place: (rng) => ({ filter: { placeId: rng.pick(places) }, offset: rng.pick([0, 100]) }),
    combined: (rng) => ({
      filter: { crewId: rng.pick(crews), statuses: ['closed'], placeId: rng.pick(places) },
      offset: 0,
    }),
  };
}

/**
 * The calls of each family, made before any is timed. Filter, offset, sort column and direction
 * are drawn independently (seeded, so every run makes the same calls): drawn round-robin by one
 * counter they paired up, and every closed-orders call of the status family sorted by status.
 */
function callsOf(draw: (rng: Rng) => Draw, seed: number): QueryCall[] {
  const rng = createRng(seed);
  return Array.from({ length: QUERIES.warmup + QUERIES.iterations }, () => ({
    ...draw(rng),
    sort: {
      column: rng.pick(workOrderSortColumns),
      direction: rng.pick(['asc', 'desc'] as const),
    },
    limit: 100,
  }));
}

function queryLatencies(api: Api, ctx: Ctx): Result[] {
  const total = count(api, 'work_orders');
  ctx.log(`maintenance: workOrders.query over ${total.toLocaleString('en-US')} orders`);
  const all: number[] = [];
  const bySort = new Map<string, number[]>();
  const out: Result[] = [];
  const fixed = (r: Result): Result => ({ ...r, limit: QUERY_LIMIT_MS, limitOf: QUERY_LIMIT_OF });
  Object.entries(families(api)).forEach(([name, draw], k) => {
    const calls = callsOf(draw, SEED + k);
    const samples = sample((i) => {
      call(api, 'workOrders.query', calls[i] as QueryCall);
    }, QUERIES);
    all.push(...samples);
    // The same calls regrouped by sort column: which order of the list is the slow one.
    samples.forEach((ms, j) => {
      const column = (calls[QUERIES.warmup + j] as QueryCall).sort.column;
      bySort.set(column, [...(bySort.get(column) ?? []), ms]);
    });
    out.push(...latencyResults(`maintenance.query.${name}`, samples).map(fixed));
  });
  for (const [column, samples] of bySort) {
    out.push(...latencyResults(`maintenance.query.sort_${column}`, samples).map(fixed));
  }
  return [
    { name: 'maintenance.query.orders', value: total, unit: 'orders' },
    ...latencyResults('maintenance.query', all).map(fixed),
    ...out,
  ];
}

export const maintenanceArea: Area = {
  name: 'maintenance',
  run(ctx: Ctx): Result[] {
    sqliteLimits(ctx);
    const file = ctx.tempFile('maintenance.db');
    const api = openCore(file, { operator: 'bench' });
    try {
      ctx.log(`maintenance: generating the demo with five years of history at scale ${ctx.scale}`);
      const demo = timed(() => generateDemo(api.core.db, { scale: ctx.scale, seed: SEED }));
      const demoOrders = count(api, 'work_orders');
      const generation = generateYear(api, ctx);
      const copied = topUp(api, ctx);
      return [
        { name: 'maintenance.demo.generate_s', value: demo.ms / 1000, unit: 's' },
        { name: 'maintenance.demo.orders', value: demoOrders, unit: 'orders' },
        ...generation,
        { name: 'maintenance.query.copied_orders', value: copied, unit: 'orders' },
        ...queryLatencies(api, ctx),
      ];
    } finally {
      api.core.db.close();
      removeDbFiles(file);
    }
  },
};
