// The print log of work orders. work_orders.printed_at/printed_by (0070) keep the latest print,
// which the list shows; this table keeps every print (who, when, how many copies, which layout,
// printer or PDF) so an order's timeline can say it went out twice, and to whom the second time.
// Orders already marked printed get one entry each, from those columns, so no history starts
// blank; its id is derived from the order's, so every copy of a database backfills the same id.
export const sql = `
CREATE TABLE work_order_prints (
  id            TEXT PRIMARY KEY,
  work_order_id TEXT NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
  printed_at    TEXT NOT NULL,
  printed_by    TEXT NOT NULL,
  copies        INTEGER NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 5),
  layout        TEXT NOT NULL DEFAULT 'a4' CHECK (layout IN ('a4','a5x2')),
  output        TEXT NOT NULL DEFAULT 'printer' CHECK (output IN ('printer','pdf'))
);
CREATE INDEX work_order_prints_by_order ON work_order_prints(work_order_id, printed_at);

INSERT INTO work_order_prints (id, work_order_id, printed_at, printed_by)
SELECT 'print-' || id, id, printed_at, coalesce(printed_by, '')
FROM work_orders WHERE printed_at IS NOT NULL;
`;
