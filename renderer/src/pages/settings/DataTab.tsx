// Export everything (one zip of CSV files, one per table, with a manifest) and restore such a zip
// into an empty database: how a register moves to a new PC or is read by other tools.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataTransferLimits } from '../../../../shared/contract/dataTransfer';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { fileToBase64, saveBase64 } from '../../files';

function totalRows(tables: Record<string, number>): number {
  return Object.values(tables).reduce((a, b) => a + b, 0);
}

export function DataTab() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const exportAll = async () => {
    setBusy('export');
    try {
      const file = await api.call('data.exportAll', {});
      saveBase64(file.fileName, file.contentBase64, 'application/zip');
      void message.success(
        t('data.exported', {
          tables: Object.keys(file.tables).length,
          rows: totalRows(file.tables),
        }),
      );
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setBusy(null);
    }
  };

  const importAll = (file: File) => {
    if (file.size > dataTransferLimits.maxZipBytes) {
      void message.error(t('data.tooLarge', { mb: dataTransferLimits.maxZipBytes / 1024 / 1024 }));
      return;
    }
    modal.confirm({
      title: t('data.confirmImport', { name: file.name }),
      content: t('data.confirmImportHint'),
      okText: t('data.import'),
      cancelText: t('places.cancel'),
      onOk: async () => {
        setBusy('import');
        try {
          const r = await api.call('data.importAll', {
            fileName: file.name,
            contentBase64: await fileToBase64(file),
          });
          setResult(
            t('data.imported', { tables: Object.keys(r.tables).length, rows: totalRows(r.tables) }),
          );
        } catch (error) {
          void message.error(errorText(t, error));
        } finally {
          setBusy(null);
        }
      },
    });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 820 }}>
      <Card title={t('data.exportTitle')}>
        <Typography.Paragraph type="secondary">{t('data.exportHint')}</Typography.Paragraph>
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          loading={busy === 'export'}
          onClick={() => void exportAll()}
        >
          {t('data.export')}
        </Button>
      </Card>
      <Card title={t('data.importTitle')}>
        <Typography.Paragraph type="secondary">{t('data.importHint')}</Typography.Paragraph>
        {result && <Alert type="success" showIcon title={result} style={{ marginBottom: 12 }} />}
        <Upload.Dragger
          accept=".zip"
          multiple={false}
          showUploadList={false}
          disabled={busy !== null}
          beforeUpload={(file) => {
            importAll(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('data.drop')}</p>
        </Upload.Dragger>
      </Card>
    </Space>
  );
}
