// People and analytics (issue 7): the park's enterprises with their yearly industrial value added
// and water quota and the meters that measure them, the consumption targets the dashboard draws
// as a line, and which repair request a leak alert was turned into (so one alert makes one
// request, and the alert list can show it).
//
// No index on meter_daily is added: every analytics query reads a known set of meters over a day
// range, which is exactly the table's primary key (meter_id, day) — a WITHOUT ROWID table, so the
// amount sits in the key's own B-tree and a second index would only slow every reading written.
export const sql = `
CREATE TABLE enterprises (
  id         TEXT PRIMARY KEY,
  site_id    TEXT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
  code       TEXT CHECK (code IS NULL OR length(code) BETWEEN 1 AND 40),
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Where the tenant sits (a building or an area of the park), for lists and repair requests.
  place_id   TEXT REFERENCES places(id) ON DELETE SET NULL,
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (site_id, name)
);
CREATE UNIQUE INDEX enterprises_code_in_site ON enterprises(site_id, code) WHERE code IS NOT NULL;

-- Per enterprise and calendar year: industrial value added in 10,000 CNY (万元) and the water
-- quota in m³ for the year. Either may be unknown (NULL) while the other is filled in.
CREATE TABLE enterprise_years (
  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  value_added   REAL CHECK (value_added IS NULL OR value_added >= 0),
  water_quota   REAL CHECK (water_quota IS NULL OR water_quota >= 0),
  PRIMARY KEY (enterprise_id, year)
) WITHOUT ROWID;

-- The meters that measure an enterprise's use; a meter belongs to one enterprise at most. Its
-- utility says whether it is fresh (water) or reused (reclaimed_water) water.
CREATE TABLE enterprise_meters (
  meter_id      TEXT PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX enterprise_meters_by_enterprise ON enterprise_meters(enterprise_id, meter_id);

-- A site's target for a utility and year: a total (m³ or kWh) and/or a per-capita figure per
-- year (m³ or kWh per standard person), drawn as a line with the gap shown.
CREATE TABLE consumption_targets (
  site_id    TEXT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
  utility    TEXT NOT NULL CHECK (utility IN ('water','reclaimed_water','electricity')),
  year       INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  total      REAL CHECK (total IS NULL OR total >= 0),
  per_capita REAL CHECK (per_capita IS NULL OR per_capita >= 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (site_id, utility, year)
) WITHOUT ROWID;

-- Alerts are computed from the readings, not stored; an alert is named by its site and the first
-- night of its run, and this row remembers the request it became.
CREATE TABLE leak_alert_requests (
  site_id     TEXT NOT NULL REFERENCES places(id) ON DELETE CASCADE,
  start_night TEXT NOT NULL CHECK (start_night GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  request_id  TEXT NOT NULL UNIQUE REFERENCES repair_requests(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (site_id, start_night)
) WITHOUT ROWID;
`;
