// Puts a checked backup in place of a damaged database file. The damaged file (and its -wal/-shm)
// is kept beside it as `<name>.damaged-<time>` rather than deleted: it may still hold the last
// hours of work that someone can get out of it later.
import fs from 'node:fs';
import { assertRestorable, verifyBackup } from './backup';

export interface Replaced {
  /** The backup that now is the database. */
  restoredFrom: string;
  /** Where the damaged file was kept; absent when there was no file. */
  keptAs?: string;
}

export function replaceDamagedWith(file: string, backup: string, now = new Date()): Replaced {
  // Checked before anything moves, so a bad choice leaves the damaged file where it was.
  assertRestorable(backup, verifyBackup(backup));
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let keptAs: string | undefined;
  if (fs.existsSync(file)) {
    keptAs = `${file}.damaged-${stamp}`;
    fs.renameSync(file, keptAs);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, keptAs + suffix);
    }
  }
  fs.copyFileSync(backup, file);
  return keptAs ? { restoredFrom: backup, keptAs } : { restoredFrom: backup };
}
