// The maintenance views end to end on the empty-database host: a crew and a technician are created
// in the 班组 tab, work orders for the crew (one overdue, one due today) and an unassigned one are
// created through the API, and then the 今日看板 shows them in the crew's column overdue-first and
// red, the month calendar counts them on the right days, the week calendar lists them, and
// deleting the crew is refused and turned into deactivating it.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { chooseOption, openApp, TOKEN, unique } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

async function apiCall<T>(request: APIRequestContext, method: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/${method}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; result: T; error?: unknown };
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result;
}

/** A day of the site's calendar (the server's default zone; the browser runs in it too). */
function siteDay(offsetDays: number): string {
  const at = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}

/** The Monday on or before a YYYY-MM-DD day. */
function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

interface Order {
  id: string;
  overdue: boolean;
}

async function expectOrderAddress(page: Page, id: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`[?&]tab=orders&order=${id}$`));
}

test('crews, the today board and the month and week calendars', async ({ page, request }) => {
  test.setTimeout(120_000);
  const tag = unique();
  const crewName = `电工一班${tag}`;
  const technician = `张师傅${tag}`;
  const yesterday = siteDay(-1);
  const today = siteDay(0);

  // 班组: create a crew and a technician through the dialogs.
  const before = await apiCall<{ items: unknown[] }>(request, 'crews.list', {});
  await openApp(page, '/maintenance?tab=crews');
  if (before.items.length === 0) await expect(page.getByText('还没有班组。')).toBeVisible();
  await page.getByRole('button', { name: '新建班组' }).first().click();
  const crewDialog = page.getByRole('dialog', { name: '新建班组' });
  await crewDialog.getByLabel('名称').fill(crewName);
  await crewDialog.getByLabel('工种').click();
  await chooseOption(page, '电工');
  await crewDialog.getByLabel('电话').fill('0571-8888 1234');
  await crewDialog.getByRole('button', { name: '保存' }).click();
  await expect(crewDialog).toBeHidden();
  const crewRow = page.locator('tr.ant-table-row').filter({ hasText: crewName });
  await expect(crewRow).toContainText('电工');
  await expect(crewRow).toContainText('启用');

  await crewRow.getByRole('button', { name: `为 ${crewName} 添加技术员` }).click();
  const techDialog = page.getByRole('dialog', { name: `为 ${crewName} 添加技术员` });
  await techDialog.getByLabel('姓名').fill(technician);
  await techDialog.getByRole('button', { name: '保存' }).click();
  await expect(techDialog).toBeHidden();
  await expect(page.getByRole('table', { name: `${crewName} 的技术员` })).toContainText(technician);

  const crews = await apiCall<{ items: { id: string; name: string }[] }>(request, 'crews.list', {});
  const crewId = crews.items.find((c) => c.name === crewName)?.id ?? '';
  expect(crewId).not.toBe('');

  // Work for the crew (one overdue, one due today, the urgent one not overdue) and one unassigned.
  const late = await apiCall<Order>(request, 'workOrders.create', {
    type: 'corrective',
    category: 'lighting',
    title: `更换路灯灯具${tag}`,
    crewId,
    dueDate: yesterday,
  });
  expect(late.overdue).toBe(true);
  const due = await apiCall<Order>(request, 'workOrders.create', {
    type: 'inspection',
    category: 'plumbing',
    title: `水泵房巡检${tag}`,
    crewId,
    priority: 'urgent',
    dueDate: today,
  });
  expect(due.overdue).toBe(false);
  await apiCall<Order>(request, 'workOrders.create', {
    type: 'corrective',
    category: 'irrigation',
    title: `草坪喷头漏水${tag}`,
    dueDate: today,
  });

  await page.reload();
  await expect(crewRow.locator('td').nth(5)).toHaveText('2');
  await expect(page.getByRole('table', { name: `${crewName} 的技术员` })).toBeHidden();
  await crewRow.getByRole('button', { name: /展开行|Expand row/ }).click();
  await expect(page.getByRole('table', { name: `${crewName} 的技术员` })).toContainText(technician);
  await page.screenshot({ path: 'test-results/maintenance-crews.png', animations: 'disabled' });

  // 今日看板: the crew's column, overdue first and red, then today's urgent order.
  await page.getByRole('tab', { name: '今日看板' }).click();
  const column = page.getByTestId(`board-column-${crewId}`);
  const cards = column.getByTestId('order-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText(`更换路灯灯具${tag}`);
  await expect(cards.nth(0)).toHaveAttribute('data-overdue', 'true');
  await expect(cards.nth(0)).toHaveCSS('border-left-color', 'rgb(255, 77, 79)');
  await expect(cards.nth(0)).toContainText('已逾期');
  await expect(cards.nth(1)).toContainText(`水泵房巡检${tag}`);
  await expect(cards.nth(1)).toContainText('紧急');
  await expect(cards.nth(1)).toHaveAttribute('data-overdue', 'false');
  await expect(column).toContainText('逾期 1');
  await expect(page.getByTestId('board-column-unassigned')).toContainText(`草坪喷头漏水${tag}`);
  await expect(page.locator('.ant-picker input')).toHaveValue(today);
  await page.screenshot({ path: 'test-results/maintenance-board.png', animations: 'disabled' });

  // ← goes back a day: only the order due by yesterday is left; "今天" comes back.
  await page.locator('body').press('ArrowLeft');
  await expect(page.locator('.ant-picker input')).toHaveValue(yesterday);
  await expect(cards).toHaveCount(1);
  await page.locator('body').press('ArrowRight');
  await expect(page.locator('.ant-picker input')).toHaveValue(today);
  await expect(cards).toHaveCount(2);

  await cards.nth(0).click();
  await expectOrderAddress(page, late.id);

  // The month calendar, narrowed to the crew so the counts are exactly this test's.
  await openApp(page, '/maintenance?tab=calendar');
  await page.getByRole('combobox', { name: '班组' }).click();
  await chooseOption(page, crewName);
  // The month grid starts on the Monday on or before the 1st; yesterday may sit before it.
  if (yesterday < mondayOf(`${today.slice(0, 8)}01`)) {
    await page.getByRole('button', { name: '上个月' }).click();
  }
  const lateCell = page.getByTestId(`calendar-day-${yesterday}`);
  await expect(lateCell.getByTestId('calendar-day-total')).toHaveText('1 项');
  await expect(lateCell.getByTestId('calendar-day-overdue')).toHaveText('逾期 1');
  await expect(lateCell.getByTestId('calendar-day-overdue')).toHaveCSS('color', 'rgb(255, 77, 79)');
  await expect(lateCell).toContainText(`更换路灯灯具${tag}`);
  await page.getByRole('button', { name: '今天' }).click();
  const todayCell = page.getByTestId(`calendar-day-${today}`);
  await expect(todayCell.getByTestId('calendar-day-total')).toHaveText('1 项');
  await expect(todayCell.getByTestId('calendar-day-overdue')).toHaveCount(0);
  await expect(todayCell).toContainText(`水泵房巡检${tag}`);
  // All crews again: the unassigned order joins today's count.
  await page.getByRole('combobox', { name: '班组' }).hover();
  await page.locator('.ant-select-clear').click();
  await expect(todayCell.getByTestId('calendar-day-total')).toHaveText('2 项');
  await expect(todayCell).toContainText(`草坪喷头漏水${tag}`);
  await page.screenshot({ path: 'test-results/maintenance-calendar.png', animations: 'disabled' });

  // The week view lists every item of each day, Monday first.
  await page.locator('.ant-segmented').getByText('周', { exact: true }).click();
  await expect(page.locator('[data-testid^="week-day-"]').first()).toHaveAttribute(
    'data-testid',
    `week-day-${mondayOf(today)}`,
  );
  const todayColumn = page.getByTestId(`week-day-${today}`);
  await expect(todayColumn).toContainText(`水泵房巡检${tag}`);
  await expect(todayColumn).toContainText(`草坪喷头漏水${tag}`);
  if (mondayOf(yesterday) !== mondayOf(today)) {
    await page.getByRole('button', { name: '上一周' }).click();
  }
  const lateColumn = page.getByTestId(`week-day-${yesterday}`);
  await expect(lateColumn.getByTestId('order-card')).toContainText(`更换路灯灯具${tag}`);
  await expect(lateColumn.getByTestId('order-card')).toHaveAttribute('data-overdue', 'true');
  await page.screenshot({ path: 'test-results/maintenance-calendar-week.png' });
  await lateColumn.getByTestId('order-card').click();
  await expectOrderAddress(page, late.id);

  // Deleting a crew that orders name is refused; the dialog deactivates it instead.
  await openApp(page, '/maintenance?tab=crews');
  await crewRow.getByRole('button', { name: `删除班组 ${crewName}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  const inUse = page.getByRole('dialog').filter({ hasText: '仍在使用，不能删除' });
  await expect(inUse).toBeVisible();
  await inUse.getByRole('button', { name: '改为停用' }).click();
  await expect(page.getByText(`已停用班组 ${crewName}`)).toBeVisible();
  await expect(crewRow).toContainText('停用');

  // A crew nothing names is deleted outright.
  const spare = `备用班组${tag}`;
  await apiCall(request, 'crews.create', { name: spare, trade: 'gardener' });
  await page.reload();
  const spareRow = page.locator('tr.ant-table-row').filter({ hasText: spare });
  await expect(spareRow).toContainText('绿化工');
  await spareRow.getByRole('button', { name: `删除班组 ${spare}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText(`已删除班组 ${spare}`)).toBeVisible();
  await expect(spareRow).toHaveCount(0);

  // In English the views keep Monday as the first day and name the unassigned column.
  await page.getByLabel('语言').click();
  await chooseOption(page, 'English');
  await page.getByRole('tab', { name: 'Today', exact: true }).click();
  await expect(page.getByTestId('board-column-unassigned')).toContainText('Unassigned');
  await expect(page.getByTestId(`board-column-${crewId}`)).toContainText('Overdue (due');
  await page.screenshot({ path: 'test-results/maintenance-board-en.png', animations: 'disabled' });
  await page.getByRole('tab', { name: 'Calendar' }).click();
  await expect(page.locator('.ant-picker-content th').first()).toHaveText(/^Mo/);
  await page.screenshot({
    path: 'test-results/maintenance-calendar-en.png',
    animations: 'disabled',
  });
});
