// A running import job: its phase, how far it is (rows while the file is read and checked,
// readings while they are written), its speed and time, and a Cancel that rolls it all back.
import { Button, Card, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJobStatus } from '../../../../../shared/contract/readingImport';

interface Props {
  status: ImportJobStatus;
  onCancel: () => void;
}

export function JobProgress({ status, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  // The phase's total is 0 while the file is still being read: nothing to count against yet.
  const percent = status.total > 0 ? Math.floor((status.done * 100) / status.total) : 0;
  const counted = status.phase === 'writing' ? 'readings' : 'rows';
  return (
    <Card data-testid="import-progress" style={{ maxWidth: 720 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>
          {t(status.dryRun ? 'meterImport.progress.checking' : 'meterImport.progress.writing')}
          {' · '}
          {t(`meterImport.progress.phase.${status.phase}`)}
        </Typography.Text>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary" data-testid="import-progress-text">
          {status.total > 0
            ? t(`meterImport.progress.${counted}`, {
                done: number(status.done),
                total: number(status.total),
              })
            : t('meterImport.progress.reading')}
          {' · '}
          {t(`meterImport.progress.${counted}Speed`, { rate: number(status.rowsPerSecond) })}
          {' · '}
          {t('meterImport.progress.elapsed', { s: (status.elapsedMs / 1000).toFixed(1) })}
        </Typography.Text>
        <Button danger onClick={onCancel}>
          {t('meterImport.progress.cancel')}
        </Button>
      </Space>
    </Card>
  );
}
