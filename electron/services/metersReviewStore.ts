// SQL of the review queue (meter_reviews) and its mapping to the contract's ReviewItem.
import type { ReviewItem } from '../../shared/contract/meters';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { iso, METER_SELECT, type Window } from './metersStore';

export interface ReviewRow {
  id: string;
  meter_id: string;
  interval_key: string;
  from_at: number;
  to_at: number;
  from_reading: 0 | 1;
  to_reading: 0 | 1;
  from_value: number;
  to_value: number;
  delta: number;
  proposed: ReviewItem['proposed'];
  suggestion_json: string | null;
  proposed_digits: number | null;
  status: 'open' | 'resolved';
  resolution: ReviewItem['resolution'];
  resolution_digits: number | null;
  resolution_closing: number | null;
  resolution_opening: number | null;
  note: string;
  created_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

/** Rows whose pair lies inside the window (the engine's `within` rule). */
export function reviewRowsIn(db: Db, meterId: string, w: Window): ReviewRow[] {
  return prepared(
    db,
    `SELECT * FROM meter_reviews
     WHERE meter_id = @meterId AND from_at >= @from AND to_at <= @to ORDER BY from_at`,
  ).all({
    meterId,
    from: w.from ?? Number.MIN_SAFE_INTEGER,
    to: w.to ?? Number.MAX_SAFE_INTEGER,
  }) as ReviewRow[];
}

export function reviewById(db: Db, id: string): ReviewRow | undefined {
  return prepared(db, 'SELECT * FROM meter_reviews WHERE id = ?').get(id) as ReviewRow | undefined;
}

const COLUMNS = [
  'interval_key',
  'from_at',
  'to_at',
  'from_reading',
  'to_reading',
  'from_value',
  'to_value',
  'delta',
  'proposed',
  'suggestion_json',
  'proposed_digits',
  'status',
  'resolution',
  'resolution_digits',
  'resolution_closing',
  'resolution_opening',
  'note',
  'resolved_by',
  'resolved_at',
] as const;

export function insertReview(db: Db, row: ReviewRow): void {
  prepared(
    db,
    `INSERT INTO meter_reviews (id, meter_id, created_at, ${COLUMNS.join(', ')})
     VALUES (@id, @meter_id, @created_at, ${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  ).run(row);
}

/** Writes every column but the identity and creation time. */
export function updateReview(db: Db, row: ReviewRow): void {
  prepared(
    db,
    `UPDATE meter_reviews SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
  ).run(row);
}

interface ReviewListRow extends ReviewRow {
  code: string;
  name: string;
  unit: string | null;
  place_label: string | null;
}

export function toReviewItem(row: ReviewListRow): ReviewItem {
  return {
    id: row.id,
    meterId: row.meter_id,
    meterCode: row.code,
    meterName: row.name,
    placeName: row.place_label,
    unit: row.unit,
    from: { at: iso(row.from_at), value: row.from_value, reading: row.from_reading === 1 },
    to: { at: iso(row.to_at), value: row.to_value, reading: row.to_reading === 1 },
    delta: row.delta,
    proposed: row.proposed,
    suggestion: row.suggestion_json
      ? (JSON.parse(row.suggestion_json) as ReviewItem['suggestion'])
      : null,
    proposedDigits: row.proposed_digits,
    status: row.status,
    resolution: row.resolution,
    resolutionDigits: row.resolution_digits,
    resolutionClosing: row.resolution_closing,
    resolutionOpening: row.resolution_opening,
    note: row.note,
    createdAt: row.created_at,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
  };
}

const LIST_FROM = `FROM meter_reviews r JOIN (${METER_SELECT}) m ON m.id = r.meter_id
  WHERE r.status = @status AND (@meterId IS NULL OR r.meter_id = @meterId)`;

export function listReviews(
  db: Db,
  q: { status: 'open' | 'resolved'; meterId: string | null; offset: number; limit: number },
): { items: ReviewItem[]; total: number } {
  const total = (
    prepared(db, `SELECT count(*) AS n ${LIST_FROM}`).get({
      status: q.status,
      meterId: q.meterId,
    }) as { n: number }
  ).n;
  // Open items oldest first (the queue); resolved ones newest first (what was just done).
  const order = q.status === 'open' ? 'r.created_at, r.id' : 'r.resolved_at DESC, r.id DESC';
  const rows = prepared(
    db,
    `SELECT r.*, m.code, m.name, m.unit, m.place_label ${LIST_FROM}
     ORDER BY ${order} LIMIT @limit OFFSET @offset`,
  ).all(q) as ReviewListRow[];
  return { items: rows.map(toReviewItem), total };
}

export function reviewItem(db: Db, id: string): ReviewItem | undefined {
  const row = prepared(
    db,
    `SELECT r.*, m.code, m.name, m.unit, m.place_label
     FROM meter_reviews r JOIN (${METER_SELECT}) m ON m.id = r.meter_id WHERE r.id = ?`,
  ).get(id) as ReviewListRow | undefined;
  return row ? toReviewItem(row) : undefined;
}
