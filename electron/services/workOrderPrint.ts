// Handlers of printed work orders: the batch data the print route lays out (workOrderPrintData.ts),
// marking orders printed, and each order's print log. Printing never changes an order's status: a
// sheet on paper is not work done, and a reprint must not move anything either.
import type { Handlers } from '../api';
import { prepared } from '../store/statementCache';
import { inTransaction, newId, nowIso, writeAudit } from '../store/tx';
import { printData } from './workOrderPrintData';
import type { PrintRecord } from '../../shared/contract/workOrderPrint';
import { DeskError } from '../../shared/contract/errors';

type Method = 'workOrders.printData' | 'workOrders.markPrinted' | 'workOrders.prints';

interface PrintedRow {
  id: string;
  number: string;
  printed_at: string | null;
  printed_by: string | null;
}

export const workOrdersPrintHandlers: Handlers<Method> = {
  'workOrders.printData': (batch, ctx) => printData(ctx.db, batch),

  'workOrders.markPrinted': ({ ids, copies, layout, output }, ctx) =>
    inTransaction(ctx.db, () => {
      const printedAt = nowIso();
      const list = JSON.stringify([...new Set(ids)]);
      const rows = prepared(
        ctx.db,
        `SELECT id, number, printed_at, printed_by FROM work_orders
         WHERE id IN (SELECT value FROM json_each(?))`,
      ).all(list) as PrintedRow[];
      // The order's own columns hold the latest print (what the list shows); the log keeps them all.
      prepared(
        ctx.db,
        `UPDATE work_orders SET printed_at = ?, printed_by = ?, updated_at = ?
         WHERE id IN (SELECT value FROM json_each(?))`,
      ).run(printedAt, ctx.actor, printedAt, list);
      const log = prepared(
        ctx.db,
        `INSERT INTO work_order_prints (id, work_order_id, printed_at, printed_by, copies, layout,
           output) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const row of rows) {
        log.run(newId(), row.id, printedAt, ctx.actor, copies, layout, output);
        writeAudit(ctx.db, {
          actor: ctx.actor,
          entity: 'work_order',
          entityId: row.id,
          action: 'update',
          before: { number: row.number, printedAt: row.printed_at, printedBy: row.printed_by },
          after: { number: row.number, printedAt, printedBy: ctx.actor, copies, layout, output },
          note: '打印工单',
        });
      }
      return { updated: rows.length, printedAt };
    }),

  'workOrders.prints': ({ id }, ctx) => {
    const order = prepared(
      ctx.db,
      'SELECT id, number, printed_at, printed_by FROM work_orders WHERE id = ?',
    ).get(id) as PrintedRow | undefined;
    if (!order) throw new DeskError('NOT_FOUND', `No work order with id ${id}`, { id });
    const items = prepared(
      ctx.db,
      `SELECT printed_at AS at, printed_by AS actor, copies, layout, output
       FROM work_order_prints WHERE work_order_id = ? ORDER BY printed_at, rowid`,
    ).all(id) as PrintRecord[];
    // Orders written straight into the table (the demo history, a restore of an older export)
    // carry the columns without a log entry: the latest print is still a print.
    if (order.printed_at && !items.some((p) => p.at === order.printed_at)) {
      items.push({
        at: order.printed_at,
        actor: order.printed_by ?? '',
        copies: 1,
        layout: 'a4',
        output: 'printer',
      });
      items.sort((a, b) => a.at.localeCompare(b.at));
    }
    return { items };
  },
};
