// First start: an empty database offers demo data; loading it fills the register and the tree.
import { expect, test } from '@playwright/test';
import { FIRST_START_URL, openApp } from './support';

// Its own host: no other test writes to this database, so it is empty when the test starts.
test.use({ baseURL: FIRST_START_URL });

test('the dashboard offers demo data on an empty database and loads it', async ({ page }) => {
  await openApp(page, '/');
  const offer = page.getByRole('button', { name: '加载演示数据' });
  await expect(offer).toBeVisible();
  await page.screenshot({ path: 'test-results/dashboard-empty.png', fullPage: true });
  await offer.click();
  await expect(page.getByText('演示数据已加载')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('场所概况')).toBeVisible();
  await expect(page.getByText('资产台账').last()).toBeVisible();
  await page.screenshot({ path: 'test-results/dashboard-demo.png', fullPage: true });
  await page.getByRole('menuitem', { name: '场所' }).click();
  await page.getByRole('tree').getByText('职业技术学院主校区').click();
  await expect(page.locator('.ant-descriptions')).toContainText('职业技术学院主校区');
  await expect(page.getByRole('cell', { name: '第一教学楼' })).toBeVisible();
  await page.screenshot({ path: 'test-results/places-demo.png', fullPage: true });
});

test('the first start asks once who is working and shows that name', async ({ page }) => {
  await page.goto('/#token=e2e-token');
  const ask = page.getByRole('dialog', { name: '请确认操作员姓名' });
  await expect(ask).toBeVisible();
  await ask.getByRole('textbox').fill('王师傅');
  await ask.getByRole('textbox').press('Enter');
  await expect(ask).toBeHidden();
  await expect(page.getByRole('button', { name: /操作员：王师傅/ })).toBeVisible();
  // Asked once only.
  await page.reload();
  await expect(page.getByRole('button', { name: /操作员：王师傅/ })).toBeVisible();
  await expect(page.getByRole('dialog', { name: '请确认操作员姓名' })).toHaveCount(0);
});
