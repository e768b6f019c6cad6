// Settings (organisation name, thresholds, standard-person weights) as JSON values by key, and the
// yearly headcount of each site that per-capita figures divide by.
export const sql = `
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE headcounts (
  id        TEXT PRIMARY KEY,
  site_id   TEXT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
  year      INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  students  INTEGER NOT NULL DEFAULT 0 CHECK (students >= 0),
  staff     INTEGER NOT NULL DEFAULT 0 CHECK (staff >= 0),
  residents INTEGER NOT NULL DEFAULT 0 CHECK (residents >= 0),
  others    INTEGER NOT NULL DEFAULT 0 CHECK (others >= 0),
  UNIQUE (site_id, year)
);
`;
