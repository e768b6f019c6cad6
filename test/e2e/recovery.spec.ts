// A damaged database seen from the window: the web host started with --offer-restore (as the
// desktop worker always is) serves a page that says the file is damaged and offers the newest good
// backup; restoring it brings the register back and keeps the damaged file beside it.
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core';
import { corrupt } from '../support/backupFiles';
import { TOKEN } from './support';

let dir: string;
let host: ChildProcess | null = null;
let baseUrl = '';

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utility-desk-recovery-'));
  const file = path.join(dir, 'desk.db');
  const api = openCore(file, { operator: '恢复测试' });
  const site = api.dispatch('places.create', { parentId: null, kind: 'site', name: '恢复校区' });
  if (!site.ok) throw new Error(JSON.stringify(site.error));
  const siteId = (site.result as { id: string }).id;
  api.dispatch('assets.addFixtures', {
    placeId: siteId,
    count: 1500,
    lampType: 'panel',
    ratedPowerW: 18,
  });
  const backup = api.dispatch('backup.now', {});
  if (!backup.ok) throw new Error(JSON.stringify(backup.error));
  api.core.db.close();
  corrupt(file);

  host = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/serve.ts', '--db', file, '--port', '0', '--offer-restore'],
    { env: { ...process.env, UTILITY_DESK_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the web host did not start: ${out}`)), 30_000);
    host?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/[^/\s]+)\//.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    host?.on('exit', (code) => reject(new Error(`the web host exited with ${code}: ${out}`)));
  });
});

test.afterAll(() => {
  host?.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('offers the newest good backup for a damaged database and restores it', async ({ page }) => {
  await page.goto(`${baseUrl}/#token=${TOKEN}`);
  const screen = page.getByTestId('startup-refusal');
  await expect(screen).toContainText('数据库文件已损坏，未打开');
  await expect(screen).toContainText('desk.db');
  await expect(screen).toContainText(path.join('backups', 'desk-'));
  await page.screenshot({ path: 'test-results/recovery-corrupt.png' });

  await page.getByRole('button', { name: '从此备份恢复' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('从备份恢复数据库？');
  await dialog.getByRole('button', { name: '从此备份恢复' }).click();

  // The page reloads into the app over the restored register.
  await expect(page.getByTestId('startup-refusal')).toHaveCount(0);
  await page.goto(`${baseUrl}/places#token=${TOKEN}`);
  await expect(page.getByText('恢复校区').first()).toBeVisible();
  const kept = fs.readdirSync(dir).filter((name) => name.includes('.damaged-'));
  expect(kept.length).toBeGreaterThan(0);
});
