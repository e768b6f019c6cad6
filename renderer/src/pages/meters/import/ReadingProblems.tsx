// The problems of a reading import: one button per kind with its count (errors red, the
// negative-delta warning orange) that narrows the table to that kind, the paged table itself, and
// the list as a CSV for whoever fixes the file. The core's reasons are "中文 / English: detail";
// the kind is its own column here, so the reason column shows the detail, with UTC instants in it
// turned into the wall time of the zone the file was read in.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ReadingProblemKind,
  type ReadingImportProblem,
  type ReadingImportReport,
} from '../../../../../shared/contract/readingImport';
import { saveText } from '../../../files';
import { ProblemTable } from '../../../importParts';
import { toCsv } from '../../maintenance/parts/csv';
import { formatValue, localTime } from '../detail/format';

interface Props {
  report: ReadingImportReport;
  fileName: string;
  /** The zone to show instants in (the file's zone, else the one chosen). */
  zone: string;
}

const INSTANT = /\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z/g;

/** An English gloss the core adds after a Chinese detail: ' / row 4 has 103'. */
const ENGLISH_TAIL = / \/ [\x20-\x7e]*$/;

export function reasonDetail(
  problem: ReadingImportProblem,
  zone: string,
  chinese: boolean,
): string {
  const colon = problem.reason.indexOf(': ');
  let detail = colon >= 0 ? problem.reason.slice(colon + 2) : '';
  // A Chinese reader needs the Chinese half only; an English one keeps both (the Chinese half
  // names the meter, which the English gloss leaves out).
  if (chinese) detail = detail.replace(ENGLISH_TAIL, '');
  return detail.replace(INSTANT, (at) => localTime(at, zone));
}

const severityColor = (p: { severity: 'error' | 'warning' }) =>
  p.severity === 'error' ? 'red' : 'orange';

export function ReadingProblems({ report, fileName, zone }: Props) {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language !== 'en';
  const [kind, setKind] = useState<ReadingProblemKind | null>(null);
  const kinds = ReadingProblemKind.options.filter((k) => (report.byKind[k] ?? 0) > 0);
  const shown = useMemo(
    () => (kind ? report.problems.filter((p) => p.kind === kind) : report.problems),
    [kind, report.problems],
  );
  const kindText = (k: ReadingProblemKind) => t(`meterImport.kinds.${k}`);

  const download = () => {
    const header = ['row', 'column', 'value', 'kind', 'severity', 'reason'].map((c) =>
      t(`meterImport.csv.${c}`),
    );
    const rows = report.problems.map((p) => [
      p.row,
      p.column,
      p.value,
      kindText(p.kind),
      t(`meterImport.csv.${p.severity}`),
      p.reason,
    ]);
    const base = fileName.replace(/\.[^.]+$/, '');
    saveText(t('meterImport.csv.fileName', { name: base }), toCsv([header, ...rows]));
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-problem-list">
      <Flex wrap gap={8} align="center" data-testid="problem-kinds">
        <Typography.Text strong>{t('meterImport.report.problems')}</Typography.Text>
        <Button
          size="small"
          variant={kind === null ? 'solid' : 'outlined'}
          color="default"
          onClick={() => setKind(null)}
        >
          {t('meterImport.report.allKinds', { count: report.problemCount })}
        </Button>
        {kinds.map((k) => (
          <Button
            key={k}
            size="small"
            data-testid={`kind-${k}`}
            color={k === 'negative_delta' ? 'orange' : 'danger'}
            variant={kind === k ? 'solid' : 'outlined'}
            aria-pressed={kind === k}
            onClick={() => setKind(kind === k ? null : k)}
          >
            {kindText(k)} {formatValue(report.byKind[k] ?? 0, i18n.language)}
          </Button>
        ))}
        <Button
          size="small"
          icon={<DownloadOutlined />}
          style={{ marginLeft: 'auto' }}
          onClick={download}
        >
          {t('meterImport.report.downloadCsv')}
        </Button>
      </Flex>
      {report.problemCount > report.problems.length && (
        <Alert
          type="info"
          showIcon
          title={t('meterImport.report.capped', {
            shown: report.problems.length,
            total: report.problemCount,
          })}
        />
      )}
      <ProblemTable<ReadingImportProblem>
        testId="import-problems"
        problems={shown}
        extraColumns={[
          {
            title: t('meterImport.report.kind'),
            key: 'kind',
            width: 200,
            render: (_: unknown, p: ReadingImportProblem) => (
              <Tag color={severityColor(p)}>{kindText(p.kind)}</Tag>
            ),
          },
        ]}
        reasonText={(p) => (
          <Typography.Text type={p.severity === 'error' ? 'danger' : 'warning'}>
            {reasonDetail(p, zone, chinese) || t(`meterImport.reasons.${p.kind}`)}
          </Typography.Text>
        )}
      />
    </Space>
  );
}
