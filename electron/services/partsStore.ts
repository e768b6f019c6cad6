// SQL of the spare-parts tables: the part select with its storage place label, the movement select
// with its work-order number, row mapping, and the rounding every stored quantity goes through.
import type { Part, PartMovement } from '../../shared/contract/parts';
import { prepared } from '../store/statementCache';
import { newId, type Db } from '../store/tx';
import { PLACE_LABEL } from './assetsStore';

export interface PartRow {
  id: string;
  name: string;
  spec: string;
  unit: string;
  on_hand: number;
  reorder_point: number;
  storage_place_id: string | null;
  storage_label: string | null;
  storage_note: string;
  notes: string;
}

export interface MovementRow {
  id: string;
  part_id: string;
  at: string;
  kind: PartMovement['kind'];
  quantity: number;
  work_order_id: string | null;
  work_order_number: string | null;
  actor: string;
  note: string;
}

/**
 * Quantities are REAL and kept to three decimals (2.5 m of cable, 0.125 kg of solder): each
 * movement and each new on_hand is rounded here, so repeated additions cannot drift into
 * 0.30000000000000004 or a negative zero-ish stock that the on_hand >= 0 CHECK would refuse.
 */
export const QUANTITY_DECIMALS = 3;
const SCALE = 10 ** QUANTITY_DECIMALS;

export function roundQty(value: number): number {
  const rounded = Math.round(value * SCALE) / SCALE;
  return rounded === 0 ? 0 : rounded; // no -0 in results
}

// The same "Building › Floor › Room" label the asset lists show, over the storage place.
const PART_SELECT = `SELECT pt.*, ${PLACE_LABEL} AS storage_label
  FROM parts pt
  LEFT JOIN places p1 ON p1.id = pt.storage_place_id
  LEFT JOIN places p2 ON p2.id = p1.parent_id
  LEFT JOIN places p3 ON p3.id = p2.parent_id`;

const MOVEMENT_SELECT = `SELECT m.*, w.number AS work_order_number
  FROM part_movements m LEFT JOIN work_orders w ON w.id = m.work_order_id`;

export function toPart(row: PartRow): Part {
  return {
    id: row.id,
    name: row.name,
    spec: row.spec,
    unit: row.unit,
    onHand: row.on_hand,
    reorderPoint: row.reorder_point,
    storagePlaceId: row.storage_place_id,
    storagePlacePath: row.storage_label ?? '',
    storageNote: row.storage_note,
    notes: row.notes,
    belowReorder: row.on_hand <= row.reorder_point,
  };
}

export function toMovement(row: MovementRow): PartMovement {
  return {
    id: row.id,
    partId: row.part_id,
    at: row.at,
    kind: row.kind,
    quantity: row.quantity,
    workOrderId: row.work_order_id,
    workOrderNumber: row.work_order_number,
    actor: row.actor,
    note: row.note,
  };
}

export function partById(db: Db, id: string): PartRow | undefined {
  return prepared(db, `${PART_SELECT} WHERE pt.id = ?`).get(id) as PartRow | undefined;
}

export function partByNameSpec(db: Db, name: string, spec: string): { id: string } | undefined {
  return prepared(db, 'SELECT id FROM parts WHERE name = ? AND spec = ?').get(name, spec) as
    { id: string } | undefined;
}

export interface PartListQuery {
  q?: string | undefined;
  /** A LIKE pattern built from q (escaped), matched against name and spec. */
  pattern?: string | undefined;
  belowReorder?: boolean | undefined;
  offset: number;
  limit: number;
}

export function listParts(db: Db, query: PartListQuery): { rows: PartRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (query.pattern) {
    where.push(`(pt.name LIKE ? ESCAPE '\\' OR pt.spec LIKE ? ESCAPE '\\')`);
    args.push(query.pattern, query.pattern);
  }
  if (query.belowReorder) where.push('pt.on_hand <= pt.reorder_point');
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    prepared(db, `SELECT count(*) AS n FROM parts pt ${clause}`).get(...args) as { n: number }
  ).n;
  const rows = prepared(
    db,
    `${PART_SELECT} ${clause} ORDER BY pt.name, pt.spec LIMIT ? OFFSET ?`,
  ).all(...args, query.limit, query.offset) as PartRow[];
  return { rows, total };
}

export function reorderRows(db: Db): PartRow[] {
  return prepared(
    db,
    `${PART_SELECT} WHERE pt.on_hand <= pt.reorder_point ORDER BY pt.name, pt.spec`,
  ).all() as PartRow[];
}

/** The editable fields of a part, as the contract names them. */
export interface PartFields {
  name: string;
  spec: string;
  unit: string;
  reorderPoint: number;
  storagePlaceId: string | null;
  storageNote: string;
  notes: string;
}

function columnsOf(id: string, f: PartFields, now: string) {
  return {
    id,
    name: f.name,
    spec: f.spec,
    unit: f.unit,
    reorder_point: roundQty(f.reorderPoint),
    storage_place_id: f.storagePlaceId,
    storage_note: f.storageNote,
    notes: f.notes,
    now,
  };
}

/** A new part starts with nothing on hand: stock arrives only as movements (recordMovement). */
export function insertPart(db: Db, id: string, fields: PartFields, now: string): void {
  prepared(
    db,
    `INSERT INTO parts (id, name, spec, unit, on_hand, reorder_point, storage_place_id,
                        storage_note, notes, created_at, updated_at)
     VALUES (@id, @name, @spec, @unit, 0, @reorder_point, @storage_place_id,
             @storage_note, @notes, @now, @now)`,
  ).run(columnsOf(id, fields, now));
}

/** Every column but on_hand, which moves only with a movement. */
export function updatePart(db: Db, id: string, fields: PartFields, now: string): void {
  prepared(
    db,
    `UPDATE parts SET name = @name, spec = @spec, unit = @unit, reorder_point = @reorder_point,
            storage_place_id = @storage_place_id, storage_note = @storage_note, notes = @notes,
            updated_at = @now
     WHERE id = @id`,
  ).run(columnsOf(id, fields, now));
}

export interface NewMovement {
  kind: PartMovement['kind'];
  /** Signed change of on_hand. */
  quantity: number;
  workOrderId: string | null;
  actor: string;
  note: string;
}

/**
 * Appends a movement and moves on_hand by its quantity, in the caller's transaction, so on_hand
 * stays the sum of the part's movements. Returns the new movement's id.
 */
export function recordMovement(db: Db, part: PartRow, m: NewMovement, at: string): string {
  const id = newId();
  prepared(
    db,
    `INSERT INTO part_movements (id, part_id, at, kind, quantity, work_order_id, actor, note)
     VALUES (@id, @partId, @at, @kind, @quantity, @workOrderId, @actor, @note)`,
  ).run({ ...m, id, partId: part.id, at });
  prepared(db, 'UPDATE parts SET on_hand = ?, updated_at = ? WHERE id = ?').run(
    roundQty(part.on_hand + m.quantity),
    at,
    part.id,
  );
  return id;
}

export function movementById(db: Db, id: string): MovementRow | undefined {
  return prepared(db, `${MOVEMENT_SELECT} WHERE m.id = ?`).get(id) as MovementRow | undefined;
}

export interface MovementQuery {
  partId?: string | undefined;
  workOrderId?: string | undefined;
  offset: number;
  limit: number;
}

export function listMovements(db: Db, q: MovementQuery): { rows: MovementRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.partId !== undefined) {
    where.push('m.part_id = ?');
    args.push(q.partId);
  }
  if (q.workOrderId !== undefined) {
    where.push('m.work_order_id = ?');
    args.push(q.workOrderId);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    prepared(db, `SELECT count(*) AS n FROM part_movements m ${clause}`).get(...args) as {
      n: number;
    }
  ).n;
  // Ids are UUIDv7, so they break ties between movements written in the same millisecond in the
  // order they were written.
  const rows = prepared(
    db,
    `${MOVEMENT_SELECT} ${clause} ORDER BY m.at DESC, m.id DESC LIMIT ? OFFSET ?`,
  ).all(...args, q.limit, q.offset) as MovementRow[];
  return { rows, total };
}

/** What is still out on the order: issued minus returned (issues are stored negative). */
export function netIssued(db: Db, partId: string, workOrderId: string): number {
  const row = prepared(
    db,
    `SELECT coalesce(-sum(quantity), 0) AS n FROM part_movements
     WHERE part_id = ? AND work_order_id = ? AND kind IN ('issue', 'return')`,
  ).get(partId, workOrderId) as { n: number };
  return roundQty(row.n);
}

export function workOrderBrief(
  db: Db,
  id: string,
): { id: string; number: string; status: string } | undefined {
  return prepared(db, 'SELECT id, number, status FROM work_orders WHERE id = ?').get(id) as
    { id: string; number: string; status: string } | undefined;
}

export function placeExists(db: Db, id: string): boolean {
  return prepared(db, 'SELECT 1 FROM places WHERE id = ?').get(id) !== undefined;
}
