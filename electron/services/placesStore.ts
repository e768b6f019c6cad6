// SQL for the places table: prepared statements and row mapping, nothing else.
import type { Place, PlaceRef, PlaceKind, BuildingUse } from '../../shared/contract/places';
import type { Db } from '../store/tx';

export interface PlaceRow {
  id: string;
  kind: PlaceKind;
  parent_id: string | null;
  name: string;
  code: string | null;
  area_m2: number | null;
  floor_number: number | null;
  building_use: BuildingUse | null;
  time_zone: string | null;
  notes: string;
  child_count: number;
  created_at: string;
  updated_at: string;
}

export function toPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parent_id,
    name: row.name,
    code: row.code,
    areaM2: row.area_m2,
    floorNumber: row.floor_number,
    use: row.building_use,
    timeZone: row.time_zone,
    notes: row.notes,
    childCount: row.child_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const PLACE_SELECT = `SELECT p.*, (SELECT count(*) FROM places c WHERE c.parent_id = p.id) AS child_count
                FROM places p`;

export function placesStatements(db: Db) {
  return {
    byId: db.prepare<[string], PlaceRow>(`${PLACE_SELECT} WHERE p.id = ?`),
    children: db.prepare<[string], PlaceRow>(
      `${PLACE_SELECT} WHERE p.parent_id = ? ORDER BY p.floor_number, p.code, p.name`,
    ),
    roots: db.prepare<[], PlaceRow>(`${PLACE_SELECT} WHERE p.parent_id IS NULL ORDER BY p.name`),
    insert: db.prepare(
      `INSERT INTO places (id, kind, parent_id, name, code, area_m2, floor_number, building_use,
                           time_zone, notes, created_at, updated_at)
       VALUES (@id, @kind, @parent_id, @name, @code, @area_m2, @floor_number, @building_use,
               @time_zone, @notes, @created_at, @updated_at)`,
    ),
    update: db.prepare(
      `UPDATE places SET name = @name, code = @code, area_m2 = @area_m2, floor_number = @floor_number,
              building_use = @building_use, time_zone = @time_zone, notes = @notes,
              updated_at = @updated_at
       WHERE id = @id`,
    ),
    setParent: db.prepare(`UPDATE places SET parent_id = ?, updated_at = ? WHERE id = ?`),
    remove: db.prepare(`DELETE FROM places WHERE id = ?`),
    /** Ancestors root-first, the place itself last. */
    path: db.prepare<[string], PlaceRef & { depth: number }>(
      `WITH RECURSIVE up(id, kind, name, parent_id, depth) AS (
         SELECT id, kind, name, parent_id, 0 FROM places WHERE id = ?
         UNION ALL
         SELECT p.id, p.kind, p.name, p.parent_id, up.depth + 1
         FROM places p JOIN up ON p.id = up.parent_id)
       SELECT id, kind, name, depth FROM up ORDER BY depth DESC`,
    ),
    /** The subtree deepest-first, so deleting in this order never orphans a row. */
    subtree: db.prepare<[string], PlaceRow & { depth: number }>(
      `WITH RECURSIVE down(id, depth) AS (
         SELECT id, 0 FROM places WHERE id = ?
         UNION ALL
         SELECT p.id, down.depth + 1 FROM places p JOIN down ON p.parent_id = down.id)
       SELECT p.*, 0 AS child_count, down.depth FROM down JOIN places p ON p.id = down.id
       ORDER BY down.depth DESC`,
    ),
    countByKind: db.prepare<[], { kind: string; n: number }>(
      `SELECT kind, count(*) AS n FROM places GROUP BY kind`,
    ),
  };
}

export type PlacesStatements = ReturnType<typeof placesStatements>;

const cache = new WeakMap<Db, PlacesStatements>();

export function placesSql(db: Db): PlacesStatements {
  let s = cache.get(db);
  if (!s) {
    s = placesStatements(db);
    cache.set(db, s);
  }
  return s;
}
