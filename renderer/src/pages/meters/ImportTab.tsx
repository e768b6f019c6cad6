// The reading import tab (导入读数), step by step: choose a file and say what it holds, check it
// (a dry run in the core's import thread, with progress and cancel), read the report, import.
// The step shown follows from the two jobs — the check and the commit — so there is no separate
// step state to fall out of step with them. The commit sends exactly what the check was given,
// so what was checked is what gets written.
import { Alert, App, Button, Spin, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  readingImportLimits,
  type ImportJobStatus,
  type ReadingImportInput,
  type ReadingValueKind,
} from '../../../../shared/contract/readingImport';
import { DeskError } from '../../../../shared/contract/errors';
import { errorText } from '../../errorText';
import { fileToBase64 } from '../../files';
import { ChooseStep, type ChosenFile } from './import/ChooseStep';
import { CommitResult } from './import/CommitResult';
import { JobProgress } from './import/JobProgress';
import { ReportView } from './import/ReportView';
import { useImportJob } from './import/useImportJob';
import { DEFAULT_ZONE } from './import/zones';

type Stage = 0 | 1 | 2 | 3;

export function ImportTab() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [values, setValues] = useState<ReadingValueKind>('cumulative');
  const [zone, setZone] = useState<string | null>(DEFAULT_ZONE);
  const [checked, setChecked] = useState<ReadingImportInput | null>(null);
  const check = useImportJob();
  const commit = useImportJob();

  const startOver = (keepFile: boolean) => {
    check.reset();
    commit.reset();
    setChecked(null);
    setFileError(null);
    if (!keepFile) setFile(null);
  };

  const chooseFile = async (chosen: File) => {
    startOver(false);
    if (chosen.size > readingImportLimits.maxBytes) {
      setFileError(t('meterImport.choose.tooLarge', { mb: readingImportLimits.maxBytes >> 20 }));
      return;
    }
    setReading(true);
    try {
      const contentBase64 = await fileToBase64(chosen);
      setFile({ name: chosen.name, size: chosen.size, contentBase64 });
    } catch (e) {
      setFileError(errorText(t, e));
    } finally {
      setReading(false);
    }
  };

  const runCheck = () => {
    if (!file) return;
    const input: ReadingImportInput = {
      fileName: file.name,
      contentBase64: file.contentBase64,
      values,
      dryRun: true,
      ...(zone ? { zone } : {}),
    };
    commit.reset();
    setChecked(input);
    void check.start(input);
  };

  const confirmCommit = (report: NonNullable<ImportJobStatus['report']>) => {
    if (!checked) return;
    const warnings = report.byKind.negative_delta ?? 0;
    modal.confirm({
      title: t('meterImport.confirm.title', { count: report.inserts }),
      content: [
        t('meterImport.confirm.body', { count: report.inserts, meters: report.meters }),
        warnings > 0 ? t('meterImport.report.warnings', { count: warnings }) : '',
      ].join(' '),
      okText: t('meterImport.confirm.ok'),
      cancelText: t('meterImport.confirm.cancel'),
      onOk: () => void commit.start({ ...checked, dryRun: false }),
    });
  };

  const checkStatus = check.status;
  const stage: Stage =
    commit.status || commit.starting
      ? 3
      : checkStatus && checkStatus.state !== 'running'
        ? 2
        : checkStatus || check.starting
          ? 1
          : 0;
  const commitState = commit.status?.state;
  const stepStatus =
    commitState === 'done'
      ? 'finish'
      : (commitState && commitState !== 'running') ||
          (stage === 2 && checkStatus?.report?.canCommit === false)
        ? 'error'
        : 'process';
  const callError = commit.error ?? check.error;

  const back = (
    <Button key="back" onClick={() => startOver(true)}>
      {t('meterImport.actions.back')}
    </Button>
  );
  const another = (
    <Button key="another" onClick={() => startOver(false)}>
      {t('meterImport.actions.another')}
    </Button>
  );

  const checkEnded = (status: ImportJobStatus) => {
    const report = status.report;
    if (status.state === 'cancelled') {
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="import-cancelled"
          title={t('meterImport.progress.cancelledCheck')}
          action={back}
        />
      );
    }
    const error =
      status.state === 'failed' && status.error
        ? errorText(t, DeskError.fromBody(status.error))
        : null;
    return (
      <>
        {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {report ? (
          <ReportView
            key={status.jobId}
            report={report}
            fileName={checked?.fileName ?? ''}
            zone={zone}
            onZone={setZone}
            onRecheck={runCheck}
            actions={[
              // A re-import has nothing to write, and a file without a zone is answered by the
              // zone question above: no import button then to suggest otherwise.
              !(report.canCommit && report.inserts === 0) && !report.zoneNeeded && (
                <Button
                  key="commit"
                  type="primary"
                  disabled={!report.canCommit || commit.starting}
                  onClick={() => confirmCommit(report)}
                >
                  {t('meterImport.actions.commit', { count: report.inserts })}
                </Button>
              ),
              back,
              another,
            ]}
          />
        ) : (
          back
        )}
      </>
    );
  };

  return (
    <div style={{ maxWidth: 1280 }}>
      <Steps
        current={stage}
        status={stepStatus}
        style={{ marginBottom: 24 }}
        items={(['choose', 'check', 'report', 'commit'] as const).map((key) => ({
          key,
          title: t(`meterImport.steps.${key}`),
        }))}
      />
      {(fileError || callError !== null) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="import-error"
          title={fileError ?? errorText(t, callError)}
        />
      )}
      {stage === 0 && (
        <ChooseStep
          file={file}
          reading={reading}
          values={values}
          zone={zone}
          starting={check.starting}
          onFile={(chosen) => void chooseFile(chosen)}
          onValues={setValues}
          onZone={setZone}
          onCheck={runCheck}
        />
      )}
      {stage === 1 &&
        (checkStatus ? (
          <JobProgress status={checkStatus} onCancel={() => void check.cancel()} />
        ) : (
          <Spin />
        ))}
      {stage === 2 && checkStatus && checkEnded(checkStatus)}
      {stage === 3 &&
        (commit.status === null ? (
          <Spin />
        ) : commit.status.state === 'running' ? (
          <JobProgress status={commit.status} onCancel={() => void commit.cancel()} />
        ) : (
          <CommitResult
            status={commit.status}
            fileName={checked?.fileName ?? ''}
            zone={checked?.zone ?? null}
            onAgain={() => startOver(false)}
          />
        ))}
    </div>
  );
}
