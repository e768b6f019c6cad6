// The 统计报表 dashboard end to end on the demo register (five years of readings, a planted leak):
// the per-capita headline follows the year chosen, and the trend table's CSV holds the API's
// per-capita figure; the monthly view of one building exports a CSV whose month equals
// analytics.monthly; the water-balance tree opens and closes, its XLSX is a real workbook, and
// the month the planted leak pushes over the loss threshold is red with its flag;
// the planted leak is in the alert list (on its first night ±1), its night-flow chart exports as
// PNG, and it turns into a repair request that the row then links to. Each tab is photographed
// into test-results/ for a person to look at.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { meterReadingsPlan } from '../../electron/demo/meterReadingsPlan';
import {
  apiCall,
  download,
  firstSite,
  flaggedMonth,
  lastYear,
  pad,
  parseCsv,
  readDownload,
  roundTo,
  shoot,
  thisYear,
  type Site,
} from './reportsSupport';
import { chooseOption, DEMO_URL, openApp } from './support';

test.use({ baseURL: DEMO_URL, viewport: { width: 1440, height: 900 } });

test('per capita follows the year; trend and a building month export as CSV with the API figures', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const site = await firstSite(request);
  const yearly = await apiCall<{ perCapitaPerDay: number; standardPersons: number }>(
    request,
    'analytics.yearly',
    { siteId: site.id, utility: 'water', year: lastYear },
  );
  expect(yearly.standardPersons).toBeGreaterThan(0);

  await openApp(page, '/reports');
  await expect(page.getByRole('tab', { name: '人均用量' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('headline-waterDay-value')).toBeVisible();

  await page.getByRole('combobox', { name: '年度' }).click();
  await chooseOption(page, `${lastYear}年`);
  await expect(page).toHaveURL(new RegExp(`year=${lastYear}`));
  const shown = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(
    yearly.perCapitaPerDay,
  );
  await expect(page.getByTestId('headline-waterDay-value')).toHaveText(shown);
  await expect(page.getByTestId('headline-waterDay')).toContainText('L/(人·天)');
  await expect(page.locator('[data-testid="trend-card"] canvas')).toBeVisible();
  await shoot(page, 'reports-per-capita');

  const trendFile = await download(page, () =>
    page.getByTestId('trend-card').getByRole('button', { name: 'CSV' }).click(),
  );
  expect(trendFile.suggestedFilename()).toMatch(/^人均自来水逐年变化_.+\.csv$/);
  const trend = parseCsv((await readDownload(trendFile)).toString('utf8'));
  expect(trend[0]?.[4]).toContain('L/(人·天)');
  const row = trend.find((r) => r[0] === String(lastYear));
  expect(row, `a row for ${lastYear}`).toBeTruthy();
  expect(Number(row?.[4])).toBe(roundTo(yearly.perCapitaPerDay, 3));

  // The table behind the chart is one click away.
  await page.getByTestId('trend-card').getByText('数据表', { exact: true }).click();
  await expect(page.getByTestId('trend-card-table')).toContainText(String(lastYear));

  // The monthly view of one building, the same month a year earlier beside it.
  await page.getByRole('tab', { name: '月度' }).click();
  await expect(page).toHaveURL(/tab=monthly/);
  await page.locator('.ant-segmented').getByText('建筑', { exact: true }).click();
  const { items: buildings } = await apiCall<{ items: Site[] }>(request, 'places.list', {
    parentId: site.id,
  });
  const building = buildings.find((b) => b.name === '学生宿舍1号楼') ?? buildings[0];
  if (!building) throw new Error('the demo site has buildings');
  await page.getByRole('combobox', { name: '建筑' }).click();
  await chooseOption(page, building.name);
  const card = page.getByTestId('monthly-card');
  await expect(card).toContainText(building.name);
  await expect(card.locator('canvas')).toBeVisible();
  await shoot(page, 'reports-monthly');

  const monthly = await apiCall<{ months: { month: string; total: number | null }[] }>(
    request,
    'analytics.monthly',
    { utility: 'water', year: lastYear, placeId: building.id },
  );
  const june = monthly.months.find((m) => m.month === `${lastYear}-06`);
  expect(june?.total).not.toBeNull();
  const monthlyFile = await download(page, () => card.getByRole('button', { name: 'CSV' }).click());
  const rows = parseCsv((await readDownload(monthlyFile)).toString('utf8'));
  expect(rows[0]?.[1]).toBe(`${lastYear} (m³)`);
  const juneRow = rows.find((r) => r[0] === `${lastYear}-06`);
  expect(Number(juneRow?.[1])).toBe(roundTo(june?.total ?? NaN, 2));
});

test('the water-balance tree opens and closes, exports as a workbook and flags the leak in red', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await openApp(page, `/reports?tab=balance&year=${lastYear}`);
  const tree = page.getByTestId('balance-tree');
  await expect(tree).toBeVisible();
  const root = tree.locator('tr.ant-table-row-level-0');
  await expect(root).toContainText('WM1-1');
  const children = tree.locator('tr.ant-table-row-level-1');
  await expect(children.first()).toBeVisible();
  // The parent's loss rate is the API's, as a percentage.
  const meters = await apiCall<{ meters: { meterId: string; code: string }[] }>(
    request,
    'analytics.breakdown',
    {
      siteId: (await firstSite(request)).id,
      utility: 'water',
      from: `${lastYear}-01-01`,
      to: `${lastYear}-01-01`,
    },
  );
  const inlet = meters.meters.find((m) => m.code === 'WM1-1');
  const balance = await apiCall<{ lossRate: number; children: unknown[] }>(
    request,
    'analytics.waterBalance',
    { meterId: inlet?.meterId, from: `${lastYear}-01-01`, to: `${lastYear}-12-31` },
  );
  const pct = new Intl.NumberFormat('zh-CN', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(balance.lossRate);
  await expect(page.getByTestId('loss-WM1-1')).toHaveText(pct);
  await expect(children).toHaveCount(balance.children.length);
  await shoot(page, 'reports-balance');

  // Closing the parent hides its children; opening shows them again.
  await root.getByRole('button').first().click();
  await expect(children.first()).toBeHidden();
  await root.getByRole('button').first().click();
  await expect(children.first()).toBeVisible();

  const xlsx = await download(page, () =>
    page.getByTestId('balance-card').getByRole('button', { name: 'XLSX' }).click(),
  );
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  const bytes = await readDownload(xlsx);
  // exceljs's typing wants an ArrayBuffer; it reads a Node Buffer as well (assetExport.test.ts).
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  expect(sheet?.getRow(1).getCell(2).value).toBe('编号');
  expect(sheet?.getRow(2).getCell(2).value).toBe('WM1-1');
  expect(sheet?.getRow(2).getCell(8).value).toBe(roundTo(balance.lossRate * 100, 1));

  // The month-by-month balance of the same parent is drawn beside the tree.
  await expect(page.getByTestId('balance-months').locator('canvas')).toBeVisible();

  // This year the planted leak pushes some month's loss above the threshold: the API names the
  // month, and the tree of that month shows the inlet's row in red with the flag.
  const flagged = await flaggedMonth(request, inlet?.meterId ?? '');
  expect(flagged, 'a month of this year with the loss above the threshold').not.toBeNull();
  await page.getByRole('combobox', { name: '年度' }).click();
  await chooseOption(page, `${thisYear}年`);
  await page.getByRole('combobox', { name: '统计期' }).click();
  await chooseOption(page, `${flagged}月`);
  await expect(page.getByTestId('balance-card')).toContainText(`${thisYear}-${pad(flagged)}-01`);
  await expect(root).toHaveClass(/report-row-bad/);
  await expect(root).toContainText('漏损率超限');
  await expect(page.getByTestId('loss-WM1-1')).toHaveClass(/report-bad/);
  await shoot(page, 'reports-balance-flagged');
});

test('the planted leak is alerted, charted and turned into a repair request', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const plan = meterReadingsPlan(thisYear, new Date().toISOString());
  const planted = new Date(`${plan.leak.startDay}T00:00:00Z`).getTime();
  await openApp(page, '/reports?tab=leaks');
  const alerts = page.getByTestId('leak-alerts');
  await expect(alerts).toBeVisible();
  const row = alerts.locator('tr.ant-table-row');
  const starts = await row.locator('td:first-child').allTextContents();
  const index = starts.findIndex(
    (s) => Math.abs(new Date(`${s}T00:00:00Z`).getTime() - planted) <= 86_400_000,
  );
  expect(
    index,
    `an alert starting ${plan.leak.startDay} ±1 among ${starts.join(', ')}`,
  ).toBeGreaterThanOrEqual(0);
  // …and not before: no alert of the list starts earlier than the leak's first night − 1.
  const dayBefore = new Date(planted - 86_400_000).toISOString().slice(0, 10);
  expect(starts.filter((s) => s < dayBefore)).toEqual([]);
  const leak = row.nth(index);
  await expect(leak).toContainText('WM1-1');
  await leak.click();
  const chart = page.getByTestId('night-flow-card');
  await expect(chart).toContainText(`夜间最小流量`);
  await expect(chart.locator('canvas')).toBeVisible();
  await shoot(page, 'reports-leaks');

  const png = await readDownload(
    await download(page, () => chart.getByRole('button', { name: 'PNG' }).click()),
  );
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

  // One click makes the request (a rerun on the same database finds it made already).
  const link = leak.getByTestId('leak-request-link');
  if ((await link.count()) === 0) {
    await leak.getByRole('button', { name: '转为报修' }).click();
    await expect(page.getByText(/已生成报修单/)).toBeVisible();
  }
  await expect(link).toContainText('报修单');
  const { items } = await apiCall<{
    items: { number: string; source: string; category: string }[];
  }>(request, 'requests.list', { limit: 500 });
  const number = ((await link.textContent()) ?? '').replace('报修单', '').trim();
  const made = items.find((r) => r.number === number);
  expect(made?.source).toBe('leak_alert');
  expect(made?.category).toBe('water_leak');
  await link.click();
  await expect(page).toHaveURL(/\/maintenance\?tab=requests/);
});

test('the other tabs draw their charts in Chinese (screenshots)', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, `/reports?tab=breakdown&year=${lastYear}`);
  await expect(page.getByTestId('breakdown-buildings').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('breakdown-total')).toContainText('全校区合计');
  await shoot(page, 'reports-breakdown');

  await page.getByRole('tab', { name: '园区指标' }).click();
  // The demo campus has no enterprises: the empty state says where to add them.
  await expect(page.getByTestId('empty-enterprises')).toContainText('设置 › 人员与企业');
  await shoot(page, 'reports-park');

  await page.getByRole('tab', { name: '照明与灌溉' }).click();
  await expect(page.getByTestId('lighting-type').locator('canvas')).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId('irrigation-season').locator('canvas')).toBeVisible();
  await shoot(page, 'reports-lighting');

  // Printed, the page is paper: no navigation, white, the charts still there.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.ant-layout-sider')).toBeHidden();
  await expect(page.getByTestId('lighting-type').locator('canvas')).toBeVisible();
  await shoot(page, 'reports-print');
});
