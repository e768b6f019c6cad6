// Reads the audit log for the audit view: entries filtered by object, operator, action, time and
// text, newest first and paged; one entry with its snapshots; the operators and object types that
// occur, for the filter's dropdowns. Writing the log is tx.ts's job, inside each write's own
// transaction; nothing here writes.
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { exportAudit } from './auditExport';
import { AUDIT_COLUMNS, AUDIT_ORDER, auditWhere, toItem, type AuditRow } from './auditQuery';

type AuditMethod = 'audit.list' | 'audit.get' | 'audit.export' | 'audit.facets';

/**
 * Distinct values of an indexed column by skipping from one value to the next through the index:
 * a few lookups per value rather than a scan of a log that grows by thousands of entries a day.
 */
function distinct(db: Db, column: 'actor' | 'entity'): string[] {
  const rows = prepared(
    db,
    `WITH RECURSIVE v(x) AS (
       SELECT (SELECT min(${column}) FROM audit_log)
       UNION ALL
       SELECT (SELECT min(${column}) FROM audit_log WHERE ${column} > v.x) FROM v
       WHERE v.x IS NOT NULL)
     SELECT x FROM v WHERE x IS NOT NULL`,
  ).all() as { x: string }[];
  return rows.map((r) => r.x);
}

export const auditHandlers: Handlers<AuditMethod> = {
  'audit.list': ({ offset, limit, ...filter }, ctx) => {
    const where = auditWhere(filter);
    const total = (
      prepared(ctx.db, `SELECT count(*) AS n FROM audit_log ${where.sql}`).get(...where.params) as {
        n: number;
      }
    ).n;
    const rows = prepared(
      ctx.db,
      `SELECT ${AUDIT_COLUMNS} FROM audit_log ${where.sql} ${AUDIT_ORDER} LIMIT ? OFFSET ?`,
    ).all(...where.params, limit, offset) as AuditRow[];
    // The list carries the changes only; the snapshots come with audit.get, one entry at a time.
    const items = rows.map((row) => {
      const { before: _before, after: _after, ...item } = toItem(row);
      return item;
    });
    return { items, total };
  },

  'audit.get': ({ id }, ctx) => {
    const row = prepared(ctx.db, `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id = ?`).get(id) as
      AuditRow | undefined;
    if (!row) throw new DeskError('NOT_FOUND', `No audit entry with id ${id}`, { id });
    return toItem(row);
  },

  'audit.export': (input, ctx) => exportAudit(ctx.db, input),

  'audit.facets': (_input, ctx) => ({
    actors: distinct(ctx.db, 'actor'),
    entities: distinct(ctx.db, 'entity'),
  }),
};
