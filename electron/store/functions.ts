// SQL functions the schema's triggers call; registered on every connection before migrating.
import type Database from 'better-sqlite3';
import { searchGrams } from '../../shared/domain/searchGrams';

export function registerFunctions(db: Database.Database): void {
  db.function('desk_grams', { deterministic: true }, (text: unknown) =>
    searchGrams(typeof text === 'string' ? text : ''),
  );
  // Case-insensitive containment beyond ASCII, which SQLite's LIKE and lower() do not fold.
  db.function('desk_contains', { deterministic: true }, (haystack: unknown, needle: unknown) =>
    typeof haystack === 'string' && typeof needle === 'string'
      ? Number(haystack.toLowerCase().includes(needle.toLowerCase()))
      : 0,
  );
}
