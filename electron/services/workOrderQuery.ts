// The work-order list: a filter and a sort turned into SQL over work_orders (named parameters). A
// page is found in the list indexes of migrations 0080 and 0090 (rowids only), then only its rows
// are read. Every sort has an index in its order; crew and place sort by the order's own crew_sort
// and place_sort, which 0090's triggers keep equal to the crew's name and the place's
// "Building › Floor › Room". Which way a page is found (sorting the matches, or walking the sort's
// index and testing the filter) is chosen per page from the total and the offset: pageWay.
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
import { ACTIVE_SQL, OVERDUE_SQL, rankSql, rowsByIds, todayContext } from './workOrdersStore';

export type SortColumn = (typeof workOrderSortColumns)[number];
export interface Sort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export interface Where {
  sql: string;
  params: Record<string, unknown>;
  /** A cheaper count of the same matches, for a filter of text alone or statuses alone. */
  countSql?: string;
  /** Find every match first, then sort them: the sort's index is hidden from the planner. */
  sortAfter?: boolean;
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
 * `lookUp` leaves it off, for the few matches of a page that sorts them (way 'sort').
 */
function textFilter(q: string, params: Record<string, unknown>, lookUp = false): TextFilter {
  const inIndex = (index: 'work_orders_fts' | 'work_orders_grams') =>
    `${lookUp ? '' : '+'}w.rowid IN (SELECT rowid FROM ${index} WHERE ${index} MATCH @q)`;
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

/**
 * How the page statement finds its orders. 'filter': as SQLite plans it. 'sort': every match is
 * found from the filter's index, then sorted (the sort's index is hidden by a unary +). 'walk':
 * the filter is hidden instead, so SQLite walks the sort's index from the top, reading each
 * order's row to test it, until the page is full. 'set': a set of rowids is gathered first (the
 * matches from the filter's index; for statuses and types alone, the orders left out if fewer),
 * then the sort's index is walked testing each entry against it, without reading rows.
 */
export type PageWay = 'filter' | 'sort' | 'walk' | 'set';

export function orderWhere(
  filter: WorkOrderFilter,
  way: 'filter' | 'sort' | 'walk' = 'filter',
): Where {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  // FTS5 reads a query only up to a NUL and LIKE ignores a pattern after one: a NUL is dropped.
  const q = filter.q?.replaceAll('\u0000', '').trim() ?? '';
  const text = q ? textFilter(q, params, way === 'sort') : undefined;
  if (text) parts.push(text.sql);
  // A crew, plan or asset names few orders: status and type, a handful of values each, are then
  // tested on those rather than leading SQLite to their own index (all closed orders of five
  // years, 47,000 of 50,000, to count one crew's). A place may be a whole campus: not that.
  const few = [filter.crewId, filter.planId, filter.assetId].some((v) => v !== undefined);
  const term = (column: string, broad = false) =>
    way === 'walk' || (broad && few) ? `+${column}` : column;
  const inList = (name: string, column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    const names = values.map((v, i) => {
      params[`${name}${i}`] = v;
      return `@${name}${i}`;
    });
    parts.push(`${column} IN (${names.join(', ')})`);
  };
  inList('st', term('w.status', true), filter.statuses);
  inList('ty', term('w.type', true), filter.types);
  const equal = (name: string, column: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(`${column} = @${name}`);
    params[name] = value;
  };
  equal('crewId', term('w.crew_id'), filter.crewId);
  equal('planId', term('w.plan_id'), filter.planId);
  if (filter.placeId !== undefined) {
    parts.push(`${term('w.place_id')} IN (WITH RECURSIVE sub(id) AS (
        SELECT @placeId UNION ALL SELECT p.id FROM places p JOIN sub ON p.parent_id = sub.id)
      SELECT id FROM sub)`);
    params.placeId = filter.placeId;
  }
  if (filter.assetId !== undefined) {
    parts.push(
      `${term('w.id')} IN (SELECT work_order_id FROM work_order_assets WHERE asset_id = @assetId)`,
    );
    params.assetId = filter.assetId;
  }
  if (filter.dueFrom !== undefined) {
    parts.push(`${term('w.due_date')} >= @dueFrom`);
    params.dueFrom = filter.dueFrom;
  }
  if (filter.dueTo !== undefined) {
    parts.push(`${term('w.due_date')} <= @dueTo`);
    params.dueTo = filter.dueTo;
  }
  if (filter.overdue !== undefined) {
    parts.push(filter.overdue ? term(OVERDUE_SQL) : `NOT ${OVERDUE_SQL}`);
  }
  const where = { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
  // The index holds one entry per order (its triggers see to it), so its count is the total.
  if (text?.index && parts.length === 1) {
    return {
      ...where,
      countSql: `SELECT count(*) AS n FROM ${text.index} WHERE ${text.index} MATCH @q`,
    };
  }
  // Statuses alone are counted in the narrow rank index of 0080 (an entry is a small integer and
  // a rowid), three times faster than in the wide status index when they are most of the orders.
  if (filter.statuses?.length && parts.length === 1) {
    const ranks = filter.statuses.map((s) => workOrderStatuses.indexOf(s));
    return {
      ...where,
      countSql: `SELECT count(*) AS n FROM work_orders w
        WHERE ${rankSql('w.status', workOrderStatuses)} IN (${ranks.join(', ')})`,
    };
  }
  return where;
}

// Enumerations sort in their declared order (urgent before low, open before closed), as the UI
// lists them; these CASE expressions are those of the rank indexes of migration 0080.
const sorts: Record<SortColumn, string> = {
  number: 'w.number',
  title: 'w.title',
  status: rankSql('w.status', workOrderStatuses),
  priority: rankSql('w.priority', priorities),
  dueDate: 'w.due_date',
  crewName: 'w.crew_sort',
  placePath: 'w.place_sort',
  reportedAt: 'w.reported_at',
  type: rankSql('w.type', workOrderTypes),
};

/**
 * The statement paging rowids: NULLs last either way, id as the tie-breaker for stable pages. The
 * number is unique and never NULL, so it needs none; its unique index then serves every page
 * without reading rows, like the other sorts' indexes ending in id.
 */
export function pageSql(where: Where, sort: Sort): string {
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const key = `${where.sortAfter ? '+' : ''}${sorts[sort.column]} ${dir} NULLS LAST`;
  return `SELECT w.rowid FROM work_orders w ${where.sql}
    ORDER BY ${sort.column === 'number' ? key : `${key}, w.id ${dir}`}
    LIMIT @limit OFFSET @offset`;
}

/**
 * For a filter of statuses and types alone, the orders it leaves out: found in the same indexes as
 * its matches, and far fewer when it keeps most orders (every closed one).
 */
function leftOut(filter: WorkOrderFilter): string | undefined {
  const { q, crewId, planId, placeId, assetId, dueFrom, dueTo, overdue } = filter;
  if (q?.replaceAll('\u0000', '').trim()) return undefined;
  const others = [crewId, planId, placeId, assetId, dueFrom, dueTo, overdue];
  if (others.some((v) => v !== undefined)) return undefined;
  const parts: string[] = [];
  const rest = (column: string, all: readonly string[], kept: readonly string[] | undefined) => {
    if (!kept?.length) return;
    const out = all.filter((v) => !kept.includes(v));
    if (out.length) parts.push(`${column} IN (${out.map((v) => `'${v}'`).join(', ')})`);
  };
  rest('status', workOrderStatuses, filter.statuses);
  rest('type', workOrderTypes, filter.types);
  return parts.length ? parts.join(' OR ') : undefined;
}

/** The filter as the page statement of that way tests it; `outside`: the set of orders left out. */
export function pageWhere(filter: WorkOrderFilter, way: PageWay, outside = false): Where {
  if (way === 'walk') return orderWhere(filter, 'walk');
  const where = orderWhere(filter);
  if (way === 'filter') return where;
  if (way === 'sort') return { ...orderWhere(filter, 'sort'), sortAfter: true };
  const out = outside ? leftOut(filter) : undefined;
  return {
    ...where,
    sql: out
      ? `WHERE +w.rowid NOT IN (SELECT rowid FROM work_orders WHERE ${out})`
      : `WHERE +w.rowid IN (SELECT w.rowid FROM work_orders w ${where.sql})`,
  };
}

interface Plan {
  /** Every match is sorted (a temporary b-tree for the ORDER BY). */
  sorts: boolean;
  /** Orders are visited in the sort's order and each one's row read to test it. */
  walks: boolean;
}

const MAX_PLANS = 500;
const plans = new WeakMap<Db, Map<string, Plan>>();

/** What SQLite does with the statement, from its query plan; kept per connection and SQL. */
function planOf(db: Db, sql: string, params: Record<string, unknown>): Plan {
  let known = plans.get(db);
  if (!known) {
    known = new Map();
    plans.set(db, known);
  }
  let plan = known.get(sql);
  if (!plan) {
    const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as {
      parent: number;
      detail: string;
    }[];
    const sorts = steps.some((s) => /TEMP B-TREE FOR .*ORDER BY/.test(s.detail));
    const loop = steps.find((s) => s.parent === 0 && /^(SCAN|SEARCH) w\b/.test(s.detail));
    plan = { sorts, walks: !sorts && /^SCAN w(?! USING COVERING)/.test(loop?.detail ?? '') };
    if (known.size >= MAX_PLANS) known.clear();
    known.set(sql, plan);
  }
  return plan;
}

/**
 * Costs in µs, measured at 50,000 orders on a 2-core machine: reading an order's row while walking
 * an index (a whole pass 75–90 ms); gathering a rowid into a set (47,483 closed orders 16 ms);
 * testing an index entry against a set (a whole pass 5 ms); finding and sorting a match (47,483
 * closed orders by title 30–45 ms, a campus's 5,062 scattered ones 14–18 ms).
 */
const COST = { read: 1.6, gather: 0.35, probe: 0.1, sort: 2 };

interface Choice {
  way: PageWay;
  /** A set of the orders left out rather than of the matches (see leftOut). */
  outside: boolean;
}

const AS_PLANNED: Choice = { way: 'filter', outside: false };

/**
 * The cheapest way to a page, each judged on its worst case: a walk may meet every order that
 * does not match before the offset + limit that do. A plan that already reads an index in the
 * sort's order without reading rows (a search, or a text search's set) is left as it is.
 */
function pageWay(
  db: Db,
  input: QueryInput,
  where: Where,
  total: number,
  page: Record<string, unknown>,
): Choice {
  if (!where.sql) return AS_PLANNED;
  const plan = planOf(db, pageSql(where, input.sort), page);
  if (!plan.sorts && !plan.walks) return AS_PLANNED;
  const orders = prepared(db, 'SELECT count(*) FROM work_orders').pluck().get() as number;
  const worst = Math.min(orders, orders - total + input.offset + input.limit);
  const outside = orders - total < total && leftOut(input.filter) !== undefined;
  const costs: [PageWay, number][] = [
    ['walk', worst * COST.read],
    ['set', (outside ? orders - total : total) * COST.gather + worst * COST.probe],
    [plan.sorts ? 'filter' : 'sort', total * COST.sort],
  ];
  const [way] = costs.reduce((best, next) => (next[1] < best[1] ? next : best));
  if (way !== 'walk' && way !== 'set') return { way, outside: false };
  // Every sort has an index; should one ever lack it, SQLite would sort all orders instead.
  const walked = pageSql(pageWhere(input.filter, way, outside), input.sort);
  return planOf(db, walked, page).sorts ? AS_PLANNED : { way, outside: way === 'set' && outside };
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
    ) as { n: number }
  ).n;
  // At or past the last match the page is empty, whatever the sort: nothing to look for.
  if (input.offset >= total) return { items: [], total };
  const page = { ...bound, limit: input.limit, offset: input.offset };
  const { way, outside } = pageWay(db, input, where, total, page);
  const sql = pageSql(way === 'filter' ? where : pageWhere(input.filter, way, outside), input.sort);
  const rowids = prepared(db, sql).pluck().all(page) as number[];
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
