// Meter lifecycle events through the dispatch table: a replacement mid-month (closing − v1 on the
// old register plus v2 − opening on the new, each spread over its own days), recorded after the
// fact so that the negative pair it explains leaves the review queue; a new register's multiplier
// counting from the swap on; the asset following the newest register; install and remove bounding
// the readings; events out of order refused; deleting an event putting everything back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { Asset } from '../../shared/contract/assets';
import { call, callError } from '../support/api';
import { auditRowsFor } from '../support/assets';
import { dumpDb } from '../support/dump';
import {
  addReading,
  createMeter,
  dailyMap,
  dailyTable,
  referenceDaily,
  sh,
  sumBy,
} from '../support/meters';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let meter: Asset;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  meter = createMeter(api, 'SB-7', { registerDigits: 6 }).meter;
});

afterEach(() => t.cleanup());

function merged(...maps: Map<string, number>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of maps) for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

function expectDaysClose(actual: Map<string, number>, expected: Map<string, number>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [day, amount] of expected) expect(actual.get(day), day).toBeCloseTo(amount, 9);
}

const replaceInput = {
  kind: 'replace' as const,
  at: sh('2024-01-15 12:00'),
  closing: 5140,
  opening: 0,
  serial: 'SN-NEW-1',
};

describe('a replacement mid-month', () => {
  it('bridges the swap, clears the review the swap explains, and moves the asset on', () => {
    addReading(api, meter.id, '2024-01-01 10:00', 5000);
    const drop = addReading(api, meter.id, '2024-02-01 10:00', 170);
    expect(drop.interval).toMatchObject({ amount: null, kind: 'review' });
    const [item] = call(api, 'meters.reviews', { meterId: meter.id }).items;
    expect(item).toMatchObject({ proposed: 'replacement', delta: -4830, status: 'open' });
    expect(dailyTable(api, meter.id).every((d) => d.pending === 1)).toBe(true);

    const event = call(api, 'meters.addEvent', { meterId: meter.id, ...replaceInput });
    expect(event).toMatchObject({ kind: 'replace', local: '2024-01-15 12:00', multiplier: 1 });
    expect(event.registerDigits).toBe(6);

    const [feb] = call(api, 'meters.readings', { meterId: meter.id, limit: 1 }).items;
    expect(feb?.interval).toMatchObject({ amount: 170, kind: 'replacement', registerDelta: 170 });
    expect(call(api, 'meters.reviews', { meterId: meter.id }).total).toBe(0);
    const [resolved] = call(api, 'meters.reviews', { meterId: meter.id, status: 'resolved' }).items;
    expect(resolved).toMatchObject({ id: item!.id, resolution: 'cleared', resolvedBy: '测试员' });

    const expected = merged(
      referenceDaily([
        { local: '2024-01-01 10:00', value: 5000 },
        { local: '2024-01-15 12:00', value: 5140 },
      ]),
      referenceDaily([
        { local: '2024-01-15 12:00', value: 0 },
        { local: '2024-02-01 10:00', value: 170 },
      ]),
    );
    expectDaysClose(dailyMap(api, meter.id), expected);
    expect(dailyTable(api, meter.id).every((d) => d.pending === 0)).toBe(true);
    const months = call(api, 'meters.monthly', {
      meterId: meter.id,
      from: '2024-01',
      to: '2024-02',
    });
    expect(months.items[0]?.amount).toBeCloseTo(sumBy(expected, 7).get('2024-01')!, 9);
    expect(months.total).toBeCloseTo(310, 9);

    expect(call(api, 'assets.get', { id: meter.id }).asset.serial).toBe('SN-NEW-1');
    expect(auditRowsFor(api, meter.id).map((r) => `${r.entity}:${r.action}`)).toContain(
      'meter_event:create',
    );
  });

  it('counts after the swap with the new register multiplier, and deleting the event undoes it all', () => {
    addReading(api, meter.id, '2024-01-01 10:00', 5000);
    addReading(api, meter.id, '2024-01-10 10:00', 5090);
    const before = dumpDb(api.core.db);
    const days = dailyTable(api, meter.id);
    const event = call(api, 'meters.addEvent', {
      meterId: meter.id,
      ...replaceInput,
      multiplier: 10,
      registerDigits: 4,
    });
    addReading(api, meter.id, '2024-02-01 10:00', 17);
    const [feb] = call(api, 'meters.readings', { meterId: meter.id, limit: 1 }).items;
    expect(feb?.interval).toMatchObject({ amount: 170, kind: 'replacement' });
    expect(call(api, 'assets.get', { id: meter.id }).asset).toMatchObject({
      multiplier: 10,
      registerDigits: 4,
      serial: 'SN-NEW-1',
    });
    call(api, 'meters.deleteReading', { meterId: meter.id, at: sh('2024-02-01 10:00') });
    call(api, 'meters.deleteEvent', { id: event.id });
    expect(call(api, 'assets.get', { id: meter.id }).asset).toMatchObject({
      multiplier: null,
      registerDigits: 6,
      serial: 'SN-SB-7',
    });
    expect(dailyTable(api, meter.id)).toEqual(days);
    const after = dumpDb(api.core.db);
    for (const table of ['meter_readings', 'meter_events', 'meter_daily', 'meter_reviews']) {
      expect(after.tables[table], table).toEqual(before.tables[table]);
    }
  });
});

describe('install and remove', () => {
  it('bound the readings: before an install or after a remove nothing is accepted', () => {
    call(api, 'meters.addEvent', {
      meterId: meter.id,
      kind: 'install',
      at: sh('2024-03-01 09:00'),
      opening: 20,
    });
    const first = addReading(api, meter.id, '2024-03-11 09:00', 120);
    expect(first.interval).toMatchObject({ amount: 100, kind: 'normal', registerDelta: 100 });
    call(api, 'meters.addEvent', {
      meterId: meter.id,
      kind: 'remove',
      at: sh('2024-03-21 09:00'),
      closing: 220,
    });
    expect(
      call(api, 'meters.monthly', { meterId: meter.id, from: '2024-03', to: '2024-03' }).total,
    ).toBeCloseTo(200, 9);
    const before = dumpDb(api.core.db);
    for (const local of ['2024-02-20 09:00', '2024-04-01 09:00']) {
      const error = callError(api, 'meters.addReading', {
        meterId: meter.id,
        at: sh(local),
        value: 300,
      });
      expect(error.code, local).toBe('CONFLICT');
      expect(error.details).toMatchObject({ reason: 'OUTSIDE_INSTALLATION' });
    }
    // A replace while removed, an install while installed, a second event at one instant.
    const bad = [
      { kind: 'replace', at: sh('2024-04-01 09:00'), closing: 230, opening: 0 },
      { kind: 'install', at: sh('2024-03-15 09:00'), opening: 0 },
      { kind: 'remove', at: sh('2024-03-21 09:00'), closing: 220 },
    ] as const;
    for (const input of bad) {
      const error = callError(api, 'meters.addEvent', { meterId: meter.id, ...input });
      expect(error.code, input.kind).toBe('CONFLICT');
    }
    expect(dumpDb(api.core.db)).toEqual(before);
    // Installed again in April: deleting the removal between would install it twice.
    call(api, 'meters.addEvent', {
      meterId: meter.id,
      kind: 'install',
      at: sh('2024-04-10 09:00'),
      opening: 0,
    });
    const removal = call(api, 'meters.events', { meterId: meter.id }).items[1]!;
    expect(removal.kind).toBe('remove');
    expect(callError(api, 'meters.deleteEvent', { id: removal.id }).code).toBe('CONFLICT');
    // An install behind existing readings would leave them outside any installation.
    const early = callError(api, 'meters.addEvent', {
      meterId: meter.id,
      kind: 'install',
      at: sh('2024-03-05 09:00'),
      opening: 0,
    });
    expect(early.code).toBe('CONFLICT');
  });
});
