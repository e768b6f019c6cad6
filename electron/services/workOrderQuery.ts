// The work-order list: a filter and a sort turned into SQL over work_orders (named parameters). A
// page is found in the list indexes of migration 0080 (rowids only), then only its rows are read.
import {
  priorities,
  workOrderTypes,
  type WorkOrderFilter,
  type WorkOrderRow,
  type workOrderSortColumns,
} from '../../shared/contract/workOrders';
import { workOrderStatuses } from '../../shared/domain/workOrderTransitions';
import { likePattern } from '../store/like';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { ftsPhrase, TRIGRAM_MIN } from './assetQuery';
import { PLACE_LABEL } from './assetsStore';
import { ACTIVE_SQL, OVERDUE_SQL, rankSql, rowsByIds, todayContext } from './workOrdersStore';

export type SortColumn = (typeof workOrderSortColumns)[number];
export interface Sort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export interface Where {
  sql: string;
  params: Record<string, unknown>;
  /** How to count the matches when a text search is the only filter. */
  countSql?: string;
}

interface TextFilter {
  sql: string;
  /** The index alone, when it decides exactly: counts a search without other filters cheaply. */
  index?: 'work_orders_fts' | 'work_orders_grams';
}

/**
 * Text over number, title and description. Three characters or more: the trigram index, exact.
 * One or two letters, digits or ideographs: the word index of characters and pairs, exact too.
 * Anything else (a lone "-", "A-"): the word index narrows when it can, LIKE decides.
 * The unary + keeps SQLite from reading every match from the table by rowid (a common word
 * matches most orders): the page is walked in a list index and each entry tested against the set.
 */
function textFilter(q: string, params: Record<string, unknown>): TextFilter {
  const inIndex = (index: 'work_orders_fts' | 'work_orders_grams') =>
    `+w.rowid IN (SELECT rowid FROM ${index} WHERE ${index} MATCH @q)`;
  if ([...q].length >= TRIGRAM_MIN) {
    params.q = ftsPhrase(q);
    return { sql: inIndex('work_orders_fts'), index: 'work_orders_fts' };
  }
  if (/^[\p{L}\p{N}]+$/u.test(q)) {
    params.q = ftsPhrase(q.toLowerCase());
    return { sql: inIndex('work_orders_grams'), index: 'work_orders_grams' };
  }
  params.like = likePattern(q);
  const like = `(w.number LIKE @like ESCAPE '\\' OR w.title LIKE @like ESCAPE '\\'
    OR w.description LIKE @like ESCAPE '\\')`;
  if (!/[\p{L}\p{N}]/u.test(q)) return { sql: like };
  params.q = ftsPhrase(q.toLowerCase());
  return { sql: `${inIndex('work_orders_grams')} AND ${like}` };
}

export function orderWhere(filter: WorkOrderFilter): Where {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  // FTS5 reads a query only up to a NUL and LIKE ignores a pattern after one: a NUL is dropped.
  const q = filter.q?.replaceAll('\u0000', '').trim() ?? '';
  const text = q ? textFilter(q, params) : undefined;
  if (text) parts.push(text.sql);
  const inList = (name: string, column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    const names = values.map((v, i) => {
      params[`${name}${i}`] = v;
      return `@${name}${i}`;
    });
    parts.push(`${column} IN (${names.join(', ')})`);
  };
  inList('st', 'w.status', filter.statuses);
  inList('ty', 'w.type', filter.types);
  const equal = (name: string, column: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(`${column} = @${name}`);
    params[name] = value;
  };
  equal('crewId', 'w.crew_id', filter.crewId);
  equal('planId', 'w.plan_id', filter.planId);
  if (filter.placeId !== undefined) {
    parts.push(`w.place_id IN (WITH RECURSIVE sub(id) AS (
        SELECT @placeId UNION ALL SELECT p.id FROM places p JOIN sub ON p.parent_id = sub.id)
      SELECT id FROM sub)`);
    params.placeId = filter.placeId;
  }
  if (filter.assetId !== undefined) {
    parts.push('w.id IN (SELECT work_order_id FROM work_order_assets WHERE asset_id = @assetId)');
    params.assetId = filter.assetId;
  }
  if (filter.dueFrom !== undefined) {
    parts.push('w.due_date >= @dueFrom');
    params.dueFrom = filter.dueFrom;
  }
  if (filter.dueTo !== undefined) {
    parts.push('w.due_date <= @dueTo');
    params.dueTo = filter.dueTo;
  }
  if (filter.overdue !== undefined) parts.push(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
  const where = { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
  // The index holds one entry per order (its triggers see to it), so its count is the total.
  if (text?.index && parts.length === 1) {
    return {
      ...where,
      countSql: `SELECT count(*) AS n FROM ${text.index} WHERE ${text.index} MATCH @q`,
    };
  }
  return where;
}

/** Place labels computed once per place, not once per order, for sorting by place. */
const PLACE_LABELS = `place_labels(id, label) AS MATERIALIZED (
  SELECT p1.id, ${PLACE_LABEL} FROM places p1
  LEFT JOIN places p2 ON p2.id = p1.parent_id
  LEFT JOIN places p3 ON p3.id = p2.parent_id)`;

interface SortSpec {
  expression: string;
  join?: string;
  with?: string;
}

// Enumerations sort in their declared order (urgent before low, open before closed), as the UI
// lists them; these CASE expressions are those of the rank indexes of migration 0080.
const sorts: Record<SortColumn, SortSpec> = {
  number: { expression: 'w.number' },
  title: { expression: 'w.title' },
  status: { expression: rankSql('w.status', workOrderStatuses) },
  priority: { expression: rankSql('w.priority', priorities) },
  dueDate: { expression: 'w.due_date' },
  crewName: { expression: 'c.name', join: 'LEFT JOIN crews c ON c.id = w.crew_id' },
  placePath: {
    expression: 'pl.label',
    join: 'LEFT JOIN place_labels pl ON pl.id = w.place_id',
    with: PLACE_LABELS,
  },
  reportedAt: { expression: 'w.reported_at' },
  type: { expression: rankSql('w.type', workOrderTypes) },
};

/** The statement paging rowids: NULLs last either way, id as the tie-breaker for stable pages. */
export function pageSql(where: Where, sort: Sort): string {
  const spec = sorts[sort.column];
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return `${spec.with ? `WITH ${spec.with} ` : ''}SELECT w.rowid FROM work_orders w ${spec.join ?? ''}
    ${where.sql} ORDER BY ${spec.expression} ${dir} NULLS LAST, w.id ${dir}
    LIMIT @limit OFFSET @offset`;
}

export interface QueryInput {
  filter: WorkOrderFilter;
  sort: Sort;
  offset: number;
  limit: number;
}

export function queryOrders(db: Db, input: QueryInput): { items: WorkOrderRow[]; total: number } {
  const today = todayContext(db);
  const where = orderWhere(input.filter);
  // better-sqlite3 ignores named values the SQL does not name, so Today is always bound.
  const bound = { ...where.params, ...today };
  const total = (
    prepared(db, where.countSql ?? `SELECT count(*) AS n FROM work_orders w ${where.sql}`).get(
      bound,
    ) as {
      n: number;
    }
  ).n;
  const rowids = prepared(db, pageSql(where, input.sort))
    .pluck()
    .all({ ...bound, limit: input.limit, offset: input.offset }) as number[];
  return { items: rowsByIds(db, rowids, today, 'rowid'), total };
}

/**
 * Active orders a new request may belong to: those covering its asset when it names one, else
 * those at that very place; most urgent first.
 */
export function openOrdersAt(
  db: Db,
  assetId: string | null,
  placeId: string | null,
): WorkOrderRow[] {
  const [where, key] =
    assetId !== null
      ? ['w.id IN (SELECT work_order_id FROM work_order_assets WHERE asset_id = ?)', assetId]
      : ['w.place_id = ?', placeId];
  if (key === null) return [];
  const ids = prepared(
    db,
    `SELECT w.rowid FROM work_orders w WHERE ${where} AND w.status IN (${ACTIVE_SQL})
     ORDER BY ${rankSql('w.priority', priorities)}, w.due_date NULLS LAST, w.number`,
  )
    .pluck()
    .all(key) as number[];
  return rowsByIds(db, ids, todayContext(db), 'rowid');
}
