// SQL of the people tables: headcounts per site and year (migration 0020), enterprises with their
// years and meters (migration 0120), and their mapping to the contract. Standard persons are
// computed on read with the current weights, so changing a weight changes every figure at once.
import type { Enterprise, EnterpriseYear, Headcount } from '../../shared/contract/people';
import { standardPersons, type Weights } from '../../shared/domain/analytics';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { readSettings } from './settings';

export interface HeadcountRow {
  site_id: string;
  site_name: string;
  year: number;
  students: number;
  staff: number;
  residents: number;
  others: number;
}

export function toHeadcount(row: HeadcountRow, weights: Weights): Headcount {
  const groups = {
    students: row.students,
    staff: row.staff,
    residents: row.residents,
    others: row.others,
  };
  return {
    siteId: row.site_id,
    siteName: row.site_name,
    year: row.year,
    ...groups,
    standardPersons: standardPersons(groups, weights),
  };
}

const HEADCOUNT_SELECT = `SELECT h.site_id, s.name AS site_name, h.year, h.students, h.staff,
    h.residents, h.others
  FROM headcounts h JOIN places s ON s.id = h.site_id`;

export function listHeadcounts(
  db: Db,
  filter: { siteId?: string; fromYear?: number; toYear?: number },
): Headcount[] {
  const rows = prepared(
    db,
    `${HEADCOUNT_SELECT}
     WHERE (@siteId IS NULL OR h.site_id = @siteId)
       AND h.year >= @fromYear AND h.year <= @toYear
     ORDER BY s.name, h.site_id, h.year`,
  ).all({
    siteId: filter.siteId ?? null,
    fromYear: filter.fromYear ?? 0,
    toYear: filter.toYear ?? 9999,
  }) as HeadcountRow[];
  const weights = readSettings(db).standardPersonWeights;
  return rows.map((r) => toHeadcount(r, weights));
}

export function headcountOf(db: Db, siteId: string, year: number): HeadcountRow | undefined {
  return prepared(db, `${HEADCOUNT_SELECT} WHERE h.site_id = ? AND h.year = ?`).get(
    siteId,
    year,
  ) as HeadcountRow | undefined;
}

export function upsertHeadcount(db: Db, id: string, row: Omit<HeadcountRow, 'site_name'>): void {
  prepared(
    db,
    `INSERT INTO headcounts (id, site_id, year, students, staff, residents, others)
     VALUES (@id, @site_id, @year, @students, @staff, @residents, @others)
     ON CONFLICT (site_id, year) DO UPDATE SET students = excluded.students,
       staff = excluded.staff, residents = excluded.residents, others = excluded.others`,
  ).run({ id, ...row });
}

export function deleteHeadcount(db: Db, siteId: string, year: number): number {
  return prepared(db, 'DELETE FROM headcounts WHERE site_id = ? AND year = ?').run(siteId, year)
    .changes;
}

// ---- enterprises ------------------------------------------------------------------------------

export interface EnterpriseRow {
  id: string;
  site_id: string;
  site_name: string;
  code: string | null;
  name: string;
  place_id: string | null;
  place_name: string | null;
  notes: string;
}

const ENTERPRISE_SELECT = `SELECT e.id, e.site_id, s.name AS site_name, e.code, e.name,
    e.place_id, p.name AS place_name, e.notes
  FROM enterprises e JOIN places s ON s.id = e.site_id LEFT JOIN places p ON p.id = e.place_id`;

export function enterpriseRow(db: Db, id: string): EnterpriseRow | undefined {
  return prepared(db, `${ENTERPRISE_SELECT} WHERE e.id = ?`).get(id) as EnterpriseRow | undefined;
}

export function enterpriseRows(db: Db, siteId: string | null): EnterpriseRow[] {
  return prepared(
    db,
    `${ENTERPRISE_SELECT} WHERE (@siteId IS NULL OR e.site_id = @siteId)
     ORDER BY s.name, e.site_id, e.name`,
  ).all({ siteId }) as EnterpriseRow[];
}

/** An enterprise of a site by code, else by name (how an import row names it). */
export function enterpriseNamed(db: Db, siteId: string, key: string): EnterpriseRow | undefined {
  return prepared(
    db,
    `${ENTERPRISE_SELECT} WHERE e.site_id = @siteId AND (e.code = @key OR e.name = @key)
     ORDER BY e.code = @key DESC LIMIT 1`,
  ).get({ siteId, key }) as EnterpriseRow | undefined;
}

export function yearsOf(db: Db, enterpriseId: string): EnterpriseYear[] {
  return prepared(
    db,
    `SELECT year, value_added AS valueAdded, water_quota AS waterQuota
     FROM enterprise_years WHERE enterprise_id = ? ORDER BY year`,
  ).all(enterpriseId) as EnterpriseYear[];
}

export function metersOf(db: Db, enterpriseId: string): Enterprise['meters'] {
  return prepared(
    db,
    `SELECT a.id AS meterId, a.code, a.name, a.utility FROM enterprise_meters m
     JOIN assets a ON a.id = m.meter_id WHERE m.enterprise_id = ? ORDER BY a.code`,
  ).all(enterpriseId) as Enterprise['meters'];
}

export function toEnterprise(db: Db, row: EnterpriseRow): Enterprise {
  return {
    id: row.id,
    siteId: row.site_id,
    siteName: row.site_name,
    code: row.code,
    name: row.name,
    placeId: row.place_id,
    placeName: row.place_name,
    notes: row.notes,
    meters: metersOf(db, row.id),
    years: yearsOf(db, row.id),
  };
}

export function setYear(
  db: Db,
  enterpriseId: string,
  year: number,
  valueAdded: number | null,
  waterQuota: number | null,
): void {
  if (valueAdded === null && waterQuota === null) {
    prepared(db, 'DELETE FROM enterprise_years WHERE enterprise_id = ? AND year = ?').run(
      enterpriseId,
      year,
    );
    return;
  }
  prepared(
    db,
    `INSERT INTO enterprise_years (enterprise_id, year, value_added, water_quota)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (enterprise_id, year) DO UPDATE SET value_added = excluded.value_added,
       water_quota = excluded.water_quota`,
  ).run(enterpriseId, year, valueAdded, waterQuota);
}

export function insertEnterprise(
  db: Db,
  row: Omit<EnterpriseRow, 'site_name' | 'place_name'>,
  now: string,
): void {
  prepared(
    db,
    `INSERT INTO enterprises (id, site_id, code, name, place_id, notes, created_at, updated_at)
     VALUES (@id, @site_id, @code, @name, @place_id, @notes, @now, @now)`,
  ).run({ ...row, now });
}

export function updateEnterprise(
  db: Db,
  row: Pick<EnterpriseRow, 'id' | 'code' | 'name' | 'place_id' | 'notes'>,
  now: string,
): void {
  prepared(
    db,
    `UPDATE enterprises SET code = @code, name = @name, place_id = @place_id, notes = @notes,
       updated_at = @now WHERE id = @id`,
  ).run({ ...row, now });
}
