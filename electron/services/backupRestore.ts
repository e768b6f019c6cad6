// Restoring a backup over the open database. In order: check the file (ours, intact, not from a
// newer app), back up the current database into the backup folder, stage a copy of the backup next
// to the database file and migrate it there, then close the connection, put the staged file in
// place of the database and reopen. Everything that can fail on the backup's side fails before the
// current connection is closed; the swap itself is a rename, and if the result will not open the
// previous database is put back.
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../shared/contract/errors';
import type { ResultOf } from '../../shared/contract';
import type { Core } from '../context';
import { assertRestorable, backupTo, verifyBackup, type BackupVerification } from '../store/backup';
import { openReadOnly, sameFile, writeFailure } from '../store/backupFiles';
import { writeBackupInto } from '../store/backupFolder';
import { backupPrefixFor } from '../store/backupRotation';
import { schemaVersion } from '../store/migrate';
import { openDatabase } from '../store/open';

type RestoreResult = ResultOf<'backup.restore'>;

function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Copies the backup next to the database (through the backup API, so a backup that is itself in
 * WAL mode is read whole) and migrates the copy to this app's schema. Returns the copy's check.
 */
function stage(source: string, staged: string, backupDir: string) {
  removeWithSidecars(staged);
  const from = openReadOnly(source);
  try {
    backupTo(from.db, staged);
  } finally {
    from.close();
  }
  // The original is the backup of this older copy; no second one before migrating it.
  openDatabase(staged, { backupDir, backupBeforeMigrate: false }).close();
  const check = verifyBackup(staged);
  if (!check.ok)
    throw new DeskError('CORRUPT', `The migrated copy failed its check: ${check.integrity}`);
  return check;
}

/** Closes the connection and renames `staged` over the database file; reopens on every path. */
function swapIn(core: Core, staged: string): void {
  const live = path.resolve(core.file);
  core.db.close();
  // The last connection to close checkpoints the WAL and deletes it; one still there (with frames)
  // means another program has the file open, and replacing it under that program would lose its
  // writes and could damage what it sees.
  const wal = `${live}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    core.reopen();
    throw new DeskError(
      'CONFLICT',
      'Another program has the database open, so it was not replaced. Close it and restore again.',
      { file: live },
    );
  }
  try {
    // A -wal or -shm left beside the new file would be read as part of it.
    fs.rmSync(wal, { force: true });
    fs.rmSync(`${live}-shm`, { force: true });
    fs.renameSync(staged, live);
  } catch (error) {
    core.reopen(); // the rename either happened whole or not at all
    throw writeFailure(error, live);
  }
}

export function restoreBackup(core: Core, file: string, now = new Date()): RestoreResult {
  if (!path.isAbsolute(file)) {
    throw new DeskError('BAD_REQUEST', 'Give the backup as a full path.', { file });
  }
  const source = path.resolve(file);
  const live = path.resolve(core.file);
  if ([live, `${live}-wal`, `${live}-shm`].some((f) => sameFile(f, source))) {
    throw new DeskError('BAD_REQUEST', 'That is the open database itself, not a backup of it.', {
      file: source,
    });
  }
  const original = verifyBackup(source);
  assertRestorable(source, original);

  // The current state is kept first; a copy that fails its check is still kept (as
  // …-unverified.db): a damaged database is the usual reason to restore.
  const prefix = backupPrefixFor(core.file);
  const previous = writeBackupInto(core.db, core.backupDir, now, 'before-restore', prefix);

  const staged = `${live}.restoring`;
  let check: BackupVerification;
  try {
    check = stage(source, staged, core.backupDir);
  } catch (error) {
    removeWithSidecars(staged);
    throw error;
  }
  try {
    swapIn(core, staged);
  } finally {
    removeWithSidecars(staged);
  }
  try {
    core.reopen();
  } catch (error) {
    putBack(core, previous.file);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DeskError(
      'INTERNAL',
      `The restored database would not open (${reason}); the previous one was put back.`,
      { file: source, previous: previous.file },
    );
  }
  console.info(
    `[utility-desk] restored ${source} over ${live}; the previous database is ${previous.file}`,
  );
  return {
    restored: { file: source, schemaVersion: original.schemaVersion },
    schemaVersion: schemaVersion(core.db),
    previous: { file: previous.file, name: previous.name },
    counts: check.counts,
  };
}

/** Last resort after a swap whose result will not open: the pre-restore copy goes back. */
function putBack(core: Core, previousFile: string): void {
  const live = path.resolve(core.file);
  const staged = `${live}.restoring`;
  try {
    // The pre-restore copy is a closed, self-contained file: a plain copy of it is safe.
    fs.copyFileSync(previousFile, staged);
    fs.rmSync(`${live}-wal`, { force: true });
    fs.rmSync(`${live}-shm`, { force: true });
    fs.renameSync(staged, live);
    core.reopen();
  } catch (error) {
    console.error('[utility-desk] could not put the previous database back:', error);
  }
}
