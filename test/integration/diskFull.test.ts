// A write that runs out of space is rolled back whole, answered with DISK_FULL, and the register
// stays readable and writable again once there is room. "Out of space" is simulated with SQLite's
// max_page_count, which fails writes with SQLITE_FULL exactly as a full disk does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, callError, createTree } from '../support/api';
import { dumpDb } from '../support/dump';
import { openTempApi, type TempApi } from '../support/tempDb';

describe('disk full', () => {
  let t: TempApi;
  beforeEach(() => {
    t = openTempApi();
  });
  afterEach(() => t.cleanup());

  it('refuses the write with DISK_FULL, changes nothing, and keeps reads working', () => {
    const { api } = t;
    const tree = createTree(api);
    call(api, 'assets.addFixtures', {
      placeId: tree.room.id,
      count: 20,
      lampType: 'led_tube',
      ratedPowerW: 18,
    });
    const db = api.core.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const before = dumpDb(db);

    const error = callError(api, 'assets.addFixtures', {
      placeId: tree.room.id,
      count: 3000,
      lampType: 'panel',
      ratedPowerW: 36,
      name: '面板灯'.repeat(30),
    });
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toMatch(/disk is full/i);
    expect(dumpDb(db)).toEqual(before);

    // Reads still answer.
    expect(call(api, 'assets.list', { filter: { q: 'LED' } }).total).toBe(20);
    expect(call(api, 'places.get', { id: tree.room.id }).place.name).toBe(tree.room.name);

    // With room again, the same write goes through.
    db.pragma('max_page_count = 1073741823');
    expect(
      call(api, 'assets.addFixtures', {
        placeId: tree.room.id,
        count: 3000,
        lampType: 'panel',
        ratedPowerW: 36,
      }).created,
    ).toBe(3000);
  });
});
