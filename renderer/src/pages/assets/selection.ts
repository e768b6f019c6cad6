// What the user has selected in the asset table: explicit rows, or "everything matching the
// filter" minus the rows unticked since. Turned into the API's Selection for bulk actions.
import type { AssetFilter, Selection } from '../../../../shared/contract/assets';

export type TableSelection =
  { mode: 'ids'; ids: Set<string> } | { mode: 'filter'; filter: AssetFilter; except: Set<string> };

export const emptySelection: TableSelection = { mode: 'ids', ids: new Set() };

export function isSelected(sel: TableSelection, id: string): boolean {
  return sel.mode === 'ids' ? sel.ids.has(id) : !sel.except.has(id);
}

export function selectedCount(sel: TableSelection, total: number): number {
  return sel.mode === 'ids' ? sel.ids.size : Math.max(0, total - sel.except.size);
}

export function toggle(sel: TableSelection, id: string, on: boolean): TableSelection {
  if (sel.mode === 'ids') {
    const ids = new Set(sel.ids);
    if (on) ids.add(id);
    else ids.delete(id);
    return { mode: 'ids', ids };
  }
  const except = new Set(sel.except);
  if (on) except.delete(id);
  else except.add(id);
  return { ...sel, except };
}

export function toggleMany(sel: TableSelection, ids: string[], on: boolean): TableSelection {
  // Adding to the selection removes from the exceptions, and the other way round.
  const target = new Set(sel.mode === 'ids' ? sel.ids : sel.except);
  const add = sel.mode === 'ids' ? on : !on;
  for (const id of ids) {
    if (add) target.add(id);
    else target.delete(id);
  }
  return sel.mode === 'ids' ? { mode: 'ids', ids: target } : { ...sel, except: target };
}

export function toApiSelection(sel: TableSelection): Selection | null {
  if (sel.mode === 'ids') return sel.ids.size ? { ids: [...sel.ids] } : null;
  return { filter: sel.filter, exceptIds: [...sel.except] };
}
