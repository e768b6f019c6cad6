// Preventive-maintenance plans end to end on the empty-database host: a site, a building and three
// fixtures are made through the API; a plan "every 3 months on the first Monday" is written in the
// plain-language editor, whose rule text and ten-date preview are checked before saving; the plan
// shows in the table with its sentence; and 立即生成工单 creates a due order once, not twice.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
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

/** A building with three LED panels under a new site; returns the building's name and id. */
async function fixtures(request: APIRequestContext, tag: string) {
  const site = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'site',
    parentId: null,
    name: `计划测试校区${tag}`,
    timeZone: 'Asia/Shanghai',
  });
  const building = await apiCall<{ id: string; name: string }>(request, 'places.create', {
    kind: 'building',
    parentId: site.id,
    name: `计划测试教学楼${tag}`,
  });
  await apiCall(request, 'assets.addFixtures', {
    placeId: building.id,
    count: 3,
    lampType: 'panel',
    ratedPowerW: 36,
    codePrefix: `JH${tag}-`,
  });
  return building;
}

async function openEditor(page: Page) {
  // The empty state offers "新建第一个计划"; with plans, the toolbar has "新建计划".
  await page.getByRole('button', { name: /新建(第一个)?计划/ }).click();
  const dialog = page.getByRole('dialog', { name: '新建定期检修计划' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('write "every 3 months on the first Monday", check its dates, save and generate', async ({
  page,
  request,
}) => {
  const tag = unique();
  const building = await fixtures(request, tag);
  const name = `灯具季度巡检${tag}`;

  await openApp(page, '/maintenance?tab=plans');
  const dialog = await openEditor(page);
  await dialog.getByLabel('计划名称').fill(name);

  // Target: the fixtures of the new building, through the saved-filter controls.
  await dialog.getByRole('combobox', { name: '资产类别' }).click();
  await chooseOption(page, '灯具');
  await page.keyboard.press('Escape');
  await dialog.getByPlaceholder(/搜索场所/).fill(building.name);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: building.name })
    .click();
  await expect(dialog.getByTestId('plan-target-matching')).toHaveText('当前符合条件：3 项资产');

  await dialog.getByRole('button', { name: '添加检查项' }).click();
  await dialog.getByLabel('检查项 1').fill('逐盏检查灯具是否亮起、有无闪烁');

  await dialog.getByLabel('开始时间').click();
  await dialog.getByLabel('开始时间').fill('2027-01-01 08:00');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('开始时间')).toHaveValue('2027-01-01 08:00');

  // The recurrence in plain language.
  await dialog.getByRole('combobox', { name: '重复方式' }).click();
  await chooseOption(page, '每月（按星期）');
  await dialog.getByLabel('间隔').fill('3');
  await dialog.getByRole('combobox', { name: '第几个' }).click();
  await chooseOption(page, '第一个');
  await dialog.getByRole('combobox', { name: '星期几' }).click();
  await chooseOption(page, '星期一');

  await expect(dialog.getByTestId('plan-rule-text')).toHaveValue(
    'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO',
  );
  await expect(dialog.getByTestId('plan-rule-sentence')).toHaveText('每 3 个月的第一个星期一');
  const dates = dialog.getByTestId('plan-preview').getByRole('listitem');
  await expect(dates).toHaveCount(10);
  await expect(dates.nth(0)).toHaveText('2027-01-04 08:00 周一');
  await expect(dates.nth(1)).toHaveText('2027-04-05 08:00 周一');
  await expect(dates.nth(2)).toHaveText('2027-07-05 08:00 周一');
  await expect(dates.nth(3)).toHaveText('2027-10-04 08:00 周一');
  for (const text of await dates.allTextContents()) expect(text).toMatch(/ 08:00 周一$/);
  await page.screenshot({ path: 'test-results/plans-editor.png' });

  // An invalid raw rule shows the core's message and disables Save; a valid one enables it again.
  await dialog.getByRole('switch', { name: '高级' }).click();
  const raw = dialog.getByRole('textbox', { name: '规则（RRULE）' });
  await raw.fill('FREQ=MONTHLY;INTERVAL=3;BYDAY=9MO');
  await expect(dialog.getByTestId('plan-rule-error')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '保存' })).toBeDisabled();
  await raw.fill('FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO');
  await dialog.getByRole('switch', { name: '高级' }).click();
  await expect(dialog.getByTestId('plan-rule-text')).toHaveValue(
    'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO',
  );
  await expect(dates).toHaveCount(10);

  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('plan-description')).toHaveText('每 3 个月的第一个星期一');
  await expect(row).toContainText('3 项资产');
  await expect(row).toContainText('2027-01-04 08:00 周一');

  // Opened again, the saved rule is back in the simple editor with the same dates.
  await row.getByRole('button', { name: `编辑 ${name}` }).click();
  const again = page.getByRole('dialog', { name: `编辑计划：${name}` });
  await expect(again.getByRole('combobox', { name: '重复方式' })).toBeEnabled();
  await expect(again.getByTestId('plan-rule-text')).toHaveValue(
    'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO',
  );
  await expect(again.getByTestId('plan-preview').getByRole('listitem').first()).toHaveText(
    '2027-01-04 08:00 周一',
  );
  await expect(again.getByLabel('检查项 1')).toHaveValue('逐盏检查灯具是否亮起、有无闪烁');
  await again.getByRole('button', { name: '取消' }).click();
  await expect(again).toBeHidden();

  // The first date is over a year away, so nothing is due yet.
  await page.getByRole('button', { name: '立即生成工单' }).click();
  await expect(page.getByText('没有到期的计划，未生成新工单')).toBeVisible();
  await page.screenshot({ path: 'test-results/plans.png', animations: 'disabled' });
});

test('立即生成工单 creates a due order once, and a second run creates none', async ({
  page,
  request,
}) => {
  const tag = unique();
  const building = await fixtures(request, tag);
  // Today in the site's zone: a daily plan starting today is due today.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const name = `每日巡查${tag}`;
  await apiCall(request, 'plans.create', {
    name,
    target: { kind: 'filter', filter: { placeId: building.id, kinds: ['fixture'] } },
    recurrence: { kind: 'rrule', rule: 'FREQ=DAILY' },
    start: `${today}T08:00`,
    leadDays: 0,
    timeZone: 'Asia/Shanghai',
  });

  await openApp(page, '/maintenance?tab=plans');
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: name });
  await expect(row.getByTestId('plan-description')).toHaveText('每天');

  await page.getByRole('button', { name: '立即生成工单' }).click();
  await expect(page.getByText(/生成完成：新建 [1-9]\d* 张工单/)).toBeVisible();
  await expect(row.locator('td').nth(6)).not.toHaveText('0');

  await page.getByRole('button', { name: '立即生成工单' }).click();
  await expect(page.getByText('没有到期的计划，未生成新工单')).toBeVisible();
});
