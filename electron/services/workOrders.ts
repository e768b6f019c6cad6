// Handlers of work orders: create, read, edit, move through the lifecycle, list and fetch an
// attachment. The lifecycle step is workOrderTransition.ts, the list workOrderQuery.ts, printing
// workOrderPrint.ts.
import type { ParsedInputOf } from '../../shared/contract';
import type { WorkOrder } from '../../shared/contract/workOrders';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, nowIso, writeAudit } from '../store/tx';
import { insertWorkOrder } from './workOrderCreate';
import { queryOrders } from './workOrderQuery';
import { transitionOrder } from './workOrderTransition';
import { assertAssignment, invalid, readOrder } from './workOrdersStore';

type Method =
  | 'workOrders.create'
  | 'workOrders.get'
  | 'workOrders.update'
  | 'workOrders.transition'
  | 'workOrders.query'
  | 'workOrders.attachment';

type Patch = ParsedInputOf<'workOrders.update'>['patch'];
type PatchKey = keyof Patch;

/** What is still recorded once the work is done: the report of the work, not its plan. */
const findingsSide = new Set<PatchKey>([
  'labourHours',
  'findings',
  'result',
  'verifiedBy',
  'checklist',
]);

/** Patch fields → columns, for the one UPDATE every edit runs. */
const columns: Record<Exclude<PatchKey, 'assetIds'>, string> = {
  category: 'category',
  title: 'title',
  description: 'description',
  placeId: 'place_id',
  crewId: 'crew_id',
  technicianId: 'technician_id',
  priority: 'priority',
  dueDate: 'due_date',
  checklist: 'checklist_json',
  estimatedHours: 'estimated_hours',
  newLampType: 'new_lamp_type',
  newPowerW: 'new_power_w',
  requester: 'requester',
  requesterPhone: 'requester_phone',
  labourHours: 'labour_hours',
  findings: 'findings',
  result: 'result',
  verifiedBy: 'verified_by',
};
const columnKeys = Object.keys(columns) as (keyof typeof columns)[];

type Editable = Record<keyof typeof columns, unknown>;

function editableOf(o: WorkOrder): Editable {
  const values = Object.fromEntries(columnKeys.map((k) => [k, o[k]])) as Editable;
  return values;
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return new Set(b).size === set.size && b.every((x) => set.has(x));
};

/** The patch fields whose value differs from the order (a form that sends everything is fine). */
function changedKeys(before: WorkOrder, patch: Patch): PatchKey[] {
  const current = editableOf(before);
  return (Object.keys(patch) as PatchKey[]).filter((key) => {
    const value = patch[key];
    if (value === undefined) return false;
    if (key === 'assetIds') {
      return !sameSet(
        before.assets.map((a) => a.id),
        value as string[],
      );
    }
    return JSON.stringify(value) !== JSON.stringify(current[key]);
  });
}

function refuseLockedFields(before: WorkOrder, keys: PatchKey[]): void {
  const terminal = before.status === 'closed' || before.status === 'cancelled';
  const done = before.status === 'completed' || before.status === 'verified';
  const locked = terminal ? keys : done ? keys.filter((k) => !findingsSide.has(k)) : [];
  if (locked.length === 0) return;
  throw new DeskError(
    'CONFLICT',
    terminal
      ? `工单 ${before.number} 已${before.status === 'closed' ? '关闭' : '取消'}，不能再修改；` +
          `order ${before.number} is ${before.status} and can no longer be edited`
      : `工单 ${before.number} 已完工，只能修改完工记录；order ${before.number} is ${before.status}: ` +
          `only labour, findings, result, checklist and verifier may change (not ${locked.join(', ')})`,
    { status: before.status, fields: locked },
  );
}

/** The fields people edit, for audit before/after snapshots. */
function editableSnapshot(o: WorkOrder): Record<string, unknown> {
  return {
    category: o.category,
    title: o.title,
    description: o.description,
    placeId: o.placeId,
    place: o.placePath,
    assets: o.assets.map((a) => a.code),
    crewId: o.crewId,
    crew: o.crewName,
    technicianId: o.technicianId,
    technician: o.technicianName,
    priority: o.priority,
    dueDate: o.dueDate,
    checklist: o.checklist,
    estimatedHours: o.estimatedHours,
    newLampType: o.newLampType,
    newPowerW: o.newPowerW,
    requester: o.requester,
    requesterPhone: o.requesterPhone,
    labourHours: o.labourHours,
    findings: o.findings,
    result: o.result,
    verifiedBy: o.verifiedBy,
  };
}

function needsCrew(o: WorkOrder): boolean {
  const working = ['assigned', 'in_progress'];
  return (
    working.includes(o.status) || (o.status === 'on_hold' && working.includes(o.heldFrom ?? ''))
  );
}

function updateOrder(ctx: Ctx, id: string, patch: Patch): WorkOrder {
  const before = readOrder(ctx.db, id);
  const keys = changedKeys(before, patch);
  if (keys.length === 0) return before;
  refuseLockedFields(before, keys);
  const next: Editable = { ...editableOf(before) };
  for (const key of keys) if (key !== 'assetIds') next[key] = patch[key];
  // Another crew does not bring the old crew's technician along unless the patch says so.
  if (keys.includes('crewId') && !keys.includes('technicianId')) next.technicianId = null;
  const crewId = next.crewId as string | null;
  const technicianId = next.technicianId as string | null;
  if (!crewId && needsCrew(before)) {
    throw invalid('crewId', 'an assigned order keeps a crew; move it to open first');
  }
  if (keys.includes('crewId') || keys.includes('technicianId')) {
    assertAssignment(ctx.db, { crewId, technicianId }, before);
  }
  if (keys.includes('placeId') && next.placeId !== null) {
    if (!prepared(ctx.db, 'SELECT 1 FROM places WHERE id = ?').get(next.placeId)) {
      throw new DeskError('NOT_FOUND', `No place with id ${String(next.placeId)}`, {
        id: next.placeId,
      });
    }
  }
  prepared(
    ctx.db,
    `UPDATE work_orders SET ${columnKeys.map((k) => `${columns[k]} = @${k}`).join(', ')},
       updated_at = @now WHERE id = @id`,
  ).run({ ...next, checklist: JSON.stringify(next.checklist), now: nowIso(), id });
  if (keys.includes('assetIds')) replaceAssets(ctx, id, patch.assetIds ?? []);
  const after = readOrder(ctx.db, id);
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'work_order',
    entityId: id,
    action: 'update',
    before: { number: before.number, ...editableSnapshot(before) },
    after: { number: after.number, ...editableSnapshot(after) },
  });
  return after;
}

function replaceAssets(ctx: Ctx, orderId: string, assetIds: readonly string[]): void {
  prepared(ctx.db, 'DELETE FROM work_order_assets WHERE work_order_id = ?').run(orderId);
  const add = prepared(
    ctx.db,
    `INSERT OR IGNORE INTO work_order_assets (work_order_id, asset_id)
     SELECT ?, id FROM assets WHERE id = ?`,
  );
  const exists = prepared(ctx.db, 'SELECT 1 FROM assets WHERE id = ?');
  for (const assetId of assetIds) {
    if (add.run(orderId, assetId).changes === 0 && !exists.get(assetId)) {
      throw new DeskError('NOT_FOUND', `No asset with id ${assetId}`, { id: assetId });
    }
  }
}

export const workOrdersHandlers: Handlers<Method> = {
  'workOrders.create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      // Stricter than insertWorkOrder alone: a technician belongs to the order's crew, and a
      // deactivated crew or technician takes no new work.
      assertAssignment(ctx.db, input);
      const { id } = insertWorkOrder(ctx, input);
      return readOrder(ctx.db, id);
    }),

  'workOrders.get': ({ id }, ctx) => readOrder(ctx.db, id),

  'workOrders.update': ({ id, patch }, ctx) =>
    inTransaction(ctx.db, () => updateOrder(ctx, id, patch)),

  'workOrders.transition': (input, ctx) => transitionOrder(ctx, input),

  'workOrders.query': (input, ctx) => queryOrders(ctx.db, input),

  'workOrders.attachment': ({ id }, ctx) => {
    const row = prepared(
      ctx.db,
      'SELECT id, name, mime, bytes, content FROM attachments WHERE id = ?',
    ).get(id) as
      { id: string; name: string; mime: string; bytes: number; content: Buffer } | undefined;
    if (!row) throw new DeskError('NOT_FOUND', `No attachment with id ${id}`, { id });
    const { content, ...info } = row;
    return { ...info, contentBase64: Buffer.from(content).toString('base64') };
  },
};
