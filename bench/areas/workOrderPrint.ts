// Area `work_order_print`: the time to turn 200 demo work orders into one PDF, as the acceptance
// test does it — the print route in Chromium through the web host (load the batch, make the QR
// codes, measure and paginate, render) and then page.pdf() — against Chromium printing as many
// plain pages (one line of text each, same paper) in the same browser in the same run. Needs the
// built renderer (built here when missing or older than the print route) and a Chromium binary;
// without Chromium the area says so and reports nothing.
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../../electron/core';
import { generateDemo } from '../../electron/demo';
import { createWebHost } from '../../electron/web/server';
import { call } from '../lib/api';
import { percentile } from '../lib/stats';
import { removeDbFiles } from '../lib/tempdb';
import { msSince, nowNs } from '../lib/timing';
import type { Area, Ctx, Result } from '../lib/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOKEN = 'bench-token';
const ORDERS = 200;
const ROUNDS = 3;
const LIMIT_OF = 'page.pdf() of as many plain A4 pages in the same Chromium';

function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
    (p): p is string => Boolean(p) && fs.existsSync(p as string),
  );
}

/** dist/renderer with the print route in it: a build from before the route would time nothing. */
function ensureRenderer(ctx: Ctx): string {
  const dir = path.join(root, 'dist/renderer');
  const assets = path.join(dir, 'static');
  const hasRoute =
    fs.existsSync(assets) &&
    fs
      .readdirSync(assets)
      .some(
        (f) =>
          f.endsWith('.css') && fs.readFileSync(path.join(assets, f), 'utf8').includes('.wo-sheet'),
      );
  if (!fs.existsSync(path.join(dir, 'index.html')) || !hasRoute) {
    ctx.log('work_order_print: building the renderer');
    const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  return dir;
}

/** One round: route loaded and laid out, then printed; answers both times and the page count. */
async function printRound(page: Page, base: string, ids: readonly string[]) {
  await page.goto(`${base}/#token=${TOKEN}`);
  const start = nowNs();
  await page.goto(`${base}/print/work-orders?layout=a4&copies=1#ids=${ids.join(',')}`);
  const ready = await page.waitForFunction(
    () =>
      document.documentElement.dataset.printReady ?? document.documentElement.dataset.printError,
    null,
    { timeout: 120_000 },
  );
  const pages = Number(await ready.jsonValue());
  if (!Number.isInteger(pages))
    throw new Error(`the print route failed: ${String(await ready.jsonValue())}`);
  const layoutMs = msSince(start);
  // page.pdf() lays the document out for print media itself, as Electron's printToPDF does.
  const pdfStart = nowNs();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdfMs = msSince(pdfStart);
  return { pages, layoutMs, pdfMs, totalMs: msSince(start), bytes: pdf.length };
}

/** The limit: the same number of A4 pages holding one line each, through the same page.pdf(). */
async function plainRound(page: Page, pages: number): Promise<number> {
  const body = Array.from(
    { length: pages },
    (_, i) => `<div style="height:297mm;break-after:page">第 ${i + 1} 页 page ${i + 1}</div>`,
  ).join('');
  await page.setContent(`<style>@page{size:A4;margin:0}body{margin:0}</style>${body}`);
  const start = nowNs();
  await page.pdf({ preferCSSPageSize: true });
  return msSince(start);
}

export const workOrderPrintArea: Area = {
  name: 'work_order_print',
  async run(ctx: Ctx): Promise<Result[]> {
    const executablePath = chromiumPath();
    if (!executablePath) {
      ctx.log('work_order_print: skipped — no Chromium at CHROMIUM_PATH or /usr/bin/chromium');
      return [];
    }
    const staticDir = ensureRenderer(ctx);
    const file = ctx.tempFile('work-order-print.db');
    const api = openCore(file, { operator: 'bench' });
    ctx.log(`work_order_print: generating the demo register at scale ${ctx.scale}`);
    generateDemo(api.core.db, { scale: ctx.scale, seed: 20261129 });
    const ids = call(api, 'workOrders.query', {
      filter: { types: ['corrective'] },
      sort: { column: 'number', direction: 'asc' },
      limit: ORDERS,
    }).items.map((o) => o.id);
    const server = createWebHost({ api, token: TOKEN, staticDir, ratePerSecond: 5000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(() => localStorage.setItem('utility-desk.operator', 'bench'));
      const rounds = [];
      const plain: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        ctx.log(`work_order_print: round ${round + 1} of ${ROUNDS}, ${ids.length} orders`);
        const r = await printRound(page, base, ids);
        rounds.push(r);
        plain.push(await plainRound(page, r.pages));
      }
      const median = (values: number[]) => percentile(values, 50);
      const limit = median(plain);
      const pages = rounds[0]?.pages ?? 0;
      return [
        { name: 'work_order_print.orders', value: ids.length, unit: 'orders' },
        { name: 'work_order_print.pages', value: pages, unit: 'pages' },
        { name: 'work_order_print.plain_pdf_ms', value: limit, unit: 'ms' },
        {
          name: 'work_order_print.layout_ms',
          value: median(rounds.map((r) => r.layoutMs)),
          unit: 'ms',
        },
        {
          name: 'work_order_print.pdf_ms',
          value: median(rounds.map((r) => r.pdfMs)),
          unit: 'ms',
          limit,
          limitOf: LIMIT_OF,
        },
        {
          name: 'work_order_print.total_ms',
          value: median(rounds.map((r) => r.totalMs)),
          unit: 'ms',
          limit,
          limitOf: LIMIT_OF,
        },
        {
          name: 'work_order_print.pdf_kb',
          value: Math.round(median(rounds.map((r) => r.bytes)) / 1024),
          unit: 'KiB',
        },
      ];
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      api.core.db.close();
      removeDbFiles(file);
    }
  },
};
