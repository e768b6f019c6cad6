// Reading audit entries: the WHERE clause of a filter, the order, and a row turned into an entry
// with its field changes (diffSnapshots, as the asset history shows them) and a readable label.
// Shared by the list and the export so both select exactly the same entries.
import type { AuditFilter, AuditItem } from '../../shared/contract/audit';
import { diffSnapshots } from './history';
import { likePattern } from '../store/like';

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: AuditItem['action'];
  before_json: string | null;
  after_json: string | null;
  note: string | null;
}

export const AUDIT_COLUMNS =
  'id, at, actor, entity, entity_id, action, before_json, after_json, note';
/** Newest first; ids are UUIDv7, so they break ties between entries of the same millisecond. */
export const AUDIT_ORDER = 'ORDER BY at DESC, id DESC';

/**
 * Instants compare as text only in the one form writeAudit stores (toISOString), so bounds are
 * rewritten in it. Past year 9999 toISOString writes "+010000-…", which would sort before every
 * stored time; "~" sorts after all of them, as such a bound should.
 */
function instant(bound: string, endOfDay: boolean): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(bound);
  const at = new Date(date ? `${bound}T00:00:00.000Z` : bound);
  if (date && endOfDay) at.setUTCDate(at.getUTCDate() + 1);
  const iso = at.toISOString();
  return iso.startsWith('+') ? '~' : iso;
}

/** The WHERE clause of a filter; every value travels as a parameter. */
export function auditWhere(filter: AuditFilter): { sql: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  const add = (clause: string, ...values: string[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filter.entity) add('entity = ?', filter.entity);
  if (filter.entityId) add('entity_id = ?', filter.entityId);
  if (filter.actor) add('actor = ?', filter.actor);
  if (filter.action) add('action = ?', filter.action);
  if (filter.from) add('at >= ?', instant(filter.from, false));
  if (filter.to) add('at < ?', instant(filter.to, true));
  const q = filter.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    add(`(note LIKE ? ESCAPE '\\' OR entity_id LIKE ? ESCAPE '\\')`, pattern, pattern);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** A snapshot as written; text that is not JSON (a hand-edited database) is shown as it is. */
function snapshot(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "LT-0001 LED灯管", a place's name or an import's file: which object, without opening it. */
function labelOf(before: unknown, after: unknown): string | null {
  const source = isRecord(after) ? after : isRecord(before) ? before : null;
  if (!source) return null;
  const name = source.name ?? source.fileName;
  const parts = [source.code, name].filter(
    (p): p is string | number => (typeof p === 'string' && p !== '') || typeof p === 'number',
  );
  return parts.length ? parts.join(' ') : null;
}

const isEmpty = (v: unknown) =>
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isRecord(v) && Object.keys(v).length === 0);

/**
 * Field changes as diffSnapshots finds them, less what says nothing to a reader: the object's own
 * id (the entry names it already) and, when an object is created or deleted, its empty fields.
 */
function changesOf(action: AuditRow['action'], before: unknown, after: unknown) {
  if (!(before === null || isRecord(before)) || !(after === null || isRecord(after))) return [];
  return diffSnapshots(before, after).filter(
    (c) =>
      c.field !== 'id' &&
      (action === 'update' || !isEmpty(action === 'create' ? c.after : c.before)),
  );
}

export function toItem(row: AuditRow): AuditItem & { before: unknown; after: unknown } {
  const before = snapshot(row.before_json);
  const after = snapshot(row.after_json);
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    label: labelOf(before, after),
    note: row.note,
    changes: changesOf(row.action, before, after),
    before,
    after,
  };
}
