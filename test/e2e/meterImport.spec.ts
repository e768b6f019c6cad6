// Importing meter readings on the empty-database host from a WIDE CSV saved as GBK (as Chinese
// Excel does), whose header is '时间' and two meter codes in Chinese and whose times carry no zone:
// checked without a zone, the report asks for one; checked in Asia/Shanghai, it names the row that
// gives a meter a second value at the same instant and refuses the commit. The corrected file is
// imported after a confirm, the stored instants are checked through the API (Shanghai = UTC+8),
// and importing the same file again reports every reading as already stored and writes nothing.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, TOKEN, unique } from './support';

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

/** A CSV of these lines, GBK-encoded with CRLF endings, in a file of its own on disk. */
function gbkFile(name: string, lines: string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'readings-')), name);
  fs.writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  return file;
}

/** Shanghai wall time → the UTC instant the import must store. */
const utc = (local: string) =>
  new Date(Date.parse(`${local.replace(' ', 'T')}+08:00`)).toISOString();

// Hourly register readings of two water meters; the fifth sheet row repeats 02:00 with another
// value for the first meter (the second meter's repeat is equal, which is no conflict).
const TIMES = ['2026-10-01 00:00', '2026-10-01 01:00', '2026-10-01 02:00', '2026-10-01 03:00'];
const FIRST = [100, 101.5, 103, 104.2];
const SECOND = [500, 502, 503.5, 505];

function sheets(codes: [string, string]) {
  const rows = TIMES.map((time, i) => `${time},${FIRST[i]},${SECOND[i]}`);
  const header = `时间,${codes[0]},${codes[1]}`;
  const conflicting = [
    header,
    ...rows.slice(0, 3),
    '2026-10-01 02:00,104,503.5',
    rows[3] as string,
  ];
  return {
    bad: gbkFile('水表读数-有冲突.csv', conflicting),
    good: gbkFile('水表读数.csv', [header, ...rows]),
  };
}

async function check(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^检\s?查$/ }).click();
  await expect(page.getByTestId('import-report')).toBeVisible();
}

test('a GBK wide sheet: zone asked for, a duplicate conflict blocks, the fixed file imports once', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const u = unique();
  const site = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'site',
    parentId: null,
    name: `导入校区${u}`,
    code: `DR${u}`,
    timeZone: 'Asia/Shanghai',
  });
  const building = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'building',
    parentId: site.id,
    name: `实验楼${u}`,
    code: `SY${u}`,
    use: 'teaching',
  });
  const codes: [string, string] = [`水表${u}-甲`, `水表${u}-乙`];
  const meters = [];
  for (const code of codes) {
    meters.push(
      await apiCall<{ id: string }>(request, 'assets.create', {
        kind: 'meter',
        utility: 'water',
        unit: 'm³',
        placeId: building.id,
        code,
        name: '实验楼水表',
        meterLevel: 2,
      }),
    );
  }
  const files = sheets(codes);

  await openApp(page, '/meters?tab=import');
  const choose = page.getByTestId('import-choose');
  await expect(choose).toContainText('文件中的时间未带时区时按此时区解读');
  await expect(choose.getByTestId('layout-wide')).toContainText('时间');
  // Beijing time is chosen from the start.
  const zoneField = choose.locator('.ant-select').filter({ hasText: 'Asia/Shanghai' });
  await expect(zoneField).toContainText('北京时间');
  await choose.locator('input[type="file"]').setInputFiles(files.bad);
  await expect(page.getByTestId('import-file')).toContainText('水表读数-有冲突.csv');
  await page.screenshot({ path: 'test-results/meter-import-choose.png', fullPage: true });

  // Without a zone the zoneless times cannot be placed: the report asks for one, nothing commits.
  await zoneField.hover();
  await zoneField.locator('.ant-select-clear').click();
  await expect(choose).toContainText('不指定（文件中的时间须带时区）');
  await check(page);
  const zoneNeeded = page.getByTestId('import-zone-needed');
  await expect(zoneNeeded).toContainText('文件中的时间未带时区');
  await expect(page.getByTestId('import-counts')).toContainText('时区未指定');
  await expect(page.getByRole('button', { name: /^导入 \d+ 条读数$/ })).toHaveCount(0);
  await zoneNeeded.getByRole('combobox').click();
  await page.keyboard.type('北京');
  await page.keyboard.press('Enter');
  await expect(zoneNeeded).toContainText('Asia/Shanghai');
  await page.screenshot({ path: 'test-results/meter-import-zone.png', fullPage: true });
  await zoneNeeded.getByRole('button', { name: '重新检查' }).click();

  // In Shanghai time the one conflict shows, on sheet row 5, and blocks the commit.
  const report = page.getByTestId('import-report');
  await expect(page.getByTestId('import-zone-needed')).toHaveCount(0);
  await expect(page.getByTestId('import-verdict')).toContainText('发现 1 处错误，不能导入');
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('gb18030');
  await expect(counts).toContainText('宽表');
  await expect(counts).toContainText('Asia/Shanghai');
  await expect(counts).toContainText('2026-10-01 00:00 — 2026-10-01 03:00');
  await expect(page.getByTestId('kind-duplicate_conflict')).toHaveText(/同一时刻读数不同\s*1/);
  const problems = page.getByTestId('import-problems').locator('tbody tr.ant-table-row');
  await expect(problems).toHaveCount(1);
  await expect(problems.first().locator('td').first()).toHaveText('5');
  await expect(problems.first()).toContainText('104');
  await expect(problems.first()).toContainText(`${codes[0]} 2026-10-01 02:00: 第 4 行为 103`);
  await expect(problems.first()).not.toContainText('row 4 has');
  await expect(page.getByRole('button', { name: /^导入 \d+ 条读数$/ })).toBeDisabled();
  await page.screenshot({ path: 'test-results/meter-import-report.png', fullPage: true });
  const none = await apiCall<{ total: number }>(request, 'meters.readings', {
    meterId: meters[0]?.id,
  });
  expect(none.total).toBe(0);

  // The corrected file: checked, confirmed, written.
  await report.getByRole('button', { name: '换一个文件' }).click();
  await choose.locator('input[type="file"]').setInputFiles(files.good);
  await expect(page.getByTestId('import-file')).toContainText('水表读数.csv');
  await check(page);
  await expect(page.getByTestId('import-verdict')).toContainText('可以导入：将写入 8 条新读数');
  await page.getByRole('button', { name: '导入 8 条读数' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '导入 8 条读数？' });
  await expect(confirm).toContainText('2 个表计');
  await confirm.getByRole('button', { name: /^导\s?入$/ }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('导入完成');
  await expect(result).toContainText('新增 8 条读数，已存在 0 条，涉及 2 个表计');
  await page.screenshot({ path: 'test-results/meter-import-done.png', fullPage: true });

  // Stored at the Shanghai instants, in UTC.
  for (const [i, values] of [FIRST, SECOND].entries()) {
    const stored = await apiCall<{ items: { at: string; value: number }[] }>(
      request,
      'meters.readings',
      { meterId: meters[i]?.id },
    );
    const got = stored.items
      .map((r) => ({ at: new Date(Date.parse(r.at)).toISOString(), value: r.value }))
      .sort((a, b) => a.at.localeCompare(b.at));
    expect(got).toEqual(TIMES.map((time, k) => ({ at: utc(time), value: values[k] })));
  }
  expect(utc(TIMES[0] as string)).toBe('2026-09-30T16:00:00.000Z');

  // The same file again: everything is already stored, nothing to import.
  await result.getByRole('button', { name: '导入另一个文件' }).click();
  await choose.locator('input[type="file"]').setInputFiles(files.good);
  await check(page);
  await expect(page.getByTestId('import-verdict')).toContainText('全部读数已存在，无需导入');
  await expect(counts).toContainText('已存在（无变化）8');
  await expect(page.getByRole('button', { name: /^导入 \d+ 条读数$/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/meter-import-again.png', fullPage: true });
});
