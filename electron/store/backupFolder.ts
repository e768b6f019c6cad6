// The backup folder as a whole: what is in it, the newest copy that checks out, and writing a new
// checked copy into it under a dated name.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupTo, verifyBackup, type BackupVerification } from './backup';
import { readDbHeader } from './backupFiles';
import {
  backupNameTime,
  DEFAULT_PREFIX,
  freshBackupName,
  looksLikeBackupName,
  parseBackupName,
  type BackupTag,
} from './backupRotation';
import { latestVersion } from './migrations';

export interface BackupItem {
  file: string;
  name: string;
  /** When it was taken (from its name, else the file's modification time), UTC ISO-8601. */
  at: string;
  bytes: number;
  /** From the file's header; absent when it is not an SQLite file. */
  schemaVersion?: number;
  /** Why it was taken, beyond the daily routine ('before-restore'…); absent for regular ones. */
  tag?: string;
}

/**
 * The backups of the database whose names start with `prefix`, and any other `.db` file put in the
 * folder by hand, newest first; dated backups of other databases sharing the folder are left out.
 * An absent folder is an empty list.
 */
export function listBackups(folder: string, prefix = DEFAULT_PREFIX): BackupItem[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const items: BackupItem[] = [];
  for (const name of names) {
    if (!name.endsWith('.db') || name.startsWith('.')) continue;
    const file = path.join(folder, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue; // deleted while listing
    }
    if (!stat.isFile()) continue;
    const parsed = parseBackupName(name, prefix);
    if (!parsed && looksLikeBackupName(name)) continue;
    const at = parsed ? backupNameTime(parsed) : stat.mtime;
    const header = readDbHeader(file);
    items.push({
      file,
      name,
      at: at.toISOString(),
      bytes: stat.size,
      ...(header ? { schemaVersion: header.userVersion } : {}),
      ...(parsed?.tag ? { tag: parsed.tag } : {}),
    });
  }
  return items.sort((a, b) =>
    a.at === b.at ? b.name.localeCompare(a.name) : a.at < b.at ? 1 : -1,
  );
}

export interface GoodBackup extends BackupItem {
  schemaVersion: number;
  counts: Record<string, number>;
}

/**
 * The newest backup this app could restore: ours, intact, not from a newer schema. Checks at most
 * `limit` files (each check reads the whole file), so a start-up with a damaged database stays quick.
 */
export function findNewestGoodBackup(
  folder: string,
  prefix = DEFAULT_PREFIX,
  limit = 5,
): GoodBackup | undefined {
  // Only this database's own dated backups: a file of unknown origin is not offered unasked.
  const candidates = listBackups(folder, prefix).filter(
    (item) =>
      parseBackupName(item.name, prefix) !== null &&
      item.tag !== 'unverified' &&
      item.schemaVersion !== undefined,
  );
  for (const item of candidates.slice(0, limit)) {
    try {
      const check = verifyBackup(item.file);
      if (check.ok && check.schemaVersion <= latestVersion) {
        return { ...item, schemaVersion: check.schemaVersion, counts: check.counts };
      }
    } catch {
      // Not ours or unreadable: look at the next one.
    }
  }
  return undefined;
}

export interface WrittenBackup {
  file: string;
  name: string;
  bytes: number;
  verification: BackupVerification;
}

/**
 * Backs `db` up into `folder` under a fresh dated name and checks the copy. A copy that fails its
 * check is kept (it may still be the best there is) but renamed `…-unverified.db`, so rotation,
 * the daily check and the start-up offer of a good backup all pass it over.
 */
export function writeBackupInto(
  db: Database.Database,
  folder: string,
  now: Date,
  tag: BackupTag | null = null,
  prefix = DEFAULT_PREFIX,
): WrittenBackup {
  fs.mkdirSync(folder, { recursive: true });
  const existing = new Set(fs.readdirSync(folder));
  let name = freshBackupName(now, tag, existing, prefix);
  let file = path.join(folder, name);
  const { bytes } = backupTo(db, file);
  const verification = verifyBackup(file);
  if (!verification.ok) {
    existing.add(name);
    const renamed = freshBackupName(now, 'unverified', existing, prefix);
    fs.renameSync(file, path.join(folder, renamed));
    name = renamed;
    file = path.join(folder, renamed);
  }
  return { file, name, bytes, verification };
}
