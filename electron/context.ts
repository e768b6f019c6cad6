// What every handler gets: the open database and who is acting. One Core per open database file.
import type { Db } from './store/tx';

export interface Core {
  db: Db;
  /** Path of the database file, for messages; never sent to the web. */
  file: string;
  appVersion: string;
  /** The operator name chosen at start; written into every audit entry. */
  operator: string;
  /** Opened for reading only: every write is refused with READ_ONLY and the UI says so. */
  readOnly: boolean;
  /** Folder of the automatic and pre-restore backups; like `file`, never served to the web. */
  backupDir: string;
  /**
   * Opens `file` again and makes the new connection `db`: a restore closes `db`, replaces the file
   * and calls this, so the Api (and everything holding it) goes on with the restored data.
   */
  reopen(): void;
}

export interface Ctx {
  core: Core;
  db: Db;
  actor: string;
}
