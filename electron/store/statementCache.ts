// Prepared statements for SQL built at run time (filters, sorts), kept per connection so the same
// query shape is compiled once rather than on every page request.
import type Database from 'better-sqlite3';
import type { Db } from './tx';

const MAX = 200;
const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (stmt) {
    // Re-insert to keep the most recently used last.
    cache.delete(sql);
  } else {
    stmt = db.prepare(sql);
    if (cache.size >= MAX) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  cache.set(sql, stmt);
  return stmt;
}
