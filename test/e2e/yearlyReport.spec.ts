// The yearly report (issue 7) on the demo register: the print route for the demo's site and last
// full year becomes ready with its charts drawn, prints to an A4 PDF, and the PDF's text holds the
// headline per-capita figures exactly as analytics.yearly answers them through the API (formatted
// as the page formats them, and checked against the raw numbers too). The pages are also rendered
// to PNG in test-results/ for a person to look at. The start page's card opens the same report.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { InputOf, MethodName, ResultOf } from '../../shared/contract';
import {
  formatChange,
  formatNumber,
  headlineFigures,
  headlinePrevious,
  headlineValue,
  lastFullYear,
  reportPath,
} from '../../renderer/src/pages/print/yearlyReport/reportFormat';
import { DEMO_URL, TOKEN, openApp } from './support';

test.use({ baseURL: DEMO_URL });

const OUT = 'test-results';

async function api<M extends MethodName>(
  request: APIRequestContext,
  method: M,
  input: InputOf<M>,
): Promise<ResultOf<M>> {
  const response = await request.post(`${DEMO_URL}/api/${method}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; result: ResultOf<M> };
  expect(body.ok, `${method} answers`).toBe(true);
  return body.result;
}

async function demoSite(request: APIRequestContext) {
  const { items } = await api(request, 'places.list', { parentId: null });
  const site = items.find((p) => p.kind === 'site');
  if (!site) throw new Error('the demo register has no site');
  return site;
}

/** Waits for the page's ready signal and checks each chart's canvas has something drawn on it. */
async function waitForReport(page: Page): Promise<void> {
  await expect(page.locator('body[data-ready="1"]')).toBeAttached({ timeout: 60_000 });
  expect(await page.evaluate(() => document.documentElement.dataset.printError)).toBeUndefined();
  expect(Number(await page.locator('html').getAttribute('data-print-ready'))).toBeGreaterThan(0);
  const inked = await page.locator('[data-chart] canvas').evaluateAll((canvases) =>
    canvases.map((c) => {
      const canvas = c as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 3; i < (pixels?.data.length ?? 0); i += 4) if (pixels?.data[i]) count++;
      return count;
    }),
  );
  expect(inked).toHaveLength(3);
  for (const count of inked) expect(count).toBeGreaterThan(1000);
}

/** The token as a whole number in the text: "75.5" must not match inside "175.52". */
function hasNumber(text: string, token: string): boolean {
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d.,])${escaped}(?![\\d])`).test(text);
}

test('the yearly report prints to a PDF whose headline figures are the API’s', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const site = await demoSite(request);
  const year = lastFullYear();
  const yearly = {
    water: await api(request, 'analytics.yearly', { siteId: site.id, utility: 'water', year }),
    electricity: await api(request, 'analytics.yearly', {
      siteId: site.id,
      utility: 'electricity',
      year,
    }),
  };
  // The demo has headcounts and a full year of readings, so every figure is there to find.
  expect(yearly.water.partial).toBe(false);

  await openApp(page, reportPath(site.id, year));
  await waitForReport(page);

  fs.mkdirSync(OUT, { recursive: true });
  const pdf = path.join(OUT, 'yearly-report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

  expect(text).toContain(`${year}年度公用设施能耗与运维报告`);
  expect(text).toContain(site.name);
  for (const figure of headlineFigures) {
    const result = yearly[figure.utility];
    const value = headlineValue(figure, result);
    const previous = headlinePrevious(figure, result);
    expect(value, `${figure.key} from the API`).not.toBeNull();
    expect(previous, `${figure.key} last year from the API`).not.toBeNull();
    if (value === null || previous === null) continue;
    const shown = formatNumber(value, figure.digits);
    // Independently of the page's formatter: the text is the API's number rounded to its digits.
    expect(Math.abs(Number(shown.replace(/,/g, '')) - value)).toBeLessThanOrEqual(
      0.5 * 10 ** -figure.digits + 1e-9,
    );
    expect(hasNumber(text, shown), `${figure.key} ${shown} in the PDF`).toBe(true);
    const change = formatChange((value - previous) / previous);
    expect(text, `${figure.key} change in the PDF`).toContain(`同比 ${change}`);
  }
  // The per-day change printed is the API's own previousYearChange.
  expect(text).toContain(`同比 ${formatChange(yearly.water.previousYearChange)}`);
  expect(text).toContain(`总量 ${formatNumber(yearly.water.total, 0)} m³`);

  // Pages as pictures, for a person to look at (Chinese glyphs, charts, nothing cut off).
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, 'yearly-report')]);
  const pngs = fs.readdirSync(OUT).filter((f) => /^yearly-report-\d+\.png$/.test(f));
  expect(pngs.length).toBeGreaterThanOrEqual(2);

  // The toolbar's PDF: the web host renders the same route and the browser downloads it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '另存为 PDF…' }).click();
  const saved = path.join(OUT, 'yearly-report-download.pdf');
  await (await download).saveAs(saved);
  const downloaded = execFileSync('pdftotext', ['-enc', 'UTF-8', saved, '-'], { encoding: 'utf8' });
  expect(downloaded).toContain(`${year}年度公用设施能耗与运维报告`);
  expect(downloaded).toContain(`总量 ${formatNumber(yearly.water.total, 0)} m³`);
});

test('the start page opens the report for the chosen site and year', async ({ page, request }) => {
  const site = await demoSite(request);
  await openApp(page, '/');
  const card = page.getByTestId('yearly-report-card');
  await expect(card.getByRole('combobox', { name: '场所' })).toBeVisible();
  await expect(card).toContainText(site.name);
  await expect(card).toContainText(`${lastFullYear()}年`);
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    card.getByRole('button', { name: '生成年度报告' }).click(),
  ]);
  await expect(popup).toHaveURL(
    new RegExp(`/print/yearly-report\\?siteId=${site.id}&year=${lastFullYear()}$`),
  );
  await waitForReport(popup);
  await expect(popup.getByTestId('yearly-report-status')).toContainText('报告已生成');
});

test('the report is in English when the UI is', async ({ page, request }) => {
  const site = await demoSite(request);
  await page.addInitScript(() => localStorage.setItem('utility-desk.language', 'en'));
  await openApp(page, reportPath(site.id, lastFullYear()));
  await waitForReport(page);
  const report = page.getByTestId('yearly-report');
  await expect(report).toContainText(`Utilities and maintenance report ${lastFullYear()}`);
  await expect(report).toContainText('Water per person per day');
  await expect(report).not.toContainText('人均');
});
