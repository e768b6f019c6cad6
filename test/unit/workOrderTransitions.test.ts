// The work-order lifecycle table of shared/domain/workOrderTransitions.ts: every status's legal
// moves written out by hand, closed and cancelled terminal, an order on hold offered only the
// status it was held from (or cancelling), and canTransition agreeing with legalTransitions.
import { describe, expect, it } from 'vitest';
import {
  activeStatuses,
  canTransition,
  isActive,
  legalTransitions,
  workOrderStatuses,
  type WorkOrderStatus,
} from '../../shared/domain/workOrderTransitions';

const expected: Record<Exclude<WorkOrderStatus, 'on_hold'>, WorkOrderStatus[]> = {
  open: ['assigned', 'on_hold', 'cancelled'],
  assigned: ['in_progress', 'open', 'on_hold', 'cancelled'],
  in_progress: ['completed', 'assigned', 'on_hold', 'cancelled'],
  completed: ['verified', 'in_progress'],
  verified: ['closed'],
  closed: [],
  cancelled: [],
};

describe('the work-order lifecycle', () => {
  it.each(Object.entries(expected))('%s may move to exactly its listed statuses', (from, to) => {
    expect([...legalTransitions(from as WorkOrderStatus)].sort()).toEqual([...to].sort());
  });

  it('closed and cancelled are terminal', () => {
    for (const from of ['closed', 'cancelled'] as const) {
      expect(legalTransitions(from)).toEqual([]);
      for (const to of workOrderStatuses) expect(canTransition(from, to)).toBe(false);
    }
  });

  it.each(['open', 'assigned', 'in_progress'] as const)(
    'an order held from %s returns only there (or is cancelled)',
    (heldFrom) => {
      expect([...legalTransitions('on_hold', heldFrom)].sort()).toEqual(
        [heldFrom, 'cancelled'].sort(),
      );
      for (const to of workOrderStatuses) {
        expect(canTransition('on_hold', to, heldFrom)).toBe(to === heldFrom || to === 'cancelled');
      }
    },
  );

  it('an order on hold with no record of where it was returns to open', () => {
    expect([...legalTransitions('on_hold', null)].sort()).toEqual(['cancelled', 'open']);
    expect([...legalTransitions('on_hold', 'on_hold')].sort()).toEqual(['cancelled', 'open']);
  });

  it('the work can be put on hold and cancelled from every active status, never once done', () => {
    for (const from of workOrderStatuses) {
      const active = activeStatuses.includes(from);
      expect(isActive(from)).toBe(active);
      expect(canTransition(from, 'cancelled', 'open')).toBe(active);
      expect(canTransition(from, 'on_hold')).toBe(active && from !== 'on_hold');
    }
  });

  it('no status moves to itself, and canTransition agrees with legalTransitions everywhere', () => {
    for (const from of workOrderStatuses) {
      for (const heldFrom of [null, ...workOrderStatuses]) {
        const legal = legalTransitions(from, heldFrom);
        expect(legal).not.toContain(from);
        for (const to of workOrderStatuses) {
          expect(canTransition(from, to, heldFrom)).toBe(legal.includes(to));
        }
      }
    }
  });

  it('a completed order is reached only from in progress, and closing only after verifying', () => {
    const into = (target: WorkOrderStatus) =>
      workOrderStatuses.filter((from) => legalTransitions(from, 'in_progress').includes(target));
    expect(into('completed')).toEqual(['in_progress']);
    expect(into('verified')).toEqual(['completed']);
    expect(into('closed')).toEqual(['verified']);
  });
});
