// The rule in words and its next ten dates, asked of the core (plans.describe, plans.preview) a
// moment after the last change, so the editor shows exactly what generation will do before the
// plan is saved. An invalid rule shows the core's message and tells the editor to refuse saving.
import { Alert, Flex, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { formatLocal } from './format';

export type RuleCheck =
  | { status: 'checking' }
  | { status: 'ok'; description: string; occurrences: string[] }
  | { status: 'invalid'; message: string };

interface Props {
  rule: string;
  /** YYYY-MM-DDTHH:mm, or null while no start is chosen. */
  start: string | null;
  timeZone: string;
  check: RuleCheck;
  onCheck: (check: RuleCheck) => void;
}

const PREVIEW_COUNT = 10;
/** Long enough to skip the intermediate states of typing "12", short enough to feel live. */
const DEBOUNCE_MS = 250;

export function RulePreview({ rule, start, timeZone, check, onCheck }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';

  useEffect(() => {
    // The editor names a missing choice (weekdays, month days) next to its control.
    if (!rule) {
      onCheck({ status: 'invalid', message: '' });
      return;
    }
    if (!start) {
      onCheck({ status: 'invalid', message: t('plans.editor.startRequired') });
      return;
    }
    onCheck({ status: 'checking' });
    // Answers for a rule the user has since changed are dropped, never shown late.
    let stale = false;
    const timer = window.setTimeout(() => {
      Promise.all([
        api.call('plans.describe', { rule, language }),
        api.call('plans.preview', { rule, start, timeZone, count: PREVIEW_COUNT }),
      ])
        .then(([described, preview]) => {
          if (!stale) {
            onCheck({
              status: 'ok',
              description: described.description,
              occurrences: preview.occurrences,
            });
          }
        })
        .catch((error: unknown) => {
          if (!stale) onCheck({ status: 'invalid', message: errorText(t, error) });
        });
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [rule, start, timeZone, language, onCheck, t]);

  if (check.status === 'invalid') {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="plan-rule-error"
        title={t('plans.rule.invalid')}
        description={check.message || undefined}
      />
    );
  }
  if (check.status === 'checking') {
    return (
      <Flex gap={8} align="center">
        <Spin size="small" />
        <Typography.Text type="secondary">{t('plans.rule.checking')}</Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8}>
      <div>
        <Typography.Text type="secondary">{t('plans.rule.sentence')}</Typography.Text>
        <Typography.Text strong data-testid="plan-rule-sentence">
          {check.description}
        </Typography.Text>
      </div>
      <Typography.Text type="secondary">
        {t('plans.rule.preview', { count: PREVIEW_COUNT })}
      </Typography.Text>
      {check.occurrences.length === 0 ? (
        <Typography.Text type="warning">{t('plans.rule.noOccurrences')}</Typography.Text>
      ) : (
        <ol data-testid="plan-preview" style={{ margin: 0, paddingLeft: 28, columns: 2 }}>
          {check.occurrences.map((o) => (
            <li key={o} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatLocal(o, i18n.language)}
            </li>
          ))}
        </ol>
      )}
    </Flex>
  );
}
