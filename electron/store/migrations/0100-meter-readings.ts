// Meter readings and what is derived from them: the readings (the big table), the meters' lifecycle
// events, the calendarized daily rollups the charts read, and the review queue of negative deltas.
//
// meter_readings is sized for tens of millions of rows (hourly or 15-minute data of a park), so its
// row is five numbers, measured here at 26 bytes and about 0.9M inserts/s, where the obvious row
// (text meter id, source, operator, entry time) took 91 bytes and 0.58M/s:
//  - at: INTEGER epoch milliseconds (UTC), not ISO text. 6 bytes instead of 24, in the row and in
//    every interior page of the key's B-tree; integers compare in one step and have one spelling,
//    where ISO text sorts right only if every writer wrote the same form ('+08:00' would not). The
//    API still speaks ISO-8601: the service converts at the boundary.
//  - meter: a small INTEGER standing for the meter's asset id in this file (meter_keys). It is a
//    storage key like a rowid, not an identity: a reading is identified across databases by
//    (asset id, at), which is what the API, the export and any future sync use.
//  - entry: who entered the value, when and how (manual, import, device) is the same for every
//    reading of one save or one import, so it is stored once in meter_entries.
// The small tables (events, daily rollups, reviews) keep the text asset id, so their foreign keys
// lead straight to assets; their instants are INTEGER ms too, to compare with readings directly,
// and their bookkeeping columns (created_at, resolved_at) are ISO text as everywhere else.
//
// Register values are REAL as typed (a double holds every decimal a dial shows below 10^15);
// consumption is the decimal difference of the values (shared/domain/consumption). Rollup amounts
// are REAL in the meter's unit after the multiplier.
export const sql = `
-- The integer key of each meter that has readings. Deleting the asset takes its key along, which
-- meter_readings refuses while any reading remains.
CREATE TABLE meter_keys (
  key      INTEGER PRIMARY KEY,
  meter_id TEXT NOT NULL UNIQUE REFERENCES assets(id) ON DELETE CASCADE
);

-- One save, import or device upload: its source, who and when.
CREATE TABLE meter_entries (
  id         INTEGER PRIMARY KEY,
  source     TEXT NOT NULL CHECK (source IN ('manual','import','device')),
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT ''
);

-- A cumulative register value at an instant. One reading per meter and instant.
CREATE TABLE meter_readings (
  meter     INTEGER NOT NULL REFERENCES meter_keys(key) ON DELETE RESTRICT,
  at        INTEGER NOT NULL CHECK (typeof(at) = 'integer'),
  value     REAL NOT NULL CHECK (value >= 0 AND value < 1e15),
  estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated IN (0,1)),
  entry     INTEGER NOT NULL REFERENCES meter_entries(id) ON DELETE RESTRICT,
  PRIMARY KEY (meter, at)
) WITHOUT ROWID;
-- No index on entry: it would double the cost of every insert, and entries are never deleted.

-- A meter's lifecycle: install (opening value of a register), replace (closing value of the old
-- register, opening of the new, with the new register's multiplier, digits and serial), remove
-- (closing value). prev_* keep the register in force just before the event, so the history before
-- the first event is known even after the asset's columns moved on to the newest register.
CREATE TABLE meter_events (
  id              TEXT PRIMARY KEY,
  meter_id        TEXT NOT NULL REFERENCES assets(id) ON DELETE RESTRICT,
  kind            TEXT NOT NULL CHECK (kind IN ('install','replace','remove')),
  at              INTEGER NOT NULL CHECK (typeof(at) = 'integer'),
  closing         REAL CHECK (closing IS NULL OR (closing >= 0 AND closing < 1e15)),
  opening         REAL CHECK (opening IS NULL OR (opening >= 0 AND opening < 1e15)),
  multiplier      REAL CHECK (multiplier IS NULL OR multiplier > 0),
  register_digits INTEGER CHECK (register_digits IS NULL OR register_digits BETWEEN 1 AND 15),
  serial          TEXT,
  prev_multiplier REAL CHECK (prev_multiplier IS NULL OR prev_multiplier > 0),
  prev_digits     INTEGER CHECK (prev_digits IS NULL OR prev_digits BETWEEN 1 AND 15),
  prev_serial     TEXT,
  note            TEXT NOT NULL DEFAULT '',
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  CHECK ((kind IN ('replace','remove')) = (closing IS NOT NULL)),
  CHECK ((kind IN ('install','replace')) = (opening IS NOT NULL)),
  CHECK ((kind IN ('install','replace')) = (multiplier IS NOT NULL)),
  CHECK (kind IN ('install','replace') OR (register_digits IS NULL AND serial IS NULL))
);
-- One event per meter and instant: a swap is one 'replace', never a remove and an install.
CREATE UNIQUE INDEX meter_events_by_meter ON meter_events(meter_id, at);

-- Calendarized consumption per meter and local day of the site's zone, maintained in the same
-- transaction as every reading or event that changes it. intervals: how many intervals touch the
-- day (0 rows are deleted, so a missing day means no data); estimated: how many of them have an
-- estimated end; pending: how many are negative deltas awaiting review (not counted in amount).
CREATE TABLE meter_daily (
  meter_id  TEXT NOT NULL REFERENCES assets(id) ON DELETE RESTRICT,
  day       TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  amount    REAL NOT NULL,
  intervals INTEGER NOT NULL CHECK (intervals > 0),
  estimated INTEGER NOT NULL DEFAULT 0 CHECK (estimated BETWEEN 0 AND intervals),
  pending   INTEGER NOT NULL DEFAULT 0 CHECK (pending BETWEEN 0 AND intervals),
  PRIMARY KEY (meter_id, day)
) WITHOUT ROWID;

-- The review queue: one row per reading pair (interval) that ever held an unexplained negative
-- delta, keyed by the engine's interval key. Open rows count nothing until resolved; a resolution
-- of rollover, replacement or accept makes the pair count, while its values stay those stored
-- here. A pair that changes so that it needs no review is resolved as 'cleared'; one that becomes
-- negative again is reopened.
CREATE TABLE meter_reviews (
  id                 TEXT PRIMARY KEY,
  meter_id           TEXT NOT NULL REFERENCES assets(id) ON DELETE RESTRICT,
  interval_key       TEXT NOT NULL,
  from_at            INTEGER NOT NULL,
  to_at              INTEGER NOT NULL CHECK (to_at >= from_at),
  -- 1: the end is a reading; 0: a lifecycle point (install/replace opening, replace/remove closing)
  from_reading       INTEGER NOT NULL CHECK (from_reading IN (0,1)),
  to_reading         INTEGER NOT NULL CHECK (to_reading IN (0,1)),
  from_value         REAL NOT NULL,
  to_value           REAL NOT NULL,
  -- to_value - from_value in register units, as the dials show it
  delta              REAL NOT NULL CHECK (delta < 0),
  proposed           TEXT NOT NULL CHECK (proposed IN ('typo','rollover','replacement','accept')),
  suggestion_json    TEXT,
  proposed_digits    INTEGER,
  status             TEXT NOT NULL CHECK (status IN ('open','resolved')),
  resolution         TEXT CHECK (resolution IN ('typo','rollover','replacement','accept','cleared')),
  resolution_digits  INTEGER CHECK (resolution_digits IS NULL OR resolution_digits BETWEEN 1 AND 15),
  resolution_closing REAL,
  resolution_opening REAL,
  note               TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  resolved_by        TEXT,
  resolved_at        TEXT,
  CHECK ((status = 'open') = (resolution IS NULL)),
  CHECK ((status = 'open') = (resolved_at IS NULL)),
  CHECK ((resolution = 'replacement') = (resolution_closing IS NOT NULL AND resolution_opening IS NOT NULL)),
  UNIQUE (meter_id, interval_key)
);
CREATE INDEX meter_reviews_by_meter ON meter_reviews(meter_id, from_at);
CREATE INDEX meter_reviews_by_status ON meter_reviews(status, created_at);
`;
