// Settings → 单位信息 and 人员与企业 on the empty-database host: the organisation's name, logo and
// standard-person weights are saved through the form (Ctrl+S, with the list of changes confirmed)
// and read back with settings.get, and a logo over the schema's size is refused in words; a
// site's headcount for a year is entered in the editable table and read back with
// people.headcounts; a GBK CSV of headcounts (as Chinese Excel saves it) is checked — one row
// names an unknown site — and its valid rows imported; a park enterprise is created with a meter
// and a year in its dialog and read back with people.enterprises. Screenshots of both tabs go
// to test-results/.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { logoPng, tempFile } from './peopleSupport';
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

interface Weights {
  students: number;
  staff: number;
  residents: number;
  others: number;
}
interface SettingsShape {
  organisationName: string;
  logoDataUrl: string | null;
  standardPersonWeights: Weights;
}
interface HeadcountShape extends Weights {
  siteId: string;
  year: number;
  standardPersons: number;
}

/** The antd buttons put a space between two Chinese characters. */
const button = (text: string) => new RegExp(`^${[...text].join('\\s?')}$`);

async function openTab(page: Page, key: string, title: string): Promise<void> {
  await openApp(page, `/settings?tab=${key}`);
  await expect(page.getByRole('tab', { name: title })).toHaveAttribute('aria-selected', 'true');
}

test('organisation name, logo and weights saved with Ctrl+S, read back by settings.get', async ({
  page,
  request,
}) => {
  const before = await apiCall<SettingsShape>(request, 'settings.get', {});
  try {
    const name = `e2e职业技术学院后勤处${unique()}`;
    await openTab(page, 'organisation', '单位信息');
    const form = page.getByTestId('org-form');
    await expect(form).toContainText('标准人数');
    await expect(page.getByRole('spinbutton', { name: '其他人员' })).toHaveValue(
      String(before.standardPersonWeights.others),
    );

    // A file over the schema's limit is refused before anything is sent, with the limit named.
    const big = Buffer.concat([logoPng(), Buffer.alloc(420_000, 7)]);
    const fileInput = form.locator('input[type="file"]');
    await fileInput.setInputFiles(tempFile('大图标.png', big));
    await expect(page.getByTestId('org-logo-error')).toContainText('超过上限');
    await fileInput.setInputFiles(tempFile('校徽.png', logoPng()));
    await expect(page.getByTestId('org-logo').locator('img')).toBeVisible();

    await page.getByLabel('单位名称').fill(name);
    await page.getByRole('spinbutton', { name: '学生' }).fill('0.9');
    await page.getByRole('spinbutton', { name: '其他人员' }).fill('0.6');
    await expect(page.getByTestId('org-formula')).toContainText('学生 × 0.9');
    await expect(page.getByText('有未保存的修改')).toBeVisible();

    await page.keyboard.press('Control+s');
    const confirm = page.locator('.ant-modal-confirm');
    await expect(confirm).toContainText('保存以下 4 项修改');
    await expect(confirm).toContainText(
      `单位名称：${before.organisationName || '（空）'} → ${name}`,
    );
    await expect(confirm).toContainText('其他人员权重：0.5 → 0.6');
    await confirm.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByText('已保存 4 项设置')).toBeVisible();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByText('可按 Ctrl+S 保存')).toBeVisible();

    const after = await apiCall<SettingsShape>(request, 'settings.get', {});
    expect(after.organisationName).toBe(name);
    expect(after.standardPersonWeights).toEqual({
      ...before.standardPersonWeights,
      students: 0.9,
      others: 0.6,
    });
    expect(after.logoDataUrl).toMatch(/^data:image\/png;base64,/);
    // Viewport shots: the save bar sticks to the window's bottom edge, so a full-page capture would
    // draw it across the middle of the form.
    await page.screenshot({ path: 'test-results/settings-organisation.png' });
    await page.getByText('夜间最小流量漏水报警').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/settings-organisation-leak.png' });

    // Nothing changed now: Ctrl+S says so instead of asking.
    await page.keyboard.press('Control+s');
    await expect(page.getByText('没有需要保存的修改')).toBeVisible();
  } finally {
    // Other specs on this host print the organisation: leave it as it was.
    await apiCall(request, 'settings.update', {
      organisationName: before.organisationName,
      logoDataUrl: before.logoDataUrl,
      standardPersonWeights: before.standardPersonWeights,
    });
  }
});

test('a headcount entered in the table is stored with its standard persons', async ({
  page,
  request,
}) => {
  const u = unique();
  const siteName = `人员测试校区${u}`;
  const site = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'site',
    parentId: null,
    name: siteName,
    code: `RY${u}`,
  });
  const { standardPersonWeights: w } = await apiCall<SettingsShape>(request, 'settings.get', {});
  await openTab(page, 'people', '人员与企业');
  await page.getByTestId('people-site').click();
  await chooseOption(page, siteName);
  const table = page.getByTestId('headcounts');
  await expect(table).toContainText('还没有人数记录');

  await page.getByRole('button', { name: /新增年度人数/ }).click();
  await page.getByRole('spinbutton', { name: '年份' }).fill('2025');
  await page.getByRole('spinbutton', { name: '学生' }).fill('8600');
  await page.getByRole('spinbutton', { name: '教职工' }).fill('650');
  await page.getByRole('spinbutton', { name: '其他常住人员' }).fill('200');
  await page.getByRole('spinbutton', { name: '其他人员' }).fill('320');
  const expected = 8600 * w.students + 650 * w.staff + 200 * w.residents + 320 * w.others;
  const shown = expected.toLocaleString('zh-CN', { maximumFractionDigits: 1 });
  await expect(table).toContainText(shown);
  await page.screenshot({ path: 'test-results/settings-people-edit.png' });
  await page.getByRole('spinbutton', { name: '其他人员' }).press('Enter');
  await expect(page.getByText(`已保存 ${siteName} 2025 年人数`)).toBeVisible();
  await expect(table.locator('tr.ant-table-row')).toHaveCount(1);
  await expect(table.locator('tr.ant-table-row')).toContainText('8,600');

  const { items } = await apiCall<{ items: HeadcountShape[] }>(request, 'people.headcounts', {
    siteId: site.id,
  });
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    year: 2025,
    students: 8600,
    staff: 650,
    residents: 200,
    others: 320,
  });
  expect(items[0]?.standardPersons).toBeCloseTo(expected, 6);
  await page.screenshot({ path: 'test-results/settings-people.png', fullPage: true });
});

test('a GBK CSV of headcounts: checked first, then its valid rows imported', async ({
  page,
  request,
}) => {
  const u = unique();
  const siteName = `导入人数校区${u}`;
  const site = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'site',
    parentId: null,
    name: siteName,
    code: `DRRS${u}`,
  });
  const lines = [
    '校区/园区,年份,学生,教职工,其他常住人员,其他人员',
    `${siteName},2023,7000,500,100,300`,
    `${siteName},2024,"7,200",520,110,320`,
    `不存在的校区${u},2024,1,1,1,1`,
  ];
  const file = tempFile('人数导入.csv', iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));

  await openTab(page, 'people', '人员与企业');
  await page.getByRole('button', { name: /从表格导入/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('所需列：校区/园区、年份');
  await dialog.locator('input[type="file"]').setInputFiles(file);
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('人数导入.csv');
  await expect(report).toContainText('gb18030');
  await expect(page.getByTestId('import-problems')).toContainText('场所不存在');
  await page.screenshot({ path: 'test-results/settings-people-import.png' });

  await dialog.getByRole('button', { name: '导入无误的 2 行' }).click();
  await expect(page.getByTestId('import-done')).toContainText('新增 2');
  await dialog.getByRole('button', { name: '关闭' }).click();

  const { items } = await apiCall<{ items: HeadcountShape[] }>(request, 'people.headcounts', {
    siteId: site.id,
  });
  expect(items.map((h) => [h.year, h.students, h.staff, h.residents, h.others])).toEqual([
    [2023, 7000, 500, 100, 300],
    [2024, 7200, 520, 110, 320],
  ]);
  // The table reloads after the import.
  await page.getByTestId('people-site').click();
  await chooseOption(page, siteName);
  await expect(page.getByTestId('headcounts').locator('tr.ant-table-row')).toHaveCount(2);
});

test('a park enterprise with a meter and a year, entered in its dialog', async ({
  page,
  request,
}) => {
  const u = unique();
  const siteName = `测试园区${u}`;
  const site = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'site',
    parentId: null,
    name: siteName,
    code: `YQ${u}`,
  });
  const building = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'building',
    parentId: site.id,
    name: `厂房${u}`,
    code: `CF${u}`,
    use: 'other',
  });
  const meter = await apiCall<{ id: string }>(request, 'assets.create', {
    kind: 'meter',
    utility: 'water',
    unit: 'm³',
    placeId: building.id,
    code: `QYSB${u}`,
    name: '企业总水表',
    meterLevel: 2,
  });

  await openTab(page, 'people', '人员与企业');
  await page.getByTestId('people-site').click();
  await chooseOption(page, siteName);
  await expect(page.getByTestId('enterprises')).toContainText('还没有登记企业');
  await page.getByRole('button', { name: /新增企业/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('企业名称').fill(`精密机械${u}有限公司`);
  await dialog.getByLabel('企业编号').fill(`QY${u}`);
  await dialog.getByLabel('计量表').fill(`QYSB${u}`);
  await chooseOption(page, `QYSB${u} 企业总水表（自来水）`);
  // The tag in the field (the dropdown lives outside the form) shows the choice was taken.
  await expect(dialog.getByTestId('enterprise-form')).toContainText(`QYSB${u} 企业总水表`);
  await dialog.getByRole('button', { name: button('新增') }).click();
  await expect(page.getByText(`已新增“精密机械${u}有限公司”`)).toBeVisible();

  await dialog.getByRole('spinbutton', { name: '年份' }).fill('2025');
  await dialog.getByRole('spinbutton', { name: '工业增加值（万元）' }).fill('12500');
  await dialog.getByRole('spinbutton', { name: '用水定额（m³/年）' }).fill('86000');
  await dialog.getByRole('button', { name: '保存该年' }).click();
  await expect(dialog.locator('.ant-table-row')).toContainText('12,500');
  await page.screenshot({ path: 'test-results/settings-enterprise.png' });
  await dialog
    .getByRole('button', { name: button('关闭') })
    .first()
    .click();
  await expect(page.getByTestId('enterprises')).toContainText('2025 年：增加值 12,500 万元');

  const { items } = await apiCall<{
    items: { name: string; meters: { meterId: string }[]; years: unknown[] }[];
  }>(request, 'people.enterprises', { siteId: site.id });
  expect(items).toHaveLength(1);
  expect(items[0]?.meters.map((m) => m.meterId)).toEqual([meter.id]);
  expect(items[0]?.years).toEqual([{ year: 2025, valueAdded: 12500, waterQuota: 86000 }]);
});
