// Demo spare parts (备品备件) and five years of stock movements, simulated in time order so stock
// never goes below zero: an opening receipt, an issue to each order when its work starts, a
// monthly purchase run (on the 5th) for whatever is at or below its reorder point, delivered 1–3
// weeks later (an emergency purchase when an issue would overdraw), a few returns of unused lamps,
// and year-end stocktake differences.
// One store serves every campus (part names are unique), so its quantities grow with --scale;
// deliveries still on their way today leave some parts at or below their reorder point.
import { newId, type Db } from '../store/tx';
import { DAY, HOUR, iso, localMs, type Window } from './maintenanceClock';
import { partDefs, type PartDef } from './maintenanceText';
import type { Written } from './maintenanceWrite';
import type { Rng } from './random';

interface Movement {
  at: number;
  kind: 'receipt' | 'issue' | 'return' | 'adjustment';
  /** Signed, as stored: receipts and returns add, issues subtract. */
  quantity: number;
  orderId: string | null;
  note: string;
}

interface Demand {
  at: number;
  part: string;
  kind: 'issue' | 'return' | 'stocktake' | 'purchase';
  quantity: number;
  orderId: string | null;
}

function demands(rng: Rng, written: readonly Written[], w: Window): Demand[] {
  const out: Demand[] = [];
  for (const o of written) {
    if (o.state.startedAt === null) continue;
    const at = Math.min(w.endMs, o.state.startedAt + 10 * 60_000);
    for (const need of o.draft.parts) {
      out.push({ at, part: need.key, kind: 'issue', quantity: need.quantity, orderId: o.id });
      const done = o.state.completedAt;
      if (need.quantity >= 6 && done !== null && rng.chance(0.05)) {
        out.push({
          at: done + HOUR,
          part: need.key,
          kind: 'return',
          quantity: rng.int(1, 2),
          orderId: o.id,
        });
      }
    }
  }
  const periodic = (at: number, kind: 'stocktake' | 'purchase') => {
    if (at > w.endMs) return;
    for (const def of partDefs) out.push({ at, part: def.key, kind, quantity: 0, orderId: null });
  };
  for (let year = w.firstYear; year <= w.lastYear; year += 1) {
    for (let month = 1; month <= 12; month += 1) periodic(localMs(year, month, 5, 9), 'purchase');
    periodic(localMs(year, 12, 28, 16), 'stocktake');
  }
  return out.sort((a, b) => a.at - b.at);
}

function simulate(rng: Rng, def: PartDef, list: readonly Demand[], scale: number, w: Window) {
  const batch = def.batch * scale;
  const reorder = def.reorderPoint * scale;
  const moves: Movement[] = [];
  let onHand = Math.round(batch * 1.5);
  moves.push({ at: w.startMs, kind: 'receipt', quantity: onHand, orderId: null, note: '期初库存' });
  let delivery: number | null = null;
  const receive = (at: number, quantity: number, note: string) => {
    onHand += quantity;
    moves.push({ at, kind: 'receipt', quantity, orderId: null, note });
  };
  for (const d of list) {
    if (delivery !== null && delivery <= d.at) {
      receive(delivery, batch, '采购入库');
      delivery = null;
    }
    if (d.kind === 'purchase') {
      if (onHand <= reorder && delivery === null) delivery = d.at + rng.int(7, 20) * DAY;
      continue;
    }
    if (d.kind === 'stocktake') {
      if (onHand >= 3 && rng.chance(0.3)) {
        const loss = rng.int(1, 2);
        onHand -= loss;
        moves.push({
          at: d.at,
          kind: 'adjustment',
          quantity: -loss,
          orderId: null,
          note: '年度盘点差异（损耗）',
        });
      }
      continue;
    }
    if (d.kind === 'return') {
      onHand += d.quantity;
      moves.push({
        at: d.at,
        kind: 'return',
        quantity: d.quantity,
        orderId: d.orderId,
        note: '剩余退库',
      });
      continue;
    }
    if (onHand < d.quantity) receive(d.at - 2 * HOUR, Math.max(batch, d.quantity), '紧急采购');
    onHand -= d.quantity;
    moves.push({ at: d.at, kind: 'issue', quantity: -d.quantity, orderId: d.orderId, note: '' });
  }
  if (delivery !== null && delivery <= w.endMs) receive(delivery, batch, '采购入库');
  return { onHand, reorder, moves };
}

export function generateParts(
  db: Db,
  rng: Rng,
  written: readonly Written[],
  scale: number,
  storekeeper: string,
  w: Window,
): Record<string, number> {
  const store = db
    .prepare(`SELECT id FROM places WHERE kind = 'building' AND code = 'HQ' ORDER BY rowid LIMIT 1`)
    .get() as { id: string } | undefined;
  const insertPart = db.prepare(
    `INSERT INTO parts (id, name, spec, unit, on_hand, reorder_point, storage_place_id,
       storage_note, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const insertMove = db.prepare(
    `INSERT INTO part_movements (id, part_id, at, kind, quantity, work_order_id, actor, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const all = demands(rng, written, w);
  let movements = 0;
  for (const def of partDefs) {
    const { onHand, reorder, moves } = simulate(
      rng,
      def,
      all.filter((d) => d.part === def.key),
      scale,
      w,
    );
    const id = newId();
    const last = moves[moves.length - 1]?.at ?? w.startMs;
    insertPart.run(
      id,
      def.name,
      def.spec,
      def.unit,
      onHand,
      reorder,
      store?.id ?? null,
      '一楼备件库',
      iso(w.startMs),
      iso(last),
    );
    for (const m of moves) {
      insertMove.run(newId(), id, iso(m.at), m.kind, m.quantity, m.orderId, storekeeper, m.note);
    }
    movements += moves.length;
  }
  return { parts: partDefs.length, part_movements: movements };
}
