// Standard persons in the page, for the row being edited: the server computes the stored rows'
// figure, but while someone types a headcount the figure should follow each keystroke with the
// same weights (the settings), so the two agree once the row is saved.
import type { Headcount } from '../../../../../shared/contract/people';
import type { Settings } from '../../../../../shared/contract/settings';

export type Weights = Settings['standardPersonWeights'];
export type Groups = Pick<Headcount, 'students' | 'staff' | 'residents' | 'others'>;
export const groupKeys = ['students', 'staff', 'residents', 'others'] as const;

/** Σ group × weight; a group left empty while typing counts as 0. */
export function standardPersons(groups: Partial<Groups>, weights: Weights): number {
  return groupKeys.reduce((sum, key) => sum + (groups[key] ?? 0) * weights[key], 0);
}

/** Whole people with thousands separators; a half weight can leave .5, so one decimal at most. */
export function formatPersons(value: number, language: string): string {
  return value.toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', {
    maximumFractionDigits: 1,
  });
}
