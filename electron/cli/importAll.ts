// `npm run cli -- import-all --db PATH FILE.zip`: restores a whole-data export into an empty
// database (a new file is created and migrated). A database this command created is removed again
// when the restore fails, so a failed attempt leaves no half-made file behind.
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../shared/contract/errors';
import { defaultOperator, openCore } from '../core';
import { resolveDbPath } from '../paths';
import { importAll } from '../services/dataImport';
import { readArgs } from './args';

export function runImportAll(argv: string[]): number {
  const { values, positionals } = readArgs(argv, {
    db: { type: 'string' },
    operator: { type: 'string' },
  });
  const [zip, ...more] = positionals;
  if (!zip || more.length > 0) {
    console.error('usage: npm run cli -- import-all --db PATH [--operator NAME] FILE.zip');
    return 2;
  }
  if (!fs.existsSync(zip)) {
    console.error(`No file at ${zip}`);
    return 1;
  }
  const file = resolveDbPath(values.db);
  const created = !fs.existsSync(file);
  const api = openCore(file, { operator: values.operator ?? defaultOperator() });
  let ok = false;
  try {
    const started = Date.now();
    const result = importAll(api.core.db, {
      fileName: path.basename(zip),
      bytes: fs.readFileSync(zip),
      actor: api.core.operator,
    });
    ok = true;
    const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
    console.log(
      `restored ${Object.keys(result.tables).length} tables, ${rows} rows from ${zip} into ${file} in ${Date.now() - started} ms`,
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
    if (created && !ok) {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
  }
}
