// Backup names and rotation, with hand-worked cases: which backups planRotation deletes under the
// daily/weekly/monthly policy, across gaps, several backups a day, a week that spans New Year,
// files it must never touch, and a clock that once ran ahead; plus properties over random folders.
// Dates are built with the local-time Date constructor, so the cases hold in any time zone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupPrefixFor,
  freshBackupName,
  parseBackupName,
  planRotation,
  type RotationPolicy,
} from '../../electron/store/backupRotation';

const at = (y: number, m: number, d: number, h = 2, min = 0) => new Date(y, m - 1, d, h, min);
const name = (y: number, m: number, d: number, h = 2, min = 0) =>
  backupFileName(at(y, m, d, h, min));

/** One backup at 02:00 on every day from `from` for `days` days. */
function dailyRun(from: Date, days: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < days; i += 1) {
    const day = new Date(from.getFullYear(), from.getMonth(), from.getDate() + i, 2, 0);
    names.push(backupFileName(day));
  }
  return names;
}

const kept = (files: string[], deleted: string[]) => files.filter((f) => !deleted.includes(f));

describe('backup names', () => {
  it('carry the local time, a tag and a sequence number for the same minute', () => {
    expect(backupFileName(at(2026, 11, 29, 8, 30))).toBe('utility-desk-2026-11-29T0830.db');
    expect(backupFileName(at(2026, 1, 5, 23, 5), 'before-restore')).toBe(
      'utility-desk-2026-01-05T2305-before-restore.db',
    );
    expect(backupFileName(at(2026, 1, 5, 23, 5), null, 3)).toBe(
      'utility-desk-2026-01-05T2305-3.db',
    );
    const taken = new Set(['utility-desk-2026-11-29T0830.db', 'utility-desk-2026-11-29T0830-2.db']);
    expect(freshBackupName(at(2026, 11, 29, 8, 30), null, taken)).toBe(
      'utility-desk-2026-11-29T0830-3.db',
    );
  });

  it('parse back, and anything else is not one of ours', () => {
    expect(parseBackupName('utility-desk-2026-11-29T0830-before-migrate-2.db')).toEqual({
      name: 'utility-desk-2026-11-29T0830-before-migrate-2.db',
      year: 2026,
      month: 11,
      day: 29,
      hour: 8,
      minute: 30,
      seq: 2,
      tag: 'before-migrate',
    });
    for (const other of [
      'utility-desk-2026-13-01T0000.db',
      'utility-desk-2026-11-29T2460.db',
      'utility-desk-2026-11-29T0830.db.partial',
      'utility-desk-2026-11-29T0830.db-wal',
      'utility-desk.db',
      'my copy.db',
    ]) {
      expect(parseBackupName(other), other).toBeNull();
    }
  });
});

describe('backup names per database', () => {
  it('start with the database file name, so databases sharing a folder keep apart', () => {
    expect(backupPrefixFor('/data/utility-desk.db')).toBe('utility-desk');
    expect(backupPrefixFor('/data/后勤 台账.sqlite')).toBe('后勤-台账');
    expect(backupPrefixFor('/tmp/e2e.db')).toBe('e2e');
    const mine = backupFileName(at(2026, 11, 29), null, 1, 'e2e');
    expect(mine).toBe('e2e-2026-11-29T0200.db');
    expect(parseBackupName(mine, 'e2e')).toMatchObject({ day: 29, tag: null });
    expect(parseBackupName(mine)).toBeNull();
    expect(parseBackupName(name(2026, 11, 29), 'e2e')).toBeNull();
    const files = [name(2026, 11, 27), name(2026, 11, 28), mine];
    const policy = { daily: 1, weekly: 0, monthly: 0 };
    expect(planRotation(files, at(2026, 11, 30), policy)).toEqual([name(2026, 11, 27)]);
    expect(planRotation(files, at(2026, 11, 30), policy, 'e2e')).toEqual([]);
  });
});

describe('planRotation', () => {
  it('keeps 7 days, 4 weeks and 12 months out of 100 daily backups (hand-worked)', () => {
    // 2026-08-21 … 2026-11-28; 2026-11-29 is a Sunday, so weeks run Mon 23–Sun 29 Nov, 16–22, 9–15…
    const files = dailyRun(at(2026, 8, 21), 100);
    expect(files[99]).toBe(name(2026, 11, 28));
    const deleted = planRotation(files, at(2026, 11, 29, 9), { daily: 7, weekly: 4, monthly: 12 });
    expect(kept(files, deleted)).toEqual([
      name(2026, 8, 31), // month of August
      name(2026, 9, 30), // September
      name(2026, 10, 31), // October
      name(2026, 11, 8), // week of 2–8 Nov
      name(2026, 11, 15), // week of 9–15 Nov
      name(2026, 11, 22), // the last 7 days (also the week of 16–22 Nov)…
      name(2026, 11, 23),
      name(2026, 11, 24),
      name(2026, 11, 25),
      name(2026, 11, 26),
      name(2026, 11, 27),
      name(2026, 11, 28), // …and November, and the week of 23–29 Nov
    ]);
    expect(deleted).toHaveLength(88);
    expect(deleted[0]).toBe(name(2026, 8, 21)); // oldest first
  });

  it('keeps only the newest backup of a day with several', () => {
    const files = [
      name(2026, 11, 28, 9),
      backupFileName(at(2026, 11, 29, 8, 30)),
      backupFileName(at(2026, 11, 29, 12, 0)),
      backupFileName(at(2026, 11, 29, 12, 0), null, 2),
    ];
    const deleted = planRotation(files, at(2026, 11, 29, 13), { daily: 7, weekly: 4, monthly: 12 });
    expect(deleted).toEqual(['utility-desk-2026-11-29T0830.db', 'utility-desk-2026-11-29T1200.db']);
  });

  it('counts days that have a backup, not calendar days, across gaps', () => {
    const files = [
      name(2026, 9, 9),
      name(2026, 10, 3),
      name(2026, 11, 1),
      name(2026, 11, 5),
      name(2026, 11, 10),
      name(2026, 11, 20),
    ];
    const now = at(2026, 12, 24);
    expect(planRotation(files, now, { daily: 2, weekly: 0, monthly: 0 })).toEqual([
      name(2026, 9, 9),
      name(2026, 10, 3),
      name(2026, 11, 1),
      name(2026, 11, 5),
    ]);
    expect(planRotation(files, now, { daily: 2, weekly: 0, monthly: 3 })).toEqual([
      name(2026, 11, 1),
      name(2026, 11, 5),
    ]);
  });

  it('runs weeks Monday to Sunday, across New Year', () => {
    // Sun 27 Dec | Mon 28 Dec, Thu 31 Dec, Sun 3 Jan: the last three are one week.
    const files = [name(2026, 12, 27), name(2026, 12, 28), name(2026, 12, 31), name(2027, 1, 3)];
    expect(planRotation(files, at(2027, 1, 4), { daily: 0, weekly: 2, monthly: 0 })).toEqual([
      name(2026, 12, 28),
      name(2026, 12, 31),
    ]);
    // Months, by contrast, split them at the year.
    expect(planRotation(files, at(2027, 1, 4), { daily: 0, weekly: 0, monthly: 2 })).toEqual([
      name(2026, 12, 27),
      name(2026, 12, 28),
    ]);
  });

  it('never touches tagged backups or files it did not name', () => {
    const others = [
      'utility-desk-2020-01-01T0000-before-restore.db',
      'utility-desk-2020-01-02T0000-before-migrate.db',
      'utility-desk-2020-01-03T0000-unverified.db',
      'utility-desk-2020-01-04T0000.db-wal',
      'my-copy.db',
      'readme.txt',
    ];
    const files = [...others, name(2020, 1, 5), name(2026, 11, 28)];
    expect(planRotation(files, at(2026, 11, 29), { daily: 1, weekly: 0, monthly: 0 })).toEqual([
      name(2020, 1, 5),
    ]);
  });

  it('leaves backups named after now alone and does not let them push real ones out', () => {
    const files = [name(2027, 5, 1, 10), name(2026, 11, 27), name(2026, 11, 28)];
    expect(planRotation(files, at(2026, 11, 29, 9), { daily: 1, weekly: 0, monthly: 0 })).toEqual([
      name(2026, 11, 27),
    ]);
  });

  it('always keeps the newest backup, even when the policy keeps nothing', () => {
    const files = [name(2026, 11, 27), name(2026, 11, 28)];
    expect(planRotation(files, at(2026, 11, 29), { daily: 0, weekly: 0, monthly: 0 })).toEqual([
      name(2026, 11, 27),
    ]);
    expect(planRotation([], at(2026, 11, 29))).toEqual([]);
  });
});

describe('planRotation properties', () => {
  const backup = fc
    .record({
      day: fc.integer({ min: 0, max: 800 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      seq: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ day, hour, minute, seq }) =>
      backupFileName(new Date(2025, 0, 1 + day, hour, minute), null, seq),
    );
  const policy = fc.record({
    daily: fc.integer({ min: 0, max: 10 }),
    weekly: fc.integer({ min: 0, max: 6 }),
    monthly: fc.integer({ min: 0, max: 14 }),
  });
  const now = new Date(2027, 3, 1);

  it('keeps the newest, keeps at most one per rule slot, and is stable when run again', () => {
    fc.assert(
      fc.property(fc.uniqueArray(backup, { maxLength: 60 }), policy, (files, p: RotationPolicy) => {
        const deleted = planRotation(files, now, p);
        const left = kept(files, deleted);
        expect(deleted.every((f) => files.includes(f))).toBe(true);
        if (files.length) {
          const newest = [...files].sort((a, b) => cmp(b, a))[0];
          expect(left).toContain(newest);
          expect(left.length).toBeLessThanOrEqual(p.daily + p.weekly + p.monthly + 1);
        }
        expect(planRotation(left, now, p)).toEqual([]);
      }),
      { seed: 20_261_129, numRuns: 300 },
    );
  });
});

/** Order of two regular names in time (the stamp, then the sequence number). */
function cmp(a: string, b: string): number {
  const pa = parseBackupName(a);
  const pb = parseBackupName(b);
  if (!pa || !pb) throw new Error('not a backup name');
  const ka = [pa.year, pa.month, pa.day, pa.hour, pa.minute, pa.seq];
  const kb = [pb.year, pb.month, pb.day, pb.hour, pb.minute, pb.seq];
  for (let i = 0; i < ka.length; i += 1) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
