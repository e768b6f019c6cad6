// Human-facing numbers: WO-2026-00042 for work orders, BX-2026-00007 for repair requests. One
// counter row per series and year, bumped inside the caller's transaction, so two writers never
// get the same number and a rolled-back write gives its number back.
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';

export type NumberSeries = 'WO' | 'BX';

export function nextNumber(db: Db, series: NumberSeries, year: number): string {
  const key = `${series}-${year}`;
  const row = prepared(
    db,
    `INSERT INTO number_counters (series, last) VALUES (?, 1)
     ON CONFLICT (series) DO UPDATE SET last = last + 1
     RETURNING last`,
  ).get(key) as { last: number };
  return `${key}-${String(row.last).padStart(5, '0')}`;
}
