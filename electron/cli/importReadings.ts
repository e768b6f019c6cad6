// `npm run cli -- import-readings --db PATH FILE [--zone ZONE] [--dry-run] [--values interval]`:
// the reading import for IT staff (a metering platform's export, a scheduled job). With --dry-run
// it prints the report — counts, problems by kind, the first problems by row — and writes
// nothing; otherwise it imports all or nothing and prints one line. Exits 1 when the file has
// errors (or the import was refused), 2 on wrong usage. Runs the same importReadings as the app.
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../shared/contract/errors';
import { ReadingValueKind, type ReadingImportReport } from '../../shared/contract/readingImport';
import { TimeZone } from '../../shared/contract/common';
import { defaultOperator, openCore } from '../core';
import { resolveDbPath } from '../paths';
import { importReadings } from '../services/readingImport';
import { readArgs } from './args';

const USAGE =
  'usage: npm run cli -- import-readings --db PATH FILE [--zone ZONE] [--dry-run] ' +
  '[--values cumulative|interval] [--operator NAME]';

/** Problems printed by a dry run; the counts by kind cover all of them. */
const SHOWN = 50;

export function formatReport(report: ReadingImportReport): string {
  const lines = [
    `${report.format}/${report.encoding}, ${report.layout} layout, ${report.values} values` +
      (report.zone ? `, wall times read in ${report.zone}` : ''),
    `rows ${report.rows}, readings ${report.readings}, meters ${report.meters}, ` +
      `new ${report.inserts}, unchanged ${report.unchanged}` +
      (report.from ? `, ${report.from} – ${report.to}` : ''),
  ];
  const kinds = Object.entries(report.byKind).filter(([, n]) => n > 0);
  if (kinds.length > 0) lines.push(`problems: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (report.zoneNeeded) lines.push('the timestamps carry no zone: give one with --zone');
  for (const p of report.problems.slice(0, SHOWN)) {
    lines.push(
      `  row ${p.row}${p.column ? ` [${p.column}]` : ''} ${p.severity}: ${p.reason}` +
        (p.value ? ` (${p.value})` : ''),
    );
  }
  if (report.problemCount > SHOWN) lines.push(`  … and ${report.problemCount - SHOWN} more`);
  lines.push(report.canCommit ? 'ready to import' : 'cannot be imported as it is');
  return lines.join('\n');
}

export function runImportReadings(argv: string[]): number {
  const { values, positionals } = readArgs(argv, {
    db: { type: 'string' },
    zone: { type: 'string' },
    values: { type: 'string', default: 'cumulative' },
    'dry-run': { type: 'boolean', default: false },
    operator: { type: 'string' },
  });
  const [file, ...more] = positionals;
  const kind = ReadingValueKind.safeParse(values.values);
  const zone = values.zone === undefined ? undefined : TimeZone.safeParse(values.zone);
  if (!file || more.length > 0 || !kind.success || (zone && !zone.success)) {
    if (zone && !zone.success) console.error(`Unknown time zone: ${values.zone}`);
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`No file at ${file}`);
    return 1;
  }
  const dbFile = resolveDbPath(values.db);
  if (!fs.existsSync(dbFile)) {
    console.error(`No database at ${dbFile}`);
    return 1;
  }
  const api = openCore(dbFile, { operator: values.operator ?? defaultOperator() });
  const started = Date.now();
  // Progress goes to a terminal, or anywhere when asked for (a scheduled job's log, a test).
  const tty = process.stderr.isTTY === true || process.env.UTILITY_DESK_PROGRESS === '1';
  let shown = 0;
  try {
    const { report, result } = importReadings(
      { core: api.core, db: api.core.db, actor: api.core.operator },
      {
        fileName: path.basename(file),
        contentBase64: fs.readFileSync(file).toString('base64'),
        zone: zone?.success ? zone.data : undefined,
        values: kind.data,
        dryRun: values['dry-run'] === true,
      },
      {
        progress(phase, done, total) {
          if (!tty || Date.now() - shown < 500) return;
          shown = Date.now();
          process.stderr.write(`\r${phase} ${done}/${total}   `);
        },
      },
    );
    if (tty && shown > 0) process.stderr.write('\n');
    if (!result) {
      console.log(formatReport(report));
      return report.canCommit ? 0 : 1;
    }
    console.log(
      `imported ${result.inserted} readings of ${result.meters} meters ` +
        `(${result.unchanged} unchanged, ${result.reviews} to review) from ${file} ` +
        `into ${dbFile} in ${Date.now() - started} ms`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DeskError)) throw error;
    console.error(`${error.code}: ${error.message}`);
    const report = (error.details as { report?: ReadingImportReport } | undefined)?.report;
    if (report) console.error(formatReport(report));
    return 1;
  } finally {
    api.core.db.close();
  }
}
