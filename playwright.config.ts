// End-to-end tests in real Chromium against the web host on a temporary database, plus the
// Electron smoke test (which skips itself, with the reason, where Electron's binary is absent).
import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 5199);
export const E2E_TOKEN = 'e2e-token';
/** A second host over a freshly generated demo register, for tests that need realistic data. */
export const DEMO_PORT = E2E_PORT - 1;
/** A third host whose database stays empty until the first-start test loads the demo into it. */
export const FIRST_START_PORT = E2E_PORT - 2;

function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  return candidates.find((p): p is string => Boolean(p) && fs.existsSync(p as string));
}

const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'utility-desk-e2e-'));

export default defineConfig({
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'e2e', testDir: 'test/e2e' },
    { name: 'electron', testDir: 'test/electron' },
  ],
  webServer: [
    {
      command: `node --import tsx electron/web/serve.ts --db ${path.join(dbDir, 'e2e.db')} --port ${E2E_PORT}`,
      url: `http://127.0.0.1:${E2E_PORT}/`,
      env: { UTILITY_DESK_TOKEN: E2E_TOKEN },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node --import tsx electron/web/serve.ts --db ${path.join(dbDir, 'first-start.db')} --port ${FIRST_START_PORT}`,
      url: `http://127.0.0.1:${FIRST_START_PORT}/`,
      env: { UTILITY_DESK_TOKEN: E2E_TOKEN },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: [
        `node --import tsx electron/cli/demo.ts --db ${path.join(dbDir, 'demo.db')}`,
        `node --import tsx electron/web/serve.ts --db ${path.join(dbDir, 'demo.db')} --port ${DEMO_PORT}`,
      ].join(' && '),
      url: `http://127.0.0.1:${DEMO_PORT}/`,
      env: { UTILITY_DESK_TOKEN: E2E_TOKEN },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
