// The data of a print batch: the orders (picked ids, or a crew's open orders due by a day), their
// place paths, assets and checklists, in the order a crew walks: site, building, floor, room, then
// due date and number. Read in a handful of statements whatever the batch size, so 200 sheets cost
// about what one does.
import type { PrintBatch, PrintData, PrintOrder } from '../../shared/contract/workOrderPrint';
import { MAX_PRINT_ORDERS } from '../../shared/contract/workOrderPrint';
import type { AssetBrief } from '../../shared/contract/workOrders';
import { DeskError } from '../../shared/contract/errors';
import { prepared } from '../store/statementCache';
import { nowIso, type Db } from '../store/tx';
import { PLACE_LABEL } from './assetsStore';
import { readSettings } from './settings';
import { defaultTimeZone } from './siteTime';
import { ACTIVE_SQL, type OrderSqlRow } from './workOrdersStore';

interface PlaceNode {
  id: string;
  parent_id: string | null;
  kind: PrintOrder['place'][number]['kind'];
  name: string;
  code: string | null;
  floor_number: number | null;
}

type OrderRow = Pick<
  OrderSqlRow,
  | 'id'
  | 'number'
  | 'title'
  | 'type'
  | 'category'
  | 'priority'
  | 'status'
  | 'reported_at'
  | 'due_date'
  | 'created_at'
  | 'place_id'
  | 'description'
  | 'checklist_json'
  | 'estimated_hours'
  | 'requester'
  | 'requester_phone'
  | 'printed_at'
  | 'printed_by'
  | 'crew_name'
  | 'technician_name'
>;

type AssetRow = AssetBrief & { orderId: string; placeId: string | null };

/** Natural order ("2层" before "10层", "A-9" before "A-10") the way a Chinese user reads lists. */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** The batch's order ids, in no particular order. */
function batchIds(db: Db, batch: PrintBatch): string[] {
  if ('ids' in batch) return [...new Set(batch.ids)];
  if (!prepared(db, 'SELECT 1 FROM crews WHERE id = ?').get(batch.crewId)) {
    throw new DeskError('NOT_FOUND', `No crew with id ${batch.crewId}`, { id: batch.crewId });
  }
  // "Open" is every state in which work is still to do (on hold included: the sheet says so).
  return prepared(
    db,
    `SELECT id FROM work_orders
     WHERE crew_id = ? AND status IN (${ACTIVE_SQL}) AND due_date <= ?`,
  )
    .pluck()
    .all(batch.crewId, batch.dueBy) as string[];
}

/** Every place named and all their ancestors, by id: a few hundred rows for a big batch. */
function placesAround(db: Db, ids: readonly string[]): Map<string, PlaceNode> {
  const rows = prepared(
    db,
    `WITH RECURSIVE up(id) AS (
       SELECT value FROM json_each(?)
       UNION SELECT p.parent_id FROM places p JOIN up ON p.id = up.id WHERE p.parent_id IS NOT NULL)
     SELECT id, parent_id, kind, name, code, floor_number FROM places WHERE id IN (SELECT id FROM up)`,
  ).all(JSON.stringify(ids)) as PlaceNode[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Root first; a corrupt (cyclic) tree is cut off rather than looped over. */
function pathOf(places: Map<string, PlaceNode>, id: string | null): PlaceNode[] {
  const path: PlaceNode[] = [];
  for (let n = id ? places.get(id) : undefined; n && path.length < 32;) {
    path.unshift(n);
    n = n.parent_id ? places.get(n.parent_id) : undefined;
  }
  return path;
}

/** Floors by their number (B1 = −1 walks before 1层), everything else by code, else by name. */
function compareNodes(a: PlaceNode, b: PlaceNode): number {
  if (
    a.kind === 'floor' &&
    b.kind === 'floor' &&
    a.floor_number !== null &&
    b.floor_number !== null
  )
    return a.floor_number - b.floor_number;
  return collator.compare(a.code ?? a.name, b.code ?? b.name) || collator.compare(a.name, b.name);
}

/** Walking order of two place paths: level by level; a building before anything inside it. */
export function comparePaths(a: PlaceNode[], b: PlaceNode[]): number {
  if (a.length === 0 || b.length === 0) return (a.length === 0 ? 1 : 0) - (b.length === 0 ? 1 : 0);
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i] as PlaceNode;
    const y = b[i] as PlaceNode;
    if (x.id !== y.id) return compareNodes(x, y);
  }
  return a.length - b.length;
}

function readOrders(db: Db, ids: readonly string[]): OrderRow[] {
  return prepared(
    db,
    `SELECT w.id, w.number, w.title, w.type, w.category, w.priority, w.status, w.reported_at,
            w.due_date, w.created_at, w.place_id, w.description, w.checklist_json,
            w.estimated_hours, w.requester, w.requester_phone, w.printed_at, w.printed_by,
            c.name AS crew_name, t.name AS technician_name
     FROM work_orders w
     LEFT JOIN crews c ON c.id = w.crew_id
     LEFT JOIN technicians t ON t.id = w.technician_id
     WHERE w.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as OrderRow[];
}

function readAssets(db: Db, ids: readonly string[]): AssetRow[] {
  return prepared(
    db,
    `SELECT x.work_order_id AS orderId, a.id, a.code, a.name, a.kind, a.place_id AS placeId,
            coalesce(${PLACE_LABEL}, '') AS placePath
     FROM work_order_assets x
     JOIN assets a ON a.id = x.asset_id
     LEFT JOIN places p1 ON p1.id = a.place_id
     LEFT JOIN places p2 ON p2.id = p1.parent_id
     LEFT JOIN places p3 ON p3.id = p2.parent_id
     WHERE x.work_order_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as AssetRow[];
}

export function printData(db: Db, batch: PrintBatch): PrintData {
  const ids = batchIds(db, batch);
  const orders = readOrders(db, ids);
  const assets = readAssets(db, ids);
  const placeIds = new Set<string>();
  for (const o of orders) if (o.place_id) placeIds.add(o.place_id);
  for (const a of assets) if (a.placeId) placeIds.add(a.placeId);
  const places = placesAround(db, [...placeIds]);
  const paths = new Map<string | null, PlaceNode[]>([[null, []]]);
  const path = (id: string | null) => {
    let found = paths.get(id);
    if (!found) {
      found = pathOf(places, id);
      paths.set(id, found);
    }
    return found;
  };

  const byOrder = new Map<string, AssetRow[]>();
  for (const a of assets) {
    const list = byOrder.get(a.orderId);
    if (list) list.push(a);
    else byOrder.set(a.orderId, [a]);
  }
  orders.sort(
    (a, b) =>
      comparePaths(path(a.place_id), path(b.place_id)) ||
      (a.due_date ?? '9999').localeCompare(b.due_date ?? '9999') ||
      collator.compare(a.number, b.number),
  );
  const settings = readSettings(db);
  const site = prepared(
    db,
    `SELECT name FROM places WHERE parent_id IS NULL ORDER BY created_at, rowid LIMIT 1`,
  ).get() as { name: string } | undefined;
  return {
    organisationName: settings.organisationName,
    siteName: site?.name ?? '',
    logoDataUrl: settings.logoDataUrl,
    timeZone: defaultTimeZone(db),
    generatedAt: nowIso(),
    total: orders.length,
    orders: orders.slice(0, MAX_PRINT_ORDERS).map((o) => ({
      id: o.id,
      number: o.number,
      title: o.title,
      type: o.type,
      category: o.category,
      priority: o.priority,
      status: o.status,
      reportedAt: o.reported_at,
      dueDate: o.due_date,
      createdAt: o.created_at,
      place: path(o.place_id).map(({ id, kind, name }) => ({ id, kind, name })),
      crewName: o.crew_name,
      technicianName: o.technician_name,
      requester: o.requester,
      requesterPhone: o.requester_phone,
      description: o.description,
      checklist: JSON.parse(o.checklist_json) as PrintOrder['checklist'],
      estimatedHours: o.estimated_hours,
      assets: (byOrder.get(o.id) ?? [])
        .sort(
          (a, b) =>
            comparePaths(path(a.placeId), path(b.placeId)) || collator.compare(a.code, b.code),
        )
        .map(({ id, code, name, kind, placePath }) => ({ id, code, name, kind, placePath })),
      printedAt: o.printed_at,
      printedBy: o.printed_by,
    })),
  };
}
