// The print route of work orders, /print/work-orders (printSpec.ts says how the batch is named):
// loads the batch (workOrders.printData, already in walking-route order), makes each order's QR
// code, and shows the pages as they will print under a toolbar that prints them. It is the
// preview and the thing printed at once: Electron's hidden print window loads this same route.
// A failure is also written to <html data-print-error> so that window does not wait in vain.
import { Button, Result } from 'antd';
import QRCode from 'qrcode';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { PrintData, PrintLayout } from '../../../../../shared/contract/workOrderPrint';
import { labelOf } from '../../../../../shared/domain/assetLabels';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { readSpec, withOptions } from './printSpec';
import { PrintToolbar } from './PrintToolbar';
import type { SheetContext } from './SheetParts';
import { SheetsLayout } from './SheetsLayout';
import './workOrderPrint.css';
import './workOrderBlocks.css';

interface Loaded {
  data: PrintData;
  qr: Map<string, string>;
}

/** "2026-05-01 08:30" in the zone, whatever the UI language. */
function stamper(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso) => {
    const parts = Object.fromEntries(
      format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  };
}

async function qrCodes(data: PrintData): Promise<Map<string, string>> {
  const entries = await Promise.all(
    data.orders.map(async (o): Promise<[string, string]> => {
      const svg = await QRCode.toString(o.number, {
        type: 'svg',
        margin: 0,
        errorCorrectionLevel: 'M',
      });
      return [o.number, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`];
    }),
  );
  return new Map(entries);
}

export function WorkOrderPrintPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { search, hash } = useLocation();
  const spec = useMemo(() => readSpec(search, hash), [search, hash]);
  const batchKey = JSON.stringify(spec?.batch ?? null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [laidOut, setLaidOut] = useState<{ pages: number; overflowing: number } | null>(null);

  const fail = useCallback(
    (e: unknown) => {
      const text = errorText(t, e);
      setError(text);
      document.documentElement.dataset.printError = text;
    },
    [t],
  );

  useEffect(() => {
    const batch = spec?.batch;
    if (!batch) {
      fail(new Error(t('workOrderPrint.toolbar.nothing')));
      return;
    }
    let current = true;
    setLoaded(null);
    api
      .call('workOrders.printData', batch)
      .then(async (data) => {
        if (data.orders.length === 0) throw new Error(t('workOrderPrint.toolbar.nothing'));
        const qr = await qrCodes(data);
        if (current) setLoaded({ data, qr });
      })
      .catch((e: unknown) => current && fail(e));
    return () => {
      current = false;
      delete document.documentElement.dataset.printError;
    };
    // The batch is compared by value: a new layout or copies keeps the data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [batchKey, fail, t]);

  const ctx = useMemo((): SheetContext | null => {
    if (!loaded) return null;
    const { data, qr } = loaded;
    const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
    return {
      t,
      text: (group, value) =>
        group === 'kind' ? labelOf('kind', value, lang) : t(`workOrders.${group}.${value}`),
      organisation: (order) => data.organisationName || order.place[0]?.name || data.siteName,
      logo: data.logoDataUrl,
      qr,
      stamp: stamper(data.timeZone),
      compact: spec?.layout === 'a5x2',
    };
  }, [loaded, t, i18n.language, spec?.layout]);

  const onLaidOut = useCallback(
    (pages: number, overflowing: number) => setLaidOut({ pages, overflowing }),
    [],
  );
  const change = (next: { layout?: PrintLayout; copies?: number }) => {
    setLaidOut(null);
    void navigate(withOptions(search, hash, next), { replace: true });
  };
  // Back where the print was asked for; a print window opened on its own goes to the orders.
  const back = () =>
    window.history.length > 1 ? void navigate(-1) : void navigate('/maintenance?tab=orders');

  if (error || !spec) {
    return (
      <Result
        status="warning"
        title={error ?? t('workOrderPrint.toolbar.nothing')}
        extra={<Button onClick={back}>{t('workOrderPrint.toolbar.back')}</Button>}
      />
    );
  }
  return (
    <div className="print-root">
      <PrintToolbar
        layout={spec.layout}
        copies={spec.copies}
        ids={loaded ? loaded.data.orders.map((o) => o.id) : null}
        total={loaded?.data.total ?? 0}
        pages={laidOut?.pages ?? null}
        overflowing={laidOut?.overflowing ?? 0}
        onBack={back}
        onChange={change}
      />
      {loaded && ctx && (
        <SheetsLayout
          // A new layout or language measures afresh; copies only repeat what was measured.
          key={`${spec.layout}|${i18n.language}`}
          data={loaded.data}
          layout={spec.layout}
          copies={spec.copies}
          ctx={ctx}
          onLaidOut={onLaidOut}
          onError={fail}
        />
      )}
    </div>
  );
}
