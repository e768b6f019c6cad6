// Restore from a whole-data export (see dataExport.ts): only into an empty database, and only after
// the archive has shown it is ours, of this schema version, complete and unaltered (every file's
// SHA-256 against the manifest, every table's columns against the current schema). All rows then go
// in through one transaction with foreign keys deferred, so the order of tables does not matter,
// and the FTS triggers rebuild the search indexes as rows arrive. Any failure rolls back everything.
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { dataTransferLimits } from '../../shared/contract/dataTransfer';
import { DeskError } from '../../shared/contract/errors';
import { schemaVersion } from '../store/migrate';
import { inTransaction, writeAudit, type Db } from '../store/tx';
import {
  applicationIdOf,
  dataTables,
  Manifest,
  parentsFirst,
  MANIFEST_FILE,
  quoteIdent,
  sha256Hex,
  type DataTable,
  type ManifestTable,
} from './dataArchive';
import { cellProblem, decodeCell, type SqlValue } from './dataCells';

export interface ImportOptions {
  fileName: string;
  bytes: Uint8Array;
  actor: string;
}

function refuse(message: string, details?: unknown): never {
  throw new DeskError('BAD_REQUEST', message, details);
}

/** Throws CONFLICT unless every data table is empty (the audit log included). */
export function assertEmpty(db: Db, tables: DataTable[] = dataTables(db)): void {
  const filled = tables.filter((t) =>
    db
      .prepare(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t.name)}) AS found`)
      .pluck()
      .get(),
  );
  if (filled.length > 0) {
    throw new DeskError(
      'CONFLICT',
      `An export can only be restored into an empty database; this one has data in ${filled
        .map((t) => t.name)
        .join(', ')}. Create a new database and restore into that.`,
      { reason: 'NOT_EMPTY', tables: filled.map((t) => t.name) },
    );
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function unpack(bytes: Uint8Array): Record<string, Uint8Array> {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    refuse('The file is not a zip archive; choose the .zip that "Export everything" wrote.');
  }
  let declared = 0;
  try {
    return unzipSync(bytes, {
      // Sizes are checked from the zip's directory before anything is inflated (a zip bomb stops
      // here); a size that lies is caught later by the SHA-256 of the inflated bytes.
      filter: (file) => {
        declared += file.originalSize;
        if (declared > dataTransferLimits.maxUnpackedBytes) {
          const mb = dataTransferLimits.maxUnpackedBytes / (1024 * 1024);
          throw new DeskError(
            'BAD_REQUEST',
            `The archive unpacks to more than the ${mb} MB allowed.`,
          );
        }
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof DeskError) throw error;
    refuse(`The zip archive cannot be read: ${error instanceof Error ? error.message : error}`);
  }
}

function readManifest(files: Record<string, Uint8Array>): Manifest {
  const raw = files[MANIFEST_FILE];
  if (!raw) refuse(`The archive has no ${MANIFEST_FILE}: it is not a Utility Desk export.`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    refuse(`${MANIFEST_FILE} is not valid JSON.`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    refuse(
      `${MANIFEST_FILE} is not a Utility Desk export manifest (${first?.path.join('.') || 'root'}: ${first?.message}).`,
    );
  }
  return parsed.data;
}

/** Version, identity and completeness; returns each current table with its manifest entry. */
function checkManifest(
  db: Db,
  manifest: Manifest,
  files: Record<string, Uint8Array>,
  tables: DataTable[],
): { table: DataTable; entry: ManifestTable }[] {
  const ours = schemaVersion(db);
  if (manifest.schemaVersion > ours) {
    throw new DeskError(
      'SCHEMA_TOO_NEW',
      `This export has schema version ${manifest.schemaVersion} (app ${manifest.appVersion}), newer than this app understands (${ours}). Update Utility Desk to restore it.`,
      { exportVersion: manifest.schemaVersion, appVersion: ours },
    );
  }
  if (manifest.schemaVersion < ours) {
    refuse(
      `This export has schema version ${manifest.schemaVersion} (app ${manifest.appVersion}), older than this app's (${ours}); restoring older exports is not supported yet. Restore it with Utility Desk ${manifest.appVersion}, then open that database with this version, which upgrades it.`,
      { exportVersion: manifest.schemaVersion, appVersion: ours },
    );
  }
  // 0 means "not set"; two different ids that are both set mean another application's file.
  const appId = applicationIdOf(db);
  if (manifest.applicationId !== 0 && appId !== 0 && manifest.applicationId !== appId) {
    refuse(
      `This export comes from another application (application_id ${manifest.applicationId}).`,
    );
  }
  const byName = new Map(manifest.tables.map((t) => [t.name, t]));
  const missing = tables.filter((t) => !byName.has(t.name)).map((t) => t.name);
  if (missing.length) refuse(`The export is incomplete: table ${missing.join(', ')} is missing.`);
  const known = new Set(tables.map((t) => t.name));
  const extra = manifest.tables.filter((t) => !known.has(t.name)).map((t) => t.name);
  if (extra.length) refuse(`The export has tables this database does not: ${extra.join(', ')}.`);
  const listed = new Set([MANIFEST_FILE, ...manifest.tables.map((t) => t.file)]);
  const strays = Object.keys(files).filter((f) => !listed.has(f));
  if (strays.length) refuse(`The archive holds files its manifest does not list: ${strays[0]}.`);

  return parentsFirst(db, tables).map((table) => {
    const entry = byName.get(table.name)!;
    const want = table.columns.map((c) => c.name);
    const same =
      want.length === entry.columns.length && want.every((c) => entry.columns.includes(c));
    if (!same) {
      refuse(
        `The columns of ${table.name} in the export (${entry.columns.join(', ')}) do not match this database (${want.join(', ')}).`,
      );
    }
    const bytes = files[entry.file];
    if (!bytes) refuse(`The export is incomplete: ${entry.file} (table ${table.name}) is missing.`);
    if (sha256Hex(bytes) !== entry.sha256) {
      refuse(
        `${entry.file} does not match its SHA-256 in the manifest: the archive was altered or damaged.`,
        { file: entry.file },
      );
    }
    return { table, entry };
  });
}

/** The CSV's records after the header, which must name the manifest's columns in its order. */
function readCsv(entry: ManifestTable, bytes: Uint8Array): string[][] {
  let text = Buffer.from(bytes).toString('utf8');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: false, skip_empty_lines: false }) as string[][];
  } catch (error) {
    refuse(`${entry.file} is not valid CSV: ${error instanceof Error ? error.message : error}`);
  }
  const [header, ...rows] = records;
  if (!header || header.join('\u0000') !== entry.columns.join('\u0000')) {
    refuse(`The header of ${entry.file} does not match the columns its manifest lists.`);
  }
  if (rows.length !== entry.rows) {
    refuse(`${entry.file} has ${rows.length} rows; its manifest says ${entry.rows}.`);
  }
  return rows;
}

function insertTable(db: Db, table: DataTable, entry: ManifestTable, rows: string[][]): void {
  const affinities = entry.columns.map(
    (name) => table.columns.find((c) => c.name === name)!.affinity,
  );
  const insert = db.prepare(
    `INSERT INTO ${quoteIdent(table.name)} (${entry.columns.map(quoteIdent).join(', ')})
     VALUES (${entry.columns.map(() => '?').join(', ')})`,
  );
  rows.forEach((row, r) => {
    const values: SqlValue[] = row.map((field, c) => {
      try {
        return decodeCell(field, affinities[c]!);
      } catch (error) {
        // Row numbers as a spreadsheet shows them: the header is row 1.
        throw cellProblem(entry.file, r + 2, entry.columns[c]!, error);
      }
    });
    try {
      insert.run(values);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      refuse(`${entry.file}, row ${r + 2}: the row was refused by the database (${message}).`);
    }
  });
}

export function importAll(db: Db, options: ImportOptions): { tables: Record<string, number> } {
  const tables = dataTables(db);
  // Cheapest and most useful refusal first; checked again inside the write transaction below.
  assertEmpty(db, tables);
  const files = unpack(options.bytes);
  const manifest = readManifest(files);
  const pairs = checkManifest(db, manifest, files, tables);

  return inTransaction(db, () => {
    assertEmpty(db, tables);
    // Deferred to the commit, so a row may name a place or meter from a table not yet restored;
    // SQLite resets this pragma itself when the transaction ends.
    db.pragma('defer_foreign_keys = ON');
    const counts: Record<string, number> = {};
    for (const { table, entry } of pairs) {
      insertTable(db, table, entry, readCsv(entry, files[entry.file]!));
      counts[table.name] = entry.rows;
    }
    // A trigger that writes rows into another data table (a rollup, say) would double them on
    // restore; the counts would show it, and the restore must then fail rather than differ.
    for (const { table, entry } of pairs) {
      const n = db
        .prepare(`SELECT count(*) FROM ${quoteIdent(table.name)}`)
        .pluck()
        .get();
      if (n !== entry.rows) {
        refuse(`Restoring left ${String(n)} rows in ${table.name} instead of ${entry.rows}.`);
      }
    }
    const broken = db.prepare('PRAGMA foreign_key_check').all() as { table: string }[];
    if (broken.length > 0) {
      refuse(
        `The export refers to rows it does not contain (${broken.length} broken references, the first in ${broken[0]!.table}).`,
      );
    }
    writeAudit(db, {
      actor: options.actor,
      entity: 'import',
      entityId: options.fileName,
      action: 'create',
      after: {
        fileName: options.fileName,
        exportedAt: manifest.exportedAt,
        appVersion: manifest.appVersion,
        schemaVersion: manifest.schemaVersion,
        tables: counts,
      },
      note: `从导出恢复 ${options.fileName}`,
    });
    return { tables: counts };
  });
}
