// Readers for the whole-data export tests: the ordinary tables of a database (found without the
// code under test), every row with its storage classes, and an export's zip taken apart, changed
// and put together again, as someone tampering with it would.
import { unzipSync, zipSync } from 'fflate';
import type { Manifest } from '../../electron/services/dataArchive';
import { sha256Hex } from '../../electron/services/dataArchive';
import type { Db } from '../../electron/store/tx';

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Ordinary tables, found independently of the code under test. */
export function ordinaryTables(db: Db): string[] {
  return db
    .prepare(
      `SELECT name FROM pragma_table_list
       WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
}

/** A value with its storage class: 3 (INTEGER), 3.0 (REAL) and '3' (TEXT) all differ. */
export function typed(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `integer:${value}`;
  if (typeof value === 'number') return `real:${Object.is(value, -0) ? '-0' : String(value)}`;
  if (typeof value === 'string') return `text:${JSON.stringify(value)}`;
  if (value instanceof Uint8Array) return `blob:${Buffer.from(value).toString('hex')}`;
  throw new Error(`unexpected value ${String(value)}`);
}

/** Every row of a table in primary-key order, each cell typed. */
export function typedRows(db: Db, table: string, where = 'true'): string[][] {
  const key = db
    .prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`)
    .pluck()
    .all(table) as string[];
  const order = key.length ? key.map(q).join(', ') : 'rowid';
  const rows = db
    .prepare(`SELECT * FROM ${q(table)} WHERE ${where} ORDER BY ${order}`)
    .raw(true)
    .safeIntegers(true)
    .all() as unknown[][];
  return rows.map((row) => row.map(typed));
}

export type ArchiveFiles = Record<string, Uint8Array>;

/** The export with its files and manifest changed by `mutate`, zipped again, as base64. */
export function alterArchive(
  contentBase64: string,
  mutate: (files: ArchiveFiles, manifest: Manifest) => void,
): string {
  const files = unzipSync(Buffer.from(contentBase64, 'base64'));
  const manifest = readManifest(files);
  mutate(files, manifest);
  files['manifest.json'] = Buffer.from(JSON.stringify(manifest), 'utf8');
  return Buffer.from(zipSync(files)).toString('base64');
}

export function readManifest(files: ArchiveFiles): Manifest {
  return JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as Manifest;
}

/** Replaces text in one CSV and records the new hash, as a careful forger would. */
export function rewriteCsv(
  files: ArchiveFiles,
  manifest: Manifest,
  file: string,
  edit: (csv: string) => string,
): void {
  const next = Buffer.from(edit(Buffer.from(files[file]!).toString('utf8')), 'utf8');
  files[file] = next;
  manifest.tables.find((t) => t.file === file)!.sha256 = sha256Hex(next);
}
