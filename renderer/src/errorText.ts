// Turns an API error into a sentence for people, in the UI language, naming the field at fault.
import type { TFunction } from 'i18next';
import { DeskError, type FieldIssue } from '../../shared/contract/errors';

export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof DeskError)) return t('errors.INTERNAL');
  const details = error.details as { issues?: FieldIssue[] } | undefined;
  const detail = details?.issues?.length
    ? details.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
    : error.message;
  return t(`errors.${error.code}`, { detail });
}
