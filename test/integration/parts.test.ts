// Spare parts through the real dispatch table on a temporary SQLite file, results checked against
// the contract: every method, refusals that leave the database untouched (stock below zero,
// returning more than was issued, issuing to a shut order), adjustments logged with their reason,
// the reorder list, and a property test that on_hand always equals the sum of the movements.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import type { InputOf } from '../../shared/contract';
import type { Part } from '../../shared/contract/parts';
import type { WorkOrder } from '../../shared/contract/workOrders';
import { call, callError, createTree, issuePaths } from '../support/api';
import { countRows, dumpDb } from '../support/dump';
import { createCrew, walkTo } from '../support/maintenance';
import { openTempApi, type TempApi } from '../support/tempDb';

let t: TempApi;
let api: Api;

beforeEach(() => {
  t = openTempApi();
  api = t.api;
});

afterEach(() => {
  t.cleanup();
});

let orderSeq = 0;

/** An open work order made through the API, as the Orders tab would. */
function createOrder(): WorkOrder {
  orderSeq += 1;
  return call(api, 'workOrders.create', {
    type: 'corrective',
    title: `更换3楼走廊灯管${orderSeq}`,
  });
}

/** Walks an order through the real lifecycle to where no parts may be issued to it. */
function shut(order: WorkOrder, status: 'closed' | 'cancelled'): void {
  walkTo(api, order, status, createCrew(api, `电工${orderSeq}班`).id);
}

type CreateInput = InputOf<'parts.create'>;

function createInput(p: Partial<CreateInput> & { name: string }): CreateInput {
  return { unit: '支', spec: 'T8 18W', onHand: 0, reorderPoint: 0, ...p };
}

function newPart(name = 'LED灯管', extra: Partial<CreateInput> = {}): Part {
  return call(api, 'parts.create', createInput({ ...extra, name }));
}

interface AuditRow {
  entity: string;
  entity_id: string;
  action: string;
  note: string | null;
  before_json: string | null;
  after_json: string | null;
}

function lastAudit(): AuditRow {
  const row = api.core.db
    .prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY rowid DESC LIMIT 1')
    .get();
  if (!row) throw new Error('no audit row');
  return row;
}

function movementSum(partId: string): number {
  return api.core.db
    .prepare<[string], { s: number }>(
      'SELECT coalesce(sum(quantity), 0) AS s FROM part_movements WHERE part_id = ?',
    )
    .get(partId)!.s;
}

describe('create, update and list', () => {
  it('records opening stock as a 期初库存 receipt, with the storage path and an audit entry', () => {
    const { room } = createTree(api);
    const part = newPart('LED灯管', { onHand: 120, reorderPoint: 50, storagePlaceId: room.id });
    expect(part).toMatchObject({
      name: 'LED灯管',
      spec: 'T8 18W',
      unit: '支',
      onHand: 120,
      reorderPoint: 50,
      storagePlaceId: room.id,
      storagePlacePath: '第一教学楼 › 1层 › 多媒体教室A101',
      belowReorder: false,
    });
    const moves = call(api, 'parts.movements', { partId: part.id }).items;
    expect(moves).toMatchObject([{ kind: 'receipt', quantity: 120, note: '期初库存' }]);
    expect(lastAudit()).toMatchObject({ entity: 'part', entity_id: part.id, action: 'create' });

    const empty = newPart('水龙头阀芯', { spec: '' });
    expect(empty).toMatchObject({ onHand: 0, storagePlacePath: '', belowReorder: true });
    expect(call(api, 'parts.movements', { partId: empty.id }).total).toBe(0);
  });

  it('refuses a second part of the same name and spec, and an unknown storage place', () => {
    newPart();
    const before = dumpDb(api.core.db);
    const dup = callError(api, 'parts.create', createInput({ name: 'LED灯管', onHand: 5 }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('LED灯管');
    const bad = callError(api, 'parts.create', {
      ...createInput({ name: '空气开关' }),
      storagePlaceId: 'nope',
    });
    expect(bad.code).toBe('VALIDATION');
    expect(issuePaths(bad)).toEqual(['storagePlaceId']);
    expect(dumpDb(api.core.db)).toEqual(before);
  });

  it('updates the fields of a part but never its stock', () => {
    const part = newPart('LED灯管', { onHand: 10 });
    const other = newPart('空气开关', { spec: 'DZ47 C16' });
    const patch = { name: 'LED灯管（暖光）', spec: 'T8 18W 3000K', unit: '根', reorderPoint: 12 };
    const updated = call(api, 'parts.update', {
      id: part.id,
      patch: { ...patch, storagePlaceId: null, storageNote: '二号货架', notes: '' },
    });
    expect(updated).toMatchObject({ ...patch, onHand: 10, storageNote: '二号货架' });
    expect(updated.belowReorder).toBe(true);
    const audit = lastAudit();
    expect(audit).toMatchObject({ entity: 'part', action: 'update' });
    expect(JSON.parse(audit.before_json ?? '{}')).toMatchObject({ name: 'LED灯管' });

    const clash = callError(api, 'parts.update', {
      id: other.id,
      patch: { name: updated.name, spec: updated.spec },
    });
    expect(clash.code).toBe('CONFLICT');
    expect(callError(api, 'parts.update', { id: 'missing', patch: {} }).code).toBe('NOT_FOUND');
  });

  // zod 4 fills the defaults of a partial object's fields, so the patch schema is built with
  // patchOf (shared/contract/common.ts), which removes them.
  it('a patch naming one field keeps the others', () => {
    const part = newPart('LED灯管', { reorderPoint: 7 });
    const updated = call(api, 'parts.update', { id: part.id, patch: { notes: '常用' } });
    expect(updated).toMatchObject({ spec: 'T8 18W', reorderPoint: 7, notes: '常用' });
  });

  it('lists by name or spec (LIKE characters literal), below the reorder point, in pages', () => {
    newPart('LED灯管', { onHand: 100, reorderPoint: 20 });
    newPart('LED筒灯', { spec: '6寸 12W', onHand: 3, reorderPoint: 10 });
    newPart('PPR三通', { spec: 'DN25 100%新料', onHand: 8, reorderPoint: 8 });
    newPart('水表', { spec: 'DN50', onHand: 1, reorderPoint: 0 });
    const names = (input: Parameters<typeof listNames>[0]) => listNames(input);
    expect(names({ q: 'LED' })).toEqual(['LED灯管', 'LED筒灯']);
    expect(names({ q: '12W' })).toEqual(['LED筒灯']);
    expect(names({ q: '100%' })).toEqual(['PPR三通']);
    expect(names({ q: '%' })).toEqual(['PPR三通']);
    expect(names({ q: '_' })).toEqual([]);
    expect(names({ belowReorder: true })).toEqual(['LED筒灯', 'PPR三通']);
    expect(names({ q: 'LED', belowReorder: true })).toEqual(['LED筒灯']);
    const page = call(api, 'parts.list', { offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((p) => p.name)).toEqual(['LED筒灯', 'PPR三通']);
  });
});

function listNames(input: { q?: string; belowReorder?: boolean }): string[] {
  return call(api, 'parts.list', input).items.map((p) => p.name);
}

describe('receive, issue, return and adjust', () => {
  it('receives stock, logging the movement and the audit entry in one go', () => {
    const part = newPart('LED灯管', { onHand: 2, reorderPoint: 5 });
    const { part: after, movement } = call(api, 'parts.receive', {
      partId: part.id,
      quantity: 48,
      note: '采购单 CG-0012',
    });
    expect(after).toMatchObject({ onHand: 50, belowReorder: false });
    expect(movement).toMatchObject({ kind: 'receipt', quantity: 48, workOrderId: null });
    expect(movement).toMatchObject({ note: '采购单 CG-0012', actor: '测试员' });
    expect(lastAudit()).toMatchObject({ entity: 'part', action: 'update', note: '入库 +48 支' });
    expect(callError(api, 'parts.receive', { partId: 'x', quantity: 1 }).code).toBe('NOT_FOUND');
    expect(issuePaths(callError(api, 'parts.receive', { partId: part.id, quantity: 0 }))).toEqual([
      'quantity',
    ]);
    const tiny = callError(api, 'parts.receive', { partId: part.id, quantity: 0.0001 });
    expect(issuePaths(tiny)).toEqual(['quantity']);
  });

  it('issues to a work order and names the order in the movement', () => {
    const part = newPart('LED灯管', { onHand: 10 });
    const order = createOrder();
    const { part: after, movement } = call(api, 'parts.issue', {
      partId: part.id,
      workOrderId: order.id,
      quantity: 4,
    });
    expect(after.onHand).toBe(6);
    expect(movement).toMatchObject({ kind: 'issue', quantity: -4, workOrderNumber: order.number });
    expect(lastAudit().note).toBe(`领用 −4 支（${order.number}）`);
  });

  it('refuses to take stock below zero, naming part, stock and request, and changes nothing', () => {
    const part = newPart('LED灯管', { onHand: 3 });
    const order = createOrder();
    const before = dumpDb(api.core.db);
    const error = callError(api, 'parts.issue', {
      partId: part.id,
      workOrderId: order.id,
      quantity: 5,
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('备件“LED灯管”库存不足：现有 3 支，领用 5 支');
    expect(error.message).toContain('Not enough "LED灯管" in stock: 3 支 on hand, 5 requested');
    expect(error.details).toMatchObject({ reason: 'INSUFFICIENT_STOCK', onHand: 3, requested: 5 });
    expect(dumpDb(api.core.db)).toEqual(before);
    // Exactly what is on hand may go.
    call(api, 'parts.issue', { partId: part.id, workOrderId: order.id, quantity: 3 });
    expect(call(api, 'parts.list', {}).items[0]?.onHand).toBe(0);
  });

  it('refuses to issue to a closed, cancelled or unknown order', () => {
    const part = newPart('LED灯管', { onHand: 10 });
    for (const status of ['closed', 'cancelled'] as const) {
      const order = createOrder();
      shut(order, status);
      const before = dumpDb(api.core.db);
      const error = callError(api, 'parts.issue', {
        partId: part.id,
        workOrderId: order.id,
        quantity: 1,
      });
      expect(error.code).toBe('CONFLICT');
      expect(error.details).toMatchObject({ reason: 'ORDER_CLOSED', status });
      expect(error.message).toContain(order.number);
      expect(dumpDb(api.core.db)).toEqual(before);
    }
    const unknown = { partId: part.id, workOrderId: 'nope', quantity: 1 };
    expect(callError(api, 'parts.issue', unknown).code).toBe('NOT_FOUND');
  });

  it('takes back at most what is still out on that order', () => {
    const part = newPart('空气开关', { spec: 'DZ47 C16', onHand: 20 });
    const a = createOrder();
    const b = createOrder();
    call(api, 'parts.issue', { partId: part.id, workOrderId: a.id, quantity: 5 });
    call(api, 'parts.issue', { partId: part.id, workOrderId: b.id, quantity: 2 });
    const back = call(api, 'parts.return', {
      partId: part.id,
      workOrderId: a.id,
      quantity: 3,
      note: '未用完',
    });
    expect(back.part.onHand).toBe(16);
    expect(back.movement).toMatchObject({ kind: 'return', quantity: 3, workOrderId: a.id });

    const never = createOrder();
    const before = dumpDb(api.core.db);
    const tooMany = callError(api, 'parts.return', {
      partId: part.id,
      workOrderId: a.id,
      quantity: 3,
    });
    expect(tooMany.code).toBe('CONFLICT');
    expect(tooMany.details).toMatchObject({ reason: 'RETURN_EXCEEDS_ISSUED', issued: 2 });
    const none = { partId: part.id, workOrderId: never.id, quantity: 1 };
    expect(callError(api, 'parts.return', none).details).toMatchObject({ issued: 0 });
    expect(dumpDb(api.core.db)).toEqual(before);

    // A cancelled order's leftovers still come back to the shelf.
    shut(b, 'cancelled');
    call(api, 'parts.return', { partId: part.id, workOrderId: b.id, quantity: 2 });
    expect(call(api, 'parts.list', { q: '空气开关' }).items[0]?.onHand).toBe(18);
  });

  it('sets counted stock, logging the difference with its reason, and nothing when it matches', () => {
    const part = newPart('LED灯管', { onHand: 30 });
    const down = call(api, 'parts.adjust', {
      partId: part.id,
      countedOnHand: 27,
      reason: '月末盘点，3支破损',
    });
    expect(down.part.onHand).toBe(27);
    expect(down.movement).toMatchObject({ kind: 'adjustment', quantity: -3 });
    expect(down.movement?.note).toBe('月末盘点，3支破损');
    expect(lastAudit().note).toBe('盘点调整 -3 支：月末盘点，3支破损');
    const up = call(api, 'parts.adjust', { partId: part.id, countedOnHand: 28.5, reason: '复盘' });
    expect(up.movement?.quantity).toBe(1.5);

    const before = dumpDb(api.core.db);
    const same = call(api, 'parts.adjust', {
      partId: part.id,
      countedOnHand: 28.5,
      reason: '抽盘',
    });
    expect(same.movement).toBeNull();
    expect(same.part.onHand).toBe(28.5);
    expect(dumpDb(api.core.db)).toEqual(before);
    const noReason = callError(api, 'parts.adjust', {
      partId: part.id,
      countedOnHand: 1,
      reason: ' ',
    });
    expect(issuePaths(noReason)).toEqual(['reason']);
  });
});

describe('movements and the reorder list', () => {
  it('lists movements newest first, by part or by order, with the order number and paging', () => {
    const lamp = newPart('LED灯管', { onHand: 10 });
    const valve = newPart('闸阀', { spec: 'DN50', onHand: 4 });
    const order = createOrder();
    call(api, 'parts.receive', { partId: lamp.id, quantity: 5 });
    call(api, 'parts.issue', { partId: lamp.id, workOrderId: order.id, quantity: 2 });
    call(api, 'parts.issue', { partId: valve.id, workOrderId: order.id, quantity: 1 });
    call(api, 'parts.return', { partId: lamp.id, workOrderId: order.id, quantity: 1 });

    const byPart = call(api, 'parts.movements', { partId: lamp.id });
    expect(byPart.items.map((m) => [m.kind, m.quantity])).toEqual([
      ['return', 1],
      ['issue', -2],
      ['receipt', 5],
      ['receipt', 10],
    ]);
    const byOrder = call(api, 'parts.movements', { workOrderId: order.id });
    expect(byOrder.total).toBe(3);
    expect(byOrder.items.every((m) => m.workOrderNumber === order.number)).toBe(true);
    expect(byOrder.items.map((m) => m.partId)).toEqual([lamp.id, valve.id, lamp.id]);
    const page = call(api, 'parts.movements', { partId: lamp.id, offset: 3, limit: 2 });
    expect(page).toMatchObject({ total: 4, items: [{ note: '期初库存' }] });
  });

  it('lists parts at or below the reorder point with what to order', () => {
    newPart('LED灯管', { onHand: 100, reorderPoint: 20 });
    newPart('LED筒灯', { spec: '6寸', onHand: 3, reorderPoint: 10 });
    newPart('PPR三通', { spec: 'DN25', onHand: 8, reorderPoint: 8 });
    newPart('水表', { spec: 'DN50', onHand: 0, reorderPoint: 0 });
    const items = call(api, 'parts.reorderList', {}).items;
    expect(items.map((p) => [p.name, p.onHand, p.reorderPoint, p.suggestedOrder])).toEqual([
      ['LED筒灯', 3, 10, 17],
      ['PPR三通', 8, 8, 8],
      ['水表', 0, 0, 1],
    ]);
  });
});

describe('on_hand is the sum of the movements', () => {
  type Op =
    | { op: 'receive' | 'issue' | 'return'; part: number; order: number; q: number }
    | { op: 'adjust'; part: number; q: number };
  // Hundredths, so the model below can keep exact integer stock.
  const hundredths = fc.integer({ min: 1, max: 4000 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      op: fc.constantFrom('receive' as const, 'issue' as const, 'return' as const),
      part: fc.nat(1),
      order: fc.nat(1),
      q: hundredths,
    }),
    fc.record({ op: fc.constant('adjust' as const), part: fc.nat(1), q: hundredths }),
  );

  it('after any sequence of writes, refused ones included, and agrees with a model', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.nat(20), (ops, opening) => {
        run += 1;
        const parts = [0, 1].map((i) => newPart(`备件${run}-${i}`, { onHand: opening }));
        const orders = [createOrder(), createOrder()];
        // The model, in hundredths: stock per part, and what is out per part and order.
        const stock = [opening * 100, opening * 100];
        const out = [
          [0, 0],
          [0, 0],
        ];
        for (const o of ops) {
          const partId = parts[o.part]!.id;
          const audits = countRows(api.core.db, 'audit_log');
          let expectOk = true;
          let writes = true;
          let env;
          if (o.op === 'adjust') {
            writes = stock[o.part] !== o.q;
            stock[o.part] = o.q;
            env = api.dispatch('parts.adjust', {
              partId,
              countedOnHand: o.q / 100,
              reason: '盘点',
            });
          } else {
            const row = out[o.part]!;
            if (o.op === 'issue') expectOk = stock[o.part]! >= o.q;
            if (o.op === 'return') expectOk = row[o.order]! >= o.q;
            if (expectOk) {
              stock[o.part]! += o.op === 'issue' ? -o.q : o.q;
              if (o.op !== 'receive') row[o.order]! += o.op === 'issue' ? o.q : -o.q;
            }
            writes = expectOk;
            env = api.dispatch(`parts.${o.op}`, {
              partId,
              quantity: o.q / 100,
              ...(o.op === 'receive' ? {} : { workOrderId: orders[o.order]!.id }),
            });
          }
          expect(env.ok ? 'ok' : env.error.code).toBe(expectOk ? 'ok' : 'CONFLICT');
          expect(countRows(api.core.db, 'audit_log') - audits).toBe(writes ? 1 : 0);
        }
        parts.forEach((p, i) => {
          const onHand = call(api, 'parts.list', { q: p.name }).items[0]!.onHand;
          expect(onHand).toBeGreaterThanOrEqual(0);
          expect(Math.round(onHand * 100)).toBe(stock[i]);
          expect(onHand).toBeCloseTo(movementSum(p.id), 6);
        });
      }),
      { numRuns: 60 },
    );
  });
});
