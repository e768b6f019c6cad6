// The yearly report, /print/yearly-report?siteId=…&year=… (issue 7): one A4 portrait document of a
// site's year — headline per-capita figures with year-on-year change, trend and monthly charts,
// top buildings, water balance of the inlets, leak alerts, maintenance KPIs and, on a park, its
// indicators. The same route is the preview, the browser's print and Electron's hidden print
// window (electron/print.ts), so it says when it is complete: once the data is in, the fonts and
// logo are loaded and every chart has drawn, it sets <body data-ready="1"> (tests, scripts) and
// <html data-print-ready="pages"> (the Electron shell); a failure goes to <html data-print-error>.
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Result, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Year } from '../../../../../shared/contract/people';
import { Id } from '../../../../../shared/contract/common';
import type { PrintOutput } from '../../../../../shared/contract/workOrderPrint';
import { errorText } from '../../../errorText';
import { printSheets } from '../workOrders/printOutput';
import { loadReport, type ReportData } from './loadReport';
import { MonthlySection, REPORT_CHARTS, TrendSection } from './ReportChartSections';
import { HeadlineSection, ParkSection, ReportHeader } from './ReportHeadline';
import { reportFileName } from './reportFormat';
import { BalanceSection, BuildingsSection, KpisSection, LeaksSection } from './ReportTables';
import './yearlyReport.css';

const MM = 96 / 25.4;
/** The printable height of an A4 page inside the @page margins of yearlyReport.css, in CSS px. */
const PAGE_CONTENT_PX = (297 - 14 - 16) * MM;
/** The sheet's top and bottom padding on screen, which stand for those margins. */
const SHEET_PADDING_PX = (14 + 16) * MM;

function readParams(params: URLSearchParams): { siteId: string; year: number } | null {
  const siteId = Id.safeParse(params.get('siteId') ?? '');
  const year = Year.safeParse(Number(params.get('year')));
  return siteId.success && year.success ? { siteId: siteId.data, year: year.data } : null;
}

/** Resolves once every image of the page (the logo) is decoded, so it is on the paper too. */
function imagesDecoded(): Promise<unknown> {
  return Promise.all(Array.from(document.images).map((img) => img.decode().catch(() => null)));
}

export function YearlyReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const spec = readParams(params);
  const missing = spec === null;

  useEffect(() => {
    if (!missing) return;
    document.documentElement.dataset.printError = t('yearlyReport.noSpec');
    return () => void delete document.documentElement.dataset.printError;
  }, [missing, t]);

  const back = () => (window.history.length > 1 ? void navigate(-1) : void navigate('/'));
  if (!spec) return <Failed text={t('yearlyReport.noSpec')} onBack={back} />;
  // Keyed by site and year, so another report starts from empty state rather than resetting it.
  return <ReportView key={`${spec.siteId}|${spec.year}`} {...spec} onBack={back} />;
}

function Failed({ text, onBack }: { text: string; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={text}
      extra={<Button onClick={onBack}>{t('yearlyReport.toolbar.back')}</Button>}
    />
  );
}

function ReportView({
  siteId,
  year,
  onBack,
}: {
  siteId: string;
  year: number;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [data, setData] = useState<ReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  const [pages, setPages] = useState<number | null>(null);
  const [busy, setBusy] = useState<PrintOutput | null>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';

  useEffect(() => {
    let current = true;
    loadReport(siteId, year)
      // Canvas text takes whatever font is loaded when it is drawn: let the CJK font settle first.
      .then(async (loaded) => {
        await document.fonts.ready;
        if (current) setData(loaded);
      })
      .catch((e: unknown) => {
        if (!current) return;
        const text = errorText(t, e);
        setError(text);
        document.documentElement.dataset.printError = text;
      });
    return () => {
      current = false;
      delete document.documentElement.dataset.printError;
    };
  }, [siteId, year, t]);

  const onDrawn = useCallback(
    (id: string) => setDrawn((prev) => (prev.has(id) ? prev : new Set(prev).add(id))),
    [],
  );

  const allDrawn = data !== null && REPORT_CHARTS.every((id) => drawn.has(id));
  useEffect(() => {
    if (!allDrawn) return;
    let current = true;
    void imagesDecoded().then(() => {
      // One more frame, so what is measured (and printed) is the laid-out page.
      requestAnimationFrame(() => {
        if (!current) return;
        const height = (sheet.current?.getBoundingClientRect().height ?? 0) - SHEET_PADDING_PX;
        const count = Math.max(1, Math.ceil(height / PAGE_CONTENT_PX - 0.05));
        setPages(count);
        document.body.dataset.ready = '1';
        document.documentElement.dataset.printReady = String(count);
      });
    });
    return () => {
      current = false;
      delete document.body.dataset.ready;
      delete document.documentElement.dataset.printReady;
    };
  }, [allDrawn, language]);

  const run = async (output: PrintOutput) => {
    if (!data) return;
    setBusy(output);
    try {
      const name = reportFileName(t('yearlyReport.fileName'), data.siteName, data.year);
      const printed = await printSheets(output, name);
      if (!printed.done) void message.info(t('yearlyReport.toolbar.cancelled'));
      else if (printed.fileName)
        void message.success(t('yearlyReport.toolbar.saved', { file: printed.fileName }));
    } catch (e) {
      void message.error(errorText(t, e));
    } finally {
      setBusy(null);
    }
  };

  if (error) return <Failed text={error} onBack={onBack} />;
  const ready = pages !== null && busy === null;
  const props = data ? { data, t, language } : null;
  return (
    <div className="print-root">
      <div className="print-toolbar">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            {t('yearlyReport.toolbar.back')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!ready}
            loading={busy === 'printer'}
            onClick={() => void run('printer')}
          >
            {t('yearlyReport.toolbar.print')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            disabled={!ready}
            loading={busy === 'pdf'}
            onClick={() => void run('pdf')}
          >
            {t('yearlyReport.toolbar.pdf')}
          </Button>
          <Typography.Text data-testid="yearly-report-status">
            {pages === null
              ? t('yearlyReport.toolbar.preparing')
              : t('yearlyReport.toolbar.ready', { count: pages })}
          </Typography.Text>
        </Space>
      </div>
      {props && (
        <div className="yr-report" ref={sheet} lang={language} data-testid="yearly-report">
          <ReportHeader {...props} />
          <HeadlineSection {...props} />
          <TrendSection {...props} onDrawn={onDrawn} />
          <MonthlySection {...props} onDrawn={onDrawn} />
          <BuildingsSection {...props} />
          <BalanceSection {...props} />
          <LeaksSection {...props} />
          <KpisSection {...props} />
          {props.data.park && <ParkSection park={props.data.park} t={t} language={language} />}
        </div>
      )}
    </div>
  );
}
