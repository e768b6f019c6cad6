// Remembers the building and utility of the last round on this PC, so the next day's entry
// starts where the reader left off. A damaged or foreign value reads as "nothing remembered".
import { Utility } from '../../../../../shared/contract/assets';
import type { Picked } from '../../maintenance/orders/pickers';

const KEY = 'utility-desk.meterRound';

export interface RoundChoice {
  place: Picked | null;
  utility: Utility | null;
}

function isPicked(value: unknown): value is Picked {
  if (typeof value !== 'object' || value === null) return false;
  const { value: id, label } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof label === 'string';
}

export function recallChoice(): RoundChoice {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Record<string, unknown> | null;
    const utility = Utility.safeParse(saved?.utility);
    return {
      place: isPicked(saved?.place) ? saved.place : null,
      utility: utility.success ? utility.data : null,
    };
  } catch {
    return { place: null, utility: null };
  }
}

export function rememberChoice(choice: RoundChoice): void {
  localStorage.setItem(KEY, JSON.stringify(choice));
}
