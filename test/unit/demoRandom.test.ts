// The demo generator: its seeded PRNG is deterministic and in range, and generateDemo with the same
// seed writes the same register (names, codes, tree shape, figures) into two temporary databases —
// about 30 buildings per campus, five years of headcounts — and refuses a database that is not empty.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { generateDemo } from '../../electron/demo';
import { createRng } from '../../electron/demo/random';
import { openDatabase } from '../../electron/store/open';
import { DeskError } from '../../shared/contract/errors';
import { dumpDb } from '../support/dump';
import { tempDir, type TempDir } from '../support/tempDb';

const dirs: TempDir[] = [];
const open: Database.Database[] = [];

function freshDb(): Database.Database {
  const tmp = tempDir();
  dirs.push(tmp);
  const db = openDatabase(tmp.file());
  open.push(db);
  return db;
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) dir.cleanup();
});

describe('createRng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const take = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => rng.next());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    // Pinned (mulberry32's published first output for seed 1): a change to the generator changes
    // every demo database, so it must be made on purpose.
    const one = createRng(1);
    expect([one.next(), one.next(), one.next()]).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
    const demo = createRng(20261129);
    expect([demo.int(0, 999), demo.int(0, 999), demo.int(0, 999)]).toEqual([528, 892, 763]);
  });

  it('stays in [0, 1) and spreads over it', () => {
    const rng = createRng(20261129);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i += 1) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const b = Math.floor(x * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    for (const n of buckets) expect(n).toBeGreaterThan(1700);
  });

  it('int covers both bounds and nothing outside; pick and chance behave', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    const items = ['教学楼', '宿舍', '食堂'] as const;
    for (let i = 0; i < 100; i += 1) expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow();
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
  });

  it('handles seed 0 and seeds beyond 32 bits without degenerating', () => {
    for (const seed of [0, 2 ** 32 + 5, -1]) {
      const rng = createRng(seed);
      const values = new Set(Array.from({ length: 100 }, () => rng.next()));
      expect(values.size).toBe(100);
    }
  });
});

interface PlaceShape {
  kind: string;
  name: string;
  code: string | null;
  area_m2: number | null;
  floor_number: number | null;
  building_use: string | null;
  parent: number | null;
}

/** The place tree in insertion order, with parents as positions so random ids drop out. */
function shapeOf(db: Database.Database): PlaceShape[] {
  const rows = db
    .prepare<[], Omit<PlaceShape, 'parent'> & { id: string; parent_id: string | null }>(
      'SELECT id, parent_id, kind, name, code, area_m2, floor_number, building_use FROM places ORDER BY rowid',
    )
    .all();
  const position = new Map(rows.map((r, i) => [r.id, i]));
  return rows.map(({ id: _id, parent_id, ...rest }) => ({
    ...rest,
    parent: parent_id === null ? null : (position.get(parent_id) ?? -1),
  }));
}

function headcountsOf(db: Database.Database) {
  return db
    .prepare<[], { site: string; year: number; students: number; staff: number }>(
      `SELECT p.name AS site, h.year, h.students, h.staff, h.residents, h.others
       FROM headcounts h JOIN places p ON p.id = h.site_id ORDER BY p.name, h.year`,
    )
    .all();
}

describe('generateDemo', () => {
  // Generating is the slow part (the register grows as domains add their demo modules), so the
  // databases are made once and each test reads them; no test below writes to them successfully.
  const made: { dir: TempDir; db: Database.Database }[] = [];
  function generated(options: Parameters<typeof generateDemo>[1]) {
    const dir = tempDir();
    const db = openDatabase(dir.file());
    made.push({ dir, db });
    return { db, counts: generateDemo(db, options) };
  }
  let one: ReturnType<typeof generated>;
  let two: ReturnType<typeof generated>;

  beforeAll(() => {
    one = generated({ seed: 1, lastYear: 2025, actor: '演示' });
    two = generated({ seed: 5, scale: 2, lastYear: 2025 });
  }, 60_000);

  afterAll(() => {
    for (const { db, dir } of made.splice(0)) {
      db.close();
      dir.cleanup();
    }
  });

  it('writes the same register for the same seed into two databases', () => {
    const a = generated({ seed: 99, lastYear: 2025 });
    const b = generated({ seed: 99, lastYear: 2025 });
    expect(a.counts).toEqual(b.counts);
    const shapeA = shapeOf(a.db);
    expect(shapeA.length).toBeGreaterThan(1000);
    expect(shapeOf(b.db)).toEqual(shapeA);
    expect(headcountsOf(b.db)).toEqual(headcountsOf(a.db));

    // Another seed: the same names and codes, other figures.
    const other = shapeOf(one.db);
    expect(other.map((p) => [p.kind, p.name, p.code])).toEqual(
      shapeA.map((p) => [p.kind, p.name, p.code]),
    );
    expect(other.map((p) => p.area_m2)).not.toEqual(shapeA.map((p) => p.area_m2));
  });

  it('models a campus: about 30 buildings of every use, with floors, rooms and areas', () => {
    const { db, counts } = one;
    expect(counts.site).toBe(1);
    expect(counts.building).toBeGreaterThanOrEqual(25);
    expect(counts.building).toBeLessThanOrEqual(35);
    expect(counts.floor).toBeGreaterThan(counts.building ?? 0);
    expect(counts.room).toBeGreaterThan(counts.floor ?? 0);
    const uses = db
      .prepare<[], { building_use: string }>(
        `SELECT DISTINCT building_use FROM places WHERE kind = 'building' ORDER BY 1`,
      )
      .all()
      .map((r) => r.building_use);
    expect(uses).toEqual(
      expect.arrayContaining([
        'canteen',
        'dormitory',
        'gym',
        'lab',
        'library',
        'office',
        'teaching',
      ]),
    );
    const noArea = db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM places WHERE kind IN ('building','floor','room') AND (area_m2 IS NULL OR area_m2 <= 0)`,
      )
      .get();
    expect(noArea?.n).toBe(0);
    // Stored counts agree with what the generator reports.
    const stored = db
      .prepare<[], { kind: string; n: number }>(
        'SELECT kind, count(*) AS n FROM places GROUP BY kind',
      )
      .all();
    for (const { kind, n } of stored) expect(counts[kind], kind).toBe(n);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('scales to several campuses, each with its own ~30 buildings', () => {
    const { db, counts } = two;
    expect(counts.site).toBe(2);
    const perSite = db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM places b JOIN places s ON s.id = b.parent_id
         WHERE b.kind = 'building' GROUP BY s.id`,
      )
      .all()
      .map((r) => r.n);
    expect(perSite).toHaveLength(2);
    for (const n of perSite) expect(n).toBe((counts.building ?? 0) / 2);
  });

  it('writes five consecutive years of headcounts per campus, ending at lastYear', () => {
    expect(two.counts.headcounts).toBe(10);
    const bySite = new Map<string, number[]>();
    for (const r of headcountsOf(two.db)) {
      bySite.set(r.site, [...(bySite.get(r.site) ?? []), r.year]);
      expect(r.students).toBeGreaterThan(1000);
      expect(r.staff).toBeGreaterThan(0);
    }
    expect(bySite.size).toBe(2);
    for (const years of bySite.values()) expect(years).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('writes one demo audit entry for the load, as the given actor', () => {
    const audit = one.db
      .prepare<[], { actor: string }>(`SELECT actor FROM audit_log WHERE entity = 'demo'`)
      .all();
    expect(audit).toEqual([{ actor: '演示' }]);
  });

  it('refuses a database that already holds a place, with CONFLICT, and changes nothing', () => {
    const before = dumpDb(one.db);
    let thrown: unknown;
    try {
      generateDemo(one.db, { seed: 6 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DeskError);
    expect((thrown as DeskError).code).toBe('CONFLICT');
    expect((thrown as DeskError).details).toEqual({ reason: 'NOT_EMPTY' });
    expect(dumpDb(one.db)).toEqual(before);

    const single = freshDb();
    single
      .prepare(
        `INSERT INTO places (id, kind, parent_id, name, created_at, updated_at)
         VALUES ('s', 'site', NULL, '已有校区', 'now', 'now')`,
      )
      .run();
    const alone = dumpDb(single);
    expect(() => generateDemo(single)).toThrow(/empty database/);
    expect(dumpDb(single)).toEqual(alone);
  });
});
