// What to propose to staff for a negative delta that is neither a rollover nor a correction. The
// proposal is a hint on the review queue; it never counts anything by itself. Rules, first match:
//  1. 'rollover'    the earlier reading is near the top of a register as wide as it is (≥ 90 %
//                   of 10^width) and the wrap-around amount is under half that register: a register
//                   whose digits are unset or wrong has rolled over (99,870 → 130).
//  2. 'typo'        a neighbour shows one reading to be the odd one out: the reading after the pair
//                   is ≥ v1 (so v2 is too low), or the one before is ≤ v2 (so v1 is too high). The
//                   suggestion is a one-keystroke edit of that reading landing between its
//                   neighbours, a transposition preferred.
//  3. 'replacement' v2 is at most 10 % of v1: a new register starting near zero was fitted unrecorded.
//  4. 'typo'        one keystroke (swap two adjacent digits, or change one digit) on a side with
//                   no neighbour evidence makes the pair non-decreasing; the smallest corrected
//                   delta is suggested (the most conservative fix).
//  5. 'accept'      nothing explains it: the register may really have run back.
import type { ConsumptionSettings, Proposal, TypoSuggestion } from './types';

export interface Neighbours {
  /** Value of the reading before the pair's first one, on the same register. */
  before?: number;
  /** Value of the reading after the pair's second one, on the same register. */
  after?: number;
}

export interface ProposalResult {
  proposed: Proposal;
  suggestion?: TypoSuggestion;
  digits?: number;
}

/** Width of the integer part: 99,870 → 5; anything below 10 → 1. */
export function integerWidth(value: number): number {
  return Math.max(1, Math.floor(Math.abs(value)).toString().length);
}

interface Edit {
  value: number;
  edit: 'transposition' | 'digit';
}

/** Every value one keystroke away: adjacent digits swapped, or one digit changed; never a new leading 0. */
function singleEdits(value: number): Edit[] {
  const text = String(value);
  // Exponent forms (1e21 and above, tiny fractions) are not what a reader keys in.
  if (!/^\d+(\.\d+)?$/.test(text)) return [];
  const point = text.indexOf('.');
  const intWidth = point === -1 ? text.length : point;
  const leadLocked = intWidth > 1;
  const chars = [...text];
  const out: Edit[] = [];
  const push = (next: string[], edit: Edit['edit']): void => {
    if (leadLocked && next[0] === '0') return;
    out.push({ value: Number(next.join('')), edit });
  };
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] ?? '';
    const b = chars[i + 1] ?? '';
    if (a === '.' || b === '.' || a === b) continue;
    const next = [...chars];
    next[i] = b;
    next[i + 1] = a;
    push(next, 'transposition');
  }
  chars.forEach((c, i) => {
    if (c === '.') return;
    for (let d = 0; d <= 9; d++) {
      if (String(d) === c) continue;
      const next = [...chars];
      next[i] = String(d);
      push(next, 'digit');
    }
  });
  return out;
}

interface Candidate extends TypoSuggestion {
  /** Corrected delta (register units). */
  corrected: number;
}

const editRank = (e: Edit['edit']): number => (e === 'transposition' ? 0 : 1);

function candidates(
  v1: number,
  v2: number,
  side: 'from' | 'to',
  low: number,
  high: number,
): Candidate[] {
  const source = side === 'to' ? v2 : v1;
  return singleEdits(source)
    .filter((e) => e.value >= low && e.value <= high)
    .map((e) => ({
      reading: side,
      value: e.value,
      edit: e.edit,
      corrected: side === 'to' ? e.value - v1 : v2 - e.value,
    }));
}

function strip(c: Candidate | undefined): TypoSuggestion | undefined {
  return c && { reading: c.reading, value: c.value, edit: c.edit };
}

/** Between known neighbours: the likelier error class first, then the smaller corrected delta. */
function bestBetween(list: Candidate[]): Candidate | undefined {
  return [...list].sort(
    (a, b) => editRank(a.edit) - editRank(b.edit) || a.corrected - b.corrected,
  )[0];
}

/** Without neighbours: the smallest corrected delta; ties go to a transposition, then to v2. */
function bestUnbounded(list: Candidate[]): Candidate | undefined {
  const sideRank = (c: Candidate): number => (c.reading === 'to' ? 0 : 1);
  return [...list].sort(
    (a, b) =>
      a.corrected - b.corrected || editRank(a.edit) - editRank(b.edit) || sideRank(a) - sideRank(b),
  )[0];
}

/** The proposal for a pair v1 > v2 already known not to be an automatic rollover or correction. */
export function proposeExplanation(
  v1: number,
  v2: number,
  neighbours: Neighbours,
  settings: ConsumptionSettings,
): ProposalResult {
  const width = integerWidth(v1);
  const size = 10 ** width;
  if (v1 >= settings.nearFullShare * size && size - v1 + v2 < settings.rolloverShare * size) {
    return { proposed: 'rollover', digits: width };
  }

  const { before, after } = neighbours;
  const toIsOdd = after !== undefined && after >= v1;
  const fromIsOdd = before !== undefined && before <= v2;
  if (toIsOdd || fromIsOdd) {
    const pick =
      (toIsOdd ? bestBetween(candidates(v1, v2, 'to', v1, after ?? v1)) : undefined) ??
      (fromIsOdd ? bestBetween(candidates(v1, v2, 'from', before ?? v2, v2)) : undefined);
    const suggestion = strip(pick);
    return suggestion ? { proposed: 'typo', suggestion } : { proposed: 'typo' };
  }

  if (v2 <= settings.restartShare * v1) return { proposed: 'replacement' };

  const open = [
    ...(after === undefined ? candidates(v1, v2, 'to', v1, Number.POSITIVE_INFINITY) : []),
    ...(before === undefined ? candidates(v1, v2, 'from', 0, v2) : []),
  ];
  const suggestion = strip(bestUnbounded(open));
  if (suggestion) return { proposed: 'typo', suggestion };
  return { proposed: 'accept' };
}
