// The place tree (one table, so subtree queries and moves are one recursive CTE rather than four
// joins) with per-kind views for readers who think in sites/buildings/floors/rooms, and the audit log.
export const sql = `
CREATE TABLE places (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('site','building','floor','room','area')),
  parent_id    TEXT REFERENCES places(id) ON DELETE RESTRICT,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  code         TEXT CHECK (code IS NULL OR length(code) BETWEEN 1 AND 40),
  area_m2      REAL CHECK (area_m2 IS NULL OR area_m2 >= 0),
  floor_number INTEGER,
  building_use TEXT,
  time_zone    TEXT,
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK ((kind = 'site') = (parent_id IS NULL))
);
CREATE INDEX places_by_parent ON places(parent_id, name);
CREATE UNIQUE INDEX places_code_in_parent ON places(ifnull(parent_id, ''), code) WHERE code IS NOT NULL;

CREATE VIEW sites     AS SELECT id, name, code, time_zone, notes FROM places WHERE kind = 'site';
CREATE VIEW buildings AS SELECT id, parent_id AS site_id, name, code, area_m2, building_use, notes
                         FROM places WHERE kind = 'building';
CREATE VIEW floors    AS SELECT id, parent_id AS building_id, name, floor_number, area_m2, notes
                         FROM places WHERE kind = 'floor';
CREATE VIEW rooms     AS SELECT id, parent_id, kind, name, code, area_m2, notes
                         FROM places WHERE kind IN ('room','area');

CREATE TABLE audit_log (
  id          TEXT PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('create','update','delete')),
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX audit_by_entity ON audit_log(entity, entity_id, at);
CREATE INDEX audit_by_time ON audit_log(at);
`;
