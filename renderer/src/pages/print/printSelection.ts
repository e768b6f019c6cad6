// Hands a selection from a list page to a print page in the same tab, without a long URL.
import type { Selection } from '../../../../shared/contract/assets';

const KEY = 'utility-desk.print.selection';

export function rememberSelection(selection: Selection): void {
  sessionStorage.setItem(KEY, JSON.stringify(selection));
}

export function recalledSelection(): Selection | null {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Selection) : null;
}
