// Printed work orders on the demo register, through the print route in Chromium and page.pdf():
// 200 orders in one PDF (one order per page start, in walking-route order, every number and the
// Chinese place names as text, a CJK font, as many pages as the preview counted); one order with
// 300 assets and a 5,000-character description across pages with nothing clipped, lost or
// overlapping; and from the list: ticking orders, the print dialog, the A5 compact layout with
// copies, a crew's batch, marking printed, and the sheet in English. PNGs of first and last pages
// land in test-results/ to be looked at.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import jsQR from 'jsqr';
import type { PrintData } from '../../shared/contract/workOrderPrint';
import type { WorkOrderRow } from '../../shared/contract/workOrders';
import { DEMO_URL, openApp } from './support';
import {
  apiCall,
  laidOut,
  openPrint,
  ORDER_NUMBER,
  printToPdf,
  readPdf,
  renderedFonts,
  renderEnds,
  selectionPath,
  squeeze,
} from './workOrderPrintSupport';

test.use({ baseURL: DEMO_URL, viewport: { width: 1440, height: 900 } });

test('200 demo orders print as one PDF: a page start per order, numbers and places as text', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const { items } = await apiCall<{ items: WorkOrderRow[] }>(request, 'workOrders.query', {
    filter: { types: ['corrective'] },
    sort: { column: 'number', direction: 'asc' },
    limit: 200,
  });
  expect(items).toHaveLength(200);
  const ids = items.map((o) => o.id);
  const data = await apiCall<PrintData>(request, 'workOrders.printData', { ids });
  await openApp(page, '/maintenance?tab=orders');
  const previewPages = await openPrint(page, selectionPath(ids));
  await expect(page.getByTestId('print-summary')).toContainText('200 张工单 × 1 份');

  // The QR code reads as the order number (pixels read in the page, decoded here).
  const pixels = await page
    .locator('.wo-qr img')
    .first()
    .evaluate((img: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 400;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 400, 400);
      g.drawImage(img, 40, 40, 320, 320);
      return Array.from(g.getImageData(0, 0, 400, 400).data);
    });
  expect(jsQR(Uint8ClampedArray.from(pixels), 400, 400)?.data).toBe(data.orders[0]?.number);

  const pdf = await printToPdf(page, 'work-orders-200');
  expect(pdf.pages).toBe(previewPages);
  expect(pdf.info).toMatch(/Page size:.*\(A4\)/);
  // Chinese drawn from a CJK font, not boxes from a Latin one.
  for (const selector of ['.wo-title', '.wo-meta td.wo-strong', '.wo-h']) {
    const fonts = await renderedFonts(page, selector);
    expect(fonts, selector).toEqual([expect.stringMatching(/CJK|Han Sans|YaHei|SimSun|PingFang/)]);
  }

  // Every page belongs to exactly one order; a page whose footer says sheet 1 starts one.
  const starts: { number: string; text: string }[] = [];
  pdf.texts.forEach((text, i) => {
    const numbers = new Set(text.match(ORDER_NUMBER));
    expect([...numbers], `page ${i + 1}`).toHaveLength(1);
    const flat = squeeze(text);
    const [number] = [...numbers];
    if (number && flat.includes(`${number}·第1/`)) starts.push({ number, text: flat });
  });
  expect(starts.map((s) => s.number)).toEqual(data.orders.map((o) => o.number));
  expect(new Set(starts.map((s) => s.number)).size).toBe(200);
  for (const [i, order] of data.orders.entries()) {
    const start = starts[i]?.text ?? '';
    expect(start, order.number).toContain('维修工单');
    expect(start, order.number).toContain(squeeze(order.title));
    for (const place of order.place) expect(start, order.number).toContain(squeeze(place.name));
  }
  expect(squeeze(pdf.texts.join(''))).toContain('第一教学楼');
  renderEnds(pdf, 'work-orders-200');
  console.log(`[print] 200 orders: ${pdf.pages} pages, page.pdf() ${pdf.ms} ms`);
});

test('an order with 300 assets and a 5,000-character description runs across pages whole', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const fixtures = await apiCall<{ items: { id: string; code: string }[] }>(
    request,
    'assets.list',
    { filter: { kinds: ['fixture'] }, sort: { column: 'code', direction: 'desc' }, limit: 300 },
  );
  expect(fixtures.items).toHaveLength(300);
  let description = '';
  for (let i = 1; description.length < 5000; i += 1) {
    description += `【第${String(i).padStart(3, '0')}段】供水管道渗漏，逐间检查阀门与接头并更换老化密封圈。Valve ${i} checked.\n`;
  }
  description = description.slice(0, 5000);
  const order = await apiCall<{ id: string; number: string }>(request, 'workOrders.create', {
    type: 'inspection',
    title: '全楼灯具巡检（300项）',
    description,
    assetIds: fixtures.items.map((f) => f.id),
    checklist: Array.from({ length: 15 }, (_, i) => ({ text: `检查项${i + 1}：外观与亮灯` })),
  });
  await openApp(page, '/maintenance?tab=orders');
  const previewPages = await openPrint(page, selectionPath([order.id]));
  expect(previewPages).toBeGreaterThan(8);

  // On screen: the description's pieces join up to the whole text; asset rows 1…300 once each,
  // each run under its own column header; nothing reaches into a sheet's footer.
  const layout = await page.evaluate(() => {
    const sheets = [...document.querySelectorAll<HTMLElement>('.wo-sheet')];
    return sheets.map((sheet) => {
      const body = sheet.querySelector('.wo-body') as HTMLElement;
      const footer = sheet.querySelector('.wo-footer') as HTMLElement;
      const last = body.lastElementChild?.getBoundingClientRect().bottom ?? 0;
      return {
        texts: [...sheet.querySelectorAll('.wo-text')].map((t) => t.textContent ?? ''),
        rows: [...sheet.querySelectorAll('tr[data-r]')].map((r) =>
          Number(r.getAttribute('data-r')),
        ),
        heads: sheet.querySelectorAll('table.wo-grid:has(tr[data-r]) thead').length,
        tables: sheet.querySelectorAll('table.wo-grid:has(tr[data-r])').length,
        clear: last <= footer.getBoundingClientRect().top,
        fits: body.scrollHeight <= body.clientHeight + 1,
      };
    });
  });
  expect(layout.flatMap((s) => s.texts).join('')).toBe(description);
  expect(layout.flatMap((s) => s.rows)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  for (const [i, sheet] of layout.entries()) {
    expect(sheet.heads, `sheet ${i + 1}`).toBe(sheet.tables);
    expect(sheet.clear && sheet.fits, `sheet ${i + 1}`).toBe(true);
  }

  const pdf = await printToPdf(page, 'work-order-300-assets');
  expect(pdf.pages).toBe(previewPages);
  const all = pdf.texts.join('\n');
  for (const f of fixtures.items) expect(all).toContain(f.code);
  // Each slice of the description is on its page, as text.
  layout.forEach((sheet, i) => {
    for (const slice of sheet.texts) expect(squeeze(pdf.texts[i] ?? '')).toContain(squeeze(slice));
  });
  expect(pdf.texts.slice(1).every((t) => t.includes('（续）'))).toBe(true);
  renderEnds(pdf, 'work-order-300-assets');
});

test('from the list: tick orders, print A5 compact with copies, mark printed; a crew batch; English', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const w = window as unknown as { printed?: number; print: () => void };
    w.print = () => {
      w.printed = (w.printed ?? 0) + 1;
    };
  });
  await openApp(page, '/maintenance?tab=orders');
  const rows = page.locator('[data-testid="order-grid"] [role="row"]');
  await expect(rows.first()).toBeVisible();
  await rows.nth(0).getByRole('checkbox').check();
  await rows
    .nth(2)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('order-selected')).toHaveText('已选 3 张');
  const numbers = await rows.evaluateAll((els) =>
    els.slice(0, 3).map((el) => el.querySelector('[role="gridcell"]:nth-child(2)')?.textContent),
  );

  await page.getByRole('button', { name: '打印所选 (3)' }).click();
  const dialog = page.getByRole('dialog', { name: '打印工单' });
  await expect(dialog.getByRole('radio', { name: '所选工单（3 张）' })).toBeChecked();
  await dialog.getByLabel('版式').click();
  await page.getByTitle('A5 紧凑（每页两单）').click();
  await dialog.getByLabel('份数').click();
  await page.getByTitle('2 份').last().click();
  await dialog.getByRole('button', { name: '预览' }).click();
  await expect(page).toHaveURL(/\/print\/work-orders\?layout=a5x2&copies=2#ids=/);
  const pages = await laidOut(page);
  await expect(page.getByTestId('print-summary')).toContainText('3 张工单 × 2 份');
  // The web host makes the PDF itself from the same route, and the browser downloads it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '另存为 PDF…' }).click();
  const downloaded = path.join('test-results', 'work-orders-a5-download.pdf');
  await (await download).saveAs(downloaded);
  const fromHost = readPdf(downloaded);
  expect(fromHost.pages).toBe(pages);
  for (const number of numbers) expect(fromHost.texts.join('')).toContain(number ?? 'missing');
  await expect(page.getByText('已将 3 张工单标记为已打印')).toBeVisible();
  const pdf = await printToPdf(page, 'work-orders-a5');
  expect(pdf.pages).toBe(pages);
  // A4 landscape: two A5 sheets side by side.
  expect(pdf.info).toMatch(/Page size:\s+841\.\d+ x 594\.\d+ pts/);
  for (const number of numbers) expect(pdf.texts.join('')).toContain(number ?? 'missing');

  await page.getByRole('button', { name: '打印…' }).click();
  await expect(page.getByText('已将 3 张工单标记为已打印').last()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
  await page.getByRole('button', { name: '返回' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: numbers[0] ?? 'missing' })
    .first()
    .click();
  await expect(page.getByTestId('order-printed')).toContainText('e2e测试员');
  await expect(page.getByTestId('order-print-log')).toContainText('打印 2 份');
  await page.keyboard.press('Escape');

  // A crew's open orders due by a day: the morning batch (a crew that has some).
  const crews = await apiCall<{ items: { id: string; name: string }[] }>(request, 'crews.list', {});
  let crew: { id: string; name: string } | undefined;
  let batch: PrintData | undefined;
  for (const c of crews.items) {
    const found = await apiCall<PrintData>(request, 'workOrders.printData', {
      crewId: c.id,
      dueBy: '2030-12-31',
    });
    if (found.orders.length > 0) [crew, batch] = [c, found];
  }
  if (!crew || !batch) throw new Error('no demo crew has open orders');
  await page.getByRole('button', { name: '批量打印…' }).click();
  await expect(dialog.getByRole('radio', { name: '某班组截至某日的未完成工单' })).toBeChecked();
  await dialog.getByRole('combobox', { name: '班组' }).click();
  await page.getByTitle(crew.name).click();
  await dialog.getByLabel('要求完成日期不晚于').fill('2030-12-31');
  await dialog.getByLabel('要求完成日期不晚于').press('Enter');
  await dialog.getByRole('button', { name: '预览' }).click();
  await expect(page).toHaveURL(/dueBy=2030-12-31/);
  await laidOut(page);
  await expect(page.getByTestId('print-summary')).toContainText(
    `${batch.orders.length} 张工单 × 1 份`,
  );
  const firstNumbers = await page
    .locator('.wo-sheet[data-sheet="1"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-number')));
  expect(firstNumbers).toEqual(batch.orders.map((o) => o.number));

  // The same sheet in English: labels change, the places stay Chinese text.
  await page.evaluate(() => localStorage.setItem('utility-desk.language', 'en'));
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.printReady);
  await expect(page.locator('.wo-title').first()).toHaveText('Work order');
  const english = await printToPdf(page, 'work-orders-en');
  expect(squeeze(english.texts[0] ?? '')).toContain('Workorder');
  const room = batch.orders[0]?.place.at(-1)?.name ?? '';
  expect(squeeze(english.texts[0] ?? '')).toContain(squeeze(room));
  await page.evaluate(() => localStorage.setItem('utility-desk.language', 'zh-CN'));
});
