// The dry-run report of a register-style import (assets, people): what the file held, what a
// commit would create, update or leave, the headers nobody reads, the problems by row, and the
// footer's commit buttons. One
// component for every import that answers with the contract's ImportReport, so they read alike.
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportProblem, ImportReport, TableFormat } from '../../shared/contract/assetTransfer';
import { ProblemTable } from './importParts';

export function ImportReportView({
  fileName,
  report,
  reasonText,
}: {
  fileName: string;
  report: ImportReport;
  /** The server's reason in the UI's words. */
  reasonText: (reason: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions size="small" bordered column={3} data-testid="import-report">
        <Descriptions.Item label={t('import.file')} span={3}>
          {fileName} · {report.format.toUpperCase()} · {report.encoding}
        </Descriptions.Item>
        <Descriptions.Item label={t('import.rows')}>{report.rows}</Descriptions.Item>
        <Descriptions.Item label={t('import.valid')}>{report.valid}</Descriptions.Item>
        <Descriptions.Item label={t('import.problemRows')}>{report.problemCount}</Descriptions.Item>
        <Descriptions.Item label={t('import.creates')}>{report.creates}</Descriptions.Item>
        <Descriptions.Item label={t('import.updates')}>{report.updates}</Descriptions.Item>
        <Descriptions.Item label={t('import.unchanged')}>{report.unchanged}</Descriptions.Item>
      </Descriptions>
      {report.unknownHeaders.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('import.unknownHeaders', { headers: report.unknownHeaders.join('、') })}
        />
      )}
      {report.problems.length > 0 ? (
        <ProblemTable<ImportProblem>
          testId="import-problems"
          problems={report.problems}
          reasonText={(p) => reasonText(p.reason)}
        />
      ) : (
        <Alert type="success" showIcon title={t('import.noProblems')} />
      )}
    </>
  );
}

/** "Templates: XLSX CSV" — the blank sheets to fill in. */
export function TemplateButtons({ onTemplate }: { onTemplate: (format: TableFormat) => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Typography.Text>{t('import.templates')}</Typography.Text>
      <Button size="small" onClick={() => onTemplate('xlsx')}>
        XLSX
      </Button>
      <Button size="small" onClick={() => onTemplate('csv')}>
        CSV
      </Button>
    </Space>
  );
}

/** The report's actions: another file, all rows or nothing, or only the rows without problems. */
export function ImportFooter({
  report,
  busy,
  onAnother,
  onCommit,
}: {
  report: ImportReport;
  /** Something is running ('writing' while a commit is); null when idle. */
  busy: string | null;
  onAnother: () => void;
  onCommit: (mode: 'all' | 'valid') => void;
}) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button onClick={onAnother}>{t('import.another')}</Button>
      <Button disabled={report.problemCount > 0 || busy !== null} onClick={() => onCommit('all')}>
        {t('import.commitAll', { count: report.rows })}
      </Button>
      <Button
        type="primary"
        disabled={report.valid === 0 || busy !== null}
        loading={busy === 'writing'}
        onClick={() => onCommit('valid')}
      >
        {t('import.commitValid', { count: report.valid })}
      </Button>
    </Space>
  );
}
