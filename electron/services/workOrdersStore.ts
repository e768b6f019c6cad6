// Reading work orders: the row SELECT every list shares (crew, technician, place label, asset count,
// overdue), the mapping to WorkOrderRow and WorkOrder, the sub-lists of the detail, and "today".
import type { WorkOrder, WorkOrderRow } from '../../shared/contract/workOrders';
import { DeskError } from '../../shared/contract/errors';
import {
  activeStatuses,
  legalTransitions,
  type WorkOrderStatus,
} from '../../shared/domain/workOrderTransitions';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { ASSET_FROM, PLACE_LABEL } from './assetsStore';
import { placesSql } from './placesStore';
import { DEFAULT_TIME_ZONE } from './places';
import { localDate } from './siteTime';

/** SQL list of the active statuses, for IN (…). */
export const ACTIVE_SQL = activeStatuses.map((s) => `'${s}'`).join(', ');

/**
 * "Today" for overdue. Each site keeps its own zone, so an order is overdue when its due date is
 * before today at its site. Queries bind the earliest and latest today over all sites: a due date
 * before the earliest is overdue everywhere, one on or after the latest nowhere, and only the
 * band between (empty when every site shares one zone, the usual case) looks up the order's site.
 */
export interface Today {
  /** Today in the default zone (orders without a place, KPIs, the board's default day). */
  tDefault: string;
  tMin: string;
  tMax: string;
  /** JSON object: site (root place) id → today there. */
  tSites: string;
}

export function todayContext(db: Db, at: Date = new Date()): Today {
  // The sites are the roots (places' CHECK); the first one with a zone, by creation, gives the
  // default zone as defaultTimeZone finds it, without that function's scan of every place.
  const roots = prepared(
    db,
    'SELECT id, time_zone FROM places WHERE parent_id IS NULL ORDER BY created_at, rowid',
  ).all() as { id: string; time_zone: string | null }[];
  const fallback = roots.find((r) => r.time_zone !== null)?.time_zone || DEFAULT_TIME_ZONE;
  const tDefault = localDate(fallback, at);
  const byZone = new Map<string, string>([[fallback, tDefault]]);
  const sites: Record<string, string> = {};
  for (const root of roots) {
    const zone = root.time_zone || fallback;
    let day = byZone.get(zone);
    if (day === undefined) {
      day = localDate(zone, at);
      byZone.set(zone, day);
    }
    sites[root.id] = day;
  }
  const days = [...byZone.values()].sort();
  return {
    tDefault,
    tMin: days[0] ?? tDefault,
    tMax: days[days.length - 1] ?? tDefault,
    tSites: JSON.stringify(sites),
  };
}

const SITE_TODAY = `coalesce((WITH RECURSIVE up(id, parent_id) AS (
    SELECT id, parent_id FROM places WHERE id = w.place_id
    UNION ALL SELECT p.id, p.parent_id FROM places p JOIN up ON p.id = up.parent_id)
  SELECT j.value FROM up JOIN json_each(@tSites) j ON j.key = up.id WHERE up.parent_id IS NULL),
  @tDefault)`;

/** 1 when the order `w` is overdue, else 0 (never NULL, so NOT(…) works); binds Today. */
export const OVERDUE_SQL = `(w.due_date IS NOT NULL AND w.status IN (${ACTIVE_SQL})
  AND w.due_date < @tMax AND (w.due_date < @tMin OR w.due_date < ${SITE_TODAY}))`;

/** Orders with the joins the row needs; p1–p3 are the names PLACE_LABEL expects. */
export const ORDER_FROM = `work_orders w
  LEFT JOIN crews c ON c.id = w.crew_id
  LEFT JOIN technicians t ON t.id = w.technician_id
  LEFT JOIN places p1 ON p1.id = w.place_id
  LEFT JOIN places p2 ON p2.id = p1.parent_id
  LEFT JOIN places p3 ON p3.id = p2.parent_id`;

/** What a list row needs; the detail reads every column (w.*). */
const ROW_COLUMNS = `w.rowid AS row_key, w.id, w.number, w.type, w.category, w.title, w.status,
  w.priority, w.place_id, w.crew_id, w.technician_id, w.due_date, w.reported_at, w.created_at,
  w.completed_at, w.plan_id, w.printed_at`;

function orderSelect(columns: string): string {
  return `SELECT ${columns}, c.name AS crew_name, t.name AS technician_name,
    ${PLACE_LABEL} AS place_path, ${OVERDUE_SQL} AS overdue,
    (SELECT count(*) FROM work_order_assets x WHERE x.work_order_id = w.id) AS asset_count
  FROM ${ORDER_FROM}`;
}

export interface OrderSqlRow {
  id: string;
  number: string;
  type: WorkOrderRow['type'];
  category: WorkOrderRow['category'];
  title: string;
  description: string;
  place_id: string | null;
  crew_id: string | null;
  technician_id: string | null;
  priority: WorkOrderRow['priority'];
  status: WorkOrderStatus;
  held_from: WorkOrderStatus | null;
  due_date: string | null;
  checklist_json: string;
  estimated_hours: number | null;
  labour_hours: number | null;
  findings: string;
  result: string;
  verified_by: string;
  new_lamp_type: WorkOrder['newLampType'];
  new_power_w: number | null;
  requester: string;
  requester_phone: string;
  reported_at: string;
  plan_id: string | null;
  occurrence: string | null;
  completed_at: string | null;
  closed_at: string | null;
  printed_at: string | null;
  printed_by: string | null;
  created_at: string;
  crew_name: string | null;
  technician_name: string | null;
  place_path: string | null;
  overdue: number;
  asset_count: number;
}

export function toRow(r: OrderSqlRow): WorkOrderRow {
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    category: r.category,
    title: r.title,
    status: r.status,
    priority: r.priority,
    placeId: r.place_id,
    placePath: r.place_path ?? '',
    crewId: r.crew_id,
    crewName: r.crew_name,
    technicianId: r.technician_id,
    technicianName: r.technician_name,
    dueDate: r.due_date,
    overdue: r.overdue === 1,
    assetCount: r.asset_count,
    reportedAt: r.reported_at,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    planId: r.plan_id,
    printedAt: r.printed_at,
  };
}

/** The order's own row, or NOT_FOUND. */
export function requireOrderRow(db: Db, id: string, today: Today = todayContext(db)): OrderSqlRow {
  const row = prepared(db, `${orderSelect('w.*')} WHERE w.id = @id`).get({ ...today, id }) as
    OrderSqlRow | undefined;
  if (!row) throw new DeskError('NOT_FOUND', `No work order with id ${id}`, { id });
  return row;
}

/** Rows for the given ids (or rowids) in that order, in one statement; unknown keys left out. */
export function rowsByIds(
  db: Db,
  keys: readonly (string | number)[],
  today: Today,
  by: 'id' | 'rowid' = 'id',
): WorkOrderRow[] {
  if (keys.length === 0) return [];
  const rows = prepared(
    db,
    `${orderSelect(ROW_COLUMNS)} WHERE w.${by} IN (SELECT value FROM json_each(@keys))`,
  ).all({ ...today, keys: JSON.stringify(keys) }) as (OrderSqlRow & { row_key: number })[];
  const byKey = new Map<string | number, OrderSqlRow>(
    rows.map((r) => [by === 'id' ? r.id : r.row_key, r]),
  );
  return keys.flatMap((key) => {
    const row = byKey.get(key);
    return row ? [toRow(row)] : [];
  });
}

export function attachmentsOf(db: Db, column: 'request_id' | 'work_order_id', id: string) {
  return prepared(
    db,
    `SELECT id, name, mime, bytes FROM attachments WHERE ${column} = ? ORDER BY created_at, id`,
  ).all(id) as WorkOrder['attachments'];
}

/** Assets as the order and request views show them, with "Building › Floor › Room". */
export function assetBriefs(db: Db, ids: readonly string[]): WorkOrder['assets'] {
  if (ids.length === 0) return [];
  const rows = prepared(
    db,
    `SELECT a.id, a.code, a.name, a.kind, coalesce(${PLACE_LABEL}, '') AS placePath
     FROM ${ASSET_FROM} WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.code`,
  ).all(JSON.stringify(ids)) as WorkOrder['assets'];
  return rows;
}

export function orderAssetIds(db: Db, orderId: string): string[] {
  return prepared(db, 'SELECT asset_id FROM work_order_assets WHERE work_order_id = ?')
    .pluck()
    .all(orderId) as string[];
}

/** The full order: its row and every sub-list of the detail page. */
export function readOrder(db: Db, id: string, today: Today = todayContext(db)): WorkOrder {
  const r = requireOrderRow(db, id, today);
  const events = prepared(
    db,
    `SELECT id, at, actor, from_status AS "from", to_status AS "to", note
     FROM work_order_events WHERE work_order_id = ? ORDER BY at, rowid`,
  ).all(id) as WorkOrder['events'];
  // Stock movements are signed changes of on hand; the order shows what it used, so negated.
  const parts = prepared(
    db,
    `SELECT m.id AS movementId, m.part_id AS partId, p.name, p.spec, p.unit,
            -m.quantity AS quantity, m.at
     FROM part_movements m JOIN parts p ON p.id = m.part_id
     WHERE m.work_order_id = ? AND m.kind IN ('issue', 'return') ORDER BY m.at, m.id`,
  ).all(id) as WorkOrder['parts'];
  const requests = prepared(
    db,
    `SELECT id, number, reporter FROM repair_requests WHERE work_order_id = ? ORDER BY number`,
  ).all(id) as WorkOrder['requests'];
  return {
    ...toRow(r),
    description: r.description,
    checklist: JSON.parse(r.checklist_json) as WorkOrder['checklist'],
    estimatedHours: r.estimated_hours,
    labourHours: r.labour_hours,
    findings: r.findings,
    result: r.result,
    verifiedBy: r.verified_by,
    newLampType: r.new_lamp_type,
    newPowerW: r.new_power_w,
    requester: r.requester,
    requesterPhone: r.requester_phone,
    occurrence: r.occurrence,
    closedAt: r.closed_at,
    printedBy: r.printed_by,
    heldFrom: r.held_from,
    place: r.place_id
      ? placesSql(db)
          .path.all(r.place_id)
          .map(({ id: pid, kind, name }) => ({ id: pid, kind, name }))
      : [],
    assets: assetBriefs(db, orderAssetIds(db, id)),
    events,
    parts,
    attachments: attachmentsOf(db, 'work_order_id', id),
    requests,
    next: legalTransitions(r.status, r.held_from),
  };
}

/** Rank of an enum value in its declared order, as SQL (for sorting urgent before low). */
export function rankSql(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE ${values.length} END`;
}

interface Assignment {
  crewId: string | null;
  technicianId: string | null;
}

/** A VALIDATION error naming one field. */
export function invalid(path: string, message: string): DeskError {
  return new DeskError('VALIDATION', `${path}: ${message}`, { issues: [{ path, message }] });
}

/**
 * Checks the crew and technician an order is being given: they exist and belong together, and a
 * newly named one is active (a deactivated crew keeps its old orders but takes no new work).
 */
export function assertAssignment(db: Db, next: Assignment, before?: Assignment): void {
  const { crewId, technicianId } = next;
  if (crewId) {
    const crew = prepared(db, 'SELECT active FROM crews WHERE id = ?').get(crewId) as
      { active: number } | undefined;
    if (!crew) throw new DeskError('NOT_FOUND', `No crew with id ${crewId}`, { id: crewId });
    if (crew.active === 0 && crewId !== before?.crewId) {
      throw invalid('crewId', 'the crew is deactivated');
    }
  }
  if (!technicianId) return;
  const tech = prepared(db, 'SELECT crew_id, active FROM technicians WHERE id = ?').get(
    technicianId,
  ) as { crew_id: string; active: number } | undefined;
  if (!tech) {
    throw new DeskError('NOT_FOUND', `No technician with id ${technicianId}`, { id: technicianId });
  }
  if (tech.crew_id !== crewId) throw invalid('technicianId', 'not a member of the crew');
  if (tech.active === 0 && technicianId !== before?.technicianId) {
    throw invalid('technicianId', 'the technician is deactivated');
  }
}
