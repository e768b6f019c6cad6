// The demo's maintenance history on real databases: the same seed writes the same orders and
// numbers; about 1,000 lamp replacements a year for five years, with every fixture's record
// agreeing with the latest order that replaced it; numbers without gaps and counters the app
// continues from; timelines that only take legal steps; plan occurrences as the app's own
// recurrence code expands them; stock that never went negative; a mix of closed, open, overdue
// and unconverted work; and the services reading all of it (generation finds nothing to add).
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo';
import { addDays } from '../../electron/demo/maintenanceClock';
import { occurrences } from '../../shared/domain/recurrence';
import { canTransition, type WorkOrderStatus } from '../../shared/domain/workOrderTransitions';
import { call } from '../support/api';
import { openTempApi, type TempApi } from '../support/tempDb';

const PAST = new Date().getFullYear() - 1;
/** The campus day (Asia/Shanghai, UTC+8) of a stored UTC instant, in SQL. */
const LOCAL_DAY = (column: string) => `date(${column}, '+8 hours')`;

const opened: TempApi[] = [];
function demo(options: Parameters<typeof generateDemo>[1]) {
  const t = openTempApi('演示');
  opened.push(t);
  return { t, db: t.api.core.db, counts: generateDemo(t.api.core.db, options) };
}
const rows = <T>(db: Database.Database, sql: string, ...params: unknown[]) =>
  db.prepare(sql).all(...params) as T[];

let a: ReturnType<typeof demo>;
let b: ReturnType<typeof demo>;
let now: ReturnType<typeof demo>;

beforeAll(() => {
  a = demo({ seed: 11, lastYear: PAST });
  b = demo({ seed: 11, lastYear: PAST });
  now = demo({ seed: 12 });
}, 180_000);

afterAll(() => {
  for (const t of opened.splice(0)) t.cleanup();
});

describe('the demo maintenance history', () => {
  it('is the same for the same seed: counts, numbers, titles, statuses and dates', () => {
    expect(b.counts).toEqual(a.counts);
    const orders = (db: Database.Database) =>
      rows(
        db,
        `SELECT number, title, status, due_date, reported_at, completed_at, closed_at
         FROM work_orders ORDER BY number`,
      );
    expect(orders(b.db)).toEqual(orders(a.db));
    const requests = (db: Database.Database) =>
      rows(db, 'SELECT number, reporter, description, status FROM repair_requests ORDER BY number');
    expect(requests(b.db)).toEqual(requests(a.db));
    expect(a.counts.work_orders).toBeGreaterThan(2000);
    expect(a.counts.crews).toBe(5);
    expect(a.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('replaces about 1,000 fixtures a year in each of the five years (±15%)', () => {
    const perYear = rows<{ year: string; n: number }>(
      a.db,
      `SELECT substr(${LOCAL_DAY('w.completed_at')}, 1, 4) AS year, count(*) AS n
       FROM work_orders w JOIN work_order_assets x ON x.work_order_id = w.id
       WHERE w.new_lamp_type IS NOT NULL AND w.completed_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    expect(perYear.map((r) => Number(r.year))).toEqual([0, 1, 2, 3, 4].map((i) => PAST - 4 + i));
    for (const { year, n } of perYear) {
      expect(n, year).toBeGreaterThanOrEqual(850);
      expect(n, year).toBeLessThanOrEqual(1150);
    }
    const sizes = rows<{ n: number }>(
      a.db,
      `SELECT count(*) AS n FROM work_orders w JOIN work_order_assets x ON x.work_order_id = w.id
       WHERE w.new_lamp_type IS NOT NULL GROUP BY w.id`,
    ).map((r) => r.n);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(40);
    expect(Math.max(...sizes)).toBeGreaterThan(20);
  });

  it('leaves every fixture as its latest completed lamp replacement left it', () => {
    const latest = rows<{
      id: string;
      last_replaced: string | null;
      lamp_type: string;
      rated_power_w: number;
      previous_power_w: number | null;
      day: string;
      new_lamp_type: string;
      new_power_w: number;
    }>(
      a.db,
      `WITH done AS (
         SELECT x.asset_id, ${LOCAL_DAY('w.completed_at')} AS day, w.new_lamp_type, w.new_power_w,
                row_number() OVER (PARTITION BY x.asset_id ORDER BY w.completed_at DESC) AS k
         FROM work_orders w JOIN work_order_assets x ON x.work_order_id = w.id
         WHERE w.new_lamp_type IS NOT NULL AND w.completed_at IS NOT NULL)
       SELECT a.id, a.last_replaced, a.lamp_type, a.rated_power_w, a.previous_power_w,
              d.day, d.new_lamp_type, d.new_power_w
       FROM assets a JOIN done d ON d.asset_id = a.id AND d.k = 1`,
    );
    expect(latest.length).toBeGreaterThan(3000);
    const wrong = latest.filter(
      (f) =>
        f.last_replaced !== f.day ||
        f.lamp_type !== f.new_lamp_type ||
        f.rated_power_w !== f.new_power_w,
    );
    expect(wrong).toEqual([]);
    // The dormitory retrofit: a 9 W downlight remembers the 12 W it replaced.
    const retrofitted = latest.filter((f) => f.lamp_type === 'downlight' && f.rated_power_w === 9);
    expect(retrofitted.length).toBeGreaterThan(100);
    expect(retrofitted.every((f) => f.previous_power_w === 12)).toBe(true);
    // No replacement date inside the five years that no order explains.
    const unexplained = rows(
      a.db,
      `SELECT a.code FROM assets a WHERE a.kind = 'fixture' AND a.last_replaced >= ?
         AND NOT EXISTS (SELECT 1 FROM work_order_assets x JOIN work_orders w ON w.id = x.work_order_id
                         WHERE x.asset_id = a.id AND w.new_lamp_type IS NOT NULL)`,
      `${PAST - 4}-01-01`,
    );
    expect(unexplained).toEqual([]);
  });

  it('numbers orders and requests per local year without gaps, counters at the last one', () => {
    for (const [table, series] of [
      ['work_orders', 'WO'],
      ['repair_requests', 'BX'],
    ] as const) {
      const byYear = rows<{ year: string; n: number; top: number; bad: number }>(
        a.db,
        `SELECT substr(number, 4, 4) AS year, count(*) AS n,
                max(CAST(substr(number, 9) AS INTEGER)) AS top,
                sum(substr(number, 4, 4) <> substr(${LOCAL_DAY('created_at')}, 1, 4)) AS bad
         FROM ${table} GROUP BY 1 ORDER BY 1`,
      );
      expect(byYear).toHaveLength(5);
      for (const r of byYear) {
        expect(r.top, `${series} ${r.year}`).toBe(r.n);
        expect(r.bad).toBe(0);
        const counter = a.db
          .prepare('SELECT last FROM number_counters WHERE series = ?')
          .pluck()
          .get(`${series}-${r.year}`);
        expect(counter).toBe(r.n);
      }
    }
  });

  it('records every transition in order, each a legal move, ending at the status', () => {
    const events = rows<{
      id: string;
      status: string;
      held_from: string | null;
      f: string | null;
      t: string;
      at: string;
      completed_at: string | null;
    }>(
      a.db,
      `SELECT w.id, w.status, w.held_from, e.from_status AS f, e.to_status AS t, e.at, w.completed_at
       FROM work_orders w JOIN work_order_events e ON e.work_order_id = w.id
       ORDER BY w.id, e.at, e.rowid`,
    );
    const problems: string[] = [];
    let prev: (typeof events)[number] | undefined;
    let held: WorkOrderStatus | null = null;
    let lastCompleted: string | null = null;
    const finish = (e: (typeof events)[number] | undefined) => {
      if (!e) return;
      if (e.t !== e.status) problems.push(`${e.id} ends ${e.t}, status ${e.status}`);
      if (lastCompleted !== e.completed_at) problems.push(`${e.id} completed_at`);
    };
    for (const e of events) {
      if (prev?.id !== e.id) {
        finish(prev);
        held = null;
        lastCompleted = null;
        if (e.f !== null) problems.push(`${e.id} starts from ${e.f}`);
      } else {
        if (e.f !== prev.t) problems.push(`${e.id} ${prev.t} then from ${e.f}`);
        if (!canTransition(prev.t as WorkOrderStatus, e.t as WorkOrderStatus, held)) {
          problems.push(`${e.id} ${prev.t} → ${e.t}`);
        }
        if (e.at < prev.at) problems.push(`${e.id} goes back in time`);
      }
      if (e.t === 'on_hold') held = e.f as WorkOrderStatus;
      if (e.t === 'completed') lastCompleted = e.at;
      prev = e;
    }
    finish(prev);
    expect(problems.slice(0, 10)).toEqual([]);
    const onHold = rows<{ held_from: string | null }>(
      a.db,
      `SELECT held_from FROM work_orders WHERE status = 'on_hold'`,
    );
    expect(onHold.every((r) => r.held_from === 'in_progress' || r.held_from === 'assigned')).toBe(
      true,
    );
  });

  it('gives each plan the occurrences its rule has up to today + lead days, a few missed', () => {
    const plans = rows<{
      id: string;
      rule: string;
      start_local: string;
      time_zone: string;
      lead_days: number;
    }>(a.db, 'SELECT id, rule, start_local, time_zone, lead_days FROM pm_plans');
    expect(plans.length).toBeGreaterThanOrEqual(33);
    const today = `${PAST}-12-31`;
    for (const p of plans) {
      const expected = occurrences(p.rule, p.start_local, p.time_zone, {
        limit: 10_000,
        to: `${addDays(today, p.lead_days)}T23:59`,
      });
      const got = a.db
        .prepare('SELECT occurrence FROM pm_occurrences WHERE plan_id = ? ORDER BY occurrence')
        .pluck()
        .all(p.id);
      expect(got, p.rule).toEqual(expected);
    }
    const states = rows<{ state: string; n: number; linked: number }>(
      a.db,
      `SELECT o.state, count(*) AS n, sum(w.plan_id = o.plan_id AND w.occurrence = o.occurrence) AS linked
       FROM pm_occurrences o LEFT JOIN work_orders w ON w.id = o.work_order_id GROUP BY 1`,
    );
    const ordered = states.find((s) => s.state === 'ordered');
    expect(ordered?.linked).toBe(ordered?.n);
    expect(states.find((s) => s.state === 'missed')?.n).toBeGreaterThan(0);
  });

  it('keeps stock movements consistent: on hand is their sum and never went below zero', () => {
    const moves = rows<{ part_id: string; quantity: number; on_hand: number }>(
      a.db,
      `SELECT m.part_id, m.quantity, p.on_hand FROM part_movements m JOIN parts p ON p.id = m.part_id
       ORDER BY m.part_id, m.at, m.rowid`,
    );
    const stock = new Map<string, number>();
    for (const m of moves) {
      const level = (stock.get(m.part_id) ?? 0) + m.quantity;
      expect(level).toBeGreaterThanOrEqual(0);
      stock.set(m.part_id, level);
    }
    for (const m of moves) expect(stock.get(m.part_id)).toBe(m.on_hand);
    expect(stock.size).toBe(a.counts.parts);
  });
});

describe('the demo ending today', () => {
  it('has closed history and open, overdue and unconverted work now', () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const status = new Map(
      rows<{ status: string; n: number }>(
        now.db,
        'SELECT status, count(*) AS n FROM work_orders GROUP BY 1',
      ).map((r) => [r.status, r.n]),
    );
    const total = [...status.values()].reduce((x, y) => x + y, 0);
    expect((status.get('closed') ?? 0) / total).toBeGreaterThan(0.9);
    for (const s of ['assigned', 'in_progress', 'on_hold', 'completed']) {
      expect(status.get(s) ?? 0, s).toBeGreaterThan(0);
    }
    const overdue = call(now.t.api, 'workOrders.query', { filter: { overdue: true }, limit: 1 });
    expect(overdue.total).toBeGreaterThan(0);
    const active = now.db
      .prepare(
        `SELECT count(*) FROM work_orders WHERE status IN ('open','assigned','in_progress','on_hold')
         AND due_date < ?`,
      )
      .pluck()
      .get(today);
    expect(overdue.total).toBe(active);
    expect(call(now.t.api, 'requests.list', { status: 'new' }).total).toBeGreaterThan(0);
    const sources = rows<{ source: string }>(
      now.db,
      'SELECT DISTINCT source FROM repair_requests',
    ).map((r) => r.source);
    expect(sources).toEqual(expect.arrayContaining(['phone', 'walk_in', 'patrol']));
    const kpis = call(now.t.api, 'workOrders.kpis', {});
    expect(kpis.open).toBeGreaterThan(0);
    expect(kpis.pmCompliance).toBeGreaterThan(0.7);
  });

  it('is read by the services as they wrote it, and the app continues from it', () => {
    const api = now.t.api;
    // Generation has nothing left to order: the demo reached every occurrence it would have.
    const generated = call(api, 'plans.generate', {});
    expect(generated).toMatchObject({ created: 0, missed: 0 });
    // Orders read back through the contract's result schemas (the temp API validates results).
    const some = call(api, 'workOrders.query', {
      sort: { column: 'reportedAt', direction: 'desc' },
      limit: 50,
    });
    for (const row of some.items) call(api, 'workOrders.get', { id: row.id });
    call(api, 'plans.list', {});
    call(api, 'parts.list', {});
    call(api, 'crews.list', {});
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const last = now.db
      .prepare('SELECT last FROM number_counters WHERE series = ?')
      .pluck()
      .get(`WO-${year}`) as number;
    const order = call(api, 'workOrders.create', { type: 'corrective', title: '演示后新建' });
    expect(order.number).toBe(`WO-${year}-${String(last + 1).padStart(5, '0')}`);
  });
});
