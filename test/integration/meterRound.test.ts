// The reading round through the dispatch table: the meters of a building's subtree (not another
// building's, not retired ones, by utility when asked) with their last reading and the expected
// range of the next one — from past intervals for a monthly meter (hand-worked: 10 a day, spread
// at its 10 % floor), scaled by the multiplier into register values, and from the last 28 daily
// rollups for an hourly meter; at an instant a meter was already read at, the reading before it as
// the last one and the one there as existing — and the check of a value before it is saved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { Asset } from '../../shared/contract/assets';
import { addReadingsBulk } from '../../electron/services/metersBulk';
import { call } from '../support/api';
import type { Campus } from '../support/assets';
import { addReading, createMeter, utc } from '../support/meters';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let campus: Campus;
let water: Asset;

const DAY = 86_400_000;
const START = Date.parse('2024-01-01T09:00:00+08:00');

/** Seven readings 30 days apart, `step` register units each time. */
function steady(meterId: string, first: number, step: number): number {
  let value = first;
  for (let i = 0; i < 7; i++) {
    call(api, 'meters.addReading', {
      meterId,
      at: new Date(START + i * 30 * DAY).toISOString(),
      value,
    });
    value += step;
  }
  return value - step;
}

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  const setup = createMeter(api, 'SB-A');
  campus = setup.campus;
  water = setup.meter;
});

afterEach(() => t.cleanup());

// Thirty days after the last of the seven readings.
const roundAt = new Date(START + 7 * 30 * DAY).toISOString();

describe('the round of a building', () => {
  it('lists its meters with the last reading and the expected range, hand-worked', () => {
    const lastWater = steady(water.id, 1000, 300);
    const power = createMeter(
      api,
      'DB-B',
      { utility: 'electricity', unit: 'kWh', multiplier: 10, placeId: campus.room201.id },
      campus,
    ).meter;
    const lastPower = steady(power.id, 500, 30);
    const other = createMeter(api, 'SB-C', { placeId: campus.roomB.id }, campus).meter;
    addReading(api, other.id, '2024-01-01 09:00', 1);
    createMeter(api, 'SB-D', { placeId: campus.room2.id, status: 'retired' }, campus);
    const fresh = createMeter(api, 'SB-E', { placeId: campus.room2.id }, campus).meter;
    addReading(api, fresh.id, '2024-03-01 09:00', 42);

    const round = call(api, 'meters.round', { placeId: campus.building.id, at: roundAt });
    expect(round.timeZone).toBe('Asia/Shanghai');
    expect(round.items.map((i) => i.code)).toEqual(['DB-B', 'SB-A', 'SB-E']);
    const a = round.items.find((i) => i.code === 'SB-A')!;
    expect(a.last).toMatchObject({
      value: lastWater,
      at: new Date(START + 6 * 30 * DAY).toISOString(),
    });
    // Six intervals of 300 over 30 days: 10 a day, no spread, so the 10 % floor: 9–11 a day.
    expect(a.expected).toMatchObject({ dailyRate: 10, days: 30, basis: 6 });
    expect(a.expected!.typical).toBeCloseTo(300, 9);
    expect(a.expected!.low).toBeCloseTo(270, 9);
    expect(a.expected!.high).toBeCloseTo(330, 9);
    expect(a.expectedValues!.low).toBeCloseTo(lastWater + 270, 9);
    const b = round.items.find((i) => i.code === 'DB-B')!;
    expect(b.expected!.typical).toBeCloseTo(300, 9); // 30 register units × 10
    expect(b.expectedValues!.low).toBeCloseTo(lastPower + 27, 9);
    expect(b.expectedValues!.high).toBeCloseTo(lastPower + 33, 9);
    const e = round.items.find((i) => i.code === 'SB-E')!;
    expect(e).toMatchObject({ last: { value: 42, local: '2024-03-01 09:00' }, expected: null });
    expect(round.items.map((i) => i.existing)).toEqual([null, null, null]);

    const electric = call(api, 'meters.round', {
      placeId: campus.building.id,
      utility: 'electricity',
      at: roundAt,
    });
    expect(electric.items.map((i) => i.code)).toEqual(['DB-B']);
  });

  it('takes an hourly meter\u2019s range from its last 28 daily rollups', () => {
    const hourly = createMeter(api, 'SB-H', {}, campus).meter;
    const first = Date.parse('2024-05-01T00:00:00+08:00');
    const rows = Array.from({ length: 35 * 24 }, (_, h) => ({
      at: first + h * 3_600_000,
      value: 100 + 2 * h,
    }));
    addReadingsBulk({ core: api.core, db: api.core.db, actor: '测试员' }, hourly.id, rows, {
      source: 'device',
    });
    const last = first + (rows.length - 1) * 3_600_000;
    const round = call(api, 'meters.round', {
      placeId: campus.room.id,
      at: new Date(last + 12 * 3_600_000).toISOString(),
    });
    const h = round.items.find((i) => i.code === 'SB-H')!;
    expect(h.expected).toMatchObject({ basis: 28, days: 0.5 });
    expect(h.expected!.dailyRate).toBeCloseTo(48, 9);
    expect(h.expected!.typical).toBeCloseTo(24, 9);
    expect(h.expected!.low).toBeCloseTo(21.6, 9);
    expect(h.expected!.high).toBeCloseTo(26.4, 9);
  });
});

describe('a round at an instant a meter was already read at', () => {
  it('reads against the reading before it, and says which reading is there', () => {
    const stored = steady(water.id, 1000, 300);
    const at = new Date(START + 6 * 30 * DAY).toISOString();
    const estimatedToo = createMeter(api, 'SB-F', { placeId: campus.room2.id }, campus).meter;
    addReading(api, estimatedToo.id, '2024-01-01 09:00', 10);
    call(api, 'meters.addReading', { meterId: estimatedToo.id, at, value: 20, estimated: true });
    const onlyThere = createMeter(api, 'SB-G', { placeId: campus.room2.id }, campus).meter;
    call(api, 'meters.addReading', { meterId: onlyThere.id, at, value: 7 });

    const round = call(api, 'meters.round', { placeId: campus.building.id, at });
    const a = round.items.find((i) => i.code === 'SB-A')!;
    // `last` is the sixth reading, and the range runs from it to the seventh's instant: five
    // intervals of 10 a day before it, 30 days.
    expect(a.last).toMatchObject({
      value: stored - 300,
      at: new Date(START + 5 * 30 * DAY).toISOString(),
      local: '2024-05-30 09:00',
    });
    expect(a.existing).toEqual({ value: stored, estimated: false });
    expect(a.expected).toMatchObject({ dailyRate: 10, days: 30, basis: 5 });
    expect(a.expectedValues!.low).toBeCloseTo(stored - 300 + 270, 9);
    expect(a.expectedValues!.high).toBeCloseTo(stored - 300 + 330, 9);
    // The same answer as the check of a value at that instant gives.
    const check = call(api, 'meters.checkReading', { meterId: water.id, at, value: stored });
    expect(check.previous).toMatchObject({ at: a.last!.at, value: a.last!.value });
    expect(check.expected).toEqual(a.expected);
    expect(check.existing).toEqual(a.existing);
    // A millisecond later the seventh reading is the last one, and nothing is there yet.
    const after = call(api, 'meters.round', {
      placeId: campus.building.id,
      at: new Date(Date.parse(at) + 1).toISOString(),
    });
    expect(after.items.find((i) => i.code === 'SB-A')).toMatchObject({
      last: { value: stored, at },
      existing: null,
    });

    const f = round.items.find((i) => i.code === 'SB-F')!;
    expect(f).toMatchObject({
      last: { value: 10, estimated: false },
      existing: { value: 20, estimated: true },
    });
    const g = round.items.find((i) => i.code === 'SB-G')!;
    expect(g).toMatchObject({ last: null, expected: null, expectedValues: null });
    expect(g.existing).toEqual({ value: 7, estimated: false });
  });

  it('takes an hourly meter\u2019s range up to the instant from the hour before it', () => {
    const hourly = createMeter(api, 'SB-H', {}, campus).meter;
    const first = Date.parse('2024-05-01T00:00:00+08:00');
    const rows = Array.from({ length: 35 * 24 }, (_, h) => ({
      at: first + h * 3_600_000,
      value: 100 + 2 * h,
    }));
    addReadingsBulk({ core: api.core, db: api.core.db, actor: '测试员' }, hourly.id, rows, {
      source: 'device',
    });
    const lastAt = first + (rows.length - 1) * 3_600_000;
    const round = call(api, 'meters.round', {
      placeId: campus.room.id,
      at: new Date(lastAt).toISOString(),
    });
    const h = round.items.find((i) => i.code === 'SB-H')!;
    expect(h.last).toMatchObject({ value: 100 + 2 * (rows.length - 2) });
    expect(h.existing).toEqual({ value: 100 + 2 * (rows.length - 1), estimated: false });
    expect(h.expected!.days).toBeCloseTo(1 / 24, 9);
    expect(h.expected!.typical).toBeCloseTo(2, 9);
  });
});

describe('checking a value before it is saved', () => {
  it('says what it would count and whether that is outside the range', () => {
    const last = steady(water.id, 1000, 300);
    const check = (value: number) =>
      call(api, 'meters.checkReading', { meterId: water.id, at: roundAt, value });
    expect(check(last + 300)).toMatchObject({
      previous: { value: last, estimated: false },
      amount: 300,
      kind: 'normal',
      registerDelta: 300,
      outside: false,
      existing: null,
    });
    expect(check(last + 500)).toMatchObject({ amount: 500, outside: true });
    expect(check(last + 100)).toMatchObject({ amount: 100, outside: true });
    expect(check(last - 5)).toMatchObject({ amount: null, kind: 'review', outside: false });
    const same = call(api, 'meters.checkReading', {
      meterId: water.id,
      at: utc('2024-01-01 09:00'),
      value: 1000,
    });
    expect(same).toMatchObject({ previous: null, existing: { value: 1000 }, expected: null });
    // Nothing was written by any check.
    expect(call(api, 'meters.readings', { meterId: water.id }).total).toBe(7);
  });

  it('counts a rollover on a register with digits', () => {
    const small = createMeter(api, 'SB-5', { registerDigits: 5 }, campus).meter;
    addReading(api, small.id, '2024-01-01 09:00', 99_900);
    const check = call(api, 'meters.checkReading', {
      meterId: small.id,
      at: utc('2024-02-01 09:00'),
      value: 50,
    });
    expect(check).toMatchObject({ amount: 150, kind: 'rollover', registerDelta: -99_850 });
  });
});
