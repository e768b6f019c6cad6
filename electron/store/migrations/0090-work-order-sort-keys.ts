// Sort keys for the work-order list kept on the order itself. Sorting by crew or by place sorted
// every matching order by a value from another table (the crew's name; "Building › Floor › Room"
// built for every place first): 35–55 ms at 50,000 orders whatever the page. crew_sort and
// place_sort hold those values, indexed with id like the other list indexes of 0080, so a page is
// read from an index in order. Triggers keep them right in the same statement as the change: an
// order's crew or place, a crew's name, a place's name, kind or parent. A place's label names the
// place and at most two ancestors, so a change to a place changes the labels at the place, its
// children and its grandchildren (a move: at the place and its children) and no others. The label
// here must stay exactly PLACE_LABEL of assetsStore.ts; it is written out, as a migration never
// changes after it ships.
const label = (placeId: string) => `(SELECT
    (CASE WHEN p3.kind IN ('building','floor') THEN p3.name || ' › ' ELSE '' END) ||
    (CASE WHEN p2.kind IN ('building','floor') THEN p2.name || ' › ' ELSE '' END) || p1.name
  FROM places p1
  LEFT JOIN places p2 ON p2.id = p1.parent_id
  LEFT JOIN places p3 ON p3.id = p2.parent_id
  WHERE p1.id = ${placeId})`;

const crewName = (crewId: string) => `(SELECT name FROM crews WHERE id = ${crewId})`;

/** The keys of the order `new`, recomputed when either differs from what its crew and place say. */
const refreshOrder = `
WHEN new.crew_sort IS NOT ${crewName('new.crew_id')}
  OR new.place_sort IS NOT ${label('new.place_id')}
BEGIN
  UPDATE work_orders
  SET crew_sort = ${crewName('new.crew_id')}, place_sort = ${label('new.place_id')}
  WHERE rowid = new.rowid;
END`;

export const sql = `
ALTER TABLE work_orders ADD COLUMN crew_sort TEXT;
ALTER TABLE work_orders ADD COLUMN place_sort TEXT;
UPDATE work_orders SET
  crew_sort = ${crewName('work_orders.crew_id')},
  place_sort = ${label('work_orders.place_id')};
CREATE INDEX work_orders_list_crew_sort ON work_orders(crew_sort, id);
CREATE INDEX work_orders_list_place_sort ON work_orders(place_sort, id);
-- A plan's orders (the plan filter, "open orders" of a plan): the unique per-occurrence index is
-- partial on occurrence too, so a plain plan_id lookup could not use it.
CREATE INDEX work_orders_by_plan ON work_orders(plan_id, id) WHERE plan_id IS NOT NULL;

CREATE TRIGGER work_orders_sort_keys_insert AFTER INSERT ON work_orders ${refreshOrder};
CREATE TRIGGER work_orders_sort_keys_update
AFTER UPDATE OF crew_id, place_id, crew_sort, place_sort ON work_orders ${refreshOrder};

CREATE TRIGGER crews_sort_key AFTER UPDATE OF name ON crews WHEN new.name IS NOT old.name
BEGIN
  UPDATE work_orders SET crew_sort = new.name WHERE crew_id = new.id;
END;

CREATE TRIGGER places_sort_key AFTER UPDATE OF name, kind, parent_id ON places
WHEN new.name IS NOT old.name OR new.kind IS NOT old.kind OR new.parent_id IS NOT old.parent_id
BEGIN
  UPDATE work_orders SET place_sort = ${label('work_orders.place_id')}
  WHERE place_id IN (
      SELECT new.id
      UNION ALL SELECT c.id FROM places c WHERE c.parent_id = new.id
      UNION ALL SELECT g.id FROM places c JOIN places g ON g.parent_id = c.id
        WHERE c.parent_id = new.id)
    AND place_sort IS NOT ${label('work_orders.place_id')};
END;
`;
