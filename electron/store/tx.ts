// Transactions and the audit trail: every write path runs inside one synchronous transaction that
// also appends to audit_log, so a change and its record are present together or not at all.
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';

export type Db = Database.Database;

export function newId(): string {
  return uuidv7();
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

export interface AuditEntry {
  actor: string;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before?: unknown;
  after?: unknown;
  /** Which bulk action or import made the change ("批量修改", "导入 assets.csv"). */
  note?: string;
}

const statements = new WeakMap<Db, Database.Statement>();

export function writeAudit(db: Db, entry: AuditEntry): void {
  let insert = statements.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO audit_log (id, at, actor, entity, entity_id, action, before_json, after_json, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    statements.set(db, insert);
  }
  insert.run(
    newId(),
    nowIso(),
    entry.actor,
    entry.entity,
    entry.entityId,
    entry.action,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    entry.note ?? null,
  );
}
