// Measuring the work-order sheets in the browser, for paginate.ts: every block, row and the sheet's
// usable height are read from a hidden copy of the layout rendered with the same CSS at the same
// width, so the pagination follows whatever fonts and sizes the page really has. Text (the
// description) is measured slice by slice in a probe element, as often as a split needs.
import type { PrintOrder } from '../../../../../shared/contract/workOrderPrint';
import type { Metrics, TextMeasure, Unit } from './paginate';

/** The order's flow: which blocks, rows and text it prints, in order (see SheetParts.tsx). */
export function flowOf(order: PrintOrder): FlowItem[] {
  const flow: FlowItem[] = [{ block: 'header' }, { block: 'meta' }];
  if (order.description.trim()) {
    flow.push({ block: 'h-description', keep: true }, { text: 'description' });
  }
  if (order.assets.length > 0) flow.push({ block: 'h-assets', keep: true }, { rows: 'assets' });
  if (order.checklist.length > 0) {
    flow.push({ block: 'h-checklist', keep: true }, { rows: 'checklist' });
  }
  flow.push({ block: 'findings' }, { block: 'parts' }, { block: 'signoff' });
  return flow;
}

export type BlockId =
  | 'header'
  | 'meta'
  | 'h-description'
  | 'h-assets'
  | 'h-checklist'
  | 'findings'
  | 'parts'
  | 'signoff';

export type FlowItem =
  { block: BlockId; keep?: boolean } | { rows: 'assets' | 'checklist' } | { text: 'description' };

/** Blocks whose height depends on the order (the rest are measured once, on the first order). */
export const perOrderBlocks: ReadonlySet<BlockId> = new Set(['header', 'meta']);

const height = (el: Element | null): number => (el ? el.getBoundingClientRect().height : 0);

/**
 * Reads the hidden layout under `root`: elements marked data-m (and data-o for per-order ones),
 * table rows marked data-r and checklist rows marked data-c inside each order's data-o box.
 */
export function readMetrics(root: HTMLElement): Metrics {
  const one = (m: string) => height(root.querySelector(`[data-m="${m}"]`));
  return {
    capacity: one('capacity'),
    continuation: one('cont'),
    groupHead: { assets: one('assets-head'), checklist: 0 },
    lineHeight: one('line'),
  };
}

export function unitsOf(root: HTMLElement, orders: readonly PrintOrder[]): Unit[][] {
  const shared = new Map<string, number>();
  for (const el of root.querySelectorAll<HTMLElement>('[data-m]')) {
    if (!el.closest('[data-o]')) shared.set(el.dataset.m ?? '', height(el));
  }
  const boxes = root.querySelectorAll<HTMLElement>('[data-o]');
  return orders.map((order, i) => {
    const box = boxes[i];
    if (!box) throw new Error(`order ${order.number} was not measured`);
    const blockHeight = (id: BlockId) =>
      perOrderBlocks.has(id)
        ? height(box.querySelector(`[data-m="${id}"]`))
        : (shared.get(id) ?? 0);
    return flowOf(order).map((item): Unit => {
      if ('block' in item) {
        return {
          kind: 'block',
          id: item.block,
          height: blockHeight(item.block),
          keepWithNext: item.keep === true,
        };
      }
      if ('rows' in item) {
        const selector = item.rows === 'assets' ? '[data-r]' : '[data-c]';
        const heights = [...box.querySelectorAll(selector)].map(height);
        return { kind: 'rows', group: item.rows, heights };
      }
      return { kind: 'text', id: `${i}:${item.text}`, length: order.description.length };
    });
  });
}

/** May a line break between text[at - 1] and text[at]? Not inside a Latin word or a surrogate pair. */
function breakable(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  if (before >= 0xd800 && before <= 0xdbff) return false;
  return !(/[A-Za-z0-9]/.test(text[at - 1] ?? '') && /[A-Za-z0-9]/.test(text[at] ?? ''));
}

/** Text measured in `probe` (a .wo-text element in the hidden layout); texts by unit id. */
export function probeText(probe: HTMLElement, texts: ReadonlyMap<string, string>): TextMeasure {
  const cache = new Map<string, number>();
  const slice = (id: string, from: number, to: number) => (texts.get(id) ?? '').slice(from, to);
  const measure = (id: string, from: number, to: number): number => {
    const key = `${id}|${from}|${to}`;
    let found = cache.get(key);
    if (found === undefined) {
      probe.textContent = slice(id, from, to);
      found = height(probe);
      cache.set(key, found);
    }
    return found;
  };
  return {
    height: measure,
    fit(id, from, room) {
      const length = (texts.get(id) ?? '').length;
      if (measure(id, from, length) <= room) return length;
      // Largest end whose slice fits: the height only grows as the slice does.
      let lo = from;
      let hi = length;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (measure(id, from, mid) <= room) lo = mid;
        else hi = mid;
      }
      const text = texts.get(id) ?? '';
      // Back to where a line may break, unless the word is longer than a whole line.
      let end = lo;
      while (end > from && !breakable(text, end)) end -= 1;
      return end > from ? end : lo;
    },
  };
}
