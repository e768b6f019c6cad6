// A complete, order-independent picture of a database (schema, user_version, every row of every
// table) so a test can say "nothing changed" by comparing two of them.
import type Database from 'better-sqlite3';

export interface DbDump {
  userVersion: number;
  schema: string[];
  tables: Record<string, string[]>;
}

export function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all()
    .map((r) => r.name);
}

/** The schema as comparable text: one entry per object, whitespace collapsed, sorted. */
export function normalisedSchema(db: Database.Database): string[] {
  return db
    .prepare<[], { type: string; name: string; tbl_name: string; sql: string | null }>(
      `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`,
    )
    .all()
    .map(
      (r) => `${r.type} ${r.name} ON ${r.tbl_name}: ${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`,
    )
    .sort();
}

export function dumpDb(db: Database.Database): DbDump {
  const tables: Record<string, string[]> = {};
  for (const name of tableNames(db)) {
    tables[name] = db
      .prepare<[], Record<string, unknown>>(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return {
    userVersion: db.pragma('user_version', { simple: true }) as number,
    schema: normalisedSchema(db),
    tables,
  };
}

export function countRows(db: Database.Database, table: string): number {
  const row = db
    .prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`)
    .get();
  return row?.n ?? 0;
}
