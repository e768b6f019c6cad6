// Coded values (kinds, statuses, lamp types…) in the UI language, from the shared label table.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { assetLabels, labelOf, type Label, type LabelGroup } from '../../shared/domain/assetLabels';

export function useLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useCallback(
    (group: LabelGroup, value: string | null | undefined) => labelOf(group, value, lang),
    [lang],
  );
}

/** Options for a Select over one group of coded values. */
export function useLabelOptions() {
  const label = useLabel();
  return useCallback(
    (group: LabelGroup) =>
      Object.keys(assetLabels[group] as Record<string, Label>).map((value) => ({
        value,
        label: label(group, value),
      })),
    [label],
  );
}
