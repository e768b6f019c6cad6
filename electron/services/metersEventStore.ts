// SQL of meter lifecycle events (install, replace, remove) and their mapping to the contract.
import type { MeterEvent } from '../../shared/contract/meters';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { iso, localText } from './metersStore';

export interface EventRow {
  id: string;
  meter_id: string;
  kind: 'install' | 'replace' | 'remove';
  at: number;
  closing: number | null;
  opening: number | null;
  multiplier: number | null;
  register_digits: number | null;
  serial: string | null;
  prev_multiplier: number | null;
  prev_digits: number | null;
  prev_serial: string | null;
  note: string;
  created_by: string;
  created_at: string;
}

/** A meter's events, oldest first. */
export function eventsOf(db: Db, meterId: string): EventRow[] {
  return prepared(db, 'SELECT * FROM meter_events WHERE meter_id = ? ORDER BY at').all(
    meterId,
  ) as EventRow[];
}

export function eventById(db: Db, id: string): EventRow | undefined {
  return prepared(db, 'SELECT * FROM meter_events WHERE id = ?').get(id) as EventRow | undefined;
}

export function insertEvent(db: Db, row: EventRow): void {
  prepared(
    db,
    `INSERT INTO meter_events (id, meter_id, kind, at, closing, opening, multiplier,
       register_digits, serial, prev_multiplier, prev_digits, prev_serial, note, created_by,
       created_at)
     VALUES (@id, @meter_id, @kind, @at, @closing, @opening, @multiplier, @register_digits,
       @serial, @prev_multiplier, @prev_digits, @prev_serial, @note, @created_by, @created_at)`,
  ).run(row);
}

export function deleteEventRow(db: Db, id: string): void {
  prepared(db, 'DELETE FROM meter_events WHERE id = ?').run(id);
}

export function toMeterEvent(row: EventRow, zone: string): MeterEvent {
  return {
    id: row.id,
    meterId: row.meter_id,
    kind: row.kind,
    at: iso(row.at),
    local: localText(row.at, zone),
    closing: row.closing,
    opening: row.opening,
    multiplier: row.multiplier,
    registerDigits: row.register_digits,
    serial: row.serial,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
