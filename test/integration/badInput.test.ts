// Bad input through the dispatch table: wrong types, missing fields, unknown methods, oversized
// and non-finite values, null and non-object inputs. Each gets a clear error with the right code (a
// VALIDATION error names the field) and leaves every table of the database exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { callError, createTree, issuePaths, type Tree } from '../support/api';
import { countRows, dumpDb, type DbDump } from '../support/dump';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;
let tree: Tree;
let before: DbDump;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
  tree = createTree(api);
  before = dumpDb(api.core.db);
});

afterEach(() => {
  // Whatever the case, the database must be as the fixture left it.
  expect(dumpDb(api.core.db)).toEqual(before);
  t.cleanup();
});

/** Expects VALIDATION naming `field` in details.issues[].path and in the message. */
function expectValidation(method: string, input: unknown, field: string): void {
  const error = callError(api, method, input);
  expect(error.code, JSON.stringify(error)).toBe('VALIDATION');
  expect(issuePaths(error)).toContain(field);
  expect(error.message).toContain(field);
  expect(error.message).not.toMatch(/\n\s+at /);
}

describe('wrong types', () => {
  it.each([
    ['name as a number', { name: 123 }, 'name'],
    ['name as an object', { name: { zh: '楼' } }, 'name'],
    ['kind not in the list', { kind: 'castle' }, 'kind'],
    ['parentId as a number', { parentId: 42 }, 'parentId'],
    ['areaM2 as a string', { areaM2: '100' }, 'areaM2'],
    ['areaM2 negative', { areaM2: -1 }, 'areaM2'],
    ['floorNumber fractional', { floorNumber: 1.5 }, 'floorNumber'],
    ['use not in the list', { use: 'castle' }, 'use'],
    ['timeZone unknown', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['notes as an array', { notes: ['a'] }, 'notes'],
  ])('places.create with %s', (_label, override, field) => {
    const input = { kind: 'building', parentId: tree.site.id, name: '实验楼', ...override };
    expectValidation('places.create', input, field);
  });

  it('names a nested field by its full path', () => {
    expectValidation(
      'places.update',
      { id: tree.room.id, patch: { areaM2: 'big' } },
      'patch.areaM2',
    );
    expectValidation('places.update', { id: tree.room.id, patch: { name: '' } }, 'patch.name');
    expectValidation('places.search', { q: '楼', kinds: ['room', 'castle'] }, 'kinds.1');
  });

  it('refuses a boolean given as a string', () => {
    expectValidation('places.delete', { id: tree.room.id, cascade: 'true' }, 'cascade');
  });
});

describe('missing fields', () => {
  it.each(['kind', 'parentId', 'name'])('places.create without %s', (field) => {
    const input: Record<string, unknown> = {
      kind: 'building',
      parentId: tree.site.id,
      name: '实验楼',
    };
    delete input[field];
    expectValidation('places.create', input, field);
  });

  it('places.update without patch, places.get without id', () => {
    expectValidation('places.update', { id: tree.room.id }, 'patch');
    expectValidation('places.get', {}, 'id');
    expectValidation('places.get', { id: '' }, 'id');
  });
});

describe('unknown methods', () => {
  it.each(['places.explode', 'nope', '', '__proto__', 'constructor', 'toString', 'places.create '])(
    'answers %j with UNKNOWN_METHOD',
    (method) => {
      const error = callError(api, method, {});
      expect(error.code).toBe('UNKNOWN_METHOD');
      expect(error.message).toContain('Unknown method');
    },
  );

  it('does not echo an enormous method name back in full', () => {
    const error = callError(api, 'x'.repeat(100_000), {});
    expect(error.code).toBe('UNKNOWN_METHOD');
    expect(JSON.stringify(error).length).toBeLessThan(1000);
  });
});

describe('out-of-range values', () => {
  it('refuses a 10,000-character name and a whitespace-only one', () => {
    const long = '楼'.repeat(10_000);
    expectValidation(
      'places.create',
      { kind: 'building', parentId: tree.site.id, name: long },
      'name',
    );
    expectValidation(
      'places.update',
      { id: tree.building.id, patch: { name: long } },
      'patch.name',
    );
    expectValidation(
      'places.create',
      { kind: 'building', parentId: tree.site.id, name: '   ' },
      'name',
    );
  });

  it('refuses an over-long code, notes and search text', () => {
    const base = { kind: 'building', parentId: tree.site.id, name: '实验楼' };
    expectValidation('places.create', { ...base, code: 'C'.repeat(41) }, 'code');
    expectValidation('places.create', { ...base, notes: 'n'.repeat(5001) }, 'notes');
    expectValidation('places.search', { q: 'q'.repeat(201) }, 'q');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['1e300', 1e300],
  ])('refuses areaM2 = %s', (_label, value) => {
    const input = { kind: 'building', parentId: tree.site.id, name: '实验楼', areaM2: value };
    expectValidation('places.create', input, 'areaM2');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['1000', 1000],
    ['-11', -11],
  ])('refuses floorNumber = %s', (_label, value) => {
    const input = { kind: 'floor', parentId: tree.building.id, name: '9层', floorNumber: value };
    expectValidation('places.create', input, 'floorNumber');
  });

  it('refuses a search limit of zero, a fraction or above the maximum', () => {
    expectValidation('places.search', { q: 'a', limit: 0 }, 'limit');
    expectValidation('places.search', { q: 'a', limit: 2.5 }, 'limit');
    expectValidation('places.search', { q: 'a', limit: 10_000 }, 'limit');
  });

  it('refuses a demo scale outside 1..20 before doing any work', () => {
    expectValidation('system.loadDemo', { scale: 0 }, 'scale');
    expectValidation('system.loadDemo', { scale: 10_000 }, 'scale');
  });
});

describe('text holding a NUL', () => {
  it('is refused by validation, naming the field, before SQLite could measure it short', () => {
    expectValidation('places.create', { kind: 'site', parentId: null, name: '\u0000校区' }, 'name');
    expectValidation(
      'places.create',
      { kind: 'site', parentId: null, name: '校区', code: '\u0000X' },
      'code',
    );
    expectValidation('assets.create', { code: '\u0000L1', name: '灯', kind: 'fixture' }, 'code');
    expectValidation(
      'assets.create',
      { code: 'L1', name: '灯', kind: 'fixture', notes: 'a\u0000' },
      'notes',
    );
  });
});

describe('null and non-object inputs', () => {
  it('an explicit null input is refused as a whole, even where every field has a default', () => {
    for (const method of ['places.create', 'system.loadDemo'] as const) {
      const error = callError(api, method, null);
      expect(error.code).toBe('VALIDATION');
      expect(issuePaths(error)).toEqual(['(root)']);
    }
  });

  it('an empty object names each missing required field', () => {
    const error = callError(api, 'places.create', {});
    expect(error.code).toBe('VALIDATION');
    expect(issuePaths(error)).toEqual(expect.arrayContaining(['kind', 'parentId', 'name']));
  });

  it.each([
    ['a string', 'places'],
    ['a number', 7],
    ['an array', [{ id: 'x' }]],
    ['true', true],
  ])('refuses %s as the input', (_label, input) => {
    const error = callError(api, 'places.get', input);
    expect(error.code).toBe('VALIDATION');
    expect(issuePaths(error)).toEqual(['(root)']);
  });

  it('refuses null where a value is required and extra keys on a strict method', () => {
    expectValidation(
      'places.create',
      { kind: 'building', parentId: tree.site.id, name: null },
      'name',
    );
    expectValidation('places.get', { id: null }, 'id');
    const error = callError(api, 'system.info', { extra: 1 });
    expect(error.code).toBe('VALIDATION');
  });
});

describe('constraint violations', () => {
  it('a duplicate code under the same parent is a CONFLICT and writes nothing', () => {
    const places = countRows(api.core.db, 'places');
    const error = callError(api, 'places.create', {
      kind: 'building',
      parentId: tree.site.id,
      name: '另一栋楼',
      code: tree.building.code,
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(countRows(api.core.db, 'places')).toBe(places);
  });

  it('renaming a code onto a sibling’s is a CONFLICT and leaves both as they were', () => {
    const sibling = createSibling();
    before = dumpDb(api.core.db); // afterEach now compares against the state with the sibling

    const error = callError(api, 'places.update', {
      id: sibling,
      patch: { code: tree.building.code, name: '改了名也不算' },
    });
    expect(error.code).toBe('CONFLICT');
  });

  it('two sites with the same code conflict too (the root is a parent like any other)', () => {
    const error = callError(api, 'places.create', {
      kind: 'site',
      parentId: null,
      name: '同码校区',
      code: tree.site.code,
    });
    expect(error.code).toBe('CONFLICT');
  });

  it('loading demo data into a non-empty register is refused with CONFLICT', () => {
    const error = callError(api, 'system.loadDemo', {});
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'NOT_EMPTY' });
  });
});

/** Creates a second building under the site and returns its id. */
function createSibling(): string {
  const envelope = api.dispatch('places.create', {
    kind: 'building',
    parentId: tree.site.id,
    name: '第二教学楼',
    code: 'JX-B',
  });
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return (envelope.result as { id: string }).id;
}
