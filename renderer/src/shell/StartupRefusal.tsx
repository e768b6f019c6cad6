// The whole-window screen shown when the database was refused at start: damaged (CORRUPT) or from a
// newer app (SCHEMA_TOO_NEW). Says so plainly and, for a damaged file, offers the newest good backup;
// the damaged file is kept beside it, never deleted.
import { App, Button, Card, Descriptions, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../shared/contract';
import { api } from '../api/client';
import { errorText } from '../errorText';

interface RefusalDetails {
  file?: string;
  backupDir?: string;
  newestGoodBackup?: { file?: string; at?: string };
}

/** The refusals that get this screen; any other start-up error is shown where it happens. */
export function isStartupRefusal(error: ApiErrorBody): boolean {
  return error.code === 'CORRUPT' || error.code === 'SCHEMA_TOO_NEW';
}

export function StartupRefusal({ error }: { error: ApiErrorBody }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const details = (error.details ?? {}) as RefusalDetails;
  const backup = details.newestGoodBackup;

  const recover = () => {
    modal.confirm({
      title: t('recovery.confirmTitle'),
      content: t('recovery.confirmBody', { backup: backup?.file ?? '' }),
      okText: t('recovery.restore'),
      cancelText: t('places.cancel'),
      onOk: async () => {
        setBusy(true);
        setFailure(null);
        try {
          await api.call('backup.recover', {});
          window.location.reload();
        } catch (e) {
          setFailure(errorText(t, e));
          setBusy(false);
        }
      },
    });
  };

  if (error.code === 'SCHEMA_TOO_NEW') {
    return (
      <Result
        status="warning"
        title={t('recovery.tooNewTitle')}
        subTitle={t('recovery.tooNewBody')}
        extra={<Typography.Text type="secondary">{error.message}</Typography.Text>}
      />
    );
  }

  return (
    <Result
      status="error"
      title={t('recovery.corruptTitle')}
      subTitle={t(backup ? 'recovery.corruptBody' : 'recovery.corruptNoBackup')}
      data-testid="startup-refusal"
      extra={
        <Card style={{ maxWidth: 720, margin: '0 auto', textAlign: 'left' }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('recovery.file')}>{details.file ?? ''}</Descriptions.Item>
            {backup ? (
              <>
                <Descriptions.Item label={t('recovery.backup')}>{backup.file}</Descriptions.Item>
                <Descriptions.Item label={t('recovery.backupAt')}>
                  {backup.at ? new Date(backup.at).toLocaleString() : ''}
                </Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t('recovery.folder')}>
                {details.backupDir ?? ''}
              </Descriptions.Item>
            )}
          </Descriptions>
          {failure && <Typography.Paragraph type="danger">{failure}</Typography.Paragraph>}
          {backup && (
            <Button
              type="primary"
              loading={busy}
              onClick={recover}
              autoFocus
              style={{ marginTop: 12 }}
            >
              {t('recovery.restore')}
            </Button>
          )}
        </Card>
      }
    />
  );
}
