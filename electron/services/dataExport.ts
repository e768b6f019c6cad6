// The whole-data export: every ordinary table as one CSV file (cell encoding in dataCells.ts) plus
// manifest.json (app and schema version, application_id, time, and per table its file, columns,
// row count and SHA-256), zipped with fflate. Everything is read inside one read transaction, so
// the files form one consistent snapshot even while another connection writes (WAL).
import { zipSync, type Zippable } from 'fflate';
import { schemaVersion } from '../store/migrate';
import type { Db } from '../store/tx';
import {
  applicationIdOf,
  CELL_ENCODING,
  dataTables,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  fileNameOf,
  MANIFEST_FILE,
  orderClause,
  quoteIdent,
  sha256Hex,
  type DataTable,
  type Manifest,
  type ManifestTable,
} from './dataArchive';
import { csvRecord, encodeCell, type SqlValue } from './dataCells';

export interface ExportOptions {
  appVersion: string;
  /** The export's time (tests pin it); defaults to now. */
  now?: Date;
}

export interface ExportedArchive {
  fileName: string;
  bytes: Uint8Array;
  manifest: Manifest;
  /** Rows per table, by table name. */
  tables: Record<string, number>;
}

const BOM = '\uFEFF';

/** utility-desk-export-20260301T101500Z.zip: UTC, sortable, no characters a file system minds. */
export function exportFileName(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `utility-desk-export-${stamp}.zip`;
}

/** One table as CSV bytes (BOM, header, one record per row) and its row count. */
function tableCsv(db: Db, table: DataTable): { bytes: Uint8Array; rows: number } {
  const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  const statement = db
    .prepare<[], unknown[]>(
      `SELECT ${columns} FROM ${quoteIdent(table.name)} ${orderClause(table)}`,
    )
    .raw(true)
    // INTEGER as bigint, so a value beyond 2^53 and the INTEGER/REAL distinction both survive.
    .safeIntegers(true);
  const parts: string[] = [BOM, csvRecord(table.columns.map((c) => c.name))];
  let rows = 0;
  for (const row of statement.iterate()) {
    parts.push(
      csvRecord(row.map((value, i) => encodeCell(value as SqlValue, table.columns[i]!.affinity))),
    );
    rows++;
  }
  return { bytes: Buffer.from(parts.join(''), 'utf8'), rows };
}

export function exportAll(db: Db, options: ExportOptions): ExportedArchive {
  const now = options.now ?? new Date();
  const files: Zippable = {};
  const snapshot = db.transaction(() => {
    const entries: ManifestTable[] = [];
    for (const table of dataTables(db)) {
      const { bytes, rows } = tableCsv(db, table);
      const file = fileNameOf(table.name);
      files[file] = bytes;
      entries.push({
        name: table.name,
        file,
        columns: table.columns.map((c) => c.name),
        rows,
        sha256: sha256Hex(bytes),
      });
    }
    return { entries, version: schemaVersion(db), applicationId: applicationIdOf(db) };
  })();

  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    appVersion: options.appVersion,
    schemaVersion: snapshot.version,
    applicationId: snapshot.applicationId,
    exportedAt: now.toISOString(),
    cellEncoding: CELL_ENCODING,
    tables: snapshot.entries,
  };
  files[MANIFEST_FILE] = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  // Level 6 is zlib's default: CSV of ids and repeated names shrinks several times over.
  const bytes = zipSync(files, { level: 6, mtime: now });
  const tables = Object.fromEntries(snapshot.entries.map((t) => [t.name, t.rows]));
  return { fileName: exportFileName(now), bytes, manifest, tables };
}
