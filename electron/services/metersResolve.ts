// The review queue's handlers: list it, and resolve an open item as staff decide —
//  - typo: correct one end's value (it must be a reading); the pair must then need no review,
//    else nothing is saved and the item stays open;
//  - rollover, replacement (closing/opening of an unrecorded swap), accept: the decision is stored
//    on the item and the pair's interval is re-spread under it; a decision that does not fit the
//    pair (a rollover where the values exceed the register, a closing below the first value) is
//    refused, so nothing is ever counted on a guess.
// Each resolution is one transaction with its re-spread and its audit entry.
import type { ReviewItem } from '../../shared/contract/meters';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { inTransaction, nowIso, writeAudit } from '../store/tx';
import { editReadingIn } from './metersReadings';
import {
  listReviews,
  reviewById,
  reviewItem,
  updateReview,
  type ReviewRow,
} from './metersReviewStore';
import { respread } from './metersSpread';
import { iso, requireMeter } from './metersStore';

type Method = 'meters.reviews' | 'meters.resolveReview';

function requireItem(ctx: Ctx, id: string): ReviewItem {
  const item = reviewItem(ctx.db, id);
  if (!item) throw new DeskError('INTERNAL', `Review ${id} vanished inside its transaction`);
  return item;
}

function requireOpen(ctx: Ctx, id: string): ReviewRow {
  const row = reviewById(ctx.db, id);
  if (!row) throw new DeskError('NOT_FOUND', `No review item with id ${id}`, { id });
  if (row.status !== 'open') {
    throw new DeskError(
      'CONFLICT',
      `该复核项已处理（${row.resolution ?? ''}） / This review item is already resolved (${row.resolution ?? ''})`,
      { reason: 'ALREADY_RESOLVED', id, resolution: row.resolution },
    );
  }
  return row;
}

function stillOpen(what: string, row: ReviewRow, code: 'CONFLICT' | 'VALIDATION'): DeskError {
  return new DeskError(
    code,
    `${what}：读数对 ${row.from_value} → ${row.to_value} 仍需复核 / ` +
      `${what}: the pair ${row.from_value} → ${row.to_value} would still need review`,
    { reason: 'STILL_IN_REVIEW', id: row.id },
  );
}

export const reviewMethods: Handlers<Method> = {
  'meters.reviews': ({ status, meterId, offset, limit }, ctx) =>
    listReviews(ctx.db, { status, meterId: meterId ?? null, offset, limit }),

  'meters.resolveReview': ({ id, resolution, note }, ctx) =>
    inTransaction(ctx.db, () => {
      const row = requireOpen(ctx, id);
      const meter = requireMeter(ctx.db, row.meter_id);
      const before = requireItem(ctx, id);
      const resolved = { status: 'resolved', resolved_by: ctx.actor, resolved_at: nowIso(), note };
      if (resolution.as === 'typo') {
        const end = resolution.reading;
        const at = end === 'from' ? row.from_at : row.to_at;
        if ((end === 'from' ? row.from_reading : row.to_reading) !== 1) {
          throw new DeskError(
            'VALIDATION',
            'Invalid input: resolution.reading: that end is an install or replacement value, not a reading',
            { issues: [{ path: 'resolution.reading', message: 'that end is not a reading' }] },
          );
        }
        editReadingIn(ctx, meter, at, { value: resolution.value });
        const after = reviewById(ctx.db, id);
        if (!after || after.status === 'open') throw stillOpen('更正后', after ?? row, 'CONFLICT');
        // The edit cleared the item; say that the correction was the decision.
        updateReview(ctx.db, { ...after, ...resolved, resolution: 'typo' } as ReviewRow);
      } else {
        respread(ctx, meter, { from: row.from_at, to: row.to_at }, () =>
          updateReview(ctx.db, {
            ...row,
            ...resolved,
            resolution: resolution.as,
            resolution_digits: resolution.as === 'rollover' ? (resolution.digits ?? null) : null,
            resolution_closing: resolution.as === 'replacement' ? resolution.closing : null,
            resolution_opening: resolution.as === 'replacement' ? resolution.opening : null,
          } as ReviewRow),
        );
        const after = reviewById(ctx.db, id);
        if (!after || after.status === 'open') {
          throw stillOpen(`“${resolution.as}”不适用`, row, 'VALIDATION');
        }
      }
      const item = requireItem(ctx, id);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'meter_review',
        entityId: meter.id,
        action: 'update',
        before: { code: meter.code, name: meter.name, ...before },
        after: { code: meter.code, name: meter.name, ...item },
        note: `复核 ${iso(row.from_at)} → ${iso(row.to_at)}: ${resolution.as}`,
      });
      return item;
    }),
};
