// The Places page end to end: create a site and a building with Chinese names, reload, find the
// building by search, edit it, delete it — all through the web host on a real database.
import { expect, test } from '@playwright/test';
import { openApp, unique } from './support';

test('create, find after reload, edit and delete a building with a Chinese name', async ({
  page,
}) => {
  const tag = unique();
  const siteName = `东校区${tag}`;
  const buildingName = `图书馆南楼${tag}`;
  const renamed = `图书馆北楼${tag}`;

  await openApp(page, '/');
  await page.getByRole('menuitem', { name: '场所' }).click();
  await expect(page).toHaveURL(/\/places$/);

  await page.getByRole('button', { name: '新建校区/园区' }).click();
  const siteDialog = page.getByRole('dialog', { name: '新建校区/园区' });
  await siteDialog.getByLabel('名称').fill(siteName);
  await siteDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('tree').getByText(siteName)).toBeVisible();

  await page.getByRole('button', { name: '新建建筑' }).click();
  const buildingDialog = page.getByRole('dialog', { name: '新建建筑' });
  await buildingDialog.getByLabel('名称').fill(buildingName);
  await buildingDialog.getByLabel('编号').fill(`TS-${tag}`);
  await buildingDialog.getByLabel('面积（m²）').fill('12500');
  await buildingDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-descriptions')).toContainText(buildingName);
  await expect(page.locator('.ant-descriptions')).toContainText('12,500');
  await page.screenshot({ path: 'test-results/places-building.png', fullPage: true });

  // Reload: the data comes back from the database, not from page state.
  await page.reload();
  await expect(page.locator('.ant-descriptions')).toContainText(buildingName);

  // Find it from a fresh page with the search box.
  await openApp(page, '/places');
  await page.getByPlaceholder(/搜索场所/).fill(buildingName.slice(0, 5));
  await page.locator('.ant-select-item-option').filter({ hasText: buildingName }).click();
  await expect(page.locator('.ant-descriptions')).toContainText(buildingName);
  await expect(page.locator('.ant-breadcrumb')).toContainText(siteName);

  // Edit.
  await page.getByRole('button', { name: '编辑' }).first().click();
  const editDialog = page.getByRole('dialog', { name: `编辑 ${buildingName}` });
  await editDialog.getByLabel('名称').fill(renamed);
  await editDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-descriptions')).toContainText(renamed);
  await page.reload();
  await expect(page.locator('.ant-descriptions')).toContainText(renamed);

  // Delete, with confirmation.
  await page.getByRole('button', { name: '删除' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除 1 个场所')).toBeVisible();
  await expect(page).toHaveURL(/\/places\/[0-9a-f-]+$/);
  await expect(page.getByRole('tree').getByText(renamed)).toHaveCount(0);

  await page.getByPlaceholder(/搜索场所/).fill(renamed);
  await expect(page.locator('.ant-select-item-option').filter({ hasText: renamed })).toHaveCount(0);
});

test('the API refuses a request without the token, from the page origin too', async ({ page }) => {
  await openApp(page, '/');
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/system.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    return r.status;
  });
  expect(status).toBe(403);
});

test('switches to English and back', async ({ page }) => {
  await openApp(page, '/places');
  await page.getByLabel('语言').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'English' }).click();
  await expect(page.getByRole('menuitem', { name: 'Places' })).toBeVisible();
  await page.getByLabel('Language').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '中文' }).click();
  await expect(page.getByRole('menuitem', { name: '场所' })).toBeVisible();
});
