// A review item's proposal in words staff can act on, and as the resolution one click would send.
// Only a complete proposal is one click: a typo with its corrected value, a rollover with its
// register size, or accepting the drop. A replacement needs the closing and opening values that
// only the person at the meter knows, and a typo without a suggestion needs the right value.
import type { TFunction } from 'i18next';
import type { InputOf } from '../../../../../shared/contract';
import type { ReviewItem } from '../../../../../shared/contract/meters';
import { formatSigned, formatValue } from '../detail/format';

export type Resolution = InputOf<'meters.resolveReview'>['resolution'];

/** The resolution the proposal stands for, or null when a person has to fill something in. */
export function proposalResolution(item: ReviewItem): Resolution | null {
  switch (item.proposed) {
    case 'typo':
      return item.suggestion
        ? { as: 'typo', reading: item.suggestion.reading, value: item.suggestion.value }
        : null;
    case 'rollover':
      return item.proposedDigits !== null
        ? { as: 'rollover', digits: item.proposedDigits }
        : { as: 'rollover' };
    case 'accept':
      return { as: 'accept' };
    case 'replacement':
      return null;
  }
}

/** One sentence explaining the proposal, in the UI language. */
export function proposalText(t: TFunction, item: ReviewItem, language: string): string {
  const num = (v: number) => formatValue(v, language);
  // Register units, not the meter's unit: the multiplier applies only once a decision is made.
  switch (item.proposed) {
    case 'typo': {
      const s = item.suggestion;
      if (!s) return t('meterReviews.proposal.typoOpen');
      const wrong = s.reading === 'from' ? item.from.value : item.to.value;
      return t('meterReviews.proposal.typo', {
        side: t(`meterReviews.side.${s.reading}`),
        wrong: num(wrong),
        value: num(s.value),
        edit: t(`meterReviews.edit.${s.edit}`),
      });
    }
    case 'rollover': {
      const digits = item.proposedDigits;
      if (digits === null) return t('meterReviews.proposal.rolloverOpen');
      const turned = 10 ** digits - item.from.value + item.to.value;
      return t('meterReviews.proposal.rollover', {
        digits,
        top: num(10 ** digits),
        amount: num(turned),
      });
    }
    case 'replacement':
      return t('meterReviews.proposal.replacement', {
        from: num(item.from.value),
        to: num(item.to.value),
      });
    case 'accept':
      return t('meterReviews.proposal.accept', { delta: formatSigned(item.delta, language) });
  }
}

/** How a resolved item was decided, for the resolved list. */
export function resolutionText(t: TFunction, item: ReviewItem, language: string): string {
  const num = (v: number) => formatValue(v, language);
  switch (item.resolution) {
    case 'rollover':
      return t('meterReviews.resolved.rollover', {
        digits: item.resolutionDigits ?? item.proposedDigits ?? '—',
      });
    case 'replacement':
      return t('meterReviews.resolved.replacement', {
        closing: item.resolutionClosing === null ? '—' : num(item.resolutionClosing),
        opening: item.resolutionOpening === null ? '—' : num(item.resolutionOpening),
      });
    case null:
      return '—';
    default:
      return t(`meterReviews.resolved.${item.resolution}`);
  }
}
