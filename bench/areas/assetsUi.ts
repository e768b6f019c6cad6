// Area `assets_ui`: what a person feels — in Chromium, through the web host, the time from the last
// keystroke in the asset search box to the matching rows on screen, on the demo register at
// --scale. Needs the built renderer (built here when missing) and a Chromium binary.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../../electron/core';
import { generateDemo } from '../../electron/demo';
import { createWebHost } from '../../electron/web/server';
import { latencyResults } from '../lib/stats';
import { removeDbFiles } from '../lib/tempdb';
import type { Area, Ctx, Result } from '../lib/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const QUERIES = ['路灯', 'JX-B-30', '投光灯', 'SS-03-2', 'A-301-L0', '节水', 'SN-W2', '水表'];
const ROUNDS = 3;
const TOKEN = 'bench-token';

function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
    (p): p is string => Boolean(p) && fs.existsSync(p as string),
  );
}

function ensureRenderer(ctx: Ctx): string {
  const dir = path.join(root, 'dist/renderer');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    ctx.log('assets_ui: building the renderer');
    const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  return dir;
}

export const assetsUiArea: Area = {
  name: 'assets_ui',
  async run(ctx: Ctx): Promise<Result[]> {
    const executablePath = chromiumPath();
    if (!executablePath) {
      ctx.log('assets_ui: skipped — no Chromium at CHROMIUM_PATH or /usr/bin/chromium');
      return [];
    }
    const staticDir = ensureRenderer(ctx);
    const file = ctx.tempFile('assets-ui.db');
    const api = openCore(file, { operator: 'bench' });
    ctx.log(`assets_ui: generating the demo register at scale ${ctx.scale}`);
    generateDemo(api.core.db, { scale: ctx.scale, seed: 20261129 });
    const server = createWebHost({ api, token: TOKEN, staticDir, ratePerSecond: 5000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(() => localStorage.setItem('utility-desk.operator', 'bench'));
      await page.goto(`http://127.0.0.1:${port}/assets#token=${TOKEN}`);
      await page.getByRole('row').first().waitFor();
      const box = page.getByLabel('搜索编号、名称、出厂编号、备注');
      const samples: number[] = [];
      ctx.log('assets_ui: typing searches');
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const q of QUERIES) {
          await box.fill('');
          await page.waitForFunction((query) => {
            const first = document.querySelector('[role="row"] [role="gridcell"]');
            return first !== null && !first.parentElement?.textContent?.includes(query);
          }, q);
          await page.evaluate(() => {
            const w = window as unknown as { deskKey?: number };
            delete w.deskKey;
            document.addEventListener('input', () => (w.deskKey = performance.now()), {
              once: true,
              capture: true,
            });
          });
          // The query arrives as one input event, as when the last key of a word (or an IME
          // commit of Chinese text) lands; timing starts at that event.
          await box.fill(q);
          const handle = await page.waitForFunction(
            (query) => {
              const rows = [...document.querySelectorAll('[role="row"]')];
              const first = rows[0];
              const w = window as unknown as { deskKey?: number };
              if (w.deskKey === undefined || !first || !first.textContent?.includes(query))
                return null;
              if (
                !rows.every(
                  (r) => r.textContent?.includes(query) || !r.querySelector('[role="gridcell"]'),
                )
              )
                return null;
              return performance.now() - w.deskKey;
            },
            q,
            { polling: 'raf', timeout: 10_000 },
          );
          samples.push(Number(await handle.jsonValue()));
        }
      }
      return latencyResults('assets_ui.search_keystroke_to_rows', samples).map((r) => ({
        ...r,
        limit: 100,
        limitOf: 'goal of issue 3 (100 ms)',
      }));
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      api.core.db.close();
      removeDbFiles(file);
    }
  },
};
