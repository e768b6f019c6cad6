// A failed analytics call, in words, with the way to try again. A method the server does not
// answer yet shows as such rather than as a blank tab.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../errorText';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(t, error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('analytics.retry')}
          </Button>
        )
      }
      style={{ marginBottom: 12 }}
    />
  );
}
