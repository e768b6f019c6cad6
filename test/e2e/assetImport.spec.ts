// Importing assets from a GBK-encoded CSV as Chinese Excel saves it: the dry run names exactly the
// three bad rows, the commit writes only the valid ones, and each imported asset's history records
// the import.
import { expect, test } from '@playwright/test';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_URL, openApp } from './support';

test.use({ baseURL: DEMO_URL, viewport: { width: 1440, height: 900 } });

function gbkCsv(tag: string): string {
  const header = '编号,名称,类别,位置,状态,灯具类型,额定功率(W),安装日期';
  const good = (n: number) =>
    `${tag}-${String(n).padStart(3, '0')},LED灯管,灯具,第一教学楼/1层/A101,在用,LED灯管,18,2024-09-01`;
  const rows = [
    good(1),
    `${tag}-002,LED灯管,灯具,不存在的楼/9层,在用,LED灯管,18,2024-09-01`, // row 3: unknown place
    good(3),
    good(4),
    `${tag}-005,LED灯管,灯具,第一教学楼/1层/A101,在用,LED灯管,十八,2024-09-01`, // row 6: bad number
    good(6),
    good(7),
    `${tag}-008,霓虹灯,灯具,第一教学楼/1层/A101,在用,霓虹灯,18,2024-09-01`, // row 9: unknown lamp type
    good(9),
    good(10),
  ];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gbk-')), '灯具导入.csv');
  fs.writeFileSync(file, iconv.encode([header, ...rows].join('\r\n') + '\r\n', 'gbk'));
  return file;
}

test('import a GBK CSV with three bad rows: dry run, commit of the valid rows, history', async ({
  page,
}) => {
  const tag = `GBK${Date.now() % 100000}`;
  await openApp(page, '/assets');
  await expect(page.getByTestId('asset-total')).toContainText('共');
  await page.getByRole('button', { name: /导入$/ }).click();
  const dialog = page.getByRole('dialog', { name: '从表格导入资产' });
  await dialog.locator('input[type="file"]').setInputFiles(gbkCsv(tag));

  const report = dialog.getByTestId('import-report');
  await expect(report).toContainText('gb18030');
  await expect(report).toContainText('10');
  const problemRows = dialog.getByTestId('import-problems').locator('tbody tr');
  await expect(problemRows).toHaveCount(3);
  const rowsNamed = await problemRows.locator('td:first-child').allTextContents();
  expect(rowsNamed.map(Number)).toEqual([3, 6, 9]);
  await expect(problemRows.nth(0)).toContainText('位置');
  await expect(problemRows.nth(1)).toContainText('额定功率(W)');
  await expect(problemRows.nth(2)).toContainText('霓虹灯');
  await expect(problemRows.nth(0)).toContainText('位置不存在');
  await page.screenshot({ path: 'test-results/import-report.png' });

  // Nothing was written by the dry run.
  await page.keyboard.press('Escape');
  await page.getByLabel('搜索编号、名称、出厂编号、备注').fill(tag);
  await expect(page.getByTestId('asset-total')).toHaveText('共 0 项');

  await page.getByRole('button', { name: /导入$/ }).click();
  await dialog.locator('input[type="file"]').setInputFiles(gbkCsv(tag));
  await dialog.getByRole('button', { name: '导入无误的 7 行' }).click();
  await expect(dialog.getByTestId('import-done')).toContainText('新增 7');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('asset-total')).toHaveText('共 7 项');

  await page.locator('[role="row"][aria-rowindex="1"]').getByRole('gridcell').first().click();
  await expect(page.getByTestId('history-entry').first()).toContainText('导入 灯具导入.csv');
  await page.screenshot({ path: 'test-results/import-history.png' });
});
