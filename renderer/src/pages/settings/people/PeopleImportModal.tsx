// Importing headcounts or enterprise years from CSV/XLSX, as the asset import does: choose what
// the file holds, drop it, read the dry run's report (nothing written yet), then commit the valid
// rows or all rows (all or nothing). GBK files from Chinese Excel read as well as UTF-8.
import { Alert, Modal, Radio, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../../shared/contract/assetTransfer';
import { importLimits } from '../../../../../shared/contract/assetTransfer';
import type { PeopleImportKind } from '../../../../../shared/contract/people';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { fileToBase64, mimeOf, saveBase64 } from '../../../files';
import { FileDrop } from '../../../importParts';
import { ImportFooter, ImportReportView, TemplateButtons } from '../../../importReport';

interface Props {
  open: boolean;
  onClose: (imported: boolean) => void;
}

interface Loaded {
  fileName: string;
  contentBase64: string;
  report: ImportReport;
}

export function PeopleImportModal({ open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<PeopleImportKind>('headcounts');
  const [busy, setBusy] = useState<'reading' | 'writing' | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [imported, setImported] = useState(false);
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
      const report = await api.call('people.importPreview', {
        kind,
        fileName: file.name,
        contentBase64,
      });
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
      const r = await api.call('people.importCommit', {
        kind,
        fileName: loaded.fileName,
        contentBase64: loaded.contentBase64,
        mode,
      });
      setDone(t('import.done', r));
      setImported(true);
      setLoaded(null);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  const template = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await api.call('people.template', { kind, format, language });
      saveBase64(file.fileName, file.contentBase64, mimeOf(file.fileName));
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  // The importer words its reasons in English; the known ones read in the UI language. They are
  // looked up in the object, not by key: a reason may hold characters i18next reads as syntax.
  const reasonText = (reason: string): string => {
    const known = t('people.import.reasons', { returnObjects: true }) as Record<string, string>;
    return Object.prototype.hasOwnProperty.call(known, reason) ? (known[reason] ?? reason) : reason;
  };

  const close = () => {
    const changed = imported;
    reset();
    setImported(false);
    onClose(changed);
  };

  const report = loaded?.report;
  return (
    <Modal
      open={open}
      title={t('people.import.title')}
      width={860}
      onCancel={close}
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
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Radio.Group
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as PeopleImportKind);
                  reset();
                }}
                optionType="button"
                options={[
                  { value: 'headcounts', label: t('people.import.kinds.headcounts') },
                  { value: 'enterprises', label: t('people.import.kinds.enterprises') },
                ]}
              />
              <Typography.Text type="secondary">
                {t(`people.import.columns.${kind}`)}
              </Typography.Text>
              <FileDrop
                onFile={(file) => void preview(file)}
                title={t('import.drop')}
                hint={t('import.hint')}
              />
              <TemplateButtons onTemplate={(format) => void template(format)} />
            </Space>
          </Spin>
        )}
        {report && loaded && (
          <ImportReportView fileName={loaded.fileName} report={report} reasonText={reasonText} />
        )}
      </Space>
    </Modal>
  );
}
