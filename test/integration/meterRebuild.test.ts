// Rollups and the review queue when what they were spread with changes outside the readings, on a
// real file: a meter's multiplier or register digits edited through the asset form, a bulk edit or
// an import, and a site's time zone changed (or a meter or building moved under a site keeping
// another). The affected meters are re-spread in the same transaction, and what is left equals a
// fresh meters.rebuild; nothing is re-spread when nothing it depends on changed; a write failing
// halfway leaves the whole file as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { Asset } from '../../shared/contract/assets';
import { call, callError } from '../support/api';
import type { Campus } from '../support/assets';
import { dumpDb } from '../support/dump';
import { addReading, createMeter, dailyTable, referenceDaily, sumBy } from '../support/meters';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let campus: Campus;
let meter: Asset;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  const setup = createMeter(api, 'SB-001');
  campus = setup.campus;
  meter = setup.meter;
});

afterEach(() => t.cleanup());

/** The review rows of a meter as the queue holds them, without ids and times. */
function reviewTable(meterId: string) {
  return api.core.db
    .prepare(
      `SELECT interval_key, status, resolution, from_value, to_value, delta, proposed
       FROM meter_reviews WHERE meter_id = ? ORDER BY interval_key`,
    )
    .all(meterId);
}

function spread(meterId: string) {
  return { daily: dailyTable(api, meterId), reviews: reviewTable(meterId) };
}

/** What the write left must be what a full recompute from the readings gives. */
function expectAsRebuilt(meterId: string): void {
  const kept = spread(meterId);
  call(api, 'meters.rebuild', { meterId });
  expect(spread(meterId)).toEqual(kept);
}

function monthly(meterId: string, from = '2024-01', to = '2024-12') {
  return call(api, 'meters.monthly', { meterId, from, to });
}

function yearly(meterId: string) {
  return call(api, 'meters.yearly', { meterId, from: 2023, to: 2025 });
}

const DROP = { from: { value: 99_900 }, to: { value: 50 } };

const openReviews = (meterId: string) =>
  call(api, 'meters.reviews', { meterId, status: 'open' }).items;

const SERIES = [
  { local: '2024-01-10 09:00', value: 100 },
  { local: '2024-02-05 09:00', value: 400 },
  { local: '2024-03-20 15:30', value: 900 },
  { local: '2024-04-02 09:00', value: 1000 },
];

function addSeries(meterId: string): void {
  for (const r of SERIES) addReading(api, meterId, r.local, r.value);
}

function expectMonthsTimes(before: ReturnType<typeof monthly>, factor: number, meterId: string) {
  const after = monthly(meterId);
  expect(after.items.map((i) => i.month)).toEqual(before.items.map((i) => i.month));
  after.items.forEach((item, k) => {
    expect(item.amount).toBeCloseTo((before.items[k]?.amount ?? NaN) * factor, 6);
  });
  expect(after.total).toBeCloseTo(before.total * factor, 6);
}

describe('a meter’s register edited on the asset', () => {
  it('re-spreads a new multiplier: months ×10, as a fresh rebuild has them', () => {
    addSeries(meter.id);
    const before = monthly(meter.id);
    expect(before.total).toBeCloseTo(900, 9);

    call(api, 'assets.update', { id: meter.id, patch: { multiplier: 10 } });
    expectMonthsTimes(before, 10, meter.id);
    const reference = sumBy(referenceDaily(SERIES, 10), 7);
    for (const item of monthly(meter.id).items) {
      expect(item.amount).toBeCloseTo(reference.get(item.month) ?? NaN, 6);
    }
    expectAsRebuilt(meter.id);

    // And back: the rows are those of 1 again.
    call(api, 'assets.update', { id: meter.id, patch: { multiplier: 1 } });
    expectMonthsTimes(before, 1, meter.id);
  });

  it('re-spreads through a bulk edit and an import as well', () => {
    addSeries(meter.id);
    const other = createMeter(api, 'SB-002', { placeId: campus.roomB.id }, campus).meter;
    addSeries(other.id);
    const before = monthly(meter.id);

    const bulk = call(api, 'assets.bulkUpdate', {
      selection: { ids: [meter.id, other.id] },
      patch: { fields: { multiplier: 2.5 } },
    });
    expect(bulk.updated).toBe(2);
    expectMonthsTimes(before, 2.5, meter.id);
    expectMonthsTimes(before, 2.5, other.id);
    expectAsRebuilt(other.id);

    const dir = fs.mkdtempSync(path.join(path.dirname(t.file), 'import-'));
    const file = path.join(dir, 'meters.csv');
    fs.writeFileSync(file, '编号,名称,类别,倍率\r\nSB-001,水表,计量表,4\r\n');
    const imported = call(api, 'assets.importCommit', {
      fileName: 'meters.csv',
      contentBase64: fs.readFileSync(file).toString('base64'),
      mode: 'all',
    });
    expect(imported.updated).toBe(1);
    expectMonthsTimes(before, 4, meter.id);
    expectMonthsTimes(before, 2.5, other.id);
    expectAsRebuilt(meter.id);
  });

  it('moves a stored drop between the review queue and a rollover as the digits change', () => {
    addReading(api, meter.id, '2024-01-01 09:00', 99_900);
    addReading(api, meter.id, '2024-02-01 09:00', 50);
    addReading(api, meter.id, '2024-03-01 09:00', 350);
    // No digits: the drop is an unexplained negative delta, waiting in the queue uncounted.
    expect(openReviews(meter.id)).toHaveLength(1);
    expect(openReviews(meter.id)[0]).toMatchObject(DROP);
    expect(monthly(meter.id).total).toBeCloseTo(300, 9);
    expect(monthly(meter.id).items[0]).toMatchObject({ month: '2024-01', pending: true });

    // Five digits: 100000 − 99900 + 50 = 150, less than half the register, so a rollover.
    call(api, 'assets.update', { id: meter.id, patch: { registerDigits: 5 } });
    expect(openReviews(meter.id)).toEqual([]);
    const cleared = call(api, 'meters.reviews', { meterId: meter.id, status: 'resolved' }).items;
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({ resolution: 'cleared' });
    expect(monthly(meter.id).total).toBeCloseTo(450, 9);
    expect(monthly(meter.id).items.some((i) => i.pending)).toBe(false);
    expectAsRebuilt(meter.id);

    // And the reverse: without digits the pair is back in the queue, reopened.
    call(api, 'assets.update', { id: meter.id, patch: { registerDigits: null } });
    expect(openReviews(meter.id)).toHaveLength(1);
    expect(openReviews(meter.id)[0]).toMatchObject(DROP);
    expect(monthly(meter.id).total).toBeCloseTo(300, 9);
    expectAsRebuilt(meter.id);
  });

  it('re-spreads a meter moved to a place under a site keeping another zone', () => {
    addSeries(meter.id);
    const london = londonSite();
    // 10 January from 09:00 in Shanghai is 15 h of the interval, from 01:00 in London 23 h.
    const tenth = () => amounts(meter.id)['2024-01-10'] ?? NaN;
    const perHour = 300 / (26 * 24);
    expect(tenth()).toBeCloseTo(15 * perHour, 9);
    call(api, 'assets.update', { id: meter.id, patch: { placeId: london.room.id } });
    expect(call(api, 'meters.daily', dayRange(meter.id)).timeZone).toBe('Europe/London');
    expect(tenth()).toBeCloseTo(23 * perHour, 9);
    expect(yearly(meter.id).total).toBeCloseTo(900, 9);
    expectAsRebuilt(meter.id);
  });
});

/** A second site in Europe/London with a building, floor and room. */
function londonSite() {
  const site = call(api, 'places.create', {
    kind: 'site',
    parentId: null,
    name: '伦敦校区',
    code: 'LDN',
    timeZone: 'Europe/London',
  });
  const building = call(api, 'places.create', {
    kind: 'building',
    parentId: site.id,
    name: '伦敦楼',
    code: 'LDN-A',
  });
  const floor = call(api, 'places.create', { kind: 'floor', parentId: building.id, name: '1层' });
  const room = call(api, 'places.create', { kind: 'room', parentId: floor.id, name: 'L101' });
  return { site, building, floor, room };
}

const dayRange = (meterId: string) => ({ meterId, from: '2024-01-01', to: '2024-12-31' });

// One unit an hour from 2024-02-29 22:00 UTC: 24 by 2024-03-01 22:00 UTC, 768 a month later,
// across London's spring-forward night (2024-03-31, a day of 23 hours).
const HOURLY = [
  { at: '2024-02-29T22:00:00.000Z', value: 0 },
  { at: '2024-03-01T22:00:00.000Z', value: 24 },
  { at: '2024-04-01T22:00:00.000Z', value: 768 },
];

function addHourly(meterId: string): void {
  for (const r of HOURLY) call(api, 'meters.addReading', { meterId, at: r.at, value: r.value });
}

const amounts = (meterId: string) =>
  Object.fromEntries(dailyTable(api, meterId).map((r) => [r.day, r.amount]));

describe('a site’s time zone changed', () => {
  it('moves the daily rows of every meter under it to the new local days', () => {
    addHourly(meter.id);
    const second = createMeter(api, 'SB-002', { placeId: campus.green.id }, campus).meter;
    addHourly(second.id);
    const away = londonSite();
    const elsewhere = createMeter(api, 'SB-003', { placeId: away.room.id }, campus).meter;
    addHourly(elsewhere.id);
    const untouched = dailyTable(api, elsewhere.id);

    const shanghai = amounts(meter.id);
    // Shanghai (UTC+8): the first interval is 18 h on 1 March and 6 h on 2 March.
    expect(shanghai['2024-02-29']).toBeUndefined();
    expect(shanghai['2024-03-01']).toBeCloseTo(18, 9);
    expect(shanghai['2024-04-02']).toBeCloseTo(6, 9);
    const shanghaiMonths = monthly(meter.id).items.map((i) => [i.month, i.amount]);
    expect(yearly(meter.id).total).toBeCloseTo(768, 9);

    call(api, 'places.update', { id: campus.site.id, patch: { timeZone: 'Europe/London' } });

    for (const id of [meter.id, second.id]) {
      const london = amounts(id);
      // London (GMT, then BST from 31 March): 2 h on 29 February, 22 + 2 on 1 March.
      expect(london['2024-02-29']).toBeCloseTo(2, 9);
      expect(london['2024-03-01']).toBeCloseTo(24, 9);
      expect(london['2024-03-30']).toBeCloseTo(24, 9);
      expect(london['2024-03-31']).toBeCloseTo(23, 9);
      expect(london['2024-04-01']).toBeCloseTo(23, 9);
      expect(london['2024-04-02']).toBeUndefined();
      const months = monthly(id);
      expect(months.timeZone).toBe('Europe/London');
      expect(months.items.map((i) => i.month)).toEqual(['2024-02', '2024-03', '2024-04']);
      expect(months.items[0]?.amount).toBeCloseTo(2, 9);
      expect(months.items[1]?.amount).toBeCloseTo(743, 9);
      expect(months.items[2]?.amount).toBeCloseTo(23, 9);
      expect(yearly(id).items).toHaveLength(1);
      expect(yearly(id).total).toBeCloseTo(768, 9);
      expectAsRebuilt(id);
    }
    // A meter of another site keeps its days.
    expect(dailyTable(api, elsewhere.id)).toEqual(untouched);

    // And back to Shanghai: the first days again.
    call(api, 'places.update', { id: campus.site.id, patch: { timeZone: 'Asia/Shanghai' } });
    expect(monthly(meter.id).items.map((i) => [i.month, i.amount])).toEqual(shanghaiMonths);
    expect(Object.keys(amounts(meter.id))).toEqual(Object.keys(shanghai));
  });

  it('re-spreads the meters of a building moved under a site keeping another zone', () => {
    const inB = createMeter(api, 'SB-002', { placeId: campus.roomB.id }, campus).meter;
    addHourly(inB.id);
    addHourly(meter.id);
    const stays = dailyTable(api, meter.id);
    const away = londonSite();
    call(api, 'places.move', { id: campus.building2.id, parentId: away.site.id });
    expect(amounts(inB.id)['2024-03-31']).toBeCloseTo(23, 9);
    expect(yearly(inB.id).total).toBeCloseTo(768, 9);
    expectAsRebuilt(inB.id);
    expect(dailyTable(api, meter.id)).toEqual(stays);
  });
});

/**
 * Any re-spread of a meter with rollups starts by deleting them: a trigger refusing that shows
 * that a write re-spread nothing. A TEMP trigger stays out of the file and of dumpDb.
 */
function refuseRespread(): () => void {
  api.core.db.exec(`CREATE TEMP TRIGGER refuse_respread BEFORE DELETE ON main.meter_daily
    BEGIN SELECT RAISE(ABORT, 'rollups re-spread'); END`);
  return () => api.core.db.exec('DROP TRIGGER temp.refuse_respread');
}

describe('nothing to re-spread', () => {
  it('leaves the rollups alone when neither the register nor the zone changed', () => {
    addSeries(meter.id);
    const fresh = createMeter(api, 'SB-002', {}, campus).meter;
    const sameZone = call(api, 'places.create', {
      kind: 'site',
      parentId: null,
      name: '东校区',
      timeZone: 'Asia/Shanghai',
    });
    const before = spread(meter.id);
    const allow = refuseRespread();

    call(api, 'assets.update', { id: meter.id, patch: { name: '总水表', serial: 'SN-NEW' } });
    // An empty multiplier already counted as 1.
    call(api, 'assets.update', { id: meter.id, patch: { multiplier: 1 } });
    // Another room of the same site.
    call(api, 'assets.update', { id: meter.id, patch: { placeId: campus.room2.id } });
    call(api, 'assets.bulkUpdate', {
      selection: { ids: [meter.id, fresh.id] },
      patch: { status: 'standby', notes: '已核对' },
    });
    // A meter without readings has nothing to re-spread.
    call(api, 'assets.update', { id: fresh.id, patch: { multiplier: 40, registerDigits: 6 } });
    call(api, 'places.update', { id: campus.site.id, patch: { name: '主校区', notes: '改名' } });
    call(api, 'places.update', { id: campus.site.id, patch: { timeZone: 'Asia/Shanghai' } });
    // Another site, but the same zone.
    call(api, 'places.move', { id: campus.building.id, parentId: sameZone.id });
    expect(spread(meter.id)).toEqual(before);

    // The trigger does catch a re-spread.
    const error = callError(api, 'assets.update', { id: meter.id, patch: { multiplier: 3 } });
    expect(JSON.stringify(error)).toContain('rollups re-spread');
    allow();
    expect(call(api, 'assets.update', { id: meter.id, patch: { multiplier: 3 } }).multiplier).toBe(
      3,
    );
  });
});

/** Refuses rollup rows of one meter, as a full disk would halfway through a re-spread. */
function failRollupsOf(meterId: string): void {
  api.core.db.exec(`CREATE TEMP TRIGGER fail_rollups BEFORE INSERT ON main.meter_daily
    WHEN NEW.meter_id = '${meterId}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
}

describe('a write that fails', () => {
  beforeEach(() => {
    addReading(api, meter.id, '2024-01-01 09:00', 99_900);
    addReading(api, meter.id, '2024-02-01 09:00', 50);
    addHourly(meter.id);
  });

  it('leaves everything as it was when the second meter of a zone change fails', () => {
    // Re-spread in code order: SB-001 is done when SB-002 fails.
    const second = createMeter(api, 'SB-002', { placeId: campus.roomB.id }, campus).meter;
    addHourly(second.id);
    const before = dumpDb(api.core.db);
    failRollupsOf(second.id);
    const error = callError(api, 'places.update', {
      id: campus.site.id,
      patch: { timeZone: 'Europe/London' },
    });
    expect(JSON.stringify(error)).toContain('disk full');
    expect(dumpDb(api.core.db)).toEqual(before);
    expect(call(api, 'places.get', { id: campus.site.id }).place.timeZone).toBe('Asia/Shanghai');
  });

  it('leaves everything as it was when a register edit fails to re-spread', () => {
    const open = openReviews(meter.id);
    expect(open.length).toBeGreaterThan(0);
    const before = dumpDb(api.core.db);
    failRollupsOf(meter.id);
    callError(api, 'assets.update', { id: meter.id, patch: { registerDigits: 5 } });
    expect(dumpDb(api.core.db)).toEqual(before);
    expect(openReviews(meter.id)).toEqual(open);
  });

  it('leaves everything as it was when a bulk edit fails after re-spreading a meter', () => {
    const before = dumpDb(api.core.db);
    const error = callError(api, 'assets.bulkUpdate', {
      selection: { ids: [meter.id, 'no-such-asset'] },
      patch: { fields: { multiplier: 10 } },
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(dumpDb(api.core.db)).toEqual(before);
  });
});
