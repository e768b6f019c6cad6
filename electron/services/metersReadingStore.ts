// SQL of the readings table and what it needs: a meter's integer storage key, the entry (source,
// who, when) each save or import writes once, readings by instant, neighbour and range, pages of
// them newest first, and the engine's view of a stored reading (its id is its instant's ms).
import type { MeterReading } from '../../shared/domain/consumption';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { iso } from './metersStore';

export function meterKey(db: Db, meterId: string): number | null {
  const row = prepared(db, 'SELECT key FROM meter_keys WHERE meter_id = ?').get(meterId) as
    { key: number } | undefined;
  return row ? row.key : null;
}

export function ensureMeterKey(db: Db, meterId: string): number {
  const key = meterKey(db, meterId);
  if (key !== null) return key;
  return Number(
    prepared(db, 'INSERT INTO meter_keys (meter_id) VALUES (?)').run(meterId).lastInsertRowid,
  );
}

export type ReadingSource = 'manual' | 'import' | 'device';

export function insertEntry(
  db: Db,
  source: ReadingSource,
  actor: string,
  now: string,
  note = '',
): number {
  return Number(
    prepared(
      db,
      'INSERT INTO meter_entries (source, entered_by, entered_at, note) VALUES (?, ?, ?, ?)',
    ).run(source, actor, now, note).lastInsertRowid,
  );
}

export interface ReadingRow {
  at: number;
  value: number;
  estimated: 0 | 1;
}

export interface ReadingDetail extends ReadingRow {
  source: ReadingSource;
  entered_by: string;
  entered_at: string;
}

/** A stored reading in the engine's terms: its id is its instant's ms (unique per meter). */
export function toEngine(row: ReadingRow): MeterReading {
  return { id: String(row.at), at: iso(row.at), value: row.value, estimated: row.estimated === 1 };
}

export function readingAt(db: Db, key: number | null, at: number): ReadingDetail | undefined {
  if (key === null) return undefined;
  return prepared(
    db,
    `SELECT r.at, r.value, r.estimated, e.source, e.entered_by, e.entered_at
     FROM meter_readings r JOIN meter_entries e ON e.id = r.entry
     WHERE r.meter = ? AND r.at = ?`,
  ).get(key, at) as ReadingDetail | undefined;
}

/** The nearest reading strictly before (or after) an instant. */
export function readingBefore(db: Db, key: number | null, at: number): ReadingRow | undefined {
  if (key === null) return undefined;
  return prepared(
    db,
    `SELECT at, value, estimated FROM meter_readings WHERE meter = ? AND at < ?
     ORDER BY at DESC LIMIT 1`,
  ).get(key, at) as ReadingRow | undefined;
}

export function readingAfter(db: Db, key: number | null, at: number): ReadingRow | undefined {
  if (key === null) return undefined;
  return prepared(
    db,
    'SELECT at, value, estimated FROM meter_readings WHERE meter = ? AND at > ? ORDER BY at LIMIT 1',
  ).get(key, at) as ReadingRow | undefined;
}

/** Readings with from ≤ at ≤ to (null: unbounded), oldest first. */
export function readingsBetween(
  db: Db,
  key: number | null,
  from: number | null,
  to: number | null,
): ReadingRow[] {
  if (key === null) return [];
  return prepared(
    db,
    `SELECT at, value, estimated FROM meter_readings
     WHERE meter = @key AND at >= @from AND at <= @to ORDER BY at`,
  ).all({
    key,
    from: from ?? Number.MIN_SAFE_INTEGER,
    to: to ?? Number.MAX_SAFE_INTEGER,
  }) as ReadingRow[];
}

type NewReading = { at: number; value: number; estimated: boolean };

/** An insert for many readings of one entry: the statement looked up once, not per row. */
export function readingInserter(db: Db, key: number, entry: number): (r: NewReading) => void {
  const insert = prepared(
    db,
    'INSERT INTO meter_readings (meter, at, value, estimated, entry) VALUES (?, ?, ?, ?, ?)',
  );
  return (r) => insert.run(key, r.at, r.value, r.estimated ? 1 : 0, entry);
}

/** Rows per statement of insertColumns: past about 50 the gain levels off (measured). */
const ROWS_PER_INSERT = 50;
const INSERT_ROWS = `INSERT INTO meter_readings (meter, at, value, estimated, entry) VALUES ${Array.from(
  { length: ROWS_PER_INSERT },
  () => '(?, ?, ?, ?, ?)',
).join(', ')}`;

/**
 * Inserts readings start..end-1 of parallel columns, fifty rows per statement: one call into
 * SQLite per fifty rows rather than per row halves the cost of a million-row import's inserts.
 */
export function insertColumns(
  db: Db,
  key: number,
  entry: number,
  cols: { at: readonly number[]; value: readonly number[]; estimated: readonly boolean[] },
  start: number,
  end: number,
): void {
  const many = prepared(db, INSERT_ROWS);
  const one = prepared(
    db,
    'INSERT INTO meter_readings (meter, at, value, estimated, entry) VALUES (?, ?, ?, ?, ?)',
  );
  const args = new Array<number>(ROWS_PER_INSERT * 5);
  let i = start;
  for (; i + ROWS_PER_INSERT <= end; i += ROWS_PER_INSERT) {
    for (let k = 0; k < ROWS_PER_INSERT; k++) {
      const j = i + k;
      const o = k * 5;
      args[o] = key;
      args[o + 1] = cols.at[j] as number;
      args[o + 2] = cols.value[j] as number;
      args[o + 3] = cols.estimated[j] ? 1 : 0;
      args[o + 4] = entry;
    }
    many.run(args);
  }
  for (; i < end; i++) {
    one.run(key, cols.at[i], cols.value[i], cols.estimated[i] ? 1 : 0, entry);
  }
}

export function insertReading(db: Db, key: number, r: NewReading, entry: number): void {
  readingInserter(db, key, entry)(r);
}

export function deleteReading(db: Db, key: number, at: number): void {
  prepared(db, 'DELETE FROM meter_readings WHERE meter = ? AND at = ?').run(key, at);
}

export function countReadings(db: Db, key: number | null, from: number | null, to: number | null) {
  if (key === null) return 0;
  return (
    prepared(
      db,
      `SELECT count(*) AS n FROM meter_readings WHERE meter = @key AND at >= @from AND at <= @to`,
    ).get({
      key,
      from: from ?? Number.MIN_SAFE_INTEGER,
      to: to ?? Number.MAX_SAFE_INTEGER,
    }) as { n: number }
  ).n;
}

/** A page of readings newest first, with who entered them. */
export function readingPage(
  db: Db,
  key: number | null,
  range: { from: number | null; to: number | null },
  offset: number,
  limit: number,
): ReadingDetail[] {
  if (key === null) return [];
  return prepared(
    db,
    `SELECT r.at, r.value, r.estimated, e.source, e.entered_by, e.entered_at
     FROM meter_readings r JOIN meter_entries e ON e.id = r.entry
     WHERE r.meter = @key AND r.at >= @from AND r.at <= @to
     ORDER BY r.at DESC LIMIT @limit OFFSET @offset`,
  ).all({
    key,
    from: range.from ?? Number.MIN_SAFE_INTEGER,
    to: range.to ?? Number.MAX_SAFE_INTEGER,
    limit,
    offset,
  }) as ReadingDetail[];
}

export function updateReading(
  db: Db,
  key: number,
  r: { at: number; value: number; estimated: boolean },
  entry: number,
): void {
  prepared(
    db,
    'UPDATE meter_readings SET value = ?, estimated = ?, entry = ? WHERE meter = ? AND at = ?',
  ).run(r.value, r.estimated ? 1 : 0, entry, key, r.at);
}
