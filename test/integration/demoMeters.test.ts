// The demo's meter readings on real database files, read back through the dispatch table: five
// years of monthly reads of every meter ending this month; the story's faults as the app sees
// them (one typo alone in the review queue, one recorded replacement, rollovers, estimated reads
// corrected later); per-capita water falling; level-2 meters a few percent under their parents;
// a year of hourly inlet data whose minimum night flow steps up on the leak night, on the leak
// meter only; the irrigation facts the plan exports agreeing with the register; the same seed and
// end giving the same readings.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { generateDemo } from '../../electron/demo';
import { addDays, localDay } from '../../electron/demo/maintenanceClock';
import {
  HOURLY_READINGS,
  IRRIGATION_NIGHT_START,
  IRRIGATION_NIGHT_WEEKDAYS,
  IRRIGATION_NIGHT_ZONE_CODES,
  LEAK_FLOW_M3_PER_H,
  LEAK_METER_CODE,
  irrigationNights,
  leakStartDay,
  weekdayOf,
} from '../../electron/demo/meterReadingsPlan';
import { call } from '../support/api';
import { openTempApi, type TempApi } from '../support/tempDb';

const PAST = new Date().getFullYear() - 1;
const HOUR = 3_600_000;
/** Local (Asia/Shanghai, UTC+8) text of a stored epoch-ms instant, in SQL. */
const LOCAL = (column: string, format: string) =>
  `strftime('${format}', ${column} / 1000, 'unixepoch', '+8 hours')`;

interface MeterRow {
  id: string;
  code: string;
  utility: string;
  level: number;
  parent: string | null;
  digits: number | null;
}

const opened: TempApi[] = [];
function demo(options: Parameters<typeof generateDemo>[1]) {
  const t = openTempApi('演示');
  opened.push(t);
  const counts = generateDemo(t.api.core.db, options);
  const meters = t.api.core.db
    .prepare(
      `SELECT id, code, utility, meter_level AS level, parent_meter_id AS parent,
         register_digits AS digits
       FROM assets WHERE kind = 'meter' ORDER BY code`,
    )
    .all() as MeterRow[];
  return { api: t.api, db: t.api.core.db, counts, meters };
}

/** Readings of a meter by source, oldest first, instants as epoch ms. */
function readingsOf(db: Database.Database, meterId: string, source: string) {
  return db
    .prepare(
      `SELECT r.at, r.value, r.estimated FROM meter_readings r
       JOIN meter_keys k ON k.key = r.meter JOIN meter_entries e ON e.id = r.entry
       WHERE k.meter_id = ? AND e.source = ? ORDER BY r.at`,
    )
    .all(meterId, source) as { at: number; value: number; estimated: number }[];
}

/** Every reading of a meter with its interval, through the API (newest first, all pages). */
function itemsOf(api: Api, meterId: string) {
  const out = [];
  for (let offset = 0; ; offset += 1000) {
    const page = call(api, 'meters.readings', { meterId, offset, limit: 1000 });
    out.push(...page.items);
    if (offset + 1000 >= page.total) return out;
  }
}

const yearly = (api: Api, meterId: string, from: number, to: number) =>
  new Map(
    call(api, 'meters.yearly', { meterId, from, to }).items.map((y) => [y.year, y.amount] as const),
  );

let now: ReturnType<typeof demo>;
let a: ReturnType<typeof demo>;
let b: ReturnType<typeof demo>;
const inlets = () => now.meters.filter((m) => m.utility === 'water' && m.level === 1);
const buildings = () => now.meters.filter((m) => m.level === 2);

beforeAll(() => {
  now = demo({ seed: 17 });
  a = demo({ seed: 23, lastYear: PAST });
  b = demo({ seed: 23, lastYear: PAST });
}, 240_000);

afterAll(() => {
  for (const t of opened.splice(0)) t.cleanup();
});

describe('the demo meter readings', () => {
  it('read every meter of the register monthly for five years, ending this month', () => {
    expect(now.meters.length).toBeGreaterThan(50);
    const thisMonth = localDay(Date.now()).slice(0, 7);
    for (const m of now.meters) {
      const reads = readingsOf(now.db, m.id, 'manual');
      const months = new Set(reads.map((r) => localDay(r.at).slice(0, 7)));
      expect(reads.length, m.code).toBeGreaterThanOrEqual(60);
      expect(months.size, m.code).toBeGreaterThanOrEqual(60);
      expect(localDay(reads[reads.length - 1]?.at ?? 0).slice(0, 7), m.code).toBe(thisMonth);
      // A weekday morning round between the 25th and the 28th (the last one may be moved to today).
      for (const r of reads.slice(0, -1)) {
        const local = new Date(r.at + 8 * HOUR);
        expect(local.getUTCDate(), m.code).toBeGreaterThanOrEqual(25);
        expect(local.getUTCDate(), m.code).toBeLessThanOrEqual(28);
        expect([0, 6]).not.toContain(local.getUTCDay());
        expect(local.getUTCHours(), m.code).toBeGreaterThanOrEqual(9);
        expect(local.getUTCHours() * 60 + local.getUTCMinutes(), m.code).toBeLessThanOrEqual(660);
      }
    }
    expect(now.counts.meter_readings).toBe(
      now.db.prepare('SELECT count(*) FROM meter_readings').pluck().get(),
    );
  });

  it('hold exactly one open review item, and it is a keying error', () => {
    const open = call(now.api, 'meters.reviews', { status: 'open' });
    expect(open.total).toBe(1);
    const [item] = open.items;
    expect(item?.proposed).toBe('typo');
    expect(item?.suggestion).toMatchObject({ reading: 'to', edit: 'transposition' });
    const fixed = item?.suggestion?.value ?? -1;
    const sorted = (v: number) => [...String(v)].sort().join('');
    expect(sorted(fixed)).toBe(sorted(item?.to.value ?? 0));
    expect(fixed).toBeGreaterThan(item?.from.value ?? Infinity);
    // The reading after the mistyped one carries on from the true value.
    const after = call(now.api, 'meters.readings', {
      meterId: item?.meterId ?? '',
      from: new Date(Date.parse(item?.to.at ?? '') + 1).toISOString(),
      limit: 1000,
    }).items;
    expect(after[after.length - 1]?.value).toBeGreaterThanOrEqual(fixed);
  });

  it('record one meter replacement mid-history, counted across the swap', () => {
    const events = now.meters.flatMap(
      (m) => call(now.api, 'meters.events', { meterId: m.id }).items,
    );
    expect(events.map((e) => e.kind)).toEqual(['replace']);
    const swap = events[0];
    if (!swap || swap.closing === null || swap.opening === null) throw new Error('no swap');
    const reads = readingsOf(now.db, swap.meterId, 'manual');
    const at = Date.parse(swap.at);
    const before = reads.filter((r) => r.at < at);
    const after = reads.filter((r) => r.at > at);
    expect(before.length).toBeGreaterThan(18);
    expect(after.length).toBeGreaterThan(18);
    // The reading after the swap counts from the new register's opening.
    const v2 = after[0]?.value ?? NaN;
    const item = itemsOf(now.api, swap.meterId).find((i) => Date.parse(i.at) === after[0]?.at);
    expect(item?.interval).toMatchObject({ kind: 'replacement', fromAt: swap.at });
    expect(item?.interval?.amount).toBeCloseTo(v2 - swap.opening, 6);
    // Over the whole history: the old register up to its closing plus the new one from its opening.
    const first = before[0]?.value ?? NaN;
    const last = after[after.length - 1]?.value ?? NaN;
    const years = [...yearly(now.api, swap.meterId, 2000, 2099).values()];
    expect(years.reduce((x, y) => x + y, 0)).toBeCloseTo(
      swap.closing - first + (last - swap.opening),
      4,
    );
  });

  it('let a few registers roll over past 10^digits', () => {
    const rolled = now.meters.filter((m) =>
      itemsOf(now.api, m.id).some(
        (i) => i.interval?.kind === 'rollover' && i.interval.registerDelta < 0,
      ),
    );
    expect(rolled.length).toBeGreaterThanOrEqual(2);
    expect(rolled.length).toBeLessThanOrEqual(5);
    expect(rolled.every((m) => m.digits !== null)).toBe(true);
  });

  it('have estimated reads, corrected by the next actual one (downwards at least once)', () => {
    let estimated = 0;
    const corrections: number[] = [];
    for (const m of buildings()) {
      const items = itemsOf(now.api, m.id).reverse();
      items.forEach((item, k) => {
        if (!item.estimated) return;
        estimated += 1;
        const next = items.slice(k + 1).find((i) => !i.estimated);
        expect(next?.interval?.estimated, m.code).toBe(true);
        if (next?.interval?.kind === 'correction') corrections.push(next.interval.amount ?? 0);
      });
    }
    expect(estimated).toBeGreaterThanOrEqual(2);
    expect(corrections.some((amount) => amount < 0)).toBe(true);
  });

  it('show per-capita water falling: the inlets take less in the last full year than the first', () => {
    const first = new Date(readingsOf(now.db, inlets()[0]?.id ?? '', 'manual')[0]?.at ?? 0);
    const firstFull = first.getUTCFullYear() + 1;
    const lastFull = new Date().getFullYear() - 1;
    const total = new Map<number, number>();
    for (const m of inlets()) {
      for (const [year, amount] of yearly(now.api, m.id, firstFull, lastFull)) {
        total.set(year, (total.get(year) ?? 0) + amount);
      }
    }
    expect([...total.keys()]).toEqual(
      Array.from({ length: lastFull - firstFull + 1 }, (_, i) => firstFull + i),
    );
    expect(total.get(lastFull) ?? Infinity).toBeLessThan(total.get(firstFull) ?? 0);
    // Per standard person and day, within the range reported for Chinese colleges, falling.
    const persons = new Map(
      (
        now.db
          .prepare('SELECT year, students + staff + residents + 0.5 * others AS n FROM headcounts')
          .all() as { year: number; n: number }[]
      ).map((h) => [h.year, h.n]),
    );
    const perCapita = [...total]
      .filter(([year]) => persons.has(year))
      .map(([year, m3]) => (m3 * 1000) / (persons.get(year) ?? 1) / 365);
    expect(perCapita.length).toBeGreaterThanOrEqual(2);
    for (const l of perCapita) expect(l).toBeGreaterThan(60);
    for (const l of perCapita) expect(l).toBeLessThan(160);
    for (let i = 1; i < perCapita.length; i += 1) {
      expect(perCapita[i]).toBeLessThan(perCapita[i - 1] ?? 0);
    }
  });

  it('keep the level-2 meters of a full year a few percent under their level-1 parent', () => {
    const year = new Date().getFullYear() - 1;
    const parents = now.meters.filter((m) => now.meters.some((c) => c.parent === m.id));
    expect(parents.length).toBeGreaterThanOrEqual(3);
    for (const p of parents) {
      const input = yearly(now.api, p.id, year, year).get(year) ?? 0;
      const metered = now.meters
        .filter((c) => c.parent === p.id)
        .reduce((sum, c) => sum + (yearly(now.api, c.id, year, year).get(year) ?? 0), 0);
      const loss = (input - metered) / input;
      expect(loss, p.code).toBeGreaterThan(0.01);
      expect(loss, p.code).toBeLessThan(0.12);
    }
  });

  it('carry a year of hourly device readings on every level-1 potable inlet', () => {
    expect(inlets().length).toBeGreaterThanOrEqual(2);
    for (const m of inlets()) {
      const hourly = readingsOf(now.db, m.id, 'device');
      expect(hourly.length, m.code).toBeGreaterThanOrEqual(HOURLY_READINGS - 24);
      expect(hourly.length, m.code).toBeLessThanOrEqual(HOURLY_READINGS + 24);
      expect(hourly.every((r) => r.at % HOUR === 0)).toBe(true);
      const last = hourly[hourly.length - 1]?.at ?? 0;
      expect(Date.now() - last).toBeLessThan(2 * HOUR);
      expect(last - (hourly[0]?.at ?? 0)).toBeGreaterThan(364 * 24 * HOUR);
    }
  });

  it('show the leak: night flow on the leak inlet steps up from the leak night on, only there', () => {
    const leakMeter = inlets().find((m) => m.code === LEAK_METER_CODE);
    if (!leakMeter) throw new Error(`no ${LEAK_METER_CODE}`);
    const hourly = readingsOf(now.db, leakMeter.id, 'device');
    const start = leakStartDay(localDay(hourly[hourly.length - 1]?.at ?? 0));
    /** Per night, the least hourly flow from 01:00 to 05:00 local, from the API's intervals. */
    const nights = (meterId: string, from: string, days: number) => {
      const items = call(now.api, 'meters.readings', {
        meterId,
        from: `${from}T01:00+08:00`,
        to: `${addDays(from, days - 1)}T05:00+08:00`,
        limit: 1000,
      }).items;
      const least = new Map<string, number>();
      for (const i of items) {
        const hour = Number(i.local.slice(11, 13));
        if (i.source !== 'device' || hour < 2 || hour > 5 || !i.interval) continue;
        const day = i.local.slice(0, 10);
        least.set(day, Math.min(least.get(day) ?? Infinity, i.interval.amount ?? Infinity));
      }
      expect(least.size).toBe(days);
      return [...least.values()];
    };
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
    const before = nights(leakMeter.id, addDays(start, -14), 14);
    const after = nights(leakMeter.id, start, 14);
    expect(Math.min(...after)).toBeGreaterThan(Math.max(...before));
    expect(median(after)).toBeGreaterThan(median(before) * 1.3);
    expect(median(after) - median(before)).toBeGreaterThan(LEAK_FLOW_M3_PER_H * 0.75);
    for (const other of inlets().filter((m) => m.id !== leakMeter.id)) {
      const quiet = nights(other.id, addDays(start, -14), 14);
      expect(median(nights(other.id, start, 14))).toBeLessThan(median(quiet) * 1.3);
    }
  });

  it('export irrigation nights that agree with the register, none in the leak’s first three', () => {
    const zones = now.db
      .prepare(
        `SELECT code, schedule_days AS days, schedule_start AS start FROM assets
         WHERE kind = 'irrigation_zone' AND schedule_start >= '02:00' AND schedule_start < '04:00'
         ORDER BY code`,
      )
      .all() as { code: string; days: string; start: string }[];
    expect(zones.map((z) => z.code)).toEqual([...IRRIGATION_NIGHT_ZONE_CODES]);
    for (const z of zones) {
      expect(z.days.split(',')).toEqual([...IRRIGATION_NIGHT_WEEKDAYS]);
      expect(z.start).toBe(IRRIGATION_NIGHT_START);
    }
    const start = leakStartDay(localDay(Date.now()));
    const nights = irrigationNights(addDays(start, -30), addDays(start, 30));
    expect(nights.length).toBeGreaterThanOrEqual(16);
    expect(nights.every((d) => ['TU', 'FR'].includes(weekdayOf(d)))).toBe(true);
    for (const d of [0, 1, 2]) expect(nights).not.toContain(addDays(start, d));
  });

  it('are the same for the same seed and end, and end in December of a past lastYear', () => {
    const dump = (d: ReturnType<typeof demo>) =>
      d.db
        .prepare(
          `SELECT a.code, r.at, r.value, r.estimated, e.source FROM meter_readings r
           JOIN meter_keys k ON k.key = r.meter JOIN assets a ON a.id = k.meter_id
           JOIN meter_entries e ON e.id = r.entry ORDER BY a.code, r.at`,
        )
        .raw()
        .all();
    const rowsA = dump(a);
    expect(rowsA.length).toBeGreaterThan(20_000);
    expect(dump(b)).toEqual(rowsA);
    const lastManual = a.db
      .prepare(
        `SELECT max(${LOCAL('r.at', '%Y-%m')}) FROM meter_readings r
         JOIN meter_entries e ON e.id = r.entry WHERE e.source = 'manual'`,
      )
      .pluck()
      .get();
    expect(lastManual).toBe(`${PAST}-12`);
    expect(call(a.api, 'meters.reviews', { status: 'open' }).total).toBe(1);
  });
});
