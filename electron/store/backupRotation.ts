// Names of the files in the backup folder and which of them to keep. A backup is named after its
// database and the local time it was taken (`utility-desk-2026-11-29T0830.db` for utility-desk.db),
// so people can find one by date in a file manager and databases that share a folder never mix
// their backups; rotation keeps the newest backup of each of the last N days, weeks and months
// that have one (grandfather-father-son, as restic and borg count it). Everything here is pure
// except applyRotation, which deletes what planRotation chose.
import fs from 'node:fs';
import path from 'node:path';

/** The name stem of the default database's backups (utility-desk.db). */
export const DEFAULT_PREFIX = 'utility-desk';

/** The stem of a database's backup names: its file name without the extension. */
export function backupPrefixFor(dbFile: string): string {
  const stem = path
    .basename(dbFile)
    .replace(/\.(db|sqlite3?)$/i, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-');
  return stem || DEFAULT_PREFIX;
}

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const defaultRotationPolicy: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

/**
 * Why a backup was taken beyond the daily routine. Tagged backups are kept out of rotation: they are
 * rare (one per restore or upgrade) and are exactly the copies someone asks for after a mistake.
 */
export type BackupTag = 'before-restore' | 'before-migrate' | 'unverified';

export interface BackupName {
  name: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 for the first backup of that minute, 2… for later ones (`-2` in the name). */
  seq: number;
  /** null for a regular backup (automatic or "back up now" into the folder). */
  tag: string | null;
}

const patterns = new Map<string, RegExp>();

function patternFor(prefix: string): RegExp {
  let pattern = patterns.get(prefix);
  if (!pattern) {
    const stem = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(
      `^${stem}-(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2})(\\d{2})(?:-([a-z][a-z-]*[a-z]))?(?:-(\\d{1,4}))?\\.db$`,
      'u',
    );
    patterns.set(prefix, pattern);
  }
  return pattern;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local-time stamp of a name: `2026-11-29T0830`. */
export function localStamp(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}${pad(at.getMinutes())}`;
}

export function backupFileName(
  at: Date,
  tag: BackupTag | null = null,
  seq = 1,
  prefix = DEFAULT_PREFIX,
): string {
  return `${prefix}-${localStamp(at)}${tag ? `-${tag}` : ''}${seq > 1 ? `-${seq}` : ''}.db`;
}

/** A name not yet taken in `existing` (the same minute gets `-2`, `-3`…). */
export function freshBackupName(
  at: Date,
  tag: BackupTag | null,
  existing: ReadonlySet<string>,
  prefix = DEFAULT_PREFIX,
): string {
  for (let seq = 1; ; seq += 1) {
    const name = backupFileName(at, tag, seq, prefix);
    if (!existing.has(name)) return name;
  }
}

export function parseBackupName(name: string, prefix = DEFAULT_PREFIX): BackupName | null {
  const m = patternFor(prefix).exec(name);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return { name, year, month, day, hour, minute, seq: m[7] ? Number(m[7]) : 1, tag: m[6] ?? null };
}

/** True for any dated backup name, whichever database it belongs to. */
export function looksLikeBackupName(name: string): boolean {
  return /-\d{4}-\d{2}-\d{2}T\d{4}(?:-[a-z][a-z-]*[a-z])?(?:-\d{1,4})?\.db$/.test(name);
}

/** The moment a name stands for, read as local time on this machine. */
export function backupNameTime(parsed: BackupName): Date {
  return new Date(parsed.year, parsed.month - 1, parsed.day, parsed.hour, parsed.minute);
}

/** Days since 1970-01-01 of a calendar date: arithmetic on dates free of time zones and DST. */
function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

function dayKey(b: BackupName): number {
  return dayNumber(b.year, b.month, b.day);
}

/** The day number of the Monday that starts the backup's week (1970-01-01 was a Thursday). */
function weekKey(b: BackupName): number {
  const n = dayKey(b);
  return n - ((((n + 3) % 7) + 7) % 7);
}

function monthKey(b: BackupName): number {
  return b.year * 12 + b.month - 1;
}

/** Sortable position of a backup in time; the sequence number breaks ties within a minute. */
function order(b: BackupName): number {
  return ((dayKey(b) * 24 + b.hour) * 60 + b.minute) * 10_000 + b.seq;
}

/** True when the backup's name is on the same local calendar day as `now`. */
export function isSameLocalDay(b: BackupName, now: Date): boolean {
  return b.year === now.getFullYear() && b.month === now.getMonth() + 1 && b.day === now.getDate();
}

/**
 * The regular backups among `files` to delete under `policy`, oldest first. Kept: the newest backup
 * of each of the newest `daily` days that have one, likewise for weeks (Monday to Sunday) and
 * months, and always the newest backup of all. Never deleted: anything not named as a backup of
 * this database (`prefix`), tagged backups, and backups named after `now` (a clock that was wrong once must not make the
 * newest real backups look old and push them out).
 */
export function planRotation(
  files: readonly string[],
  now: Date,
  policy: RotationPolicy = defaultRotationPolicy,
  prefix = DEFAULT_PREFIX,
): string[] {
  const nowOrder = order({
    name: '',
    year: now.getFullYear(),
    month: now.getMonth() + 1,
    day: now.getDate(),
    hour: now.getHours(),
    minute: now.getMinutes(),
    seq: 9_999,
    tag: null,
  });
  const candidates = files
    .map((f) => parseBackupName(f, prefix))
    .filter((b): b is BackupName => b !== null && b.tag === null && order(b) <= nowOrder)
    .sort((a, b) => order(b) - order(a) || (a.name < b.name ? 1 : -1));

  const keep = new Set<string>();
  if (candidates[0]) keep.add(candidates[0].name);
  const rules: [number, (b: BackupName) => number][] = [
    [policy.daily, dayKey],
    [policy.weekly, weekKey],
    [policy.monthly, monthKey],
  ];
  for (const [count, keyOf] of rules) {
    const seen = new Set<number>();
    for (const b of candidates) {
      const key = keyOf(b);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(b.name);
    }
  }
  return candidates
    .filter((b) => !keep.has(b.name))
    .map((b) => b.name)
    .reverse();
}

/** Deletes what planRotation chooses in `folder`; returns the names deleted. */
export function applyRotation(
  folder: string,
  now: Date,
  policy: RotationPolicy,
  prefix = DEFAULT_PREFIX,
): string[] {
  const doomed = planRotation(fs.readdirSync(folder), now, policy, prefix);
  const deleted: string[] = [];
  for (const name of doomed) {
    try {
      fs.rmSync(path.join(folder, name));
      deleted.push(name);
    } catch (error) {
      // One file that cannot go (open elsewhere, permissions) must not stop the rest.
      console.error(`[utility-desk] could not delete old backup ${name}:`, error);
    }
  }
  return deleted;
}
