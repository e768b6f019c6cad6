// Moving a subtree keeps its assets: move a floor of the first teaching building under the second,
// then find its fixtures under the new building on the Assets page.
import { expect, test } from '@playwright/test';
import { DEMO_URL, openApp } from './support';

test.use({ baseURL: DEMO_URL, viewport: { width: 1440, height: 900 } });

test('move a floor with its rooms and fixtures to another building', async ({ page }) => {
  await openApp(page, '/places');
  await page.getByPlaceholder(/搜索场所/).fill('JX-A-5F');
  await page.locator('.ant-select-item-option').filter({ hasText: '5层' }).first().click();
  await expect(page.locator('.ant-breadcrumb')).toContainText('第一教学楼');

  await page.getByRole('button', { name: /移动/ }).click();
  const dialog = page.getByRole('dialog', { name: '移动“5层”' });
  await dialog.getByPlaceholder(/搜索场所/).fill('第二教学楼');
  await page.locator('.ant-select-item-option').filter({ hasText: '第二教学楼' }).first().click();
  await dialog.getByRole('button', { name: '移动' }).click();
  await expect(page.getByText('已移动')).toBeVisible();
  await expect(page.locator('.ant-breadcrumb')).toContainText('第二教学楼');

  await openApp(page, '/assets');
  await page.getByPlaceholder(/搜索场所/).fill('第二教学楼');
  await page.locator('.ant-select-item-option').filter({ hasText: '第二教学楼' }).first().click();
  await page.getByLabel('搜索编号、名称、出厂编号、备注').fill('JX-A-501-L01');
  await expect(page.getByTestId('asset-total')).toHaveText('共 1 项');
  await expect(page.locator('[role="row"][aria-rowindex="1"]')).toContainText(
    '第二教学楼 › 5层 › A501',
  );
});
