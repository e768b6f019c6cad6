// What the export and the restore agree on: which tables are data (discovered from the schema, so a
// table added by a later migration is exported without touching this code), their columns and
// affinities, and the manifest that describes a zip. Derived tables (FTS5 indexes and their shadow
// tables) are not data: the triggers on the base tables rebuild them when rows are restored.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../store/tx';
import { affinityOf, type Affinity } from './dataCells';

export const MANIFEST_FILE = 'manifest.json';
export const EXPORT_FORMAT = 'utility-desk-export';
export const EXPORT_FORMAT_VERSION = 1;

/** One-line statement of the cell encoding, written into every manifest for other tools. */
export const CELL_ENCODING =
  'UTF-8 CSV with BOM, RFC 4180 quoting, CRLF. \\N = NULL; \\\\x = text starting with a backslash; ' +
  '\\T = text; \\I = INTEGER; \\R = REAL; \\B = BLOB (base64). Untagged: a canonical number in an ' +
  'INTEGER/REAL/NUMERIC column is that number, anything else is text.';

export const ManifestTable = z.object({
  name: z.string().min(1),
  file: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  rows: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestTable = z.infer<typeof ManifestTable>;

export const Manifest = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  appVersion: z.string(),
  /** PRAGMA user_version of the exported database. */
  schemaVersion: z.number().int().nonnegative(),
  /** PRAGMA application_id of the exported database (0 where the app did not set one). */
  applicationId: z.number().int(),
  exportedAt: z.string(),
  cellEncoding: z.string(),
  tables: z
    .array(ManifestTable)
    .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, 'a table is listed twice')
    .refine((ts) => new Set(ts.map((t) => t.file)).size === ts.length, 'a file is listed twice'),
});
export type Manifest = z.infer<typeof Manifest>;

export interface DataColumn {
  name: string;
  affinity: Affinity;
}

export interface DataTable {
  name: string;
  columns: DataColumn[];
  /** False for WITHOUT ROWID tables, which are read in primary-key order instead. */
  hasRowid: boolean;
  primaryKey: string[];
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

interface TableListRow {
  name: string;
  type: string;
  wr: number;
}

interface ColumnRow {
  name: string;
  type: string;
  pk: number;
  hidden: number;
}

/**
 * Every ordinary table, by name. sqlite_master lists virtual tables and FTS5's shadow tables as
 * tables too; PRAGMA table_list tells them apart ('virtual', 'shadow'), so only 'table' is kept.
 */
export function dataTables(db: Db): DataTable[] {
  const kinds = new Map(
    db
      .prepare<[], TableListRow>(
        `SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'`,
      )
      .all()
      .map((r) => [r.name, r]),
  );
  const names = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master
       WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    )
    .all()
    .map((r) => r.name)
    .filter((name) => kinds.get(name)?.type === 'table');
  return names.map((name) => {
    // table_xinfo also lists generated columns (hidden 2 and 3), which cannot be inserted and are
    // recomputed anyway; hidden 1 marks a virtual table's hidden columns. Only hidden 0 is data.
    const columns = db
      .prepare<[string], ColumnRow>(`SELECT name, type, pk, hidden FROM pragma_table_xinfo(?)`)
      .all(name)
      .filter((c) => c.hidden === 0);
    return {
      name,
      columns: columns.map((c) => ({ name: c.name, affinity: affinityOf(c.type) })),
      hasRowid: kinds.get(name)?.wr === 0,
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
    };
  });
}

/**
 * Tables with the ones they refer to first. Foreign keys are deferred during a restore, so any order
 * is correct, but not any order is fast: while references are outstanding SQLite looks for the
 * children of each new parent row, a full scan where the child column has no index (10,000 assets
 * restored before their places took 4 s instead of 0.8 s). Cycles fall back to name order.
 */
export function parentsFirst(db: Db, tables: DataTable[]): DataTable[] {
  const names = new Set(tables.map((t) => t.name));
  const parents = new Map(
    tables.map((t) => [
      t.name,
      new Set(
        db
          .prepare<[string], { table: string }>(`SELECT "table" FROM pragma_foreign_key_list(?)`)
          .all(t.name)
          .map((r) => r.table)
          .filter((p) => p !== t.name && names.has(p)),
      ),
    ]),
  );
  const ordered: DataTable[] = [];
  const placed = new Set<string>();
  let left = [...tables];
  while (left.length > 0) {
    const ready = left.filter((t) => [...parents.get(t.name)!].every((p) => placed.has(p)));
    const next = ready.length > 0 ? ready : left.slice(0, 1);
    for (const t of next) {
      ordered.push(t);
      placed.add(t.name);
    }
    left = left.filter((t) => !placed.has(t.name));
  }
  return ordered;
}

/** Row order of an export: insertion (rowid) order, so restored rows keep their relative order. */
export function orderClause(table: DataTable): string {
  if (table.hasRowid) return 'ORDER BY rowid';
  const key = table.primaryKey.length ? table.primaryKey : table.columns.map((c) => c.name);
  return `ORDER BY ${key.map(quoteIdent).join(', ')}`;
}

/** The CSV file's name in the zip: the table name where that is a plain identifier. */
export function fileNameOf(table: string): string {
  return `${/^[A-Za-z0-9_]+$/.test(table) ? table : encodeURIComponent(table)}.csv`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function applicationIdOf(db: Db): number {
  return db.pragma('application_id', { simple: true }) as number;
}
