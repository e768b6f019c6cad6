// Area `sqlite`: this machine's raw better-sqlite3 limits — a bare prepared insert and a full scan
// of a meter-readings-shaped table. Nothing in the app can write or read rows faster than this, so
// other areas divide by these figures to get ratios that hold from one machine to the next.
import Database from 'better-sqlite3';
import { applyPragmas } from '../../electron/store/open';
import { removeDbFiles } from '../lib/tempdb';
import { msSince, nowNs } from '../lib/timing';
import type { Area, Ctx, Result } from '../lib/types';

export interface SqliteLimits {
  rows: number;
  insertRowsPerS: number;
  scanRowsPerS: number;
  bytesPerRow: number;
}

/**
 * Fixed rather than multiplied by --scale: the limit is a property of the machine, not of the demo
 * data, and a fixed size keeps it comparable between runs at different scales. A million rows takes
 * about a second here — long enough that timer and commit overheads vanish, short enough to rerun.
 */
const ROWS = 1_000_000;
const METERS = 1_000;
/** Best of several scans: the limit is what the machine can do, not what it did while busy. */
const SCANS = 3;

/** Measures both limits on a fresh file at `file`, then deletes it. */
export function measureSqliteLimits(file: string, rows = ROWS): SqliteLimits {
  const db = new Database(file);
  try {
    // The app's own pragmas (WAL, synchronous=NORMAL, …), so the limit is the app's ceiling and not
    // that of a configuration it never runs with.
    applyPragmas(db, false);
    db.exec(`CREATE TABLE readings (meter TEXT NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL,
                                    PRIMARY KEY (meter, ts)) WITHOUT ROWID`);
    const insert = db.prepare('INSERT INTO readings (meter, ts, value) VALUES (?, ?, ?)');
    const perMeter = Math.ceil(rows / METERS);
    const meters = Array.from({ length: METERS }, (_, m) => `M${String(m).padStart(5, '0')}`);
    // Meter-major, time-ascending: the key order, as an import of one meter's history writes it.
    // Values are fractional because SQLite stores integral REALs as integers, which would shrink
    // the rows and flatter the figure.
    const fill = db.transaction(() => {
      let written = 0;
      for (let m = 0; m < METERS && written < rows; m += 1) {
        let value = 1000 + m * 0.37;
        for (let k = 0; k < perMeter && written < rows; k += 1) {
          value += 0.125 + (k % 7) * 0.031;
          insert.run(meters[m], 1_700_000_000_000 + k * 900_000, value);
          written += 1;
        }
      }
    });
    const insertStart = nowNs();
    fill();
    const insertMs = msSince(insertStart);

    const size = db.prepare(
      'SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()',
    );
    const { bytes } = size.get() as { bytes: number };

    const scan = db.prepare('SELECT sum(value) AS total FROM readings');
    let bestScanMs = Infinity;
    for (let i = 0; i < SCANS; i += 1) {
      const start = nowNs();
      scan.get();
      bestScanMs = Math.min(bestScanMs, msSince(start));
    }
    return {
      rows,
      insertRowsPerS: rows / (insertMs / 1000),
      scanRowsPerS: rows / (bestScanMs / 1000),
      bytesPerRow: bytes / rows,
    };
  } finally {
    db.close();
    removeDbFiles(file);
  }
}

const measured = new WeakMap<Ctx, SqliteLimits>();

/**
 * The limits for this run, measured on first use. Any area that reports a ratio calls this, so
 * `--only <area>` still compares against a limit taken on the same machine in the same run, and a
 * full run measures it once.
 */
export function sqliteLimits(ctx: Ctx): SqliteLimits {
  let limits = measured.get(ctx);
  if (!limits) {
    ctx.log(
      `sqlite: measuring the bare insert and full-scan limits (${ROWS.toLocaleString('en-US')} rows)`,
    );
    limits = measureSqliteLimits(ctx.tempFile('sqlite-limits.db'));
    measured.set(ctx, limits);
  }
  return limits;
}

export const sqliteArea: Area = {
  name: 'sqlite',
  run(ctx): Result[] {
    const limits = sqliteLimits(ctx);
    return [
      { name: 'sqlite.insert.rows', value: limits.rows, unit: 'rows' },
      { name: 'sqlite.insert.rows_per_s', value: limits.insertRowsPerS, unit: 'rows/s' },
      { name: 'sqlite.insert.bytes_per_row', value: limits.bytesPerRow, unit: 'B' },
      { name: 'sqlite.scan.rows_per_s', value: limits.scanRowsPerS, unit: 'rows/s' },
    ];
  },
};
