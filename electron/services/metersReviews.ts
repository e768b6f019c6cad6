// Keeping the review queue in step with a window's intervals after a change (called by respread in
// the same transaction). One row per reading pair, keyed by the engine's interval key:
//  - a review interval (an unexplained negative delta) gets an open row, or updates or reopens
//    its pair's row with the values and proposal of now;
//  - a pair counted under a staff resolution keeps its resolved row;
//  - any other row of the window whose pair changed, vanished or no longer needs review is
//    resolved as 'cleared' (a typo fixed by editing, a reading deleted, a pair split in two),
//    so nothing stays open for a pair that is gone and the decision history stays readable.
import {
  intervalKey,
  type ConsumptionInterval,
  type ReviewNote,
} from '../../shared/domain/consumption';
import type { Ctx } from '../context';
import { newId, nowIso } from '../store/tx';
import { endValues, type MeterState } from './metersSpread';
import { insertReview, updateReview, type ReviewRow } from './metersReviewStore';
import type { Meter } from './metersStore';

type PairFields = Pick<
  ReviewRow,
  | 'interval_key'
  | 'from_at'
  | 'to_at'
  | 'from_reading'
  | 'to_reading'
  | 'from_value'
  | 'to_value'
  | 'delta'
  | 'proposed'
  | 'suggestion_json'
  | 'proposed_digits'
>;

const UNRESOLVED = {
  status: 'open',
  resolution: null,
  resolution_digits: null,
  resolution_closing: null,
  resolution_opening: null,
  resolved_by: null,
  resolved_at: null,
} as const;

function pairFields(
  i: ConsumptionInterval,
  note: ReviewNote,
  valueAt: ReturnType<typeof endValues>,
): PairFields {
  const fromAt = Date.parse(i.from);
  const toAt = Date.parse(i.to);
  const fromValue = valueAt('from', fromAt, i.fromReadingId !== null);
  const toValue = valueAt('to', toAt, i.toReadingId !== null);
  if (fromValue === undefined || toValue === undefined) {
    throw new Error(`review pair ${intervalKey(i)} has an end the state does not hold`);
  }
  return {
    interval_key: intervalKey(i),
    from_at: fromAt,
    to_at: toAt,
    from_reading: i.fromReadingId !== null ? 1 : 0,
    to_reading: i.toReadingId !== null ? 1 : 0,
    from_value: fromValue,
    to_value: toValue,
    delta: note.delta,
    proposed: note.proposed,
    suggestion_json: note.suggestion ? JSON.stringify(note.suggestion) : null,
    proposed_digits: note.digits ?? null,
  };
}

const samePair = (row: ReviewRow, f: PairFields): boolean =>
  (Object.keys(f) as (keyof PairFields)[]).every((k) => row[k] === f[k]);

export function reconcileReviews(
  ctx: Ctx,
  meter: Meter,
  rows: readonly ReviewRow[],
  after: MeterState,
  intervals: readonly ConsumptionInterval[],
): void {
  const byKey = new Map(rows.map((r) => [r.interval_key, r]));
  const kept = new Set<string>();
  let valueAt: ReturnType<typeof endValues> | undefined;
  const now = nowIso();
  for (const i of intervals) {
    if (!i.review) continue;
    const key = intervalKey(i);
    kept.add(key);
    // Counted under a staff decision that still fits: its row stays as resolved.
    if (i.review.resolution) continue;
    valueAt ??= endValues(after);
    const fields = pairFields(i, i.review, valueAt);
    const row = byKey.get(key);
    if (!row) {
      insertReview(ctx.db, {
        id: newId(),
        meter_id: meter.id,
        ...fields,
        ...UNRESOLVED,
        note: '',
        created_at: now,
      });
    } else if (row.status !== 'open' || !samePair(row, fields)) {
      updateReview(ctx.db, { ...row, ...fields, ...UNRESOLVED });
    }
  }
  for (const row of rows) {
    if (kept.has(row.interval_key)) continue;
    if (row.status === 'resolved' && (row.resolution === 'typo' || row.resolution === 'cleared')) {
      continue;
    }
    updateReview(ctx.db, {
      ...row,
      status: 'resolved',
      resolution: 'cleared',
      resolution_digits: null,
      resolution_closing: null,
      resolution_opening: null,
      resolved_by: ctx.actor,
      resolved_at: now,
    });
  }
}
