// Maintenance: crews and their technicians, repair requests (报修), work orders with their assets,
// status transitions and attachments, preventive-maintenance plans and the occurrences generated
// from them, and spare parts with every stock movement. Work-order numbers (WO-YYYY-NNNNN) are a
// separate unique column; ids stay globally unique text like every other table.
export const sql = `
CREATE TABLE crews (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  trade      TEXT NOT NULL CHECK (trade IN ('electrician','plumber','gardener','general')),
  phone      TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE technicians (
  id         TEXT PRIMARY KEY,
  crew_id    TEXT NOT NULL REFERENCES crews(id) ON DELETE RESTRICT,
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  trade      TEXT NOT NULL CHECK (trade IN ('electrician','plumber','gardener','general')),
  phone      TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX technicians_by_crew ON technicians(crew_id, name);

CREATE TABLE repair_requests (
  id            TEXT PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  reported_at   TEXT NOT NULL,
  reporter      TEXT NOT NULL CHECK (length(reporter) BETWEEN 1 AND 100),
  phone         TEXT NOT NULL DEFAULT '',
  place_id      TEXT REFERENCES places(id) ON DELETE RESTRICT,
  asset_id      TEXT REFERENCES assets(id) ON DELETE RESTRICT,
  category      TEXT NOT NULL CHECK (category IN
                ('lighting','water_leak','irrigation','electrical','plumbing','building','other')),
  description   TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
  priority      TEXT NOT NULL CHECK (priority IN ('urgent','high','normal','low')),
  source        TEXT NOT NULL CHECK (source IN ('phone','walk_in','patrol','leak_alert')),
  status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','converted','merged')),
  work_order_id TEXT REFERENCES work_orders(id) ON DELETE RESTRICT,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK (place_id IS NOT NULL OR asset_id IS NOT NULL),
  CHECK ((status = 'new') = (work_order_id IS NULL))
);
CREATE INDEX requests_by_status ON repair_requests(status, reported_at);
CREATE INDEX requests_by_asset ON repair_requests(asset_id) WHERE asset_id IS NOT NULL;
CREATE INDEX requests_by_order ON repair_requests(work_order_id) WHERE work_order_id IS NOT NULL;

CREATE TABLE pm_plans (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  order_type      TEXT NOT NULL DEFAULT 'preventive' CHECK (order_type IN ('preventive','inspection')),
  category        TEXT NOT NULL DEFAULT 'other' CHECK (category IN
                  ('lighting','water_leak','irrigation','electrical','plumbing','building','other')),
  priority        TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent','high','normal','low')),
  -- {"kind":"filter","filter":{…}} re-evaluated at each generation, or {"kind":"list","assetIds":[…]}
  target_json     TEXT NOT NULL,
  place_id        TEXT REFERENCES places(id) ON DELETE RESTRICT,
  checklist_json  TEXT NOT NULL DEFAULT '[]',
  crew_id         TEXT REFERENCES crews(id) ON DELETE RESTRICT,
  estimated_hours REAL CHECK (estimated_hours IS NULL OR estimated_hours >= 0),
  lead_days       INTEGER NOT NULL DEFAULT 7 CHECK (lead_days BETWEEN 0 AND 366),
  -- 'rrule': rule + start_local in time_zone; 'after_completion': every interval_days after the
  -- last completed order of the plan (start_local for the first).
  recurrence      TEXT NOT NULL CHECK (recurrence IN ('rrule','after_completion')),
  rule            TEXT,
  interval_days   INTEGER CHECK (interval_days IS NULL OR interval_days BETWEEN 1 AND 3660),
  start_local     TEXT NOT NULL,
  time_zone       TEXT NOT NULL,
  notes           TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK ((recurrence = 'rrule') = (rule IS NOT NULL)),
  CHECK ((recurrence = 'after_completion') = (interval_days IS NOT NULL))
);

CREATE TABLE work_orders (
  id              TEXT PRIMARY KEY,
  number          TEXT NOT NULL UNIQUE,
  type            TEXT NOT NULL CHECK (type IN ('corrective','preventive','inspection')),
  category        TEXT NOT NULL DEFAULT 'other' CHECK (category IN
                  ('lighting','water_leak','irrigation','electrical','plumbing','building','other')),
  title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description     TEXT NOT NULL DEFAULT '',
  place_id        TEXT REFERENCES places(id) ON DELETE RESTRICT,
  crew_id         TEXT REFERENCES crews(id) ON DELETE RESTRICT,
  technician_id   TEXT REFERENCES technicians(id) ON DELETE RESTRICT,
  priority        TEXT NOT NULL CHECK (priority IN ('urgent','high','normal','low')),
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN
                  ('open','assigned','in_progress','on_hold','completed','verified','closed','cancelled')),
  -- The status an order on hold returns to.
  held_from       TEXT,
  -- Local day (site time zone) by which the work is due.
  due_date        TEXT,
  checklist_json  TEXT NOT NULL DEFAULT '[]',
  estimated_hours REAL,
  labour_hours    REAL CHECK (labour_hours IS NULL OR labour_hours >= 0),
  findings        TEXT NOT NULL DEFAULT '',
  result          TEXT NOT NULL DEFAULT '',
  verified_by     TEXT NOT NULL DEFAULT '',
  -- A lamp replacement: what each covered fixture gets on completion.
  new_lamp_type   TEXT,
  new_power_w     REAL CHECK (new_power_w IS NULL OR new_power_w > 0),
  requester       TEXT NOT NULL DEFAULT '',
  requester_phone TEXT NOT NULL DEFAULT '',
  -- When the fault was reported (mean time to repair runs from here to completed_at).
  reported_at     TEXT NOT NULL,
  plan_id         TEXT REFERENCES pm_plans(id) ON DELETE SET NULL,
  -- Local time of the plan occurrence this order was generated for.
  occurrence      TEXT,
  completed_at    TEXT,
  closed_at       TEXT,
  printed_at      TEXT,
  printed_by      TEXT,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX work_orders_by_status_due ON work_orders(status, due_date);
CREATE INDEX work_orders_by_due ON work_orders(due_date);
CREATE INDEX work_orders_by_crew ON work_orders(crew_id, status, due_date);
CREATE INDEX work_orders_by_place ON work_orders(place_id);
CREATE INDEX work_orders_by_type ON work_orders(type, status);
CREATE INDEX work_orders_by_created ON work_orders(created_at);
CREATE INDEX work_orders_by_completed ON work_orders(completed_at) WHERE completed_at IS NOT NULL;
CREATE UNIQUE INDEX work_orders_one_per_occurrence ON work_orders(plan_id, occurrence)
  WHERE plan_id IS NOT NULL AND occurrence IS NOT NULL;

CREATE TABLE work_order_assets (
  work_order_id TEXT NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
  asset_id      TEXT NOT NULL REFERENCES assets(id) ON DELETE RESTRICT,
  PRIMARY KEY (work_order_id, asset_id)
) WITHOUT ROWID;
CREATE INDEX work_order_assets_by_asset ON work_order_assets(asset_id, work_order_id);

CREATE TABLE work_order_events (
  id            TEXT PRIMARY KEY,
  work_order_id TEXT NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
  at            TEXT NOT NULL,
  actor         TEXT NOT NULL,
  from_status   TEXT,
  to_status     TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX work_order_events_by_order ON work_order_events(work_order_id, at);

-- Files that came with a request (a photo of the leak); they move with it into the work order.
CREATE TABLE attachments (
  id            TEXT PRIMARY KEY,
  request_id    TEXT REFERENCES repair_requests(id) ON DELETE CASCADE,
  work_order_id TEXT REFERENCES work_orders(id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  mime          TEXT NOT NULL,
  bytes         INTEGER NOT NULL,
  content       BLOB NOT NULL,
  created_at    TEXT NOT NULL,
  CHECK (request_id IS NOT NULL OR work_order_id IS NOT NULL)
);
CREATE INDEX attachments_by_request ON attachments(request_id) WHERE request_id IS NOT NULL;
CREATE INDEX attachments_by_order ON attachments(work_order_id) WHERE work_order_id IS NOT NULL;

-- Every occurrence a plan has reached: ordered (with its work order) or missed (the app was closed
-- past its due date and a later occurrence of the same plan was ordered instead). The primary key
-- is what makes generation idempotent.
CREATE TABLE pm_occurrences (
  plan_id       TEXT NOT NULL REFERENCES pm_plans(id) ON DELETE CASCADE,
  occurrence    TEXT NOT NULL,
  due_date      TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('ordered','missed')),
  work_order_id TEXT REFERENCES work_orders(id) ON DELETE SET NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (plan_id, occurrence)
) WITHOUT ROWID;
CREATE INDEX pm_occurrences_by_due ON pm_occurrences(due_date);

CREATE TABLE parts (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  spec             TEXT NOT NULL DEFAULT '',
  unit             TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
  on_hand          REAL NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reorder_point    REAL NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
  storage_place_id TEXT REFERENCES places(id) ON DELETE SET NULL,
  storage_note     TEXT NOT NULL DEFAULT '',
  notes            TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (name, spec)
);

CREATE TABLE part_movements (
  id            TEXT PRIMARY KEY,
  part_id       TEXT NOT NULL REFERENCES parts(id) ON DELETE RESTRICT,
  at            TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('receipt','issue','return','adjustment')),
  -- Signed change of on_hand: receipts and returns add, issues subtract, adjustments either way.
  quantity      REAL NOT NULL CHECK (quantity <> 0),
  work_order_id TEXT REFERENCES work_orders(id) ON DELETE RESTRICT,
  actor         TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  CHECK ((kind IN ('issue','return')) = (work_order_id IS NOT NULL)),
  CHECK (kind <> 'adjustment' OR length(note) > 0)
);
CREATE INDEX part_movements_by_part ON part_movements(part_id, at);
CREATE INDEX part_movements_by_order ON part_movements(work_order_id) WHERE work_order_id IS NOT NULL;

-- Per year counters for human-facing numbers (WO-2026-00042, BX-2026-00007).
CREATE TABLE number_counters (
  series TEXT PRIMARY KEY,
  last   INTEGER NOT NULL
) WITHOUT ROWID;
`;
