// Turns an asset filter and sort into SQL (WHERE with parameters, ORDER BY). Shared by the list,
// the facet counts, bulk edits and export, so "all matching this filter" means the same everywhere.
import type { AssetFilter, SortColumn } from '../../shared/contract/assets';
import { likePattern } from '../store/like';
import { PLACE_LABEL } from './assetsStore';

export interface WhereClause {
  sql: string;
  params: unknown[];
}

/** Trigram full-text search needs three characters; shorter fragments use the gram index. */
export const TRIGRAM_MIN = 3;

export function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

/**
 * A one- or two-character fragment. The word index narrows to candidates when the fragment has a
 * letter or digit (the tokenizer drops punctuation, so "A-" is looked up as "a" and a lone "-" has
 * no token at all); the exact test then runs on the candidates: LIKE, which folds ASCII case only,
 * or desk_contains for fragments with other cased letters (Greek, Cyrillic…).
 */
function shortQuery(q: string, params: unknown[]): string[] {
  const parts: string[] = [];
  if (/[\p{L}\p{N}]/u.test(q)) {
    parts.push(`a.rowid IN (SELECT rowid FROM assets_grams WHERE assets_grams MATCH ?)`);
    params.push(ftsPhrase(q.toLowerCase()));
  }
  const columns = ['a.code', 'a.name', 'a.serial', 'a.notes'];
  if ([...q].some((c) => c.charCodeAt(0) > 0x7f && c.toLowerCase() !== c.toUpperCase())) {
    parts.push(`(${columns.map((c) => `desk_contains(${c}, ?)`).join(' OR ')})`);
    params.push(q, q, q, q);
  } else {
    const like = likePattern(q);
    parts.push(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(like, like, like, like);
  }
  return parts;
}

export function assetWhere(filter: AssetFilter): WhereClause {
  const parts: string[] = [];
  const params: unknown[] = [];
  // FTS5 reads a MATCH query only up to a NUL (a NUL inside the quoted phrase is an
  // "unterminated string" error) and LIKE ignores a pattern after one, so a NUL typed or pasted
  // into the search is dropped rather than allowed to fail the query.
  const q = filter.q?.replaceAll('\u0000', '').trim() ?? '';
  if (q) {
    if ([...q].length >= TRIGRAM_MIN) {
      parts.push(`a.rowid IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?)`);
      params.push(ftsPhrase(q));
    } else {
      parts.push(...shortQuery(q, params));
    }
  }
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('a.kind', filter.kinds);
  inList('a.status', filter.statuses);
  inList('a.lamp_type', filter.lampTypes);
  if (filter.placeId) {
    parts.push(`a.place_id IN (WITH RECURSIVE sub(id) AS (
        SELECT ? UNION ALL SELECT p.id FROM places p JOIN sub ON p.parent_id = sub.id)
      SELECT id FROM sub)`);
    params.push(filter.placeId);
  }
  if (filter.installedFrom) {
    parts.push('a.install_date >= ?');
    params.push(filter.installedFrom);
  }
  if (filter.installedTo) {
    parts.push('a.install_date <= ?');
    params.push(filter.installedTo);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const sortExpressions: Record<SortColumn, string> = {
  code: 'a.code',
  name: 'a.name',
  kind: 'a.kind',
  status: 'a.status',
  place: `(${PLACE_LABEL})`,
  installDate: 'a.install_date',
  lampType: 'a.lamp_type',
  ratedPowerW: 'a.rated_power_w',
  lastReplaced: 'a.last_replaced',
  utility: 'a.utility',
  serial: 'a.serial',
  updatedAt: 'a.updated_at',
};

export function assetOrderBy(column: SortColumn, direction: 'asc' | 'desc'): string {
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  // The code is unique: a tie-breaker that makes paging stable.
  return column === 'code'
    ? `ORDER BY a.code ${dir}`
    : `ORDER BY ${sortExpressions[column]} ${dir} NULLS LAST, a.code ${dir}`;
}
