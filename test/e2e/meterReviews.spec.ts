// Meter detail and review queue end to end on the empty-database host: a meter with an install
// event and weekly readings where 1200 was keyed as 1020 (two digits swapped) lands in the review
// queue with a typo proposal; it is resolved by keyboard (Enter, confirm) on the review tab; the
// API then shows the item resolved as a typo and the reading corrected; the meter, found by
// searching the meter list, shows its readings without a review flag, the daily chart and the
// install event; and deleting a reading asks first.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { openApp, TOKEN, unique } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

interface Envelope<T> {
  ok: boolean;
  result: T;
  error?: { code: string; message: string };
}

async function apiCall<T>(request: APIRequestContext, method: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/${method}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: input,
  });
  const body = (await response.json()) as Envelope<T>;
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result;
}

/** 09:00 Shanghai time `daysAgo` days before today, with its offset, as the API wants it. */
function shanghaiMorning(daysAgo: number): string {
  const day = new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000);
  return `${day.toISOString().slice(0, 10)}T09:00+08:00`;
}

interface Reading {
  at: string;
  local: string;
  value: number;
  interval: { kind: string; reviewId: string | null } | null;
}
interface Review {
  id: string;
  proposed: string;
  resolution: string | null;
  suggestion: { reading: string; value: number } | null;
}

test('a keyed-in typo is resolved from the review queue and the meter detail shows it fixed', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const u = unique();
  const site = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'site',
    parentId: null,
    name: `计量校区${u}`,
    code: `JL${u}`,
    timeZone: 'Asia/Shanghai',
  });
  const building = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'building',
    parentId: site.id,
    name: `综合楼${u}`,
    code: `ZH${u}`,
    use: 'teaching',
  });
  const meterFields = { kind: 'meter', utility: 'water', unit: 'm³', placeId: building.id };
  const parent = await apiCall<{ id: string; code: string }>(request, 'assets.create', {
    ...meterFields,
    code: `ZB-${u}`,
    name: '校区进水总表',
    meterLevel: 1,
  });
  const code = `SB-${u}`;
  const meter = await apiCall<{ id: string }>(request, 'assets.create', {
    ...meterFields,
    code,
    name: '综合楼水表',
    meterLevel: 2,
    parentMeterId: parent.id,
    serial: `SN-${u}`,
    registerDigits: 6,
  });
  await apiCall(request, 'meters.addEvent', {
    meterId: meter.id,
    kind: 'install',
    at: shanghaiMorning(40),
    opening: 900,
    note: '新装',
  });
  // Weekly readings; the third should have been 1200.
  const series: [number, number][] = [
    [35, 1000],
    [28, 1100],
    [21, 1020],
    [14, 1300],
    [7, 1390],
  ];
  for (const [daysAgo, value] of series) {
    await apiCall(request, 'meters.addReading', {
      meterId: meter.id,
      at: shanghaiMorning(daysAgo),
      value,
    });
  }
  const open = await apiCall<{ items: Review[] }>(request, 'meters.reviews', {
    status: 'open',
    meterId: meter.id,
  });
  expect(open.items).toHaveLength(1);
  expect(open.items[0]?.proposed).toBe('typo');
  expect(open.items[0]?.suggestion).toMatchObject({ reading: 'to', value: 1200 });

  // The review tab explains the proposal in words.
  await openApp(page, '/meters?tab=reviews');
  const row = page
    .getByTestId('review-queue')
    .locator('tr.ant-table-row')
    .filter({ hasText: code });
  await expect(row).toContainText('录入错误');
  await expect(row).toContainText('本次读数 1,020 应为 1,200（相邻两位数字颠倒）');
  await expect(row).toContainText('−80');
  await expect(row.getByRole('button', { name: `采纳建议 ${code}` })).toBeVisible();
  await page.screenshot({ path: 'test-results/meter-reviews.png', fullPage: true });

  // The other-resolution form is prefilled with the proposal; cancelled here.
  await row.getByRole('button', { name: `其他处理 ${code}` }).click();
  const form = page.getByRole('dialog', { name: `处理复核 · ${code} 综合楼水表` });
  await expect(form.getByRole('radio', { name: '录入错误' })).toBeChecked();
  await expect(form.getByRole('radio', { name: '本次（1,020）' })).toBeChecked();
  await expect(form.getByLabel('正确的读数（现为 1,020）')).toHaveValue('1200');
  // Button-style radios hide their input: click the visible label.
  await form.locator('label').filter({ hasText: '换表未登记' }).click();
  await expect(form.getByLabel('旧表止码')).toBeVisible();
  await form.locator('label').filter({ hasText: '录入错误' }).click();
  await expect(form.getByLabel('正确的读数（现为 1,020）')).toHaveValue('1200');
  await page.screenshot({ path: 'test-results/meter-review-form.png' });
  await form.getByRole('button', { name: /^取\s?消$/ }).click();
  await expect(form).toBeHidden();

  // Keyboard: select the row, Enter, confirm.
  await row
    .locator('td')
    .first()
    .click({ position: { x: 4, y: 4 } });
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog').filter({ hasText: `采纳 ${code} 的系统建议？` });
  await expect(confirm).toContainText('应为 1,200');
  await confirm.getByRole('button', { name: /^采\s?纳$/ }).click();
  await expect(page.getByText(`已处理 ${code}：录入错误`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.getByText('已处理', { exact: true }).click();
  const done = page
    .getByTestId('review-queue')
    .locator('tr.ant-table-row')
    .filter({ hasText: code });
  await expect(done).toContainText('已更正读数');
  await expect(done).toContainText('e2e测试员');

  // The API agrees: resolved as a typo, the reading holds 1200, no pair left in review.
  const resolved = await apiCall<{ items: Review[] }>(request, 'meters.reviews', {
    status: 'resolved',
    meterId: meter.id,
  });
  expect(resolved.items.map((r) => r.resolution)).toEqual(['typo']);
  const readings = await apiCall<{ items: Reading[] }>(request, 'meters.readings', {
    meterId: meter.id,
  });
  expect(readings.items.map((r) => r.value)).toEqual([1390, 1300, 1200, 1100, 1000]);
  expect(readings.items.filter((r) => r.interval?.kind === 'review')).toHaveLength(0);

  // The meter list finds the meter; picking it puts it in the address.
  await openApp(page, '/meters?tab=meters');
  await page.getByRole('searchbox', { name: '搜索表计编号、名称或表号' }).fill(code);
  const listRow = page
    .getByTestId('meter-list')
    .locator('tr.ant-table-row')
    .filter({ hasText: code });
  await expect(listRow).toHaveCount(1);
  await listRow.click();
  await expect(page).toHaveURL(new RegExp(`meter=${meter.id}`));
  await expect(page.getByTestId('meter-title')).toHaveText(`${code} · 综合楼水表`);
  const detail = page.getByTestId('meter-detail');
  await expect(detail).toContainText(`ZB-${u} · 校区进水总表`);
  await expect(detail).toContainText(`SN-${u}`);
  await expect(detail).toContainText('Asia/Shanghai');
  await expect(page.getByTestId('meter-events')).toContainText('安装');
  await expect(page.getByTestId('meter-events')).toContainText('起码 900');

  const table = page.getByTestId('readings-table');
  const rows = table.locator('tr.ant-table-row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(2)).toContainText('1,200');
  await expect(rows.nth(2)).toContainText('+100');
  await expect(table.getByTestId('flag-review')).toHaveCount(0);
  await expect(page.getByTestId('chart-title')).toContainText('日用量');
  const canvas = page.getByTestId('consumption-chart').locator('canvas');
  await expect(canvas).toBeVisible();
  expect((await canvas.boundingBox())?.height ?? 0).toBeGreaterThan(200);
  await page.screenshot({ path: 'test-results/meter-detail.png', fullPage: true });
  // Five years are monthly sums, and the title says so.
  await page.getByText('近5年（按月）').click();
  await expect(page.getByTestId('chart-title')).toContainText('月用量（由日用量汇总）');
  await expect(canvas).toBeVisible();
  await page.getByText('近90天').click();
  await expect(page.getByTestId('chart-title')).toContainText('日用量');

  // Deleting the newest reading asks first.
  const newest = readings.items[0] as Reading;
  await rows
    .first()
    .getByRole('button', { name: `删除 ${newest.local} 的读数` })
    .click();
  const pop = page
    .locator('.ant-popconfirm')
    .filter({ hasText: `删除 ${newest.local} 的读数 1,390？` });
  await expect(pop).toBeVisible();
  await pop.getByRole('button', { name: /^删\s?除$/ }).click();
  await expect(page.getByText(`已删除 ${newest.local} 的读数 1,390`)).toBeVisible();
  await expect(rows).toHaveCount(4);
  const after = await apiCall<{ total: number }>(request, 'meters.readings', { meterId: meter.id });
  expect(after.total).toBe(4);
});
