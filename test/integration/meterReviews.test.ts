// The review queue through the dispatch table: an unexplained negative delta lands in the queue
// with its reading pair and proposal, counts nothing (its days flagged pending) until staff
// resolve it, and each resolution — typo, rollover, replacement, accept — counts it as decided and
// re-spreads its days; a decision that does not fit is refused and changes nothing; the queue
// follows the pair when a reading is edited or deleted (cleared, reopened, stale decisions void).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { Asset } from '../../shared/contract/assets';
import type { ReviewItem } from '../../shared/contract/meters';
import { call, callError } from '../support/api';
import { dumpDb } from '../support/dump';
import {
  addReading,
  createMeter,
  dailyMap,
  dailyTable,
  referenceDaily,
  reviewRows,
  sh,
  utc,
} from '../support/meters';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let meter: Asset;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  meter = createMeter(api, 'SB-R').meter;
});

afterEach(() => t.cleanup());

function onlyOpen(): ReviewItem {
  const items = reviewRows(api, meter.id);
  expect(items).toHaveLength(1);
  return items[0]!;
}

function lastInterval() {
  return call(api, 'meters.readings', { meterId: meter.id, limit: 1 }).items[0]?.interval;
}

const typoSeries = [
  { local: '2024-01-01 10:00', value: 1000 },
  { local: '2024-02-01 10:00', value: 1300 },
  { local: '2024-03-01 10:00', value: 1250 }, // keyed for 1520
  { local: '2024-04-01 10:00', value: 1900 },
];

describe('a negative delta', () => {
  it('lands in the queue with its pair and a typo proposal, and counts nothing until resolved', () => {
    for (const r of typoSeries) addReading(api, meter.id, r.local, r.value);
    const item = onlyOpen();
    expect(item).toMatchObject({
      meterCode: 'SB-R',
      from: { at: utc('2024-02-01 10:00'), value: 1300, reading: true },
      to: { at: utc('2024-03-01 10:00'), value: 1250, reading: true },
      delta: -50,
      proposed: 'typo',
      suggestion: { reading: 'to', value: 1520, edit: 'transposition' },
      status: 'open',
    });
    const march = call(api, 'meters.readings', { meterId: meter.id, offset: 1, limit: 1 }).items[0];
    expect(march?.interval).toMatchObject({ amount: null, kind: 'review', reviewId: item.id });
    const feb = dailyTable(api, meter.id).filter(
      (d) => d.day >= '2024-02-02' && d.day < '2024-03-01',
    );
    expect(feb.every((d) => d.pending === 1 && d.amount === 0)).toBe(true);
    const months = call(api, 'meters.monthly', {
      meterId: meter.id,
      from: '2024-02',
      to: '2024-02',
    });
    expect(months.items[0]?.pending).toBe(true);

    const resolved = call(api, 'meters.resolveReview', {
      id: item.id,
      resolution: { as: 'typo', reading: 'to', value: 1520 },
      note: '抄表员看错',
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'typo', note: '抄表员看错' });
    expect(reviewRows(api, meter.id)).toEqual([]);
    const fixed = typoSeries.map((r, i) => (i === 2 ? { ...r, value: 1520 } : r));
    const days = dailyMap(api, meter.id);
    for (const [day, amount] of referenceDaily(fixed))
      expect(days.get(day), day).toBeCloseTo(amount, 9);
    expect(dailyTable(api, meter.id).every((d) => d.pending === 0)).toBe(true);
  });

  it('refuses a typo correction that still leaves a drop, and an already resolved item', () => {
    for (const r of typoSeries) addReading(api, meter.id, r.local, r.value);
    const item = onlyOpen();
    const before = dumpDb(api.core.db);
    const still = callError(api, 'meters.resolveReview', {
      id: item.id,
      resolution: { as: 'typo', reading: 'to', value: 1290 },
    });
    expect(still.code).toBe('CONFLICT');
    const unfit = callError(api, 'meters.resolveReview', {
      id: item.id,
      resolution: { as: 'replacement', closing: 1200, opening: 0 },
    });
    expect(unfit.code).toBe('VALIDATION');
    expect(dumpDb(api.core.db)).toEqual(before);
    call(api, 'meters.resolveReview', { id: item.id, resolution: { as: 'accept' } });
    const again = callError(api, 'meters.resolveReview', {
      id: item.id,
      resolution: { as: 'accept' },
    });
    expect(again).toMatchObject({ code: 'CONFLICT', details: { reason: 'ALREADY_RESOLVED' } });
    expect(
      callError(api, 'meters.resolveReview', { id: 'nope', resolution: { as: 'accept' } }).code,
    ).toBe('NOT_FOUND');
  });
});

describe('each resolution', () => {
  it('rollover: a register whose digits were not set rolled over at 10^5', () => {
    addReading(api, meter.id, '2024-01-01 10:00', 99_870);
    addReading(api, meter.id, '2024-02-01 10:00', 130);
    const item = onlyOpen();
    expect(item).toMatchObject({ proposed: 'rollover', proposedDigits: 5 });
    call(api, 'meters.resolveReview', { id: item.id, resolution: { as: 'rollover' } });
    expect(lastInterval()).toMatchObject({ amount: 260, kind: 'rollover', reviewId: item.id });
    expect(
      call(api, 'meters.monthly', { meterId: meter.id, from: '2024-01', to: '2024-02' }).total,
    ).toBeCloseTo(260, 9);
  });

  it('replacement: an unrecorded swap between the readings, closing and opening given', () => {
    addReading(api, meter.id, '2024-01-01 10:00', 5000);
    addReading(api, meter.id, '2024-02-01 10:00', 170);
    const item = onlyOpen();
    expect(item.proposed).toBe('replacement');
    call(api, 'meters.resolveReview', {
      id: item.id,
      resolution: { as: 'replacement', closing: 5140, opening: 0 },
    });
    expect(lastInterval()).toMatchObject({ amount: 310, kind: 'replacement' });
    const [done] = call(api, 'meters.reviews', { meterId: meter.id, status: 'resolved' }).items;
    expect(done).toMatchObject({
      resolution: 'replacement',
      resolutionClosing: 5140,
      resolutionOpening: 0,
    });
  });

  it('accept: the register really ran back; the negative amount is counted and shown', () => {
    addReading(api, meter.id, '2024-01-01 10:00', 1300);
    addReading(api, meter.id, '2024-02-01 10:00', 1250);
    const item = onlyOpen();
    call(api, 'meters.resolveReview', { id: item.id, resolution: { as: 'accept' } });
    expect(lastInterval()).toMatchObject({ amount: -50, kind: 'correction' });
    expect(
      call(api, 'meters.yearly', { meterId: meter.id, from: 2024, to: 2024 }).total,
    ).toBeCloseTo(-50, 9);
    const audit = api.core.db
      .prepare(`SELECT note FROM audit_log WHERE entity = 'meter_review' AND entity_id = ?`)
      .pluck()
      .all(meter.id);
    expect(audit).toHaveLength(1);
  });
});

describe('the queue follows its pair', () => {
  it('an edit that explains the drop clears the item; one that brings it back reopens it', () => {
    for (const r of typoSeries) addReading(api, meter.id, r.local, r.value);
    const item = onlyOpen();
    const at = sh('2024-03-01 10:00');
    call(api, 'meters.editReading', { meterId: meter.id, at, patch: { value: 1520 } });
    expect(reviewRows(api, meter.id)).toEqual([]);
    const [cleared] = call(api, 'meters.reviews', { meterId: meter.id, status: 'resolved' }).items;
    expect(cleared).toMatchObject({ id: item.id, resolution: 'cleared' });
    call(api, 'meters.editReading', { meterId: meter.id, at, patch: { value: 1240 } });
    expect(onlyOpen()).toMatchObject({
      id: item.id,
      status: 'open',
      to: { value: 1240 },
      delta: -60,
    });
  });

  it('a decision stops counting when its pair changes, and deleting a reading clears its item', () => {
    for (const r of typoSeries) addReading(api, meter.id, r.local, r.value);
    const item = onlyOpen();
    call(api, 'meters.resolveReview', { id: item.id, resolution: { as: 'accept' } });
    const at = sh('2024-03-01 10:00');
    call(api, 'meters.editReading', { meterId: meter.id, at, patch: { value: 1200 } });
    // Accepting −50 says nothing about −100: the pair is back in the queue.
    expect(onlyOpen()).toMatchObject({ id: item.id, delta: -100 });
    call(api, 'meters.deleteReading', { meterId: meter.id, at });
    expect(reviewRows(api, meter.id)).toEqual([]);
    const remaining = typoSeries.filter((_, i) => i !== 2);
    const days = dailyMap(api, meter.id);
    for (const [day, amount] of referenceDaily(remaining))
      expect(days.get(day), day).toBeCloseTo(amount, 9);
    expect(dailyTable(api, meter.id).every((d) => d.pending === 0)).toBe(true);
  });

  it('a rebuild keeps decisions and open items as they were', () => {
    for (const r of typoSeries) addReading(api, meter.id, r.local, r.value);
    addReading(api, meter.id, '2024-05-01 10:00', 1800);
    const open = reviewRows(api, meter.id);
    expect(open).toHaveLength(2);
    call(api, 'meters.resolveReview', { id: open[0]!.id, resolution: { as: 'accept' } });
    const before = dailyTable(api, meter.id);
    const rebuilt = call(api, 'meters.rebuild', { meterId: meter.id });
    expect(rebuilt).toMatchObject({ intervals: 4, open: 1, days: before.length });
    const after = dailyTable(api, meter.id);
    after.forEach((r, i) => {
      expect({ ...r, amount: 0 }).toEqual({ ...before[i]!, amount: 0 });
      expect(r.amount).toBeCloseTo(before[i]!.amount, 9);
    });
    expect(reviewRows(api, meter.id).map((r) => r.id)).toEqual([open[1]!.id]);
  });
});
