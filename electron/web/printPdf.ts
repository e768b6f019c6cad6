// The web host's "Save as PDF": the same print route the window shows, rendered to PDF by a
// headless Chromium on this machine (the one Playwright drives, or CHROMIUM_PATH), so a browser
// user downloads the very layout the Electron shell would write with printToPDF. The page gets
// the host's token in its session storage, as a tab opened from the app would have it, and is
// printed once it signals that its layout is done (html[data-print-ready], as electron/print.ts
// waits for). Where no Chromium can be started the caller is told so, and the print dialog's
// "Save as PDF" remains.
import fs from 'node:fs';
import { DeskError } from '../../shared/contract/errors';

/** The print routes a PDF may be made of, with their query and fragment. */
const PRINT_PATH = /^\/print\/[a-z0-9-]+(\?[^\s#]*)?(#[^\s]*)?$/i;
const READY_TIMEOUT_MS = 120_000;

interface Browser {
  newContext(): Promise<Context>;
  close(): Promise<void>;
}
interface Context {
  addInitScript(script: { content: string }): Promise<void>;
  newPage(): Promise<Page>;
}
interface Page {
  goto(url: string): Promise<unknown>;
  waitForSelector(selector: string, options: { timeout: number }): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
  pdf(options: { preferCSSPageSize: boolean; printBackground: boolean }): Promise<Buffer>;
}
interface Chromium {
  launch(options: { executablePath?: string; args: string[] }): Promise<Browser>;
}

function unavailable(why: string): DeskError {
  return new DeskError(
    'CONFLICT',
    '本机网页服务无法生成 PDF，请点“打印…”并在打印对话框中选择“另存为 PDF” / ' +
      `This web host cannot make PDFs (${why}); print and choose "Save as PDF" instead.`,
    { reason: 'NO_PDF_ENGINE' },
  );
}

async function chromium(): Promise<Chromium> {
  try {
    // Named through a variable: an optional tool of the machine, not a dependency of the app.
    const name = 'playwright-core';
    const module = (await import(name)) as { chromium: Chromium };
    return module.chromium;
  } catch {
    throw unavailable('playwright-core is not installed');
  }
}

function executablePath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && fs.existsSync(p as string));
}

export function isPrintPath(path: unknown): path is string {
  return typeof path === 'string' && path.length <= 16_000 && PRINT_PATH.test(path);
}

export async function renderPdf(baseUrl: string, token: string, path: string): Promise<Buffer> {
  const engine = await chromium();
  let browser: Browser;
  try {
    const exe = executablePath();
    browser = await engine.launch({
      ...(exe ? { executablePath: exe } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  } catch (error) {
    throw unavailable(
      error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
    );
  }
  try {
    const context = await browser.newContext();
    await context.addInitScript({
      content: `sessionStorage.setItem('utility-desk.token', ${JSON.stringify(token)});`,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`);
    await page.waitForSelector('html[data-print-ready], html[data-print-error]', {
      timeout: READY_TIMEOUT_MS,
    });
    const failed = await page.evaluate(() => document.documentElement.dataset.printError ?? null);
    if (failed !== null) {
      throw new DeskError('BAD_REQUEST', `The page could not be laid out: ${failed}`);
    }
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
