// How a commit ended: written (with a way to the review queue when negative deltas went there),
// nothing to write (a re-import), refused for its problems (with the report), failed or cancelled —
// the last three say plainly that nothing was written, since the import is one transaction.
import { Alert, Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportJobStatus } from '../../../../../shared/contract/readingImport';
import { DeskError } from '../../../../../shared/contract/errors';
import { errorText } from '../../../errorText';
import { ReportView } from './ReportView';

interface Props {
  status: ImportJobStatus;
  fileName: string;
  zone: string | null;
  onAgain: () => void;
}

export function CommitResult({ status, fileName, zone, onAgain }: Props) {
  const { t } = useTranslation();
  const again = (
    <Button key="again" type="primary" onClick={onAgain}>
      {t('meterImport.result.again')}
    </Button>
  );
  const result = status.result;
  if (status.state === 'done' && result) {
    if (result.inserted === 0) {
      return (
        <Result
          status="info"
          data-testid="import-result"
          title={t('meterImport.report.allUnchanged')}
          subTitle={t('meterImport.report.allUnchangedHint', { count: result.unchanged })}
          extra={[again]}
        />
      );
    }
    return (
      <Result
        status="success"
        data-testid="import-result"
        title={t('meterImport.result.title')}
        subTitle={t('meterImport.result.summary', result)}
        extra={[again]}
      >
        {result.reviews > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="import-reviews"
            title={t('meterImport.result.reviews', { count: result.reviews })}
            action={
              <Link to={{ search: '?tab=reviews' }}>{t('meterImport.result.toReviews')}</Link>
            }
          />
        )}
      </Result>
    );
  }
  const cancelled = status.state === 'cancelled';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Result
        status={cancelled ? 'warning' : 'error'}
        data-testid="import-result"
        title={t(cancelled ? 'meterImport.result.cancelled' : 'meterImport.result.failed')}
        subTitle={
          !cancelled && status.error ? errorText(t, DeskError.fromBody(status.error)) : undefined
        }
        extra={[again]}
      />
      {status.report && <ReportView report={status.report} fileName={fileName} zone={zone} />}
    </Space>
  );
}
