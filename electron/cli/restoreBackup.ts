// `npm run cli -- restore-backup --db PATH [FILE]`: the way back when the database will not open
// (damaged): checks the backup (the given FILE, else the newest good one in the backup folder),
// keeps the damaged file beside it as `<name>.damaged-<time>` rather than deleting it, puts the
// backup in its place and opens it, which migrates an older one.
import path from 'node:path';
import { DeskError } from '../../shared/contract/errors';
import { openCore } from '../core';
import { resolveBackupDir, resolveDbPath } from '../paths';
import { findNewestGoodBackup } from '../store/backupFolder';
import { backupPrefixFor } from '../store/backupRotation';
import { replaceDamagedWith } from '../store/replaceDamaged';
import { readArgs } from './args';

export function runRestoreBackup(argv: string[]): number {
  const { values, positionals } = readArgs(argv, { db: { type: 'string' } });
  const file = resolveDbPath(values.db);
  const chosen =
    positionals[0] ?? findNewestGoodBackup(resolveBackupDir(file), backupPrefixFor(file))?.file;
  if (!chosen) {
    console.error(`没有找到可恢复的完好备份 / No good backup found in ${resolveBackupDir(file)}`);
    return 1;
  }
  try {
    const { keptAs } = replaceDamagedWith(file, chosen);
    if (keptAs) {
      console.log(`原数据库已保留为 / the previous file was kept as ${path.basename(keptAs)}`);
    }
    const api = openCore(file);
    api.core.db.close();
    console.log(`已从备份恢复 / restored ${file} from ${chosen}`);
    return 0;
  } catch (error) {
    if (error instanceof DeskError) {
      console.error(`${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
