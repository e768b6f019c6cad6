// The frame of every report chart: a title, a switch between the chart and its data table, and
// exports of that table (CSV, XLSX) and of the chart (PNG). The table is built once by the caller
// and feeds the view and both files, so what is exported is exactly what is shown. Before the
// browser prints, the chart is resized to the paper's width (chart.js otherwise prints the
// screen-sized bitmap, cut off or blurred).
import { DownloadOutlined, FileImageOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Space, Tooltip } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mimeOf, saveBase64, saveText } from '../../../files';
import { fileHeadings, fileRows, safeFileName, tableCsv, type DataTable } from './dataTable';
import { DataTableView } from './DataTableView';
import { ReportChart, type ChartHandle, type ChartSpec } from './ReportChart';
import { buildXlsx, bytesToBase64 } from './xlsx';

type View = 'chart' | 'table';

interface Props {
  title: string;
  /** Appended to the title in file names: the site and period, say. */
  fileContext: string;
  table: DataTable;
  /** Without a chart the card is its table (with the same exports). */
  spec?: ChartSpec;
  /** Replaces the plain table view (the water-balance tree); exports still use `table`. */
  tableView?: ReactNode;
  /** Controls shown left of the view switch. */
  extra?: ReactNode;
  /** A line under the chart or table: totals, notes. */
  footer?: ReactNode;
  testId?: string;
}

export function ChartCard(props: Props) {
  const { title, fileContext, table, spec, tableView, extra, footer, testId } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [view, setView] = useState<View>(spec ? 'chart' : 'table');
  const chart = useRef<ChartHandle | null>(null);
  const setChart = useCallback((c: ChartHandle | null | undefined) => {
    chart.current = c ?? null;
  }, []);
  const showChart = Boolean(spec) && view === 'chart';

  useEffect(() => {
    const resize = () => chart.current?.resize();
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
    };
  }, []);

  const base = safeFileName(`${title}_${fileContext}`);
  const exportCsv = () => saveText(`${base}.csv`, tableCsv(table));
  const exportXlsx = () => {
    const bytes = buildXlsx(title, [fileHeadings(table), ...fileRows(table)]);
    saveBase64(`${base}.xlsx`, bytesToBase64(bytes), mimeOf(`${base}.xlsx`));
  };
  const exportPng = () => {
    const url = chart.current?.toBase64Image('image/png', 1);
    const data = url?.split(',')[1];
    if (!data) {
      void message.warning(t('analytics.export.noChart'));
      return;
    }
    saveBase64(`${base}.png`, data, 'image/png');
  };

  const empty = table.rows.length === 0;
  return (
    <Card
      size="small"
      className="report-card"
      data-testid={testId}
      title={title}
      extra={
        <Space wrap className="report-no-print">
          {extra}
          {spec && (
            <Segmented<View>
              size="small"
              value={view}
              onChange={setView}
              aria-label={t('analytics.view.label')}
              options={[
                { value: 'chart', label: t('analytics.view.chart') },
                { value: 'table', label: t('analytics.view.table') },
              ]}
            />
          )}
          <Space.Compact size="small">
            <Tooltip title={t('analytics.export.csvHint')}>
              <Button icon={<DownloadOutlined />} disabled={empty} onClick={exportCsv}>
                CSV
              </Button>
            </Tooltip>
            <Button disabled={empty} onClick={exportXlsx}>
              XLSX
            </Button>
            {spec && (
              <Button icon={<FileImageOutlined />} disabled={!showChart} onClick={exportPng}>
                PNG
              </Button>
            )}
          </Space.Compact>
        </Space>
      }
    >
      {showChart && spec ? (
        <ReportChart spec={spec} label={title} chartRef={setChart} />
      ) : (
        (tableView ?? <DataTableView table={table} testId={testId && `${testId}-table`} />)
      )}
      {footer && <div className="report-card-footer">{footer}</div>}
    </Card>
  );
}
