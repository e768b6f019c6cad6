// Lays out a batch of work orders as pages: first a hidden copy of every block at the sheet's width
// is measured (measure.ts), then each order is paginated (paginate.ts) and the pages are rendered,
// copies one after another, each order starting on a sheet of its own. When the pages are on
// screen and their images decoded, it reports the page count and sets data-print-ready on <html>,
// which is what Electron's hidden print window and the tests wait for.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PrintData, PrintLayout } from '../../../../../shared/contract/workOrderPrint';
import { probeText, readMetrics, unitsOf } from './measure';
import { pagesOf, paginateOrder, type Sheet } from './paginate';
import {
  AssetHead,
  AssetRows,
  Block,
  ChecklistRows,
  Continuation,
  PieceView,
  type SheetContext,
} from './SheetParts';

interface Props {
  data: PrintData;
  layout: PrintLayout;
  copies: number;
  ctx: SheetContext;
  onLaidOut: (pages: number, overflowing: number) => void;
  onError: (error: unknown) => void;
}

interface PlacedSheet extends Sheet {
  order: number;
  copy: number;
  sheetNo: number;
  sheets: number;
}

/** The hidden copy: blocks shared by all orders once, per-order blocks and rows per order. */
function MeasureTree({ data, ctx }: Pick<Props, 'data' | 'ctx'>) {
  const first = data.orders[0];
  if (!first) return null;
  return (
    <>
      <div className="wo-capacity" data-m="capacity" />
      <div className="wo-text" data-m="line">
        一
      </div>
      <div className="wo-text" data-probe="" />
      <Continuation order={first} ctx={ctx} />
      <table className="wo-grid" data-m="assets-head">
        <AssetHead t={ctx.t} />
      </table>
      {(['h-description', 'h-assets', 'h-checklist', 'findings', 'parts', 'signoff'] as const).map(
        (id) => (
          <Block key={id} id={id} order={first} ctx={ctx} />
        ),
      )}
      {data.orders.map((order) => (
        <div key={order.id} data-o="">
          <Block id="header" order={order} ctx={ctx} />
          <Block id="meta" order={order} ctx={ctx} />
          {order.assets.length > 0 && (
            <AssetRows order={order} ctx={ctx} from={0} to={order.assets.length} />
          )}
          <ChecklistRows order={order} from={0} to={order.checklist.length} />
        </div>
      ))}
    </>
  );
}

export function SheetsLayout({ data, layout, copies, ctx, onLaidOut, onError }: Props) {
  const measureRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const [plans, setPlans] = useState<Sheet[][] | null>(null);
  const sheetClass = layout === 'a4' ? 'wo-sheet wo-sheet-a4' : 'wo-sheet wo-sheet-a5';

  useLayoutEffect(() => {
    let current = true;
    // Fonts first: a fallback font measured now and the real one painted later would not agree.
    void document.fonts.ready
      .then(() => {
        const root = measureRef.current;
        if (!current || !root) return;
        const probe = root.querySelector<HTMLElement>('[data-probe]');
        if (!probe) throw new Error('the text probe is missing');
        const metrics = readMetrics(root);
        const texts = new Map(data.orders.map((o, i) => [`${i}:description`, o.description]));
        const measure = probeText(probe, texts);
        setPlans(unitsOf(root, data.orders).map((units) => paginateOrder(units, metrics, measure)));
      })
      .catch((error: unknown) => current && onError(error));
    return () => {
      current = false;
    };
  }, [data, onError]);

  const pages = useMemo(() => {
    const placed: PlacedSheet[] = [];
    (plans ?? []).forEach((sheets, order) => {
      for (let copy = 1; copy <= copies; copy += 1) {
        sheets.forEach((sheet, i) =>
          placed.push({ ...sheet, order, copy, sheetNo: i + 1, sheets: sheets.length }),
        );
      }
    });
    return pagesOf(placed, layout === 'a4' ? 1 : 2);
  }, [plans, copies, layout]);

  useEffect(() => {
    const root = pagesRef.current;
    if (!plans || !root) return;
    let current = true;
    const bodies = [...root.querySelectorAll<HTMLElement>('.wo-body')];
    // Half a pixel of rounding is not an overflow; anything more would print as an extra page.
    const overflowing = bodies.filter((b) => b.scrollHeight > b.clientHeight + 1).length;
    const images = [...root.querySelectorAll('img')].map((img) => img.decode().catch(() => {}));
    void Promise.all(images).then(() => {
      if (!current) return;
      document.documentElement.dataset.printReady = String(pages.length);
      onLaidOut(pages.length, overflowing);
    });
    return () => {
      current = false;
      delete document.documentElement.dataset.printReady;
    };
  }, [plans, pages, onLaidOut]);

  if (!plans) {
    return (
      <div className={`wo-print wo-layout-${layout} wo-measure`} ref={measureRef} aria-hidden>
        <div className={sheetClass}>
          <MeasureTree data={data} ctx={ctx} />
        </div>
      </div>
    );
  }

  const total = pages.length;
  return (
    <div className={`wo-print wo-layout-${layout}`} ref={pagesRef}>
      {pages.map((page, p) => (
        <div key={p} className={`wo-page wo-page-${layout}`} data-testid="wo-page">
          {page.map((sheet) => {
            const order = data.orders[sheet.order];
            if (!order) return null;
            return (
              <div
                key={`${sheet.order}-${sheet.copy}-${sheet.sheetNo}`}
                className={sheetClass}
                data-number={order.number}
                data-sheet={sheet.sheetNo}
              >
                <div className="wo-body">
                  {sheet.sheetNo > 1 && <Continuation order={order} ctx={ctx} />}
                  {sheet.pieces.map((piece, i) => (
                    <PieceView key={i} piece={piece} order={order} ctx={ctx} />
                  ))}
                </div>
                <div className="wo-footer">
                  <span>
                    {ctx.t('workOrderPrint.footer.sheet', {
                      number: order.number,
                      sheet: sheet.sheetNo,
                      sheets: sheet.sheets,
                    })}
                    {copies > 1 &&
                      ` · ${ctx.t('workOrderPrint.footer.copy', { copy: sheet.copy })}`}
                  </span>
                  <span>
                    {ctx.t('workOrderPrint.footer.page', {
                      at: ctx.stamp(data.generatedAt),
                      page: p + 1,
                      pages: total,
                    })}
                  </span>
                </div>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
