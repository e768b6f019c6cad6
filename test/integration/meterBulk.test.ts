// Many readings of one meter at once (addReadingsBulk, the importer's path) on a real file: the
// same rollups as saving them one by one, backfilling between stored readings, the same batch
// twice changing nothing, all or nothing (a bad row, two values at one instant, a reading after
// the meter's removal found only while writing), and 100,000 hourly rows re-spread once, timed
// beside a bare insert of the same rows into the same table.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { Ctx } from '../../electron/context';
import { addReadingsBulk, type BulkReading } from '../../electron/services/metersBulk';
import { iso } from '../../electron/services/metersStore';
import type { Asset } from '../../shared/contract/assets';
import { DeskError } from '../../shared/contract/errors';
import { call } from '../support/api';
import { dumpDb } from '../support/dump';
import {
  createMeter,
  dailyMap,
  dailyTable,
  referenceDaily,
  sh,
  type MeterSetup,
} from '../support/meters';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let ctx: Ctx;
let meter: Asset;
let setup: MeterSetup;

beforeEach(() => {
  t = openTempApi('导入员');
  api = t.api;
  ctx = { core: api.core, db: api.core.db, actor: '导入员' };
  setup = createMeter(api, 'SB-BULK');
  meter = setup.meter;
});

afterEach(() => t.cleanup());

const series = Array.from({ length: 40 }, (_, i) => ({
  local: `2024-${String(1 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')} 0${i % 10}:15`,
  value: 500 + i * 37.5 + (i % 3),
}));
const asBulk = (list: typeof series): BulkReading[] =>
  list.map((r) => ({ at: sh(r.local), value: r.value }));

function expectDaysClose(actual: Map<string, number>, expected: Map<string, number>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [day, amount] of expected) expect(actual.get(day), day).toBeCloseTo(amount, 9);
}

function refusal(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a batch of readings', () => {
  it('gives the rollups of saving them one by one, with one entry and one audit row', () => {
    const result = addReadingsBulk(ctx, meter.id, asBulk(series), {
      source: 'import',
      note: '导入 a.csv',
    });
    expect(result).toMatchObject({ inserted: 40, unchanged: 0 });
    expectDaysClose(dailyMap(api, meter.id), referenceDaily(series));
    const entries = api.core.db.prepare('SELECT source, entered_by, note FROM meter_entries').all();
    expect(entries).toEqual([{ source: 'import', entered_by: '导入员', note: '导入 a.csv' }]);
    const audits = api.core.db
      .prepare(`SELECT note FROM audit_log WHERE entity = 'meter_reading'`)
      .pluck()
      .all();
    expect(audits).toEqual(['导入 a.csv']);
    const listed = call(api, 'meters.readings', { meterId: meter.id, limit: 2 }).items;
    expect(listed[0]).toMatchObject({ source: 'import', enteredBy: '导入员' });
  });

  it('backfills between stored readings, and the same batch again changes nothing', () => {
    const odd = series.filter((_, i) => i % 2 === 1);
    const even = series.filter((_, i) => i % 2 === 0);
    addReadingsBulk(ctx, meter.id, asBulk(odd), { source: 'import' });
    addReadingsBulk(ctx, meter.id, asBulk(even), { source: 'import' });
    expectDaysClose(dailyMap(api, meter.id), referenceDaily(series));
    const before = dumpDb(api.core.db);
    const again = addReadingsBulk(ctx, meter.id, asBulk(series), { source: 'import' });
    expect(again).toEqual({ inserted: 0, unchanged: 40, from: null, to: null });
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('is all or nothing: a bad row, two values at one instant, a reading after removal', () => {
    addReadingsBulk(ctx, meter.id, asBulk(series.slice(0, 5)), { source: 'import' });
    call(api, 'meters.addEvent', {
      meterId: meter.id,
      kind: 'remove',
      at: sh('2024-06-01 00:00'),
      closing: 2000,
    });
    const before = dumpDb(api.core.db);
    const rows = asBulk(series.slice(5, 15));
    const bad = [...rows.slice(0, 4), { at: rows[4]!.at, value: Number.NaN }, ...rows.slice(5)];
    const invalid = refusal(() => addReadingsBulk(ctx, meter.id, bad, { source: 'import' }));
    expect(invalid.code).toBe('VALIDATION');
    expect(invalid.details).toEqual({
      issues: [{ path: 'readings.4.value', message: expect.any(String) }],
    });
    const zoneless = [...rows.slice(0, 2), { at: '2024-02-03 10:00', value: 1 }];
    expect(refusal(() => addReadingsBulk(ctx, meter.id, zoneless, { source: 'import' })).code).toBe(
      'VALIDATION',
    );
    const twice = [...rows, { at: rows[3]!.at, value: rows[3]!.value + 1 }];
    expect(
      refusal(() => addReadingsBulk(ctx, meter.id, twice, { source: 'import' })).details,
    ).toMatchObject({
      reason: 'DUPLICATE_READING',
    });
    const stored = [{ at: sh(series[2]!.local), value: 1 }, ...rows];
    expect(refusal(() => addReadingsBulk(ctx, meter.id, stored, { source: 'import' })).code).toBe(
      'CONFLICT',
    );
    // Every row is fine on its own; the last falls after the removal, found while writing.
    const late = [...rows, { at: sh('2024-07-01 00:00'), value: 2100 }];
    const outside = refusal(() => addReadingsBulk(ctx, meter.id, late, { source: 'import' }));
    expect(outside.details).toMatchObject({ reason: 'OUTSIDE_INSTALLATION' });
    expect(dumpDb(api.core.db)).toEqual(before);
  });
});

describe('a site whose zone keeps summer time', () => {
  it('gives the 23-hour and the 25-hour day their hours, from hourly data', () => {
    const site = call(api, 'places.create', {
      kind: 'site',
      parentId: null,
      name: '柏林合作校区',
      code: 'BER',
      timeZone: 'Europe/Berlin',
    });
    const berlin = call(api, 'assets.create', {
      code: 'SB-BER',
      name: '水表',
      kind: 'meter',
      utility: 'water',
      placeId: site.id,
    });
    const first = Date.parse('2024-03-29T00:00:00+01:00');
    const hours = 24 * 220; // to early November, over both changes
    const rows = Array.from({ length: hours + 1 }, (_, h) => ({
      at: first + h * 3_600_000,
      value: 2 * h,
    }));
    addReadingsBulk(ctx, berlin.id, rows, { source: 'device' });
    const days = dailyMap(api, berlin.id);
    expect(days.get('2024-03-30')).toBeCloseTo(48, 9);
    expect(days.get('2024-03-31')).toBeCloseTo(46, 9);
    expect(days.get('2024-10-27')).toBeCloseTo(50, 9);
    const counts = new Map(dailyTable(api, berlin.id).map((d) => [d.day, d.intervals]));
    expect([counts.get('2024-03-31'), counts.get('2024-04-01'), counts.get('2024-10-27')]).toEqual([
      23, 24, 25,
    ]);
    const daily = call(api, 'meters.daily', {
      meterId: berlin.id,
      from: '2024-03-29',
      to: '2024-03-31',
    });
    expect(daily.timeZone).toBe('Europe/Berlin');
  });
});

describe('instants as text', () => {
  it('are written exactly as Date#toISOString writes them (the fast path of a bulk)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(iso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000, seed: 6_2026 },
    );
    for (const ms of [0, 999, 86_399_999, 86_400_000, Date.UTC(2099, 11, 31, 23, 59, 59, 999)]) {
      expect(iso(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe('the hot queries', () => {
  it('read readings by meter and instant, and rollups by meter and day, through the keys', () => {
    const plan = (sql: string) =>
      api.core.db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(1, 2, 3)
        .map((r) => (r as { detail: string }).detail)
        .join('; ');
    const readings = plan(
      'SELECT at, value FROM meter_readings WHERE meter = ? AND at >= ? AND at <= ? ORDER BY at',
    );
    expect(readings).toMatch(
      /SEARCH meter_readings USING PRIMARY KEY \(meter=\? AND at>\? AND at<\?\)/,
    );
    expect(readings).not.toMatch(/TEMP B-TREE/);
    const days = plan(
      'SELECT day, amount FROM meter_daily WHERE meter_id = ? AND day >= ? AND day <= ? ORDER BY day',
    );
    expect(days).toMatch(
      /SEARCH meter_daily USING PRIMARY KEY \(meter_id=\? AND day>\? AND day<\?\)/,
    );
    expect(days).not.toMatch(/TEMP B-TREE/);
  });
});

describe('a large batch', () => {
  it('re-spreads 100,000 hourly rows by the chunk, not the reading, timed beside a bare insert of the same rows', () => {
    const n = 100_000;
    const first = Date.parse('2020-01-01T00:00:00+08:00');
    const rows = Array.from({ length: n }, (_, i) => ({
      at: first + i * 3_600_000,
      value: 10_000 + i * 1.25,
    }));
    // The limit: the same rows into the same table by one prepared statement, nothing else.
    const other = createMeter(api, 'SB-BARE', {}, setup.campus).meter;
    const db = api.core.db;
    const key = Number(
      db.prepare('INSERT INTO meter_keys (meter_id) VALUES (?)').run(other.id).lastInsertRowid,
    );
    const entry = db
      .prepare(
        `INSERT INTO meter_entries (source, entered_by, entered_at) VALUES ('import', 'x', 'x')`,
      )
      .run().lastInsertRowid;
    const insert = db.prepare(
      'INSERT INTO meter_readings (meter, at, value, estimated, entry) VALUES (?, ?, ?, 0, ?)',
    );
    let started = performance.now();
    db.transaction(() => {
      for (const r of rows) insert.run(key, r.at, r.value, entry);
    })();
    const bareMs = performance.now() - started;

    started = performance.now();
    const result = addReadingsBulk(ctx, meter.id, rows, { source: 'device' });
    const bulkMs = performance.now() - started;
    expect(result.inserted).toBe(n);
    const days = dailyTable(api, meter.id);
    expect(days).toHaveLength(Math.ceil(n / 24));
    const total = days.reduce((s, d) => s + d.amount, 0);
    expect(Math.abs(total - (n - 1) * 1.25)).toBeLessThan(1e-9 * n);
    const rate = (ms: number) => Math.round((n / ms) * 1000);
    console.log(
      `[meters] bulk ${rate(bulkMs)} rows/s with rollups, bare insert ${rate(bareMs)} rows/s: ` +
        `${((100 * bareMs) / bulkMs).toFixed(0)} % of the limit`,
    );
    // A per-reading re-spread would be two orders of magnitude slower; this catches that.
    expect(bulkMs).toBeLessThan(bareMs * 30);
  });
});
