// Which meter each reference in a readings file names: a meter's code as the register has it
// (also with a unit in brackets after it, as wide sheets head their columns: 'W-101(m³)'), or
// its serial. A reference that names no meter is a problem on each of its rows (long sheets) or
// once on its column (wide sheets). References to the same meter are merged into one batch.
import type { Db } from '../store/tx';
import { problem, type ParsedSheet } from './readingImportSheet';

/**
 * One meter's readings from the file as parallel columns: sheet row, UTC ms, register value (or
 * interval amount) and estimated flag of each.
 */
export interface MeterBatch {
  meterId: string;
  code: string;
  /** The header naming the meter (wide: its own column), for the problems of its readings. */
  column: string;
  rows: number[];
  at: number[];
  value: number[];
  estimated: boolean[];
}

interface MeterRef {
  id: string;
  code: string;
  serial: string | null;
}

const withoutUnit = (ref: string) => ref.replace(/\s*[（(][^）)]*[）)]\s*$/, '').trim();

export function resolveRefs(db: Db, sheet: ParsedSheet): MeterBatch[] {
  const meters = db
    .prepare(`SELECT id, code, serial FROM assets WHERE kind = 'meter'`)
    .all() as MeterRef[];
  const byCode = new Map(meters.map((m) => [m.code, m]));
  const byLowerCode = new Map(meters.map((m) => [m.code.toLowerCase(), m]));
  const bySerial = new Map(
    meters.filter((m) => m.serial !== null).map((m) => [m.serial as string, m]),
  );
  const find = (ref: string): MeterRef | undefined => {
    if (ref.startsWith('serial:')) return bySerial.get(ref.slice(7));
    const plain = withoutUnit(ref);
    return (
      byCode.get(ref) ??
      byCode.get(plain) ??
      byLowerCode.get(plain.toLowerCase()) ??
      bySerial.get(plain)
    );
  };

  const batches = new Map<string, MeterBatch>();
  for (const list of sheet.refs.values()) {
    const meter = find(list.ref);
    const shown = list.ref.startsWith('serial:') ? list.ref.slice(7) : list.ref;
    if (!meter) {
      if (sheet.layout === 'wide') {
        sheet.problems.push(problem('unknown_meter', 1, list.ref, shown));
      } else {
        for (const row of list.rows) {
          sheet.problems.push(problem('unknown_meter', row, list.column, shown));
        }
      }
      continue;
    }
    const batch = batches.get(meter.id);
    if (!batch) {
      // The file's own arrays: a meter named one way only (the usual case) is not copied.
      batches.set(meter.id, {
        meterId: meter.id,
        code: meter.code,
        column: list.column,
        rows: list.rows,
        at: list.at,
        value: list.value,
        estimated: list.estimated,
      });
      continue;
    }
    batch.rows = batch.rows.concat(list.rows);
    batch.at = batch.at.concat(list.at);
    batch.value = batch.value.concat(list.value);
    batch.estimated = batch.estimated.concat(list.estimated);
  }
  return [...batches.values()];
}
