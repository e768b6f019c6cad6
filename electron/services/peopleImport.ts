// Imports headcounts or enterprise years from CSV/XLSX in two steps, as the asset import does: a
// dry run that reports every row's problems and writes nothing, then a commit of the valid rows
// (or of all rows or nothing). Both run the same code inside one transaction; the dry run rolls
// it back by throwing, so the preview cannot disagree with the commit. A row names its site by
// name or code (the column may be left out when there is one site) and its enterprise by code or
// name; an enterprise not on record yet is created. Rows repeating a key in the file are refused.
import { DeskError } from '../../shared/contract/errors';
import {
  importLimits,
  maxReportedProblems,
  type ImportProblem,
  type ImportReport,
} from '../../shared/contract/assetTransfer';
import type { ParsedInputOf } from '../../shared/contract';
import type { PeopleImportKind } from '../../shared/contract/people';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, newId, nowIso, writeAudit } from '../store/tx';
import {
  enterpriseNamed,
  headcountOf,
  insertEnterprise,
  setYear,
  upsertHeadcount,
  yearsOf,
} from './peopleStore';
import {
  headerOf,
  matchPeopleHeaders,
  peopleColumns,
  RowReader,
  SiteIndex,
  type PeopleKey,
} from './peopleSheet';
import { importReportOf } from './assetImport';
import { readTableFile } from './tableFile';
import { tableBytes } from './tableWrite';

type Outcome = 'created' | 'updated' | 'unchanged';
interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

class DryRunDone {
  constructor(readonly report: ImportReport) {}
}

function readSheet(kind: PeopleImportKind, fileName: string, content: string) {
  const table = readTableFile(fileName, content, importLimits);
  const headerRow = table.rows[0] ?? [];
  const match = matchPeopleHeaders(kind, headerRow);
  if (match.twice.length > 0) {
    const [a, b] = match.twice[0] ?? [];
    throw new DeskError('VALIDATION', `Two columns mean the same thing: "${a}" and "${b}".`, {
      duplicateHeaders: match.twice,
    });
  }
  const missing = peopleColumns[kind].filter((c) => c.required && !match.at.has(c.key));
  if (missing.length > 0) {
    const names = missing.map((c) => `${c.zh} (${c.en})`).join(', ');
    throw new DeskError('VALIDATION', `The file has no column for ${names}.`, {
      missingHeaders: missing.map((c) => c.en),
      foundHeaders: headerRow.slice(0, 50),
    });
  }
  if (!table.rows.slice(1).some((r) => r.some((c) => c.trim() !== ''))) {
    throw new DeskError('BAD_REQUEST', 'The file has a header row but no data rows.');
  }
  return { table, match };
}

/** A second row with the same key: which of the two the file means is not for the import to guess. */
function repeated(r: RowReader, seen: Set<string>, key: string, year: number): boolean {
  if (!seen.has(key)) {
    seen.add(key);
    return false;
  }
  r.problem('year', String(year), 'repeated in the file');
  return true;
}

/** Writes one headcount row; the outcome, or null when the row has problems. */
function headcountRow(ctx: Ctx, r: RowReader, sites: SiteIndex, seen: Set<string>): Outcome | null {
  const siteId = r.site(sites);
  const year = r.year();
  const groups = {
    students: r.number('students', true),
    staff: r.number('staff', true),
    residents: r.number('residents', true),
    others: r.number('others', true),
  };
  if (Object.values(groups).every((v) => v === null) && r.problems.length === 0) {
    r.problem('', '', 'no headcount in the row');
  }
  if (siteId === null || year === null || r.problems.length > 0) return null;
  if (repeated(r, seen, `${siteId}/${year}`, year)) return null;
  const row = {
    site_id: siteId,
    year,
    students: groups.students ?? 0,
    staff: groups.staff ?? 0,
    residents: groups.residents ?? 0,
    others: groups.others ?? 0,
  };
  const before = headcountOf(ctx.db, siteId, year);
  const same =
    before &&
    (['students', 'staff', 'residents', 'others'] as const).every((k) => before[k] === row[k]);
  if (same) return 'unchanged';
  upsertHeadcount(ctx.db, newId(), row);
  return before ? 'updated' : 'created';
}

function enterpriseRowOf(
  ctx: Ctx,
  r: RowReader,
  sites: SiteIndex,
  seen: Set<string>,
): Outcome | null {
  const siteId = r.site(sites);
  const year = r.year();
  const name = r.text('enterprise');
  const code = r.text('code');
  if (name === '') r.problem('enterprise', '', 'an enterprise name is required');
  if (name.length > 200 || code.length > 40) r.problem('enterprise', name, 'name or code too long');
  const valueAdded = r.number('valueAdded', false);
  const waterQuota = r.number('waterQuota', false);
  if (valueAdded === null && waterQuota === null && r.problems.length === 0) {
    r.problem('', '', 'neither value added nor water quota');
  }
  if (siteId === null || year === null || r.problems.length > 0) return null;
  if (repeated(r, seen, `${siteId}/${code || name}/${year}`, year)) return null;
  let enterprise = enterpriseNamed(ctx.db, siteId, code || name);
  let outcome: Outcome = 'updated';
  if (!enterprise) {
    const row = {
      id: newId(),
      site_id: siteId,
      code: code || null,
      name,
      place_id: null,
      notes: '',
    };
    insertEnterprise(ctx.db, row, nowIso());
    enterprise = enterpriseNamed(ctx.db, siteId, code || name);
    outcome = 'created';
  }
  const id = (enterprise as NonNullable<typeof enterprise>).id;
  const before = yearsOf(ctx.db, id).find((y) => y.year === year);
  if (before && before.valueAdded === valueAdded && before.waterQuota === waterQuota) {
    return 'unchanged';
  }
  if (!before && outcome !== 'created') outcome = 'created';
  setYear(ctx.db, id, year, valueAdded, waterQuota);
  return outcome;
}

function runImport(
  ctx: Ctx,
  input: ParsedInputOf<'people.importPreview'>,
  mode: 'preview' | 'valid' | 'all',
): Counts {
  const { table, match } = readSheet(input.kind, input.fileName, input.contentBase64);
  return inTransaction(ctx.db, () => {
    const sites = new SiteIndex(ctx.db);
    const counts: Counts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
    const problems: ImportProblem[] = [];
    const seen = new Set<string>();
    let rows = 0;
    table.rows.forEach((cells, index) => {
      if (index === 0 || !cells.some((c) => c.trim() !== '')) return;
      rows += 1;
      const reader = new RowReader(cells, index + 1, match);
      const outcome =
        input.kind === 'headcounts'
          ? headcountRow(ctx, reader, sites, seen)
          : enterpriseRowOf(ctx, reader, sites, seen);
      if (outcome === null) counts.skipped += 1;
      else counts[outcome] += 1;
      problems.push(...reader.problems);
    });
    if (mode === 'preview')
      throw new DryRunDone(importReportOf(table, rows, counts, problems, match.unknown));
    if (mode === 'all' && problems.length > 0) {
      const first = problems[0] as ImportProblem;
      throw new DeskError(
        'VALIDATION',
        `${counts.skipped} of ${rows} rows have problems, so nothing was imported. First: row ${first.row}, ${first.column || 'row'}: ${first.reason}.`,
        { problems: problems.slice(0, maxReportedProblems), problemCount: problems.length },
      );
    }
    writeAudit(ctx.db, {
      actor: ctx.actor,
      entity: 'import',
      entityId: newId(),
      action: 'create',
      after: {
        kind: input.kind,
        fileName: input.fileName,
        format: table.format,
        mode,
        rows,
        ...counts,
      },
      note: `导入 ${input.fileName}`,
    });
    return counts;
  });
}

const examples: Record<PeopleImportKind, Partial<Record<PeopleKey, string | number>>> = {
  headcounts: { year: 2025, students: 8600, staff: 650, residents: 200, others: 320 },
  enterprises: {
    enterprise: '示例精密机械有限公司',
    code: 'QY-001',
    year: 2025,
    valueAdded: 12500,
    waterQuota: 86000,
  },
};

export const peopleImportCalls: Handlers<
  'people.importPreview' | 'people.importCommit' | 'people.template'
> = {
  'people.importPreview': (input, ctx) => {
    try {
      runImport(ctx, input, 'preview');
    } catch (thrown) {
      if (thrown instanceof DryRunDone) return thrown.report;
      throw thrown;
    }
    throw new Error('the dry run did not roll back');
  },
  'people.importCommit': (input, ctx) => runImport(ctx, input, input.mode),
  'people.template': ({ kind, format, language }, ctx) => {
    const site = (
      prepared(
        ctx.db,
        `SELECT name FROM places WHERE kind = 'site' ORDER BY created_at, id LIMIT 1`,
      ).get() as { name: string } | undefined
    )?.name;
    const columns = peopleColumns[kind];
    const example: Partial<Record<PeopleKey, string | number>> = {
      ...examples[kind],
      site: site ?? '',
    };
    const bytes = tableBytes(format, {
      name: language === 'en' ? 'People' : kind === 'headcounts' ? '人数' : '企业',
      rows: [columns.map((c) => headerOf(c, language)), columns.map((c) => example[c.key] ?? null)],
      widths: columns.map((c) => Math.max(12, [...headerOf(c, language)].length * 2 + 2)),
    });
    const base = kind === 'headcounts' ? ['headcount', '人数'] : ['enterprise', '企业'];
    return {
      fileName: `${language === 'en' ? `${base[0]}-import-template` : `${base[1]}导入模板`}.${format}`,
      contentBase64: bytes.toString('base64'),
    };
  },
};
