// Settings → 备份与恢复 and 数据导出 on the demo register: back up now and see the backup listed;
// export everything and find one CSV per table and the manifest in the zip.
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import fs from 'node:fs';
import { DEMO_URL, openApp } from './support';

test.use({ baseURL: DEMO_URL, viewport: { width: 1440, height: 900 } });

test('back up now from the Settings page', async ({ page }) => {
  await openApp(page, '/settings?tab=backup');
  await expect(page.getByRole('tab', { name: '备份与恢复' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  // The web host backed the database up when it started, so the list is never empty once loaded.
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  await page.getByRole('button', { name: /立即备份/ }).click();
  await expect(page.getByText(/已备份：/)).toBeVisible();
  await expect(rows).toHaveCount(before + 1);
  await expect(rows.first()).toContainText('.db');
  await page.screenshot({ path: 'test-results/settings-backup.png' });
});

test('export everything as a zip of CSV files with a manifest', async ({ page }) => {
  await openApp(page, '/settings?tab=data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /导出全部数据/ }).click(),
  ]);
  await expect(page.getByText(/已导出 \d+ 张表/)).toBeVisible();
  const file = await download.path();
  const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as {
    tables: Record<string, { rows: number }> | { name: string; rows: number }[];
  };
  const names = Object.keys(entries);
  expect(names).toContain('manifest.json');
  expect(names.some((n) => n.startsWith('assets'))).toBe(true);
  expect(names.some((n) => n.startsWith('places'))).toBe(true);
  const assetsCsv = new TextDecoder().decode(
    entries[names.find((n) => n.startsWith('assets')) ?? ''],
  );
  expect(assetsCsv).toContain('路灯');
  expect(manifest.tables).toBeTruthy();
  await page.screenshot({ path: 'test-results/settings-data.png' });
});
