// Meter readings through the real dispatch table on a temporary SQLite file: readings listed with
// their intervals, a rollover on a 5-digit register, an interval across a month boundary spread
// by the hour, estimates corrected by an actual read (a negative month, kept), monthly and yearly
// sums against a reference computed here from the raw readings, an edited middle reading that
// changes only its neighbours' days, deletions and moves, and refusals that change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { Asset } from '../../shared/contract/assets';
import { call, callError, issuePaths } from '../support/api';
import { fixtureInput } from '../support/assets';
import { dumpDb } from '../support/dump';
import {
  addReading,
  createMeter,
  dailyMap,
  dailyTable,
  referenceDaily,
  sh,
  SH,
  sumBy,
  utc,
  type MeterSetup,
} from '../support/meters';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let setup: MeterSetup;
let meter: Asset;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  setup = createMeter(api);
  meter = setup.meter;
});

afterEach(() => t.cleanup());

function expectDaysClose(actual: Map<string, number>, expected: Map<string, number>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [day, amount] of expected) expect(actual.get(day), day).toBeCloseTo(amount, 9);
}

type Series = { local: string; value: number }[];

function addAll(series: Series, meterId = meter.id): void {
  for (const r of series) addReading(api, meterId, r.local, r.value);
}

describe('readings and their intervals', () => {
  it('lists readings newest first with delta, kind and flags, and audits every save', () => {
    addReading(api, meter.id, '2024-01-01 10:00', 100);
    const saved = addReading(api, meter.id, '2024-02-01 10:00', 400.5, { estimated: true });
    expect(saved).toMatchObject({
      at: utc('2024-02-01 10:00'),
      local: '2024-02-01 10:00',
      value: 400.5,
      estimated: true,
      source: 'manual',
      enteredBy: '测试员',
      interval: { registerDelta: 300.5, amount: 300.5, kind: 'normal', estimated: true },
    });
    const list = call(api, 'meters.readings', { meterId: meter.id });
    expect(list).toMatchObject({ total: 2, timeZone: SH, unit: 'm³' });
    expect(list.items.map((i) => [i.local, i.interval?.amount ?? null])).toEqual([
      ['2024-02-01 10:00', 300.5],
      ['2024-01-01 10:00', null],
    ]);
    const audits = api.core.db
      .prepare(`SELECT action FROM audit_log WHERE entity = 'meter_reading' AND entity_id = ?`)
      .pluck()
      .all(meter.id);
    expect(audits).toEqual(['create', 'create']);
    // Pages and bounds: one per page, newest first.
    const second = call(api, 'meters.readings', { meterId: meter.id, offset: 1, limit: 1 });
    expect(second.items.map((i) => i.local)).toEqual(['2024-01-01 10:00']);
    expect(second.items[0]?.interval).toBeNull();
  });

  it('refuses a second reading at the same instant, however the instant is written', () => {
    addReading(api, meter.id, '2024-01-01 10:00', 100);
    const before = dumpDb(api.core.db);
    const error = callError(api, 'meters.addReading', {
      meterId: meter.id,
      at: '2024-01-01T02:00:00Z',
      value: 120,
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'DUPLICATE_READING', value: 100 });
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('refuses an instant without its zone, an impossible date, and an asset that is no meter', () => {
    for (const at of ['2024-01-01T10:00', '2024-02-30T10:00Z', '2024-01-01 10:00+08:00']) {
      const error = callError(api, 'meters.addReading', { meterId: meter.id, at, value: 1 });
      expect(error.code, at).toBe('VALIDATION');
      expect(issuePaths(error)).toEqual(['at']);
    }
    const lamp = call(api, 'assets.create', fixtureInput('LT-1'));
    const error = callError(api, 'meters.addReading', {
      meterId: lamp.id,
      at: sh('2024-01-01 10:00'),
      value: 1,
    });
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('a meter with readings', () => {
  it('is kept from deletion, with a message that names its readings and the way out', () => {
    addReading(api, meter.id, '2026-01-01T08:00', 100);
    const before = dumpDb(api.core.db);
    const error = callError(api, 'assets.delete', { id: meter.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('retire it');
    expect(error.details).toMatchObject({ readings: 1, reason: 'HAS_HISTORY' });
    expect(dumpDb(api.core.db)).toEqual(before);
  });
});

describe('rollover on a 5-digit register', () => {
  it('counts 99,870 → 130 as 260 and spreads it over the days between', () => {
    const { meter: small } = createMeter(api, 'SB-5', { registerDigits: 5 }, setup.campus);
    addReading(api, small.id, '2024-01-01 10:00', 99_870);
    const second = addReading(api, small.id, '2024-02-01 10:00', 130);
    expect(second.interval).toMatchObject({
      registerDelta: -99_740,
      amount: 260,
      kind: 'rollover',
    });
    const months = call(api, 'meters.monthly', {
      meterId: small.id,
      from: '2024-01',
      to: '2024-02',
    });
    const hours = 31 * 24;
    expect(months.items[0]?.amount).toBeCloseTo((260 * (hours - 10)) / hours, 9);
    expect(months.items[1]?.amount).toBeCloseTo((260 * 10) / hours, 9);
    expect(months.total).toBeCloseTo(260, 9);
    expect(call(api, 'meters.reviews', {}).total).toBe(0);
  });
});

describe('an interval across a month boundary', () => {
  it('gives each day its share of the hours, and each month the sum of its days', () => {
    addReading(api, meter.id, '2024-01-20 12:00', 1000);
    addReading(api, meter.id, '2024-02-10 12:00', 1210); // 21 days: 10 a day
    const days = dailyMap(api, meter.id);
    expect(days.size).toBe(22);
    expect(days.get('2024-01-20')).toBeCloseTo(5, 9);
    expect(days.get('2024-01-31')).toBeCloseTo(10, 9);
    expect(days.get('2024-02-01')).toBeCloseTo(10, 9);
    expect(days.get('2024-02-10')).toBeCloseTo(5, 9);
    const months = call(api, 'meters.monthly', {
      meterId: meter.id,
      from: '2024-01',
      to: '2024-12',
    });
    expect(months.items.map((m) => [m.month, Math.round(m.amount * 1e9) / 1e9, m.days])).toEqual([
      ['2024-01', 115, 12],
      ['2024-02', 95, 10],
    ]);
    const daily = call(api, 'meters.daily', {
      meterId: meter.id,
      from: '2024-01-31',
      to: '2024-02-01',
    });
    expect(daily.items.map((d) => d.day)).toEqual(['2024-01-31', '2024-02-01']);
    expect(daily.total).toBeCloseTo(20, 9);
  });
});

describe('estimates corrected by an actual read', () => {
  it('carries the correction in its own period, a negative month that is kept and shown', () => {
    const series: Series = [
      { local: '2024-01-01 10:00', value: 1000 },
      { local: '2024-02-01 10:00', value: 1500 },
      { local: '2024-03-01 10:00', value: 2000 },
      { local: '2024-04-01 10:00', value: 1800 },
    ];
    addReading(api, meter.id, series[0]!.local, series[0]!.value);
    addReading(api, meter.id, series[1]!.local, series[1]!.value, { estimated: true });
    addReading(api, meter.id, series[2]!.local, series[2]!.value, { estimated: true });
    const actual = addReading(api, meter.id, series[3]!.local, series[3]!.value);
    expect(actual.interval).toMatchObject({ amount: -200, kind: 'correction', estimated: true });
    expect(call(api, 'meters.reviews', {}).total).toBe(0);
    const reference = sumBy(referenceDaily(series), 7);
    const months = call(api, 'meters.monthly', {
      meterId: meter.id,
      from: '2024-01',
      to: '2024-04',
    });
    for (const m of months.items) expect(m.amount, m.month).toBeCloseTo(reference.get(m.month)!, 9);
    const march = months.items.find((m) => m.month === '2024-03');
    expect(march?.amount).toBeLessThan(0);
    expect(march?.estimated).toBe(true);
    expect(months.total).toBeCloseTo(800, 9);
  });
});

describe('monthly and yearly sums', () => {
  it('equal sums computed here from the raw readings, for two years of irregular reads', () => {
    const { meter: ct } = createMeter(api, 'DB-1', { multiplier: 40 }, setup.campus);
    const series: Series = [];
    let value = 12_345.6;
    let day = Date.UTC(2023, 0, 3);
    for (let i = 0; day < Date.UTC(2025, 0, 10); i++) {
      const local = new Date(day + ((i * 7) % 11) * 3_600_000).toISOString().slice(0, 16);
      series.push({ local: local.replace('T', ' '), value: Math.round(value * 10) / 10 });
      value += 80 + ((i * 37) % 50) + 0.3;
      day += (25 + ((i * 13) % 9)) * 86_400_000;
    }
    addAll(series, ct.id);
    const reference = referenceDaily(series, 40);
    const months = call(api, 'meters.monthly', { meterId: ct.id, from: '2023-01', to: '2025-01' });
    const refMonths = sumBy(reference, 7);
    expect(months.items.map((m) => m.month)).toEqual([...refMonths.keys()].sort());
    for (const m of months.items) expect(m.amount).toBeCloseTo(refMonths.get(m.month)!, 7);
    const years = call(api, 'meters.yearly', { meterId: ct.id, from: 2023, to: 2025 });
    const refYears = sumBy(reference, 4);
    for (const y of years.items) expect(y.amount).toBeCloseTo(refYears.get(String(y.year))!, 7);
    const first = series[0]!.value;
    const last = series[series.length - 1]!.value;
    expect(Math.abs(years.total - (last - first) * 40)).toBeLessThan(1e-9 * (last - first) * 40);
  });
});

describe('editing, moving and deleting', () => {
  const series: Series = Array.from({ length: 12 }, (_, i) => ({
    local: `2024-${String(i + 1).padStart(2, '0')}-0${1 + (i % 5)} 09:30`,
    value: 1000 + i * 300 + (i % 3) * 17,
  }));

  it('an edited middle reading re-spreads only the days between its neighbours', () => {
    addAll(series);
    const before = dailyTable(api, meter.id);
    call(api, 'meters.editReading', {
      meterId: meter.id,
      at: sh(series[5]!.local),
      patch: { value: series[5]!.value + 60 },
    });
    const after = dailyTable(api, meter.id);
    expect(after.map((r) => r.day)).toEqual(before.map((r) => r.day));
    const lo = series[4]!.local.slice(0, 10);
    const hi = series[6]!.local.slice(0, 10);
    for (let i = 0; i < before.length; i++) {
      const b = before[i]!;
      const a = after[i]!;
      if (b.day < lo || b.day > hi) expect(a, b.day).toEqual(b);
    }
    expect(after.filter((r, i) => r.amount !== before[i]!.amount).length).toBeGreaterThan(50);
    const edited = series.map((r, i) => (i === 5 ? { ...r, value: r.value + 60 } : r));
    expectDaysClose(dailyMap(api, meter.id), referenceDaily(edited));
  });

  it('a moved reading and a deleted one leave the rollups a full rebuild gives', () => {
    addAll(series);
    call(api, 'meters.editReading', {
      meterId: meter.id,
      at: sh(series[3]!.local),
      patch: { at: sh('2024-04-20 18:00') },
    });
    const moved = series.map((r, i) => (i === 3 ? { ...r, local: '2024-04-20 18:00' } : r));
    expectDaysClose(dailyMap(api, meter.id), referenceDaily(moved));
    const gone = call(api, 'meters.deleteReading', { meterId: meter.id, at: sh(series[7]!.local) });
    expect(gone).toMatchObject({ value: series[7]!.value, estimated: false });
    const remaining = moved.filter((_, i) => i !== 7);
    expectDaysClose(dailyMap(api, meter.id), referenceDaily(remaining));
    // Deleting the last reading removes the days only it covered; rebuild agrees.
    call(api, 'meters.deleteReading', { meterId: meter.id, at: sh(series[11]!.local) });
    const incremental = dailyTable(api, meter.id);
    expect(incremental[incremental.length - 1]?.day).toBe(series[10]!.local.slice(0, 10));
    call(api, 'meters.rebuild', { meterId: meter.id });
    const rebuilt = dailyTable(api, meter.id);
    expect(rebuilt.map((r) => [r.day, r.intervals])).toEqual(
      incremental.map((r) => [r.day, r.intervals]),
    );
    rebuilt.forEach((r, i) => expect(r.amount).toBeCloseTo(incremental[i]!.amount, 9));
  });

  it('deleting every reading leaves no rollup row, and a missing reading is NOT_FOUND', () => {
    addAll(series.slice(0, 3));
    for (const r of series.slice(0, 3)) {
      call(api, 'meters.deleteReading', { meterId: meter.id, at: sh(r.local) });
    }
    expect(dailyTable(api, meter.id)).toEqual([]);
    const error = callError(api, 'meters.deleteReading', {
      meterId: meter.id,
      at: sh(series[0]!.local),
    });
    expect(error.code).toBe('NOT_FOUND');
  });
});
