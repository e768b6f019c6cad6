// Where the database lives when nobody says: the same per-user folder Electron's
// app.getPath('userData') gives, so the desktop app and the web host open the same file.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Utility Desk';
export const DB_FILE_NAME = 'utility-desk.db';

export function defaultUserDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') {
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (process.platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  }
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** --db PATH, else UTILITY_DESK_DB, else the user data folder. */
export function resolveDbPath(
  flag: string | undefined,
  userDataDir = defaultUserDataDir(),
): string {
  return flag ?? process.env.UTILITY_DESK_DB ?? path.join(userDataDir, DB_FILE_NAME);
}

/**
 * Where the backups of `dbFile` go: UTILITY_DESK_BACKUP_DIR, else a `backups` folder beside the
 * file (in the user data folder for the default database). Never under the web host's static root.
 */
export function resolveBackupDir(dbFile: string): string {
  const fromEnv = process.env.UTILITY_DESK_BACKUP_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}
