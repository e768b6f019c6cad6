// A dry run's report (or a refused commit's): what the file holds — rows, readings, meters, how
// many are new and how many already stored, the time span — then what, if anything, stops the
// import, and the problems. A file whose times need a zone gets the zone picker right here, so
// the fix is one choice and a re-check. `actions` are the buttons of the step showing it.
import { Alert, Button, Descriptions, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingImportReport } from '../../../../../shared/contract/readingImport';
import { formatValue, localTime } from '../detail/format';
import { ReadingProblems } from './ReadingProblems';
import { ZoneSelect } from './ZoneSelect';
import { DEFAULT_ZONE } from './zones';

interface Props {
  report: ReadingImportReport;
  fileName: string;
  /** The zone chosen on the page (the file may not have needed it). */
  zone: string | null;
  /** Given, the zone question offers a re-check; absent (a finished commit), it only reports. */
  onZone?: (zone: string | null) => void;
  onRecheck?: () => void;
  actions?: ReactNode;
}

/** The one sentence that says whether this file can be imported, and if not why. */
function Verdict({ report }: { report: ReadingImportReport }) {
  const { t } = useTranslation();
  const warnings = report.byKind.negative_delta ?? 0;
  // Zoneless times are answered by the zone question above, not by fixing the file.
  const errors = report.problemCount - warnings - (report.byKind.no_zone ?? 0);
  if (errors > 0) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="import-verdict"
        title={t('meterImport.report.blocked', { count: errors })}
      />
    );
  }
  if (report.zoneNeeded) return null;
  if (report.readings === 0) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="import-verdict"
        title={t('meterImport.report.empty')}
      />
    );
  }
  if (report.inserts === 0) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="import-verdict"
        title={t('meterImport.report.allUnchanged')}
        description={t('meterImport.report.allUnchangedHint', { count: report.unchanged })}
      />
    );
  }
  return (
    <Alert
      type={warnings > 0 ? 'warning' : 'success'}
      showIcon
      data-testid="import-verdict"
      title={t('meterImport.report.ready', { count: report.inserts })}
      description={warnings > 0 ? t('meterImport.report.warnings', { count: warnings }) : null}
    />
  );
}

export function ReportView({ report, fileName, zone, onZone, onRecheck, actions }: Props) {
  const { t, i18n } = useTranslation();
  const shownZone = report.zone ?? zone ?? DEFAULT_ZONE;
  const n = (value: number) => formatValue(value, i18n.language);
  const span =
    report.from && report.to
      ? `${localTime(report.from, shownZone)} — ${localTime(report.to, shownZone)}`
      : '—';
  const items = [
    {
      key: 'file',
      label: t('meterImport.report.file'),
      span: 3,
      children: [
        fileName,
        report.format.toUpperCase(),
        report.encoding,
        t(`meterImport.layouts.names.${report.layout}`),
        t(`meterImport.values.${report.values}`),
      ].join(' · '),
    },
    { key: 'rows', label: t('meterImport.report.rows'), children: n(report.rows) },
    { key: 'readings', label: t('meterImport.report.readings'), children: n(report.readings) },
    { key: 'meters', label: t('meterImport.report.meters'), children: n(report.meters) },
    { key: 'inserts', label: t('meterImport.report.inserts'), children: n(report.inserts) },
    { key: 'unchanged', label: t('meterImport.report.unchanged'), children: n(report.unchanged) },
    {
      key: 'zone',
      label: t('meterImport.report.zone'),
      children:
        report.zone ??
        t(report.zoneNeeded ? 'meterImport.report.zoneMissing' : 'meterImport.report.zoneInFile'),
    },
    { key: 'span', label: t('meterImport.report.span'), span: 3, children: span },
  ];
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="import-report"
    >
      {report.zoneNeeded && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-zone-needed"
          title={t('meterImport.report.zoneNeeded')}
          description={
            onZone && onRecheck ? (
              <Space wrap style={{ marginTop: 8 }}>
                <ZoneSelect value={zone} onChange={onZone} status="warning" />
                <Button type="primary" disabled={!zone} onClick={onRecheck}>
                  {t('meterImport.report.recheck')}
                </Button>
              </Space>
            ) : null
          }
        />
      )}
      <Verdict report={report} />
      <Descriptions size="small" bordered column={3} items={items} data-testid="import-counts" />
      {report.problemCount > 0 && (
        <ReadingProblems report={report} fileName={fileName} zone={shownZone} />
      )}
      {actions && <Space wrap>{actions}</Space>}
    </Space>
  );
}
