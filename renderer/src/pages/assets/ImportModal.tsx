// Import assets from CSV or XLSX in two steps: a dry run that lists every row's problems and
// writes nothing, then a commit of the valid rows (or all rows, or nothing) in one transaction.
import { Alert, Modal, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/contract/assetTransfer';
import { importLimits } from '../../../../shared/contract/assetTransfer';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { fileToBase64, mimeOf, saveBase64 } from '../../files';
import { FileDrop } from '../../importParts';
import { ImportFooter, ImportReportView, TemplateButtons } from '../../importReport';

interface Props {
  open: boolean;
  onClose: (imported: boolean) => void;
}

interface Loaded {
  fileName: string;
  contentBase64: string;
  report: ImportReport;
}

export function ImportModal({ open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<'reading' | 'writing' | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';

  const reset = () => {
    setLoaded(null);
    setError(null);
    setDone(null);
  };

  const preview = async (file: File) => {
    reset();
    if (file.size > importLimits.maxBytes) {
      setError(t('import.tooLarge', { mb: importLimits.maxBytes / 1024 / 1024 }));
      return;
    }
    setBusy('reading');
    try {
      const contentBase64 = await fileToBase64(file);
      const report = await api.call('assets.importPreview', { fileName: file.name, contentBase64 });
      setLoaded({ fileName: file.name, contentBase64, report });
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  const commit = async (mode: 'valid' | 'all') => {
    if (!loaded) return;
    setBusy('writing');
    try {
      const r = await api.call('assets.importCommit', {
        fileName: loaded.fileName,
        contentBase64: loaded.contentBase64,
        mode,
      });
      setDone(t('import.done', r));
      setLoaded(null);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  const template = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await api.call('assets.template', { format, language });
      saveBase64(file.fileName, file.contentBase64, mimeOf(file.fileName));
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  // The importer words its reasons in English; the common ones read in the UI language, the
  // rest (with their details) as given.
  const reasonText = (reason: string): string => {
    const exact = i18n.exists(`import.reasons.${reason}`) ? t(`import.reasons.${reason}`) : null;
    if (exact) return exact;
    const patterns = t('import.reasonPatterns', { returnObjects: true }) as Record<string, string>;
    const hit = Object.keys(patterns).find((p) => reason.startsWith(p));
    return hit ? `${patterns[hit]}${reason.slice(hit.length)}` : reason;
  };

  const report = loaded?.report;
  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={860}
      onCancel={() => {
        const imported = done !== null;
        reset();
        onClose(imported);
      }}
      footer={
        report ? (
          <ImportFooter
            report={report}
            busy={busy}
            onAnother={reset}
            onCommit={(mode) => void commit(mode)}
          />
        ) : null
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {done && <Alert type="success" showIcon title={done} data-testid="import-done" />}
        {!report && (
          <Spin spinning={busy !== null} tip={t('import.reading')}>
            <FileDrop
              onFile={(file) => void preview(file)}
              title={t('import.drop')}
              hint={t('import.hint')}
            />
            <div style={{ marginTop: 8 }}>
              <TemplateButtons onTemplate={(format) => void template(format)} />
            </div>
          </Spin>
        )}
        {report && loaded && (
          <ImportReportView fileName={loaded.fileName} report={report} reasonText={reasonText} />
        )}
      </Space>
    </Modal>
  );
}
