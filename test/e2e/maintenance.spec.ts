// Maintenance end to end on the demo register: a phoned-in fault on a light fixture is logged by
// keyboard (Alt+N, part of the fixture code typed into the asset field), converted to a work order,
// assigned to a crew and moved through every status to closed in the order's drawer; the fixture's
// history on the Assets page then names the order, and the KPI strip counts one more completion.
// And the API refuses an illegal move (closed → in progress) with CONFLICT naming both states.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { chooseOption, DEMO_URL, openApp, TOKEN, unique } from './support';

test.use({ baseURL: DEMO_URL, viewport: { width: 1440, height: 900 } });

interface Envelope<T> {
  ok: boolean;
  result: T;
  error?: { code: string; message: string };
}

async function post<T>(request: APIRequestContext, method: string, input: unknown) {
  const response = await request.post(`${DEMO_URL}/api/${method}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: input,
  });
  return (await response.json()) as Envelope<T>;
}

async function apiCall<T>(request: APIRequestContext, method: string, input: unknown): Promise<T> {
  const body = await post<T>(request, method, input);
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result;
}

interface Fixture {
  id: string;
  code: string;
  name: string;
  placeName: string | null;
}

/** A crew to assign: the demo's first active one, or one made for the test if there is none. */
async function crewName(request: APIRequestContext): Promise<string> {
  const crews = await apiCall<{ items: { name: string; active: boolean }[] }>(
    request,
    'crews.list',
    { includeInactive: false },
  );
  const active = crews.items.find((c) => c.active);
  if (active) return active.name;
  const made = await apiCall<{ name: string }>(request, 'crews.create', {
    name: `电工班${unique()}`,
    trade: 'electrician',
  });
  return made.name;
}

async function completedCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('kpi-completed').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

/** Clicks a move button in the drawer and, when it opens a form, confirms it. */
async function move(page: Page, verb: string, status: string, fill?: (d: Page) => Promise<void>) {
  await page.getByTestId('order-moves').getByRole('button', { name: verb, exact: true }).click();
  if (fill) {
    const dialog = page.getByRole('dialog', { name: new RegExp(`^${verb} · WO-`) });
    await expect(dialog).toBeVisible();
    await fill(page);
    await dialog.getByRole('button', { name: verb, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('order-title')).toContainText(status);
}

test('a phoned-in fault goes from 报修 to a closed order, into the fixture history and the KPIs', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const crew = await crewName(request);
  // A different fixture on each run, so a retry on the same database starts clean.
  const fixtures = await apiCall<{ items: Fixture[] }>(request, 'assets.list', {
    filter: { kinds: ['fixture'], statuses: ['in_service'] },
    offset: Math.floor(Math.random() * 2000),
    limit: 1,
  });
  const fixture = fixtures.items[0] as Fixture;
  expect(fixture, 'the demo register has in-service fixtures').toBeTruthy();

  await openApp(page, '/maintenance?tab=orders');
  await expect(page.getByTestId('order-total')).toContainText('共');
  await expect(page.getByTestId('kpi-completed')).toContainText(/\d/);
  const completedBefore = await completedCount(page);
  await page.screenshot({ path: 'test-results/maintenance-orders.png' });

  // 报修登记 from the keyboard: Alt+N opens it with the reporter field focused.
  await page.keyboard.press('Alt+KeyN');
  const dialog = page.getByRole('dialog', { name: /报修登记/ });
  await expect(dialog.getByLabel('报修人')).toBeFocused();
  await page.keyboard.type('张老师');
  await page.keyboard.press('Tab');
  await page.keyboard.type('13800138000');
  await dialog.getByLabel('资产（编号或名称）').click();
  await page.keyboard.type(fixture.code.slice(0, -1));
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: `${fixture.code} · ` })
    .first()
    .click();
  // Picking the fixture fills in its place and guesses the category.
  const building = fixture.placeName?.split(' › ')[0];
  if (building) await expect(dialog).toContainText(building);
  await expect(dialog.locator('.ant-form-item').filter({ hasText: '故障类别' })).toContainText(
    '照明',
  );
  await dialog.getByLabel('故障描述').fill(`${fixture.name}不亮，闪烁两天了`);
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(
    0,
  );
  await page.screenshot({ path: 'test-results/maintenance-request.png' });
  await page.keyboard.press('Control+Enter');
  const saved = page.getByTestId('request-saved');
  await expect(saved).toContainText(/已登记报修 BX-\d{4}-\d+/);

  // Convert it; the new order opens in its drawer.
  await saved.getByRole('button', { name: '转为工单' }).click();
  await expect(page.getByText(/已转为工单 WO-/)).toBeVisible();
  const title = page.getByTestId('order-title');
  await expect(title).toContainText('待派工');
  const number = ((await title.textContent()) ?? '').match(/WO-\d{4}-\d+/)?.[0] ?? '';
  expect(number).not.toBe('');
  await expect(page.getByTestId('order-assets')).toContainText(fixture.code);

  // Only the legal moves are offered, each under its Chinese verb.
  await expect(page.getByTestId('order-moves').getByRole('button')).toHaveText([
    '派工',
    '挂起',
    '取消工单',
  ]);
  await move(page, '派工', '已派工', async () => {
    await page
      .getByRole('dialog', { name: /^派工 · / })
      .getByLabel('班组')
      .click();
    await chooseOption(page, crew);
  });
  await move(page, '开始', '处理中');
  await move(page, '完工', '已完工', async () => {
    const d = page.getByRole('dialog', { name: /^完工 · / });
    await d.getByLabel('实际工时（小时）').fill('1.5');
    await d.getByLabel('故障原因 / 检查情况').fill('灯管老化');
    await d.getByLabel('处理结果').fill('已更换LED灯管');
    await d.getByLabel('新灯具类型').click();
    await chooseOption(page, 'LED灯管');
    await d.getByLabel('新功率（W）').fill('18');
  });
  await move(page, '验收', '已验收', async () => {
    await expect(page.getByRole('dialog', { name: /^验收 · / }).getByLabel('验收人')).toHaveValue(
      'e2e测试员',
    );
  });
  await move(page, '关闭', '已关闭');
  await expect(page.getByTestId('order-moves')).toHaveCount(0);
  const timeline = page.getByTestId('order-timeline');
  for (const status of ['待派工', '已派工', '处理中', '已完工', '已验收', '已关闭']) {
    await expect(timeline).toContainText(status);
  }
  await expect(timeline).toContainText('e2e测试员');
  await timeline.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/maintenance-detail.png' });

  // The KPI strip counts the completion.
  await expect.poll(() => completedCount(page)).toBe(completedBefore + 1);
  await page.keyboard.press('Escape');

  // The fixture's own history names the order.
  await page.getByRole('menuitem', { name: '资产台账' }).click();
  await page.getByLabel('搜索编号、名称、出厂编号、备注').fill(fixture.code);
  const row = page.getByRole('row').filter({ hasText: fixture.code }).first();
  await row.getByRole('gridcell').first().click();
  await expect(page.getByTestId('history-entry').filter({ hasText: number })).toBeVisible();
});

test('a refused save keeps everything typed and names the field; Enter then saves', async ({
  page,
}) => {
  await openApp(page, '/maintenance?tab=requests');
  await expect(page.getByTestId('request-total')).toContainText('共');
  await page.getByRole('button', { name: 'phone 报修登记' }).first().click();
  const dialog = page.getByRole('dialog', { name: /报修登记/ });
  await expect(dialog.getByLabel('报修人')).toBeFocused();
  await page.keyboard.type('宿管李阿姨');
  await dialog.getByLabel('地点').click();
  await page.keyboard.type('第一教学楼');
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .first()
    .click();
  await dialog.getByLabel('故障类别').click();
  await chooseOption(page, '漏水');
  await dialog.getByLabel('故障描述').fill('一楼男卫生间水管漏水');

  // The core refuses the place (as it would a place deleted meanwhile).
  await page.route('**/api/requests.create', (route) =>
    route.fulfill({
      json: {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'placeId: no such place',
          details: { issues: [{ path: 'placeId', message: 'no such place' }] },
        },
      },
    }),
  );
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('alert').first()).toContainText('未能保存');
  await expect(dialog).toContainText('地点：no such place');
  await expect(dialog.getByLabel('报修人')).toHaveValue('宿管李阿姨');
  await expect(dialog.getByLabel('故障描述')).toHaveValue('一楼男卫生间水管漏水');

  // Once the core accepts it, Enter in a one-line field saves what was kept.
  await page.unroute('**/api/requests.create');
  await dialog.getByLabel('报修人').press('Enter');
  await expect(page.getByTestId('request-saved')).toContainText(/已登记报修 BX-/);
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByRole('row').filter({ hasText: '宿管李阿姨' }).first()).toContainText(
    '待处理',
  );
});

test('closed → in progress is refused by the API with CONFLICT naming both states', async ({
  request,
}) => {
  const closed = await apiCall<{ items: { id: string; number: string }[] }>(
    request,
    'workOrders.query',
    { filter: { statuses: ['closed'] }, limit: 1 },
  );
  const order = closed.items[0];
  expect(order, 'the demo has closed orders').toBeTruthy();
  const body = await post(request, 'workOrders.transition', {
    id: order?.id,
    to: 'in_progress',
  });
  expect(body.ok).toBe(false);
  expect(body.error?.code).toBe('CONFLICT');
  expect(body.error?.message).toContain('已关闭');
  expect(body.error?.message).toMatch(/closed to in_progress/);
});
