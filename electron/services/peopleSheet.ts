// The columns of the people spreadsheets — headcounts (site, year, the four groups) and enterprise
// years (site, enterprise, code, year, value added, water quota) — with their Chinese and English
// headers and the spellings an import accepts (matched as the asset sheet does: ignoring case,
// spaces, brackets and punctuation), and the reading of one row into values or problems.
import type { ImportProblem, SheetLanguage } from '../../shared/contract/assetTransfer';
import type { PeopleImportKind } from '../../shared/contract/people';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { normaliseHeader } from './assetSheetColumns';

export type PeopleKey =
  | 'site'
  | 'year'
  | 'students'
  | 'staff'
  | 'residents'
  | 'others'
  | 'enterprise'
  | 'code'
  | 'valueAdded'
  | 'waterQuota';

export interface PeopleColumn {
  key: PeopleKey;
  zh: string;
  en: string;
  aliases: readonly string[];
  required: boolean;
}

const col = (key: PeopleKey, zh: string, en: string, aliases: string[], required = false) => ({
  key,
  zh,
  en,
  aliases,
  required,
});

const site = col('site', '校区/园区', 'Site', ['校区', '园区', '场所', 'campus', 'park']);
const year = col('year', '年份', 'Year', ['年度'], true);

export const peopleColumns: Record<PeopleImportKind, readonly PeopleColumn[]> = {
  headcounts: [
    site,
    year,
    col('students', '学生', 'Students', ['学生人数', '在校生']),
    col('staff', '教职工', 'Staff', ['教职工人数', '职工', '员工']),
    col('residents', '其他常住人员', 'Residents', ['常住人员', '住户', '家属']),
    col('others', '其他人员', 'Others', ['其他', '非住宿人员', '临时人员', '外来人员']),
  ],
  enterprises: [
    site,
    col('enterprise', '企业名称', 'Enterprise', ['企业', '单位', '单位名称', 'name'], true),
    col('code', '企业编号', 'Enterprise code', ['编号', 'code']),
    year,
    col('valueAdded', '工业增加值(万元)', 'Value added (10,000 CNY)', [
      '工业增加值',
      'value added',
    ]),
    col('waterQuota', '用水定额(m³)', 'Water quota (m³)', [
      '用水定额',
      '年用水定额',
      'water quota',
    ]),
  ],
};

export const headerOf = (c: PeopleColumn, lang: SheetLanguage) => (lang === 'en' ? c.en : c.zh);

export interface HeaderMatch {
  /** Column key → its index in the row and its header as written. */
  at: Map<PeopleKey, { index: number; header: string }>;
  unknown: string[];
  twice: string[][];
}

export function matchPeopleHeaders(kind: PeopleImportKind, row: readonly string[]): HeaderMatch {
  const byHeader = new Map<string, PeopleColumn>();
  for (const c of peopleColumns[kind]) {
    for (const s of [c.key, c.zh, c.en, ...c.aliases]) byHeader.set(normaliseHeader(s), c);
  }
  const match: HeaderMatch = { at: new Map(), unknown: [], twice: [] };
  row.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') return;
    const column = byHeader.get(normaliseHeader(header));
    if (!column) return void match.unknown.push(header);
    const first = match.at.get(column.key);
    if (first) return void match.twice.push([first.header, header]);
    match.at.set(column.key, { index, header });
  });
  return match;
}

/** Sites by name and by code; a key naming two different sites is ambiguous. */
export class SiteIndex {
  private readonly byKey = new Map<string, string[]>();
  readonly only: string | null;

  constructor(db: Db) {
    const sites = prepared(
      db,
      `SELECT id, name, code FROM places WHERE kind = 'site' ORDER BY name`,
    ).all() as { id: string; name: string; code: string | null }[];
    for (const s of sites) {
      for (const key of new Set([s.name, s.code].filter((k): k is string => !!k))) {
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), s.id]);
      }
    }
    this.only = sites.length === 1 ? (sites[0]?.id ?? null) : null;
  }

  find(key: string): string | 'ambiguous' | null {
    const ids = this.byKey.get(key.trim()) ?? [];
    return ids.length === 1 ? (ids[0] as string) : ids.length > 1 ? 'ambiguous' : null;
  }
}

/** One row's cells by key, with the problems of reading them. */
export class RowReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly cells: readonly string[],
    private readonly row: number,
    private readonly match: HeaderMatch,
  ) {}

  text(key: PeopleKey): string {
    const at = this.match.at.get(key);
    return at ? (this.cells[at.index] ?? '').trim() : '';
  }

  problem(key: PeopleKey | '', value: string, reason: string): void {
    const column = key === '' ? '' : (this.match.at.get(key)?.header ?? '');
    this.problems.push({ row: this.row, column, value, reason });
  }

  /** A number ≥ 0 (thousands separators allowed), null for an empty cell. */
  number(key: PeopleKey, integer: boolean): number | null {
    const raw = this.text(key);
    if (raw === '') return null;
    const value = Number(raw.replace(/[,，\s]/g, ''));
    if (!Number.isFinite(value) || value < 0 || value > 1e12) {
      this.problem(key, raw, 'not a number ≥ 0');
      return null;
    }
    if (integer && !Number.isInteger(value)) {
      this.problem(key, raw, 'not a whole number');
      return null;
    }
    return value;
  }

  year(): number | null {
    const value = this.number('year', true);
    if (value === null) {
      if (this.text('year') === '') this.problem('year', '', 'a year is required');
      return null;
    }
    if (value < 1900 || value > 2200) {
      this.problem('year', this.text('year'), 'not a year from 1900 to 2200');
      return null;
    }
    return value;
  }

  site(sites: SiteIndex): string | null {
    const raw = this.text('site');
    if (raw === '') {
      if (sites.only !== null) return sites.only;
      this.problem('site', '', 'a site is required (there is more than one)');
      return null;
    }
    const found = sites.find(raw);
    if (found === 'ambiguous') this.problem('site', raw, 'two sites have this name or code');
    else if (found === null) this.problem('site', raw, 'unknown site');
    return found === 'ambiguous' ? null : found;
  }
}
