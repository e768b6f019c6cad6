// Applies pending migrations, each in its own transaction, and refuses a database from a newer app.
import type Database from 'better-sqlite3';
import { DeskError } from '../../shared/contract/errors';
import { latestVersion, migrations, type Migration } from './migrations';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws SCHEMA_TOO_NEW for a database from a newer app; reads only. Returns its version. */
export function refuseNewerSchema(
  db: Database.Database,
  list: readonly Migration[] = migrations,
): number {
  const current = schemaVersion(db);
  const newest = list[list.length - 1]?.version ?? 0;
  if (current > newest) {
    throw new DeskError(
      'SCHEMA_TOO_NEW',
      `This database has schema version ${current}, newer than this app understands (${newest}). Update Utility Desk to open it.`,
      { databaseVersion: current, appVersion: newest },
    );
  }
  return current;
}

/** Migrates up to `target` (default: latest). Returns the versions applied. */
export function migrate(
  db: Database.Database,
  list: readonly Migration[] = migrations,
  target: number = latestVersion,
): number[] {
  const current = refuseNewerSchema(db, list);
  const applied: number[] = [];
  for (const step of list) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
    applied.push(step.version);
  }
  return applied;
}
