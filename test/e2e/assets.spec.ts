// The Assets page on the demo register: search by a Chinese fragment, scroll the whole fixture list
// to its end, and change 500 fixtures' status at once, then find it in their history.
import { expect, test, type Page } from '@playwright/test';
import { chooseOption, DEMO_URL, openApp } from './support';

test.use({ baseURL: DEMO_URL, viewport: { width: 1440, height: 900 } });

async function totalOf(page: Page): Promise<number> {
  const text = (await page.getByTestId('asset-total').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

/** Picks a filter option and waits until the table's total reflects it. */
async function pickFilter(page: Page, label: string, option: string) {
  await expect(page.getByTestId('asset-total')).toContainText('共');
  const before = await totalOf(page);
  await page.getByRole('combobox', { name: label, exact: true }).first().click();
  await chooseOption(page, option);
  await page.keyboard.press('Escape');
  await expect.poll(() => totalOf(page)).not.toBe(before);
}

test('typing 路灯 or a code fragment shows the matching rows', async ({ page }) => {
  await openApp(page, '/assets');
  await expect(page.getByTestId('asset-total')).toContainText('共');
  const all = await totalOf(page);

  await page.getByLabel('搜索编号、名称、出厂编号、备注').fill('路灯');
  await expect.poll(() => totalOf(page)).toBeLessThan(all);
  const rows = page.getByRole('row');
  await expect(rows.first()).toContainText('路灯');
  for (const text of await rows.allTextContents()) expect(text).toContain('路灯');
  await page.screenshot({ path: 'test-results/assets-search.png' });

  await page.getByLabel('搜索编号、名称、出厂编号、备注').fill('SS-03-2');
  await expect(rows.first()).toContainText('SS-03-2');
  for (const text of await rows.allTextContents()) expect(text).toContain('SS-03-2');
});

test('the full fixture list scrolls to its last row', async ({ page }) => {
  await openApp(page, '/assets');
  await pickFilter(page, '类别', '灯具');
  await expect.poll(() => totalOf(page)).toBeGreaterThan(8000);
  const total = await totalOf(page);
  const grid = page.getByTestId('asset-grid');
  // Scroll in steps, as a person dragging the scroll bar would, then to the very end.
  for (let i = 1; i <= 5; i += 1) {
    await grid.evaluate((el, f) => el.scrollTo(0, el.scrollHeight * f), i / 5);
    await page.waitForTimeout(50);
  }
  const last = page.locator(`[role="row"][aria-rowindex="${total}"]`);
  await expect(last).toBeVisible();
  await expect(last.getByRole('gridcell').first()).not.toBeEmpty();
  await page.screenshot({ path: 'test-results/assets-end.png' });
});

test('bulk-change 500 fixtures to 维修中 and see it in their history', async ({ page }) => {
  await openApp(page, '/assets');
  await pickFilter(page, '类别', '灯具');
  await pickFilter(page, '状态', '在用');
  await expect.poll(() => totalOf(page)).toBeGreaterThan(500);
  const before = await totalOf(page);

  const grid = page.getByTestId('asset-grid');
  await page.locator('[role="row"][aria-rowindex="1"]').getByRole('checkbox').check();
  await grid.evaluate((el) => el.scrollTo(0, 36 * 490));
  const row500 = page.locator('[role="row"][aria-rowindex="500"]');
  await expect(row500.getByRole('checkbox')).toBeVisible();
  const lastCode = (await row500.getByRole('gridcell').first().textContent()) ?? '';
  await row500.getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('asset-selected')).toHaveText('已选 500 项');

  await page.getByRole('button', { name: '批量修改' }).click();
  const dialog = page.getByRole('dialog', { name: '批量修改 500 项资产' });
  await dialog.getByLabel('新状态').click();
  await chooseOption(page, '维修中');
  await dialog.getByRole('button', { name: '修改 500 项' }).click();
  await expect(page.getByText('已修改 500 项资产')).toBeVisible();
  await expect.poll(() => totalOf(page)).toBe(before - 500);

  // The last of the 500 now shows the change in its history.
  await page.getByLabel('搜索编号、名称、出厂编号、备注').fill(lastCode);
  // It is no longer 在用, so the current filter finds nothing until 维修中 is added.
  await expect.poll(() => totalOf(page)).toBe(0);
  await pickFilter(page, '状态', '维修中');
  await expect.poll(() => totalOf(page)).toBe(1);
  await page.locator('[role="row"][aria-rowindex="1"]').getByRole('gridcell').first().click();
  const entry = page.getByTestId('history-entry').first();
  await expect(entry).toContainText('批量修改 500 项');
  await expect(entry).toContainText('状态: 在用 → 维修中');
  await page.screenshot({ path: 'test-results/assets-history.png' });
});

test('create a fixture with a custom field through the form and read it back', async ({ page }) => {
  const code = `NEW-${Date.now() % 100000}`;
  await openApp(page, '/assets');
  await page.getByRole('button', { name: /新建资产/ }).click();
  const dialog = page.getByRole('dialog', { name: '新建资产' });
  await dialog.getByLabel('编号', { exact: true }).fill(code);
  await dialog.getByLabel('名称', { exact: true }).fill('教室LED灯管');
  await dialog.getByPlaceholder(/搜索场所/).fill('A101');
  await page.locator('.ant-select-item-option').filter({ hasText: 'A101' }).first().click();
  await dialog.getByLabel('额定功率(W)').fill('18');
  await dialog.getByRole('button', { name: /添加自定义字段/ }).click();
  await dialog.getByPlaceholder('字段名').fill('供应商');
  await dialog.getByPlaceholder('值').fill('华光照明');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.getByLabel('搜索编号、名称、出厂编号、备注').fill(code);
  await expect(page.getByTestId('asset-total')).toHaveText('共 1 项');
  await page.locator('[role="row"][aria-rowindex="1"]').getByRole('gridcell').first().click();
  const drawer = page.getByRole('dialog').filter({ hasText: code });
  await expect(drawer).toContainText('供应商');
  await expect(drawer).toContainText('华光照明');
  await expect(drawer).toContainText('A101');
  await expect(page.getByTestId('history-entry').first()).toContainText('新建');
});
