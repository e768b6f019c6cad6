// What every handler gets: the open database and who is acting. One Core per open database file.
import type { Db } from './store/tx';

export interface Core {
  db: Db;
  /** Path of the database file, for messages; never sent to the web. */
  file: string;
  appVersion: string;
  /** The operator name chosen at start; written into every audit entry. */
  operator: string;
}

export interface Ctx {
  core: Core;
  db: Db;
  actor: string;
}
