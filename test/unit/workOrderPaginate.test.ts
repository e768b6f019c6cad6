// Pagination of printed work orders (renderer/src/pages/print/workOrders/paginate.ts) with made-up
// heights and a monospace text measure: blocks never split and headings stay with what follows,
// rows split between rows with their column header repeated, text splits between lines, every
// later sheet starts with the running header, nothing is lost or repeated, and nothing overflows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  pagesOf,
  paginateOrder,
  type Metrics,
  type Sheet,
  type TextMeasure,
  type Unit,
} from '../../renderer/src/pages/print/workOrders/paginate';

const metrics: Metrics = {
  capacity: 1000,
  continuation: 40,
  groupHead: { assets: 30, checklist: 0 },
  lineHeight: 20,
};

/** 50 characters a line, 20 px a line; lines break anywhere. */
function monospace(lengths: Record<string, number>): TextMeasure {
  const lines = (n: number) => Math.ceil(n / 50);
  return {
    height: (_id, from, to) => lines(to - from) * 20,
    fit: (id, from, room) => Math.min(lengths[id] ?? 0, from + Math.floor(room / 20) * 50),
  };
}

function heightOf(sheet: Sheet, units: readonly Unit[], text: TextMeasure, first: boolean) {
  let used = first ? 0 : metrics.continuation;
  for (const piece of sheet.pieces) {
    if (piece.kind === 'block') {
      const unit = units.find((u) => u.kind === 'block' && u.id === piece.id);
      used += unit?.kind === 'block' ? unit.height : 0;
    } else if (piece.kind === 'rows') {
      const unit = units.find((u) => u.kind === 'rows' && u.group === piece.group);
      const rows = unit?.kind === 'rows' ? unit.heights.slice(piece.from, piece.to) : [];
      used += metrics.groupHead[piece.group] + rows.reduce((a, b) => a + b, 0);
    } else {
      used += text.height(piece.id, piece.from, piece.to);
    }
  }
  return used;
}

describe('paginateOrder', () => {
  it('keeps a short order on one sheet', () => {
    const units: Unit[] = [
      { kind: 'block', id: 'header', height: 100 },
      { kind: 'block', id: 'signoff', height: 80 },
    ];
    const sheets = paginateOrder(units, metrics, monospace({}));
    expect(sheets).toEqual([
      {
        pieces: [
          { kind: 'block', id: 'header' },
          { kind: 'block', id: 'signoff' },
        ],
        used: 180,
      },
    ]);
  });

  it('continues 300 asset rows on later sheets with the column header each time', () => {
    const units: Unit[] = [
      { kind: 'block', id: 'header', height: 200 },
      { kind: 'block', id: 'h-assets', height: 30, keepWithNext: true },
      { kind: 'rows', group: 'assets', heights: Array.from({ length: 300 }, () => 25) },
      { kind: 'block', id: 'signoff', height: 80 },
    ];
    const sheets = paginateOrder(units, metrics, monospace({}));
    const runs = sheets.flatMap((s) => s.pieces.filter((p) => p.kind === 'rows'));
    // First sheet: 1000 − 200 − 30 − 30 (header row) = 740 → 29 rows; later: 1000 − 40 − 30 → 37.
    expect(runs.map((r) => (r.kind === 'rows' ? r.to - r.from : 0))).toEqual([
      29, 37, 37, 37, 37, 37, 37, 37, 12,
    ]);
    expect(
      runs.every(
        (r, i) => i === 0 || (r.kind === 'rows' && r.from === (runs[i - 1] as { to: number }).to),
      ),
    ).toBe(true);
    expect(sheets.at(-1)?.pieces.at(-1)).toEqual({ kind: 'block', id: 'signoff' });
  });

  it('moves a heading to the next sheet rather than leave it alone at the bottom', () => {
    const units: Unit[] = [
      { kind: 'block', id: 'header', height: 950 },
      { kind: 'block', id: 'h-checklist', height: 30, keepWithNext: true },
      { kind: 'rows', group: 'checklist', heights: [25, 25] },
    ];
    const sheets = paginateOrder(units, metrics, monospace({}));
    expect(
      sheets.map((s) => s.pieces.map((p) => p.kind + (p.kind === 'block' ? p.id : ''))),
    ).toEqual([['blockheader'], ['blockh-checklist', 'rows']]);
  });

  it('splits a 5,000-character description between lines across sheets, losing nothing', () => {
    const text = monospace({ d: 5000 });
    const units: Unit[] = [
      { kind: 'block', id: 'header', height: 300 },
      { kind: 'block', id: 'h-description', height: 30, keepWithNext: true },
      { kind: 'text', id: 'd', length: 5000 },
      { kind: 'block', id: 'findings', height: 200 },
    ];
    const sheets = paginateOrder(units, metrics, text);
    const slices = sheets.flatMap((s) => s.pieces.filter((p) => p.kind === 'text'));
    // 1000 − 300 − 30 = 670 px: 33 lines of 50; later sheets 960 px: 48 lines.
    expect(slices[0]).toEqual({ kind: 'text', id: 'd', from: 0, to: 1650 });
    expect(slices.map((p) => (p.kind === 'text' ? [p.from, p.to] : []))).toEqual([
      [0, 1650],
      [1650, 4050],
      [4050, 5000],
    ]);
    sheets.forEach((s, i) => expect(heightOf(s, units, text, i === 0)).toBeLessThanOrEqual(1000));
  });

  it('never overflows a sheet and places every row and character exactly once', () => {
    const unitsArb = fc.tuple(
      fc.integer({ min: 50, max: 400 }),
      fc.array(fc.integer({ min: 10, max: 120 }), { maxLength: 400 }),
      fc.integer({ min: 0, max: 8000 }),
      fc.array(fc.integer({ min: 15, max: 60 }), { maxLength: 40 }),
    );
    fc.assert(
      fc.property(unitsArb, ([header, rows, chars, checks]) => {
        const units: Unit[] = [
          { kind: 'block', id: 'header', height: header },
          { kind: 'block', id: 'h-description', height: 30, keepWithNext: true },
          { kind: 'text', id: 'd', length: chars },
          { kind: 'block', id: 'h-assets', height: 30, keepWithNext: true },
          { kind: 'rows', group: 'assets', heights: rows },
          { kind: 'block', id: 'h-checklist', height: 30, keepWithNext: true },
          { kind: 'rows', group: 'checklist', heights: checks },
          { kind: 'block', id: 'signoff', height: 150 },
        ];
        const text = monospace({ d: chars });
        const sheets = paginateOrder(units, metrics, text);
        sheets.forEach((s, i) => {
          expect(heightOf(s, units, text, i === 0)).toBeLessThanOrEqual(metrics.capacity);
          expect(s.used).toBe(heightOf(s, units, text, i === 0));
        });
        const pieces = sheets.flatMap((s) => s.pieces);
        const covered = (kind: 'rows' | 'text', key: string) =>
          pieces.flatMap((p) =>
            p.kind === kind && (p.kind === 'rows' ? p.group : p.id) === key
              ? [[p.from, p.to] as const]
              : [],
          );
        const check = (ranges: (readonly [number, number])[], length: number) => {
          let at = 0;
          for (const [from, to] of ranges) {
            expect(from).toBe(at);
            expect(to).toBeGreaterThan(from);
            at = to;
          }
          expect(at).toBe(length);
        };
        check(covered('rows', 'assets'), rows.length);
        check(covered('rows', 'checklist'), checks.length);
        check(covered('text', 'd'), chars);
      }),
      { numRuns: 300 },
    );
  });
});

describe('pagesOf', () => {
  it('puts one A4 sheet or two A5 sheets on a page', () => {
    expect(pagesOf([1, 2, 3], 1)).toEqual([[1], [2], [3]]);
    expect(pagesOf([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});
