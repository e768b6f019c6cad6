// Moving a work order through its lifecycle: the legality check, what each step records (crew,
// hold, completion, verification, closing), the timeline event and the audit entry, and on
// completing a lamp replacement the update of every covered fixture — all in one transaction.
import type { ParsedInputOf } from '../../shared/contract';
import type { WorkOrder } from '../../shared/contract/workOrders';
import { DeskError } from '../../shared/contract/errors';
import {
  canTransition,
  legalTransitions,
  type WorkOrderStatus,
} from '../../shared/domain/workOrderTransitions';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, newId, writeAudit } from '../store/tx';
import { localDate, siteTimeZone } from './siteTime';
import {
  assertAssignment,
  invalid,
  readOrder,
  requireOrderRow,
  type OrderSqlRow,
} from './workOrdersStore';

/** Status names for people, in the Chinese the crews use and in English. */
export const statusNames: Record<WorkOrderStatus, string> = {
  open: '待派工',
  assigned: '已派工',
  in_progress: '处理中',
  on_hold: '挂起',
  completed: '已完工',
  verified: '已验收',
  closed: '已关闭',
  cancelled: '已取消',
};

type TransitionInput = ParsedInputOf<'workOrders.transition'>;

/** The columns a transition may change, under their API names for the audit entry. */
interface Facts {
  status: WorkOrderStatus;
  heldFrom: WorkOrderStatus | null;
  crewId: string | null;
  technicianId: string | null;
  completedAt: string | null;
  closedAt: string | null;
  labourHours: number | null;
  findings: string;
  result: string;
  verifiedBy: string;
}

function factsOf(r: OrderSqlRow): Facts {
  return {
    status: r.status,
    heldFrom: r.held_from,
    crewId: r.crew_id,
    technicianId: r.technician_id,
    completedAt: r.completed_at,
    closedAt: r.closed_at,
    labourHours: r.labour_hours,
    findings: r.findings,
    result: r.result,
    verifiedBy: r.verified_by,
  };
}

function refuseMove(from: WorkOrderStatus, to: WorkOrderStatus, heldFrom: WorkOrderStatus | null) {
  const allowed = legalTransitions(from, heldFrom);
  return new DeskError(
    'CONFLICT',
    `工单不能从「${statusNames[from]}」转为「${statusNames[to]}」；` +
      `a work order cannot move from ${from} to ${to} (allowed: ${allowed.join(', ') || 'none'})`,
    { from, to, allowed },
  );
}

/** The facts after the move: crew for assigning, where a hold returns to, completion and closing. */
function nextFacts(before: Facts, input: TransitionInput, now: string): Facts {
  const next: Facts = { ...before, status: input.to };
  if (input.crewId !== undefined && input.crewId !== before.crewId) {
    next.crewId = input.crewId;
    // A new crew does not inherit the old crew's technician.
    next.technicianId = null;
  }
  if (input.technicianId !== undefined) next.technicianId = input.technicianId;
  if (input.to === 'assigned' && !next.crewId) {
    throw invalid('crewId', 'an order is assigned to a crew: name one');
  }
  next.heldFrom = input.to === 'on_hold' ? before.status : null;
  if (input.labourHours !== undefined) next.labourHours = input.labourHours;
  if (input.findings !== undefined) next.findings = input.findings;
  if (input.result !== undefined) next.result = input.result;
  if (input.verifiedBy !== undefined) next.verifiedBy = input.verifiedBy;
  if (input.to === 'completed') next.completedAt = now;
  // A failed acceptance check: the work is not done any more.
  if (before.status === 'completed' && input.to === 'in_progress') next.completedAt = null;
  if (input.to === 'verified' && next.verifiedBy.trim() === '') {
    throw invalid('verifiedBy', 'verifying names who checked the work');
  }
  if (input.to === 'closed') next.closedAt = now;
  return next;
}

/** Only what changed (and the status, always), so the history reads as the step it was. */
function changedOnly(
  before: Facts,
  after: Facts,
): [Record<string, unknown>, Record<string, unknown>] {
  const b: Record<string, unknown> = { status: before.status };
  const a: Record<string, unknown> = { status: after.status };
  for (const key of Object.keys(after) as (keyof Facts)[]) {
    if (before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return [b, a];
}

export function transitionOrder(ctx: Ctx, input: TransitionInput): WorkOrder {
  return inTransaction(ctx.db, () => {
    const row = requireOrderRow(ctx.db, input.id);
    if (!canTransition(row.status, input.to, row.held_from)) {
      throw refuseMove(row.status, input.to, row.held_from);
    }
    const at = new Date();
    const now = at.toISOString();
    const before = factsOf(row);
    const after = nextFacts(before, input, now);
    if (after.crewId !== before.crewId || after.technicianId !== before.technicianId) {
      assertAssignment(ctx.db, after, before);
    }
    prepared(
      ctx.db,
      `UPDATE work_orders SET status = @status, held_from = @heldFrom, crew_id = @crewId,
         technician_id = @technicianId, completed_at = @completedAt, closed_at = @closedAt,
         labour_hours = @labourHours, findings = @findings, result = @result,
         verified_by = @verifiedBy, updated_at = @now
       WHERE id = @id`,
    ).run({ ...after, now, id: row.id });
    prepared(
      ctx.db,
      `INSERT INTO work_order_events (id, work_order_id, at, actor, from_status, to_status, note)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(newId(), row.id, now, ctx.actor, row.status, input.to, input.note);
    const [b, a] = changedOnly(before, after);
    writeAudit(ctx.db, {
      actor: ctx.actor,
      entity: 'work_order',
      entityId: row.id,
      action: 'update',
      before: { number: row.number, ...b },
      after: { number: row.number, ...a },
      note: `${statusNames[row.status]} → ${statusNames[input.to]}${input.note ? `：${input.note}` : ''}`,
    });
    if (input.to === 'completed' && (row.new_lamp_type !== null || row.new_power_w !== null)) {
      replaceLamps(ctx, row, at, now);
    }
    return readOrder(ctx.db, row.id);
  });
}

interface FixtureRow {
  id: string;
  code: string;
  name: string;
  lamp_type: string | null;
  rated_power_w: number | null;
  previous_power_w: number | null;
  last_replaced: string | null;
}

/**
 * Completing a lamp replacement: every fixture the order covers gets the new lamp type and power,
 * the replacement day (local at the order's site) and the power it had before, with an audit
 * entry in the asset's own history. A fixture that already has the new lamp and power (done
 * twice after a failed acceptance, or a like-for-like swap) keeps its previous power, so the
 * retrofit saving is not lost.
 */
function replaceLamps(ctx: Ctx, order: OrderSqlRow, at: Date, now: string): void {
  const day = localDate(siteTimeZone(ctx.db, order.place_id), at);
  const fixtures = prepared(
    ctx.db,
    `SELECT a.id, a.code, a.name, a.lamp_type, a.rated_power_w, a.previous_power_w, a.last_replaced
     FROM work_order_assets x JOIN assets a ON a.id = x.asset_id
     WHERE x.work_order_id = ? AND a.kind = 'fixture'`,
  ).all(order.id) as FixtureRow[];
  const update = prepared(
    ctx.db,
    `UPDATE assets SET lamp_type = @lampType, rated_power_w = @ratedPowerW,
       previous_power_w = @previousPowerW, last_replaced = @lastReplaced, updated_at = @now
     WHERE id = @id`,
  );
  for (const f of fixtures) {
    const lampType = order.new_lamp_type ?? f.lamp_type;
    const ratedPowerW = order.new_power_w ?? f.rated_power_w;
    const already = f.lamp_type === lampType && f.rated_power_w === ratedPowerW;
    const before: Record<string, string | number | null> = {
      lampType: f.lamp_type,
      ratedPowerW: f.rated_power_w,
      previousPowerW: f.previous_power_w,
      lastReplaced: f.last_replaced,
    };
    const after: Record<string, string | number | null> = {
      lampType,
      ratedPowerW,
      previousPowerW: already ? f.previous_power_w : f.rated_power_w,
      lastReplaced: day,
    };
    const keys = Object.keys(after).filter((k) => before[k] !== after[k]);
    if (keys.length === 0) continue;
    update.run({ ...after, now, id: f.id });
    // Code and name ride along unchanged so the audit list can label the entry.
    const pick = (o: typeof after) => Object.fromEntries(keys.map((k) => [k, o[k]]));
    writeAudit(ctx.db, {
      actor: ctx.actor,
      entity: 'asset',
      entityId: f.id,
      action: 'update',
      before: { code: f.code, name: f.name, ...pick(before) },
      after: { code: f.code, name: f.name, ...pick(after) },
      note: `工单 ${order.number} 完工：更换灯具`,
    });
  }
}
