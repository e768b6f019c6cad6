// Spare parts end to end on the empty-database host: create a part with opening stock from the
// keyboard, receive into it, issue to a work order picked by its number, count it with a reason (which takes it below its reorder point), read
// its history, find it with the "below reorder point" switch and on the reorder list, and export
// that list as a CSV with a UTF-8 BOM.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { openApp, TOKEN, unique } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

test('create a part, receive, issue, count with a reason, and see it on the reorder list', async ({
  page,
  request,
}) => {
  const name = `LED灯管${unique()}`;
  const created = await request.post('/api/workOrders.create', {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: { type: 'corrective', title: `更换走廊灯管 ${name}` },
  });
  const order = ((await created.json()) as { result: { number: string } }).result;
  await openApp(page, '/maintenance?tab=parts');
  await expect(page.getByTestId('parts-total')).toContainText('共');

  // New part, submitted with Enter from the last field typed in.
  await page.getByRole('button', { name: '新建备件' }).first().click();
  const form = page.getByRole('dialog', { name: '新建备件' });
  await form.getByLabel('名称', { exact: true }).fill(name);
  await form.getByLabel('规格型号').fill('T8 18W 4000K');
  await form.getByLabel('单位').fill('支');
  await form.getByLabel('补货点').fill('8');
  await form.getByLabel('期初库存').fill('10');
  await form.getByLabel('期初库存').press('Enter');
  await expect(form).toBeHidden();
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: name });
  await expect(row).toContainText('10');
  await expect(row).toContainText('正常');

  // Receive 5.
  await row.getByRole('button', { name: `入库 ${name}` }).click();
  const receive = page.getByRole('dialog', { name: `入库：${name}` });
  await receive.getByLabel('数量（支）').fill('5');
  await receive.getByLabel('备注').fill('采购单 CG-0012');
  await receive.getByLabel('备注').press('Enter');
  await expect(page.getByText('已入库 5 支，现有 15 支')).toBeVisible();
  await expect(row.locator('td').nth(3)).toHaveText('15');

  // Issue 4 to the work order, picked by typing its number.
  await row.getByRole('button', { name: `领用 ${name}` }).click();
  const issue = page.getByRole('dialog', { name: `领用 / 退回：${name}` });
  await issue.getByRole('combobox', { name: '工单' }).fill(order.number);
  await page.locator('.ant-select-item-option').filter({ hasText: order.number }).click();
  await issue.getByLabel('数量（支）').fill('4');
  await issue.getByLabel('数量（支）').press('Enter');
  await expect(page.getByText(`已领用 4 支，工单 ${order.number}`)).toBeVisible();
  await expect(row.locator('td').nth(3)).toHaveText('11');

  // Count: a reason is required; 6 on the shelf puts it below the reorder point of 8.
  await row.getByRole('button', { name: `盘点调整 ${name}` }).click();
  const count = page.getByRole('dialog', { name: `盘点调整：${name}` });
  await count.getByLabel('实盘数量（支）').fill('6');
  await expect(count).toContainText('差异 −5 支');
  await count.getByLabel('实盘数量（支）').press('Enter');
  await expect(count.getByText('请填写调整原因')).toBeVisible();
  await count.getByLabel('调整原因').fill('月末盘点，5支破损');
  await count.getByLabel('调整原因').press('Enter');
  await expect(count).toBeHidden();
  await expect(row.locator('td').nth(3)).toHaveText('6');
  await expect(row).toContainText('低于补货点');

  // History, newest first, the count with its reason.
  await row.getByRole('button', { name: `记录 ${name}` }).click();
  const history = page.getByTestId('part-movements').locator('tr.ant-table-row');
  await expect(history).toHaveCount(4);
  await expect(history.nth(0)).toContainText('盘点调整');
  await expect(history.nth(0)).toContainText('−5 支');
  await expect(history.nth(0)).toContainText('月末盘点，5支破损');
  await expect(history.nth(1)).toContainText(`−4 支${order.number}`);
  await expect(history.nth(2)).toContainText('+5 支');
  await expect(history.nth(3)).toContainText('期初库存');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('part-movements')).toBeHidden();

  // The switch keeps only parts at or below their reorder point, this one among them.
  await page.getByRole('switch', { name: '只看低于补货点' }).click();
  await page.getByPlaceholder('搜索名称或规格').fill(name);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
  await expect(row).toBeVisible();
  await page.screenshot({ path: 'test-results/parts.png', animations: 'disabled' });

  // Reorder list: 8 × 2 − 6 = 10 to order; export it.
  await page.getByRole('button', { name: '补货清单' }).click();
  const reorderRow = page.getByTestId('reorder-list').locator('tr').filter({ hasText: name });
  await expect(reorderRow.locator('td').nth(5)).toHaveText('10');
  await page.screenshot({ path: 'test-results/parts-reorder.png', animations: 'disabled' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^补货清单-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('名称,规格型号,单位,现有库存,补货点,建议采购,存放位置');
  expect(lines).toContain(`${name},T8 18W 4000K,支,6,8,10,`);
});
