// Writing a new work order: number, row, covered assets, the first timeline event and the audit
// entry. Shared by "new order", converting a request and plan generation, and always called inside
// the caller's transaction so an order never exists without its assets and its history.
import type { ChecklistItem } from '../../shared/contract/workOrders';
import { DeskError } from '../../shared/contract/errors';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { newId, nowIso, writeAudit } from '../store/tx';
import { nextNumber } from './numbering';
import { localYear, siteTimeZone } from './siteTime';

export interface NewWorkOrder {
  type: 'corrective' | 'preventive' | 'inspection';
  category: string;
  title: string;
  description: string;
  placeId: string | null;
  assetIds: readonly string[];
  crewId: string | null;
  technicianId: string | null;
  priority: string;
  dueDate: string | null;
  checklist: readonly ChecklistItem[];
  estimatedHours: number | null;
  newLampType: string | null;
  newPowerW: number | null;
  requester: string;
  requesterPhone: string;
  /** When the fault was reported; now when absent. */
  reportedAt?: string;
  planId?: string | null;
  occurrence?: string | null;
  /** What the audit entry says made it ('报修转工单 BX-…', '计划生成'). */
  note?: string;
}

export interface CreatedOrder {
  id: string;
  number: string;
}

function checkRefs(ctx: Ctx, order: NewWorkOrder): void {
  const exists = (table: string, id: string) =>
    prepared(ctx.db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  if (order.placeId && !exists('places', order.placeId)) {
    throw new DeskError('NOT_FOUND', `No place with id ${order.placeId}`, { id: order.placeId });
  }
  if (order.crewId && !exists('crews', order.crewId)) {
    throw new DeskError('NOT_FOUND', `No crew with id ${order.crewId}`, { id: order.crewId });
  }
  if (order.technicianId) {
    const tech = prepared(ctx.db, 'SELECT crew_id FROM technicians WHERE id = ?').get(
      order.technicianId,
    ) as { crew_id: string } | undefined;
    if (!tech) {
      throw new DeskError('NOT_FOUND', `No technician with id ${order.technicianId}`, {
        id: order.technicianId,
      });
    }
    if (order.crewId && tech.crew_id !== order.crewId) {
      throw new DeskError('VALIDATION', 'The technician is not in the chosen crew', {
        issues: [{ path: 'technicianId', message: 'not a member of the crew' }],
      });
    }
  }
}

/** Inserts the order; the caller owns the transaction. */
export function insertWorkOrder(ctx: Ctx, order: NewWorkOrder): CreatedOrder {
  checkRefs(ctx, order);
  const now = nowIso();
  const zone = siteTimeZone(ctx.db, order.placeId);
  const id = newId();
  const number = nextNumber(ctx.db, 'WO', localYear(zone));
  // An order given a crew at creation starts assigned: that is what the crew's board shows.
  const status = order.crewId ? 'assigned' : 'open';
  prepared(
    ctx.db,
    `INSERT INTO work_orders (id, number, type, category, title, description, place_id, crew_id,
       technician_id, priority, status, due_date, checklist_json, estimated_hours, new_lamp_type,
       new_power_w, requester, requester_phone, reported_at, plan_id, occurrence, created_by,
       created_at, updated_at)
     VALUES (@id, @number, @type, @category, @title, @description, @placeId, @crewId,
       @technicianId, @priority, @status, @dueDate, @checklist, @estimatedHours, @newLampType,
       @newPowerW, @requester, @requesterPhone, @reportedAt, @planId, @occurrence, @actor,
       @now, @now)`,
  ).run({
    id,
    number,
    type: order.type,
    category: order.category,
    title: order.title,
    description: order.description,
    placeId: order.placeId,
    crewId: order.crewId,
    technicianId: order.technicianId,
    priority: order.priority,
    status,
    dueDate: order.dueDate,
    checklist: JSON.stringify(order.checklist),
    estimatedHours: order.estimatedHours,
    newLampType: order.newLampType,
    newPowerW: order.newPowerW,
    requester: order.requester,
    requesterPhone: order.requesterPhone,
    reportedAt: order.reportedAt ?? now,
    planId: order.planId ?? null,
    occurrence: order.occurrence ?? null,
    actor: ctx.actor,
    now,
  });
  const addAsset = prepared(
    ctx.db,
    `INSERT OR IGNORE INTO work_order_assets (work_order_id, asset_id)
     SELECT ?, id FROM assets WHERE id = ?`,
  );
  for (const assetId of order.assetIds) {
    if (addAsset.run(id, assetId).changes === 0 && !assetExists(ctx, assetId)) {
      throw new DeskError('NOT_FOUND', `No asset with id ${assetId}`, { id: assetId });
    }
  }
  prepared(
    ctx.db,
    `INSERT INTO work_order_events (id, work_order_id, at, actor, from_status, to_status, note)
     VALUES (?, ?, ?, ?, NULL, ?, ?)`,
  ).run(newId(), id, now, ctx.actor, status, order.note ?? '');
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'work_order',
    entityId: id,
    action: 'create',
    after: { number, type: order.type, title: order.title, status, assets: order.assetIds.length },
    ...(order.note ? { note: order.note } : {}),
  });
  return { id, number };
}

function assetExists(ctx: Ctx, id: string): boolean {
  return prepared(ctx.db, 'SELECT 1 FROM assets WHERE id = ?').get(id) !== undefined;
}
