// The asset register: one row per asset with the core record and the sparse columns of each kind
// (one table keeps paging, sorting and searching across kinds a single indexed query), and a
// trigram full-text index over code, name, serial and notes for Chinese substring search.
export const sql = `
CREATE TABLE assets (
  id               TEXT PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
  name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind             TEXT NOT NULL CHECK (kind IN ('fixture','irrigation_zone','meter','equipment')),
  place_id         TEXT REFERENCES places(id) ON DELETE RESTRICT,
  status           TEXT NOT NULL DEFAULT 'in_service'
                   CHECK (status IN ('in_service','faulty','under_repair','standby','retired')),
  install_date     TEXT,
  notes            TEXT NOT NULL DEFAULT '',
  custom_json      TEXT NOT NULL DEFAULT '{}',
  -- light fixture
  lamp_type        TEXT,
  rated_power_w    REAL,
  previous_power_w REAL,
  rated_life_h     REAL,
  daily_hours      REAL,
  last_replaced    TEXT,
  -- irrigation zone
  green_area_m2    REAL,
  irrigation_method TEXT,
  plant_type       TEXT,
  controller_id    TEXT,
  linked_meter_id  TEXT REFERENCES assets(id) ON DELETE SET NULL,
  schedule_days    TEXT,
  schedule_start   TEXT,
  schedule_minutes INTEGER,
  precip_rate_mm_h REAL,
  -- meter
  utility          TEXT,
  meter_level      INTEGER,
  parent_meter_id  TEXT REFERENCES assets(id) ON DELETE RESTRICT,
  unit             TEXT,
  multiplier       REAL,
  register_digits  INTEGER,
  serial           TEXT,
  -- equipment
  equipment_type   TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX assets_by_place ON assets(place_id);
CREATE INDEX assets_by_kind_code ON assets(kind, code);
CREATE INDEX assets_by_status ON assets(status, code);
CREATE INDEX assets_by_name ON assets(name);
CREATE INDEX assets_by_install ON assets(install_date);
CREATE INDEX assets_by_lamp ON assets(lamp_type, code) WHERE lamp_type IS NOT NULL;
CREATE INDEX assets_by_parent_meter ON assets(parent_meter_id) WHERE parent_meter_id IS NOT NULL;
CREATE INDEX assets_by_serial ON assets(serial) WHERE serial IS NOT NULL;

CREATE VIRTUAL TABLE assets_fts USING fts5(
  code, name, serial, notes,
  content = 'assets', content_rowid = 'rowid', tokenize = 'trigram'
);
-- One- and two-character fragments: a word index of each text's characters and character pairs
-- (desk_grams, registered by the app on every connection; see shared/domain/searchGrams.ts).
CREATE VIRTUAL TABLE assets_grams USING fts5(
  grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN
  INSERT INTO assets_fts(rowid, code, name, serial, notes)
  VALUES (new.rowid, new.code, new.name, ifnull(new.serial, ''), new.notes);
  INSERT INTO assets_grams(rowid, grams)
  VALUES (new.rowid, desk_grams(new.code || ' ' || new.name || ' ' || ifnull(new.serial, '') || ' ' || new.notes));
END;
CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
  INSERT INTO assets_fts(assets_fts, rowid, code, name, serial, notes)
  VALUES ('delete', old.rowid, old.code, old.name, ifnull(old.serial, ''), old.notes);
  DELETE FROM assets_grams WHERE rowid = old.rowid;
END;
CREATE TRIGGER assets_fts_update AFTER UPDATE OF code, name, serial, notes ON assets BEGIN
  INSERT INTO assets_fts(assets_fts, rowid, code, name, serial, notes)
  VALUES ('delete', old.rowid, old.code, old.name, ifnull(old.serial, ''), old.notes);
  INSERT INTO assets_fts(rowid, code, name, serial, notes)
  VALUES (new.rowid, new.code, new.name, ifnull(new.serial, ''), new.notes);
  DELETE FROM assets_grams WHERE rowid = old.rowid;
  INSERT INTO assets_grams(rowid, grams)
  VALUES (new.rowid, desk_grams(new.code || ' ' || new.name || ' ' || ifnull(new.serial, '') || ' ' || new.notes));
END;
`;
