// Reads an entity's change history from the audit log and turns before/after snapshots into
// field-by-field changes for people to read.
import type { HistoryEntry } from '../../shared/contract/assets';
import type { Db } from '../store/tx';

interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: HistoryEntry['action'];
  before_json: string | null;
  after_json: string | null;
  note: string | null;
}

/** Bookkeeping fields that change on every write and say nothing to a reader; a place id is
 * shown through its readable label instead. */
const ignored = new Set(['updatedAt', 'createdAt', 'childCount', 'placeId']);
const renamed: Record<string, string> = { placeName: 'place' };

export function diffSnapshots(before: unknown, after: unknown): HistoryEntry['changes'] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  const changes: HistoryEntry['changes'] = [];
  for (const field of keys) {
    if (ignored.has(field)) continue;
    const from = b[field] ?? null;
    const to = a[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) {
      changes.push({ field: renamed[field] ?? field, before: from, after: to });
    }
  }
  return changes;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return db.prepare<[string, string, number], AuditRow>(
    `SELECT id, at, actor, action, before_json, after_json, note FROM audit_log
     WHERE entity = ? AND entity_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
  );
}

export function historyOf(db: Db, entity: string, entityId: string, limit = 500): HistoryEntry[] {
  let stmt = statements.get(db);
  if (!stmt) {
    stmt = prepare(db);
    statements.set(db, stmt);
  }
  return stmt.all(entity, entityId, limit).map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    note: row.note,
    changes: diffSnapshots(
      row.before_json === null ? null : JSON.parse(row.before_json),
      row.after_json === null ? null : JSON.parse(row.after_json),
    ),
  }));
}
