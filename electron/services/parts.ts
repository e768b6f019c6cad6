// Handlers of spare parts (备品备件): the stock list, part records and every stock movement —
// receipts, issues to work orders, returns from them and counted adjustments. Each write is one
// transaction holding the movement row, the new on_hand and the audit entry, so on_hand is always
// the sum of the part's movements.
import type { PartMovement } from '../../shared/contract/parts';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { likePattern } from '../store/like';
import { inTransaction, newId, nowIso, writeAudit } from '../store/tx';
import {
  insertPart,
  listMovements,
  listParts,
  movementById,
  netIssued,
  partById,
  partByNameSpec,
  placeExists,
  reorderRows,
  recordMovement,
  roundQty,
  toMovement,
  toPart,
  updatePart,
  workOrderBrief,
  QUANTITY_DECIMALS,
  type NewMovement,
  type PartRow,
} from './partsStore';

type Method =
  | 'parts.list'
  | 'parts.create'
  | 'parts.update'
  | 'parts.receive'
  | 'parts.issue'
  | 'parts.return'
  | 'parts.adjust'
  | 'parts.movements'
  | 'parts.reorderList';

export const OPENING_STOCK_NOTE = '期初库存';

/** Orders whose books are shut: nothing more may be drawn from the store against them. */
const NO_ISSUE_STATUSES: Record<string, { zh: string; en: string }> = {
  closed: { zh: '已关闭', en: 'closed' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

const kindText: Record<PartMovement['kind'], string> = {
  receipt: '入库',
  issue: '领用',
  return: '退回',
  adjustment: '盘点调整',
};

function requirePart(ctx: Ctx, id: string): PartRow {
  const row = partById(ctx.db, id);
  if (!row) throw new DeskError('NOT_FOUND', `No part with id ${id}`, { id });
  return row;
}

function requireOrder(ctx: Ctx, id: string): { id: string; number: string; status: string } {
  const order = workOrderBrief(ctx.db, id);
  if (!order) throw new DeskError('NOT_FOUND', `No work order with id ${id}`, { id });
  return order;
}

/** A positive quantity as stored (three decimals); one that rounds away to nothing is refused. */
function quantityOf(value: number): number {
  const q = roundQty(value);
  if (q <= 0) {
    const message = `must be at least ${10 ** -QUANTITY_DECIMALS}`;
    throw new DeskError('VALIDATION', `Invalid input: quantity: ${message}`, {
      issues: [{ path: 'quantity', message }],
    });
  }
  return q;
}

function checkFields(
  ctx: Ctx,
  fields: { name: string; spec: string; storagePlaceId: string | null },
  exceptId?: string,
): void {
  if (fields.storagePlaceId !== null && !placeExists(ctx.db, fields.storagePlaceId)) {
    throw new DeskError('VALIDATION', `Invalid input: storagePlaceId: no such place`, {
      issues: [{ path: 'storagePlaceId', message: `no place with id ${fields.storagePlaceId}` }],
    });
  }
  // The table is UNIQUE (name, spec); saying which part clashes beats a bare constraint error.
  const clash = partByNameSpec(ctx.db, fields.name, fields.spec);
  if (clash && clash.id !== exceptId) {
    const label = fields.spec ? `${fields.name}（${fields.spec}）` : fields.name;
    throw new DeskError(
      'CONFLICT',
      `已有同名同规格的备件“${label}” / A part "${label}" with this spec already exists`,
      { reason: 'DUPLICATE_PART', id: clash.id },
    );
  }
}

interface Move extends Omit<NewMovement, 'actor'> {
  /** What the audit entry says happened, beside the before/after of the part. */
  auditNote: string;
}

/** Writes the movement, the new on_hand and the audit entry; the caller owns the transaction. */
function applyMove(ctx: Ctx, before: PartRow, { auditNote, ...move }: Move) {
  const id = recordMovement(ctx.db, before, { ...move, actor: ctx.actor }, nowIso());
  const part = toPart(requirePart(ctx, before.id));
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'part',
    entityId: before.id,
    action: 'update',
    before: toPart(before),
    after: part,
    note: auditNote,
  });
  const row = movementById(ctx.db, id);
  if (!row) throw new DeskError('INTERNAL', `Movement ${id} vanished inside its transaction`);
  return { part, movement: toMovement(row) };
}

function signed(q: number): string {
  return q > 0 ? `+${q}` : `${q}`;
}

export const partsHandlers: Handlers<Method> = {
  'parts.list': ({ q, belowReorder, offset, limit }, ctx) => {
    const text = q?.trim() ?? '';
    const { rows, total } = listParts(ctx.db, {
      pattern: text ? likePattern(text) : undefined,
      belowReorder,
      offset,
      limit,
    });
    return { items: rows.map(toPart), total };
  },

  'parts.create': ({ onHand, ...fields }, ctx) =>
    inTransaction(ctx.db, () => {
      checkFields(ctx, fields);
      const now = nowIso();
      const id = newId();
      const opening = roundQty(onHand);
      insertPart(ctx.db, id, fields, now);
      // Opening stock goes in as a receipt, so the movements alone explain every unit on hand.
      if (opening > 0) {
        const m = { kind: 'receipt', quantity: opening, workOrderId: null } as const;
        const part = requirePart(ctx, id);
        recordMovement(ctx.db, part, { ...m, actor: ctx.actor, note: OPENING_STOCK_NOTE }, now);
      }
      const created = toPart(requirePart(ctx, id));
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'part',
        entityId: id,
        action: 'create',
        after: created,
        ...(opening > 0 ? { note: `${OPENING_STOCK_NOTE} ${opening}` } : {}),
      });
      return created;
    }),

  'parts.update': ({ id, patch }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = toPart(requirePart(ctx, id));
      const next = { ...before, ...definedOnly(patch) };
      checkFields(ctx, next, id);
      updatePart(ctx.db, id, next, nowIso());
      const after = toPart(requirePart(ctx, id));
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'part',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    }),

  'parts.receive': ({ partId, quantity, note }, ctx) =>
    inTransaction(ctx.db, () => {
      const part = requirePart(ctx, partId);
      const q = quantityOf(quantity);
      return applyMove(ctx, part, {
        kind: 'receipt',
        quantity: q,
        workOrderId: null,
        note,
        auditNote: `${kindText.receipt} +${q} ${part.unit}`,
      });
    }),

  'parts.issue': ({ partId, workOrderId, quantity, note }, ctx) =>
    inTransaction(ctx.db, () => {
      const part = requirePart(ctx, partId);
      const order = requireOrder(ctx, workOrderId);
      const q = quantityOf(quantity);
      const shut = NO_ISSUE_STATUSES[order.status];
      if (shut) {
        throw new DeskError(
          'CONFLICT',
          `工单 ${order.number} ${shut.zh}，不能再领用备件 / Work order ${order.number} is ${shut.en}; no parts can be issued to it`,
          { reason: 'ORDER_CLOSED', workOrderId, number: order.number, status: order.status },
        );
      }
      if (roundQty(part.on_hand - q) < 0) {
        throw new DeskError(
          'CONFLICT',
          `备件“${part.name}”库存不足：现有 ${part.on_hand} ${part.unit}，领用 ${q} ${part.unit} / ` +
            `Not enough "${part.name}" in stock: ${part.on_hand} ${part.unit} on hand, ${q} requested`,
          {
            reason: 'INSUFFICIENT_STOCK',
            partId,
            name: part.name,
            unit: part.unit,
            onHand: part.on_hand,
            requested: q,
          },
        );
      }
      return applyMove(ctx, part, {
        kind: 'issue',
        quantity: -q,
        workOrderId,
        note,
        auditNote: `${kindText.issue} −${q} ${part.unit}（${order.number}）`,
      });
    }),

  // Returns are taken whatever the order's state: parts left over from a cancelled or closed
  // order still come back to the shelf and must be counted in again.
  'parts.return': ({ partId, workOrderId, quantity, note }, ctx) =>
    inTransaction(ctx.db, () => {
      const part = requirePart(ctx, partId);
      const order = requireOrder(ctx, workOrderId);
      const q = quantityOf(quantity);
      const out = netIssued(ctx.db, partId, workOrderId);
      if (q > out) {
        throw new DeskError(
          'CONFLICT',
          `工单 ${order.number} 领用的“${part.name}”只有 ${out} ${part.unit} 未退回，不能退回 ${q} / ` +
            `Only ${out} ${part.unit} of "${part.name}" is out on work order ${order.number}; ${q} cannot be returned`,
          {
            reason: 'RETURN_EXCEEDS_ISSUED',
            partId,
            workOrderId,
            issued: out,
            requested: q,
          },
        );
      }
      return applyMove(ctx, part, {
        kind: 'return',
        quantity: q,
        workOrderId,
        note,
        auditNote: `${kindText.return} +${q} ${part.unit}（${order.number}）`,
      });
    }),

  'parts.adjust': ({ partId, countedOnHand, reason }, ctx) =>
    inTransaction(ctx.db, () => {
      const part = requirePart(ctx, partId);
      const diff = roundQty(roundQty(countedOnHand) - part.on_hand);
      // A count that matches the books changes nothing, so it writes nothing.
      if (diff === 0) return { part: toPart(part), movement: null };
      return applyMove(ctx, part, {
        kind: 'adjustment',
        quantity: diff,
        workOrderId: null,
        note: reason,
        auditNote: `${kindText.adjustment} ${signed(diff)} ${part.unit}：${reason}`,
      });
    }),

  'parts.movements': ({ partId, workOrderId, offset, limit }, ctx) => {
    const { rows, total } = listMovements(ctx.db, { partId, workOrderId, offset, limit });
    return { items: rows.map(toMovement), total };
  },

  'parts.reorderList': (_input, ctx) => ({
    items: reorderRows(ctx.db).map((row) => ({
      ...toPart(row),
      // Order back up to twice the reorder point (a min/max rule with max = 2 × min), and at
      // least one unit, so a part whose reorder point is 0 and whose shelf is empty still shows
      // something to buy.
      suggestedOrder: Math.max(roundQty(row.reorder_point * 2 - row.on_hand), 1),
    })),
  }),
};

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
