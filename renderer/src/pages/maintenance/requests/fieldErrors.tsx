// Shows a failed save where the person is looking: each field the core refused gets its message
// under it, and one alert names those fields in the UI language. The form's values stay as typed.
import { Alert, type FormInstance } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError, type FieldIssue } from '../../../../../shared/contract/errors';
import { errorText } from '../../../errorText';

/**
 * @param fieldOf the form's name for a core field where they differ (placeId → place)
 * @param labels the i18n key prefix of the field labels
 */
export function useFieldErrors<V>(
  form: FormInstance<V>,
  fieldOf: Record<string, string>,
  labels: string,
) {
  const { t } = useTranslation();
  const [error, setError] = useState<{ title: string; lines: string[] } | null>(null);

  const clear = useCallback(() => setError(null), []);

  const show = useCallback(
    (e: unknown) => {
      const issues =
        e instanceof DeskError && e.code === 'VALIDATION'
          ? ((e.details as { issues?: FieldIssue[] } | undefined)?.issues ?? [])
          : [];
      if (issues.length === 0) {
        setError({ title: errorText(t, e), lines: [] });
        return;
      }
      const byField = new Map<string, string[]>();
      for (const issue of issues) {
        const head = issue.path.split('.')[0] || 'form';
        const field = fieldOf[head] ?? head;
        byField.set(field, [...(byField.get(field) ?? []), issue.message]);
      }
      const known = new Set(Object.keys(form.getFieldsValue(true) as object));
      form.setFields(
        [...byField]
          .filter(([field]) => known.has(field) || Object.values(fieldOf).includes(field))
          .map(([field, errors]) => ({ name: field as never, errors })),
      );
      setError({
        title: t('workOrders.saveFailed'),
        lines: [...byField].map(
          ([field, messages]) =>
            `${t(`${labels}.${field}`, { defaultValue: field })}：${messages.join('；')}`,
        ),
      });
    },
    [form, fieldOf, labels, t],
  );

  const node: ReactNode = error && (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error.title}
      description={
        error.lines.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {error.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )
      }
      style={{ marginBottom: 12 }}
    />
  );

  return { error: node, clear, show };
}
