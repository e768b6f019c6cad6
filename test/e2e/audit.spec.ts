// The audit view end to end on the empty-database host: a place with a Chinese name is created and
// renamed through the API, then found under 设置 → 操作记录 by filtering on 场所; its full
// before/after opens from the row, and the CSV export (a real browser download) holds the name.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { chooseOption, openApp, TOKEN, unique } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

async function apiCall<T>(request: APIRequestContext, method: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/${method}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; result: T; error?: unknown };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.result;
}

test('find a new place in 操作记录, see its changes and export them as CSV', async ({
  page,
  request,
}) => {
  const tag = unique();
  const name = `审计测试校区${tag}`;
  const renamed = `审计测试北校区${tag}`;
  const site = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'site',
    parentId: null,
    name,
    code: `SJ-${tag}`,
  });
  await apiCall(request, 'places.update', { id: site.id, patch: { name: renamed } });

  await openApp(page, '/');
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await page.getByRole('tab', { name: '操作记录' }).click();
  await expect(page.getByRole('tab', { name: '操作记录' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('audit-total')).toContainText('共');

  await page.getByRole('combobox', { name: '对象', exact: true }).click();
  await chooseOption(page, '场所');
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(
    0,
  );
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.locator('td:nth-child(3)').allTextContents()) {
    expect(text).toMatch(/^场所/);
  }

  // Newest first: the rename, then the creation, both naming the place.
  const update = rows.filter({ hasText: `名称: ${name} → ${renamed}` });
  await expect(update).toHaveCount(1);
  await expect(update).toContainText('修改');
  const create = rows.filter({ hasText: `名称: ${name}` }).filter({ hasText: '新建' });
  await expect(create).toHaveCount(1);
  await page.screenshot({ path: 'test-results/audit.png', animations: 'disabled' });

  // The full before/after, from the keyboard.
  await update.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('audit-detail');
  await expect(detail).toContainText(site.id);
  const nameRow = detail.locator('tr').filter({ hasText: '名称' });
  await expect(nameRow).toContainText(name);
  await expect(nameRow).toContainText(renamed);
  await expect(detail.locator('tr').filter({ hasText: '更新时间' })).toBeVisible();
  await page.screenshot({ path: 'test-results/audit-detail.png', animations: 'disabled' });
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^操作记录_\d{8}-\d{4}\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.split('\r\n')[0]).toBe('时间,操作员,对象,编号,名称,操作,备注,变更');
  const [, ...records] = parse(text) as string[][];
  const mine = records.filter((r) => r[3] === site.id);
  expect(mine.map((r) => r.slice(2, 8))).toEqual([
    ['场所', site.id, `SJ-${tag} ${renamed}`, '修改', '', `名称: ${name} → ${renamed}`],
    ['场所', site.id, `SJ-${tag} ${name}`, '新建', '', expect.stringContaining(`名称: ${name}`)],
  ]);
  // Every exported row is a place: the export used the filter on screen.
  expect(records.every((r) => r[2] === '场所')).toBe(true);
  await expect(page.getByText(/已导出 \d+ 条操作记录/)).toBeVisible();
});
