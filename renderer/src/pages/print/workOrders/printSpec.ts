// The address of a print batch: /print/work-orders?layout=a4&copies=1 with either the crew and day
// in the query (?crew=…&dueBy=2026-05-01) or the picked orders in the fragment (#ids=a,b,c).
// A fragment because a selection of hundreds of ids would overflow the web host's request-line
// limit, and a fragment never leaves the browser; and an address at all (not sessionStorage, as
// the label sheet uses) because Electron prints the same route in a hidden window of its own.
import {
  MAX_PRINT_COPIES,
  MAX_PRINT_ORDERS,
  PrintLayout,
  type PrintBatch,
} from '../../../../../shared/contract/workOrderPrint';

export const PRINT_ROUTE = '/print/work-orders';

export interface PrintSpec {
  batch: PrintBatch;
  layout: PrintLayout;
  copies: number;
}

export function printPath(spec: PrintSpec): string {
  const query = new URLSearchParams({ layout: spec.layout, copies: String(spec.copies) });
  if ('crewId' in spec.batch) {
    query.set('crew', spec.batch.crewId);
    query.set('dueBy', spec.batch.dueBy);
    return `${PRINT_ROUTE}?${query.toString()}`;
  }
  const ids = spec.batch.ids.map(encodeURIComponent).join(',');
  return `${PRINT_ROUTE}?${query.toString()}#ids=${ids}`;
}

function clampCopies(raw: string | null): number {
  const n = Number(raw ?? 1);
  return Number.isInteger(n) ? Math.min(MAX_PRINT_COPIES, Math.max(1, n)) : 1;
}

/** The batch an address names, or null when it names none. */
export function readSpec(search: string, hash: string): PrintSpec | null {
  const query = new URLSearchParams(search);
  const layout = PrintLayout.safeParse(query.get('layout'));
  const base = {
    layout: layout.success ? layout.data : 'a4',
    copies: clampCopies(query.get('copies')),
  };
  const crewId = query.get('crew');
  const dueBy = query.get('dueBy');
  if (crewId && dueBy) return { ...base, batch: { crewId, dueBy } };
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  const ids = (fragment.get('ids') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) return null;
  return { ...base, batch: { ids: ids.slice(0, MAX_PRINT_ORDERS) } } satisfies PrintSpec;
}

/** The same batch in another layout or number of copies (the toolbar's choices). */
export function withOptions(
  search: string,
  hash: string,
  change: Partial<Pick<PrintSpec, 'layout' | 'copies'>>,
): string {
  const query = new URLSearchParams(search);
  if (change.layout) query.set('layout', change.layout);
  if (change.copies) query.set('copies', String(change.copies));
  return `${PRINT_ROUTE}?${query.toString()}${hash}`;
}
