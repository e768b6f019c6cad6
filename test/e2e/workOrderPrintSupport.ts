// Helpers of the printed work-order tests: the web host's API with the test token, opening the
// print route and waiting for its layout, printing it to PDF with page.pdf(), and reading the PDF
// back with poppler (pdfinfo, pdftotext, pdffonts, pdftoppm for the PNGs a person looks at).
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_URL, TOKEN } from './support';

export const ORDER_NUMBER = /WO-\d{4}-\d{5}/g;

export async function apiCall<T>(
  request: APIRequestContext,
  method: string,
  input: unknown,
): Promise<T> {
  const response = await request.post(`${DEMO_URL}/api/${method}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; result: T; error?: unknown };
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result;
}

/** The route's address for picked orders (what the list's print dialog builds). */
export function selectionPath(ids: readonly string[], layout = 'a4', copies = 1): string {
  return `/print/work-orders?layout=${layout}&copies=${copies}#ids=${ids.join(',')}`;
}

/** Opens a print address in a tab that already holds the token; answers the preview's count. */
export async function openPrint(page: Page, address: string): Promise<number> {
  await page.goto(address);
  return laidOut(page);
}

/** Waits for the print route's layout (as Electron's print window does); the preview's count. */
export async function laidOut(page: Page): Promise<number> {
  await page.waitForFunction(
    () =>
      document.documentElement.dataset.printReady ?? document.documentElement.dataset.printError,
    null,
    { timeout: 90_000 },
  );
  const error = await page.evaluate(() => document.documentElement.dataset.printError ?? null);
  expect(error).toBeNull();
  const summary = page.getByTestId('print-summary');
  const pages = Number(await summary.getAttribute('data-pages'));
  expect(await summary.textContent()).toContain(`共 ${pages} 页`);
  await expect(page.getByTestId('print-overflow')).toHaveCount(0);
  return pages;
}

export interface PdfFile {
  file: string;
  pages: number;
  /** Text of each page (pdftotext's form feeds split them). */
  texts: string[];
  info: string;
}

/** page.pdf() of the route as it prints, read back. */
export async function printToPdf(page: Page, name: string): Promise<PdfFile & { ms: number }> {
  const file = path.join('test-results', `${name}.pdf`);
  fs.mkdirSync('test-results', { recursive: true });
  await page.emulateMedia({ media: 'print' });
  const started = Date.now();
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const ms = Date.now() - started;
  await page.emulateMedia({ media: 'screen' });
  return { ...readPdf(file), ms };
}

export function readPdf(file: string): PdfFile {
  const info = execFileSync('pdfinfo', [file]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const texts = execFileSync('pdftotext', [file, '-'], { maxBuffer: 64 * 1024 * 1024 })
    .toString()
    .split('\f')
    .slice(0, pages);
  return { file, pages, texts, info };
}

/** Text without any whitespace, so a line break pdftotext put in a word does not matter. */
export const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * The fonts Chromium really drew an element's text with (DevTools' "rendered fonts"). The PDF
 * cannot tell: Skia embeds the glyphs as nameless Type 3 fonts.
 */
export async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

/** PNGs of the first and last pages at 60 dpi, as the README shows, to look at. */
export function renderEnds(pdf: PdfFile, name: string): string[] {
  const out: string[] = [];
  for (const [which, pageNo] of [
    ['first', 1],
    ['last', pdf.pages],
  ] as const) {
    const prefix = path.join('test-results', `${name}-${which}`);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      String(pageNo),
      '-l',
      String(pageNo),
      '-singlefile',
      pdf.file,
      prefix,
    ]);
    out.push(`${prefix}.png`);
  }
  for (const file of out) expect(fs.statSync(file).size).toBeGreaterThan(1000);
  return out;
}
