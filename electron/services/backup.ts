// Handlers of backup and restore, and the daily automatic backup. The backup folder is the Core's
// (`backups` beside the database unless UTILITY_DESK_BACKUP_DIR says otherwise); the web host never
// serves it, it serves only the built renderer.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Core } from '../context';
import { backupTo, verifyBackup, type BackupVerification } from '../store/backup';
import { findNewestGoodBackup, listBackups, writeBackupInto } from '../store/backupFolder';
import {
  applyRotation,
  backupPrefixFor,
  defaultRotationPolicy,
  isSameLocalDay,
  parseBackupName,
  type RotationPolicy,
} from '../store/backupRotation';
import type { Db } from '../store/tx';
import { restoreBackup } from './backupRestore';

type BackupMethod =
  'backup.list' | 'backup.now' | 'backup.restore' | 'backup.startupCheck' | 'backup.recover';

/** The settings key that overrides the rotation policy: {"daily":7,"weekly":4,"monthly":12}. */
export const ROTATION_SETTING = 'backup.rotation';

const Keep = z.number().int().min(0).max(1000);
const PolicySetting = z.object({ daily: Keep, weekly: Keep, monthly: Keep }).partial();

/** The rotation policy in the settings table, falling back to the defaults for what is not set. */
export function rotationPolicyOf(db: Db): RotationPolicy {
  try {
    const row = db
      .prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
      .get(ROTATION_SETTING);
    if (!row) return defaultRotationPolicy;
    const parsed = PolicySetting.safeParse(JSON.parse(row.value_json));
    return parsed.success ? { ...defaultRotationPolicy, ...parsed.data } : defaultRotationPolicy;
  } catch {
    return defaultRotationPolicy;
  }
}

export type DailyBackupResult =
  | { status: 'exists'; name: string }
  | {
      status: 'created';
      file: string;
      name: string;
      verification: BackupVerification;
      deleted: string[];
    }
  | { status: 'failed'; message: string };

/**
 * Makes today's backup unless the folder already has a regular one dated today, checks it and
 * rotates the folder. The app calls this at start and then hourly, so a PC left on overnight still
 * gets one per day. It runs synchronously on the database thread (about a second per few hundred
 * MB, during which calls wait) and never throws: a failure is logged and returned, since the app
 * must go on working without its backup.
 */
export function ensureDailyBackup(
  core: Core,
  folder: string = core.backupDir,
  now: Date = new Date(),
  policy: RotationPolicy = rotationPolicyOf(core.db),
): DailyBackupResult {
  try {
    const prefix = backupPrefixFor(core.file);
    const names = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    const today = names
      .map((name) => parseBackupName(name, prefix))
      .find((b) => b !== null && b.tag === null && isSameLocalDay(b, now));
    if (today) return { status: 'exists', name: today.name };
    const written = writeBackupInto(core.db, folder, now, null, prefix);
    if (!written.verification.ok) {
      const message = `the backup ${written.file} failed its check: ${written.verification.integrity}`;
      console.error(`[utility-desk] daily backup: ${message}`);
      return { status: 'failed', message };
    }
    const deleted = applyRotation(folder, now, policy, prefix);
    return { status: 'created', ...written, deleted };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[utility-desk] daily backup into ${folder} failed: ${message}`);
    return { status: 'failed', message };
  }
}

/** Starts the hourly daily-backup check; the timer does not keep the process alive. */
export function scheduleDailyBackups(core: Core, everyMs = 60 * 60 * 1000): () => void {
  ensureDailyBackup(core);
  const timer = setInterval(() => {
    if (core.db.open) ensureDailyBackup(core);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

function quickCheckOf(db: Db): string {
  try {
    const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
    return rows.map((r) => r.quick_check).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const backupHandlers: Handlers<BackupMethod> = {
  'backup.list': (_input, ctx) => ({
    folder: ctx.core.backupDir,
    items: listBackups(ctx.core.backupDir, backupPrefixFor(ctx.core.file)),
  }),

  'backup.now': ({ file }, ctx) => {
    if (file === undefined) {
      const prefix = backupPrefixFor(ctx.core.file);
      const written = writeBackupInto(ctx.db, ctx.core.backupDir, new Date(), null, prefix);
      return {
        ...written.verification,
        file: written.file,
        name: written.name,
        bytes: written.bytes,
      };
    }
    // Over the web host a relative path would land wherever the server was started.
    if (!path.isAbsolute(file)) {
      throw new DeskError('BAD_REQUEST', 'Give the backup file as a full path.', { file });
    }
    const { bytes } = backupTo(ctx.db, file);
    return { ...verifyBackup(file), file: path.resolve(file), name: path.basename(file), bytes };
  },

  'backup.restore': ({ file }, ctx) => restoreBackup(ctx.core, file),

  'backup.startupCheck': (_input, ctx) => {
    const good = findNewestGoodBackup(ctx.core.backupDir, backupPrefixFor(ctx.core.file));
    return {
      quickCheck: quickCheckOf(ctx.db),
      ...(good
        ? {
            newestGoodBackup: {
              file: good.file,
              name: good.name,
              at: good.at,
              bytes: good.bytes,
              schemaVersion: good.schemaVersion,
              ...(good.tag ? { tag: good.tag } : {}),
            },
          }
        : {}),
    };
  },
  'backup.recover': () => {
    // Only a core that could not open answers this (electron/recoverableCore.ts).
    throw new DeskError(
      'CONFLICT',
      '数据库完好，无需恢复；如需换用某个备份，请在“设置 › 备份”中恢复。 / The database is intact; to switch to a backup, restore it under Settings › Backup.',
    );
  },
};
