// Pagination of printed work orders, decided here rather than left to the browser's print engine,
// so the preview shows exactly the pages that will print and can count them before printing.
// Pure: it packs measured heights (pixels, from measure.ts) into sheets of a fixed capacity.
//
// An order is a flow of units: blocks (the header, a heading, the sign-off box…) that never split,
// rows of a group (the asset list, the checklist) that split between rows, with the group's column
// header drawn again at the top of every sheet a run of rows continues on, and text (the
// description) that splits between lines. Every sheet after an order's first starts with a
// running header (number and title, "continued"), and every order starts on a sheet of its own.

export type Group = 'assets' | 'checklist';

export type Unit =
  | {
      kind: 'block';
      id: string;
      height: number;
      /** A heading: moved to the next sheet rather than left alone at the bottom of one. */
      keepWithNext?: boolean;
    }
  | { kind: 'rows'; group: Group; heights: readonly number[] }
  | { kind: 'text'; id: string; length: number };

export type Piece =
  | { kind: 'block'; id: string }
  | { kind: 'rows'; group: Group; from: number; to: number }
  | { kind: 'text'; id: string; from: number; to: number };

export interface Sheet {
  pieces: Piece[];
  /** Pixels used, the running header included; for the overflow check and the tests. */
  used: number;
}

/** How tall a slice of a text unit is, and how much of it fits in a height. */
export interface TextMeasure {
  height(id: string, from: number, to: number): number;
  /**
   * The end (exclusive) of the longest slice from `from` that fits in `room` pixels, at a place a
   * line may break; `from` itself when not even one line fits.
   */
  fit(id: string, from: number, room: number): number;
}

export interface Metrics {
  /** Usable height of a sheet's content box. */
  capacity: number;
  /** The running header of every sheet after an order's first. */
  continuation: number;
  /** Column header drawn above each run of a group's rows (0 for none). */
  groupHead: Record<Group, number>;
  /** One line of text: what a heading keeps with it when text follows. */
  lineHeight: number;
}

/** Room a unit needs at the least to start on this sheet (a heading keeps this much with it). */
function leastOf(unit: Unit | undefined, metrics: Metrics): number {
  if (!unit) return 0;
  if (unit.kind === 'block') return unit.height;
  if (unit.kind === 'rows') return metrics.groupHead[unit.group] + (unit.heights[0] ?? 0);
  return unit.length > 0 ? metrics.lineHeight : 0;
}

/** The sheets of one order (one copy of it). */
export function paginateOrder(
  units: readonly Unit[],
  metrics: Metrics,
  text: TextMeasure,
): Sheet[] {
  const sheets: Sheet[] = [];
  let sheet: Sheet = { pieces: [], used: 0 };
  const room = () => metrics.capacity - sheet.used;
  const turn = () => {
    sheets.push(sheet);
    sheet = { pieces: [], used: metrics.continuation };
  };

  units.forEach((unit, i) => {
    if (unit.kind === 'block') {
      const need = unit.height + (unit.keepWithNext ? leastOf(units[i + 1], metrics) : 0);
      // A block taller than a whole sheet cannot be helped by turning; it goes where it is.
      if (need > room() && sheet.pieces.length > 0) turn();
      sheet.pieces.push({ kind: 'block', id: unit.id });
      sheet.used += unit.height;
      return;
    }
    if (unit.kind === 'rows') {
      const head = metrics.groupHead[unit.group];
      unit.heights.forEach((height, row) => {
        const last = sheet.pieces[sheet.pieces.length - 1];
        const continuing = last?.kind === 'rows' && last.group === unit.group && last.to === row;
        const need = (continuing ? 0 : head) + height;
        if (need > room() && sheet.pieces.length > 0) turn();
        const open = sheet.pieces[sheet.pieces.length - 1];
        if (open?.kind === 'rows' && open.group === unit.group && open.to === row) {
          open.to = row + 1;
          sheet.used += height;
        } else {
          sheet.pieces.push({ kind: 'rows', group: unit.group, from: row, to: row + 1 });
          sheet.used += head + height;
        }
      });
      return;
    }
    let from = 0;
    while (from < unit.length) {
      let to = text.fit(unit.id, from, room());
      if (to <= from) {
        if (sheet.pieces.length > 0) {
          turn();
          continue;
        }
        // Not one line on an empty sheet: cannot happen with sane sizes; move on regardless.
        to = Math.max(from + 1, text.fit(unit.id, from, metrics.capacity));
      }
      sheet.pieces.push({ kind: 'text', id: unit.id, from, to });
      sheet.used += text.height(unit.id, from, to);
      from = to;
      if (from < unit.length) turn();
    }
  });
  sheets.push(sheet);
  return sheets;
}

/** Sheets per printed page: one A4 sheet, or two A5 sheets side by side. */
export function pagesOf<T>(sheets: readonly T[], perPage: 1 | 2): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < sheets.length; i += perPage) pages.push(sheets.slice(i, i + perPage));
  return pages;
}
