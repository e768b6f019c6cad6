// Indexes for the work-order list and views at tens of thousands of orders. An order's row is wide
// (its description), so a page must be found in narrow indexes and the table read for that page
// only. Each list index therefore ends with id, the tie-breaker of every sort: 0070's indexes lack
// it, so every matching order was read from the table to be sorted (7,500 active orders: 25–60 ms).
// The 0070 indexes that are prefixes of these are dropped; the new ones serve the same look-ups
// (foreign keys, plan generation) and more. Enumerations sort by rank (urgent before low), hence
// the CASE expressions, which must stay exactly as workOrderQuery.ts writes them. Text search over
// number, title and description: a trigram index for three characters or more, and a word index
// of single characters and pairs (desk_grams) for the one- and two-character fragments Chinese is
// searched by ("漏水").
export const sql = `
DROP INDEX work_orders_by_due;
DROP INDEX work_orders_by_status_due;
DROP INDEX work_orders_by_crew;
DROP INDEX work_orders_by_place;
DROP INDEX work_orders_by_type;
DROP INDEX work_orders_by_completed;
CREATE INDEX work_orders_list_due ON work_orders(due_date, id);
CREATE INDEX work_orders_list_status
  ON work_orders(status, due_date, id, priority, type, crew_id, place_id, reported_at);
CREATE INDEX work_orders_list_crew ON work_orders(crew_id, status, due_date, id);
CREATE INDEX work_orders_list_place ON work_orders(place_id, due_date, id);
CREATE INDEX work_orders_list_type ON work_orders(type, status, due_date, id);
-- Mean time to repair reads every order completed in a year: from the index alone.
CREATE INDEX work_orders_completed ON work_orders(completed_at, type, reported_at)
  WHERE completed_at IS NOT NULL;
CREATE INDEX work_orders_list_title ON work_orders(title, id);
CREATE INDEX work_orders_list_reported ON work_orders(reported_at, id);
CREATE INDEX work_orders_list_priority_rank ON work_orders((CASE priority WHEN 'urgent' THEN 0
  WHEN 'high' THEN 1 WHEN 'normal' THEN 2 WHEN 'low' THEN 3 ELSE 4 END), id);
CREATE INDEX work_orders_list_status_rank ON work_orders((CASE status WHEN 'open' THEN 0
  WHEN 'assigned' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'on_hold' THEN 3 WHEN 'completed' THEN 4
  WHEN 'verified' THEN 5 WHEN 'closed' THEN 6 WHEN 'cancelled' THEN 7 ELSE 8 END), id);
CREATE INDEX work_orders_list_type_rank ON work_orders((CASE type WHEN 'corrective' THEN 0
  WHEN 'preventive' THEN 1 WHEN 'inspection' THEN 2 ELSE 3 END), id);

CREATE VIRTUAL TABLE work_orders_fts USING fts5(
  number, title, description,
  content = 'work_orders', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE VIRTUAL TABLE work_orders_grams USING fts5(
  grams, content = '', contentless_delete = 1, detail = none,
  tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO work_orders_fts(work_orders_fts) VALUES ('rebuild');
INSERT INTO work_orders_grams(rowid, grams)
  SELECT rowid, desk_grams(number || ' ' || title || ' ' || description) FROM work_orders;

CREATE TRIGGER work_orders_fts_insert AFTER INSERT ON work_orders BEGIN
  INSERT INTO work_orders_fts(rowid, number, title, description)
  VALUES (new.rowid, new.number, new.title, new.description);
  INSERT INTO work_orders_grams(rowid, grams)
  VALUES (new.rowid, desk_grams(new.number || ' ' || new.title || ' ' || new.description));
END;
CREATE TRIGGER work_orders_fts_delete AFTER DELETE ON work_orders BEGIN
  INSERT INTO work_orders_fts(work_orders_fts, rowid, number, title, description)
  VALUES ('delete', old.rowid, old.number, old.title, old.description);
  DELETE FROM work_orders_grams WHERE rowid = old.rowid;
END;
CREATE TRIGGER work_orders_fts_update AFTER UPDATE OF number, title, description ON work_orders
BEGIN
  INSERT INTO work_orders_fts(work_orders_fts, rowid, number, title, description)
  VALUES ('delete', old.rowid, old.number, old.title, old.description);
  INSERT INTO work_orders_fts(rowid, number, title, description)
  VALUES (new.rowid, new.number, new.title, new.description);
  DELETE FROM work_orders_grams WHERE rowid = old.rowid;
  INSERT INTO work_orders_grams(rowid, grams)
  VALUES (new.rowid, desk_grams(new.number || ' ' || new.title || ' ' || new.description));
END;
`;
