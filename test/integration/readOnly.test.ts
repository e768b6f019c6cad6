// A database on read-only media opens for reading: look-ups work, every write is refused with
// READ_ONLY (nothing half-written), and system.info tells the UI to say so. Tests run as root, for
// whom file permissions do not stop writes, so the read-only open is asked for explicitly here;
// cannotWrite() decides it by itself for ordinary users.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cannotWrite, openCore } from '../../electron/core';
import { call, callError, createTree } from '../support/api';
import { dumpDb } from '../support/dump';
import { tempDbPath, type TempDb } from '../support/tempDb';

describe('read-only media', () => {
  let tmp: TempDb;
  afterEach(() => tmp.cleanup());

  it('reads work, writes are refused with READ_ONLY and change nothing', () => {
    tmp = tempDbPath();
    const writer = openCore(tmp.file, { validateResults: true });
    const tree = createTree(writer);
    writer.core.db.close();

    const api = openCore(tmp.file, { validateResults: true, readOnly: true });
    try {
      expect(call(api, 'system.info', {}).readOnly).toBe(true);
      const before = dumpDb(api.core.db);
      expect(call(api, 'places.get', { id: tree.room.id }).place.name).toBe(tree.room.name);
      const error = callError(api, 'places.create', {
        kind: 'site',
        parentId: null,
        name: '新校区',
      });
      expect(error.code).toBe('READ_ONLY');
      expect(error.message).toMatch(/read-only/);
      expect(
        callError(api, 'assets.addFixtures', {
          placeId: tree.room.id,
          count: 5,
          lampType: 'panel',
          ratedPowerW: 36,
        }).code,
      ).toBe('READ_ONLY');
      expect(dumpDb(api.core.db)).toEqual(before);
      expect(call(api, 'places.list', { parentId: null }).items).toHaveLength(1);
    } finally {
      api.core.db.close();
    }
  });

  it('a writable file and folder are not taken for read-only', () => {
    tmp = tempDbPath();
    fs.writeFileSync(tmp.file, '');
    expect(cannotWrite(tmp.file)).toBe(false);
    expect(cannotWrite('/no-such-folder/utility-desk.db')).toBe(true);
  });
});
