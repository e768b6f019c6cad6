// Units as the API names them ('L/(person·day)', 'm³/(person·year)') in the UI language: the
// physical units stay as they are, the words inside the brackets are translated ('L/(人·天)').
import type { TFunction } from 'i18next';

export function unitText(t: TFunction, unit: string | null | undefined): string {
  if (!unit) return '';
  return unit.replace(
    /\(person·(day|year)\)/,
    (_, per: string) => `(${t('analytics.units.person')}·${t(`analytics.units.${per}`)})`,
  );
}
