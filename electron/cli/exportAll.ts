// `npm run cli -- export-all --db PATH --out FILE.zip`: writes the whole-data export (one CSV per
// table plus manifest.json, see electron/services/dataExport.ts) of an existing database.
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../shared/contract/errors';
import { openCore } from '../core';
import { resolveDbPath } from '../paths';
import { exportAll } from '../services/dataExport';
import { readArgs } from './args';

export function runExportAll(argv: string[]): number {
  const { values } = readArgs(argv, { db: { type: 'string' }, out: { type: 'string' } });
  if (!values.out) {
    console.error('usage: npm run cli -- export-all --db PATH --out FILE.zip');
    return 2;
  }
  const file = resolveDbPath(values.db);
  // Opening a path that does not exist would create an empty database and export nothing.
  if (!fs.existsSync(file)) {
    console.error(`No database at ${file}`);
    return 1;
  }
  const api = openCore(file);
  try {
    const started = Date.now();
    const archive = exportAll(api.core.db, { appVersion: api.core.appVersion });
    const out = path.resolve(values.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, archive.bytes);
    const rows = Object.values(archive.tables).reduce((a, b) => a + b, 0);
    console.log(
      `exported ${Object.keys(archive.tables).length} tables, ${rows} rows from ${file} to ${out} (${archive.bytes.length} bytes, ${Date.now() - started} ms)`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DeskError) {
      console.error(`${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    api.core.db.close();
  }
}
