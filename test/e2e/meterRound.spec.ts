// The reading round end to end on the empty-database host: a building with five meters and a few
// months of readings is made through the API; the blank round sheet is opened from the round
// screen, checked (codes, Chinese building name, A4 PDF); then a month's round is entered by
// keyboard only — a plausible value saves on Enter, a typo outside the range is sent back with
// Esc and fixed, an outlier and a drop below the last reading each need a second Enter — and
// every stored reading is checked through the API, value and instant.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
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

/** '2026-03-31 09:00' Shanghai wall time → the instant with its offset, and its UTC form. */
const sh = (local: string) => `${local.replace(' ', 'T')}+08:00`;
const utc = (local: string) => new Date(Date.parse(sh(local))).toISOString();

/** Month ends before the round: three intervals, the fewest that give an expected range. */
const HISTORY = ['2025-11-30 09:00', '2025-12-31 09:00', '2026-01-31 09:00', '2026-02-28 09:00'];
const ROUND = '2026-03-31 09:00';

type Room = 'pump' | 'toilet' | 'office';
type Plan = [name: string, room: Room, multiplier: number, history: number[], value: number];

// Steady use, so the expected range is the typical ±10 %: 10 m³/day → 279–341 m³ in March.
// History: readings at the HISTORY instants (the last ones when shorter); value: what the round
// stores. Meters 1–3 are water (m³), 4–5 electricity (kWh).
const plans = (
  [
    ['总水表', 'pump', 1, [1000, 1310, 1620, 1900], 2210],
    ['卫生间水表', 'toilet', 1, [500, 531, 562, 590], 621],
    ['开水房水表', 'pump', 1, [200, 262, 324, 380], 520],
    ['照明电表', 'office', 40, [8000, 8031, 8062, 8090], 7990],
    ['空调电表', 'office', 1, [120], 185],
  ] satisfies Plan[]
).map(([name, room, multiplier, history, value], i) => ({
  suffix: String(i + 1),
  name,
  room,
  multiplier,
  history,
  value,
  utility: i < 3 ? 'water' : 'electricity',
}));

async function createRoute(request: APIRequestContext, tag: string) {
  const place = (input: Record<string, unknown>) =>
    apiCall<{ id: string; name: string }>(request, 'places.create', input);
  const site = await place({
    kind: 'site',
    parentId: null,
    name: `抄表测试校区${tag}`,
    timeZone: 'Asia/Shanghai',
  });
  const building = await place({ kind: 'building', parentId: site.id, name: `图书馆${tag}` });
  const floor = await place({ kind: 'floor', parentId: building.id, name: '1层', floorNumber: 1 });
  const rooms = {
    pump: await place({ kind: 'room', parentId: floor.id, name: '水泵房' }),
    toilet: await place({ kind: 'room', parentId: floor.id, name: '卫生间' }),
    office: await place({ kind: 'room', parentId: floor.id, name: '配电室' }),
  };
  const meters = [];
  for (const plan of plans) {
    const code = `LB${tag}-${plan.suffix}`;
    const meter = await apiCall<{ id: string }>(request, 'assets.create', {
      code,
      name: plan.name,
      kind: 'meter',
      utility: plan.utility,
      meterLevel: plan.suffix === '1' ? 2 : 3,
      unit: plan.utility === 'water' ? 'm³' : 'kWh',
      multiplier: plan.multiplier,
      serial: `SN${tag}${plan.suffix}`,
      placeId: rooms[plan.room].id,
    });
    const times = HISTORY.slice(HISTORY.length - plan.history.length);
    for (const [i, value] of plan.history.entries()) {
      await apiCall(request, 'meters.addReading', {
        meterId: meter.id,
        at: sh(times[i] ?? ''),
        value,
      });
    }
    meters.push({ ...plan, code, id: meter.id });
  }
  return { building, meters };
}

/** Types a value in the focused input and presses Enter; returns the row's status cell. */
async function enter(page: Page, code: string, value: string) {
  await expect(page.getByTestId(`round-input-${code}`)).toBeFocused();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  return page.getByTestId(`round-status-${code}`);
}

test('a month of readings entered by keyboard, and the blank round sheet', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const tag = unique();
  const { building, meters } = await createRoute(request, tag);
  const [m1, m2, m3, m4, m5] = meters.map((m) => m.code) as [
    string,
    string,
    string,
    string,
    string,
  ];

  await openApp(page, '/meters?tab=round');
  await expect(page.getByText('请先选择楼宇')).toBeVisible();
  // The reading time first (it would otherwise be now), then the building: its first meter gets
  // the cursor as soon as the route is listed.
  await page.locator('#round-time').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2026-03-31 09:00');
  await page.keyboard.press('Enter');
  await expect(page.locator('#round-time')).toHaveValue('2026-03-31 09:00');
  await page.locator('#round-place').focus();
  await page.keyboard.type(building.name);
  await expect(
    page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first(),
  ).toContainText(building.name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('round-progress')).toHaveText('已抄 0 / 5');
  await expect(page.getByTestId(`round-input-${m1}`)).toBeFocused();
  // March at 10 m³/day from 1900: 2179–2241.
  await expect(page.getByRole('row').filter({ hasText: m1 })).toContainText('2179–2241');

  // The blank sheet, beside the round.
  const [sheet] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: '打印空白抄表单' }).click(),
  ]);
  await expect(sheet.getByTestId('round-sheet-summary')).toHaveText('5 块表');
  await expect(sheet.locator('h1')).toContainText(`图书馆${tag}`);
  await expect(sheet.locator('.round-sheet-org')).toHaveText(`抄表测试校区${tag}`);
  const codes = await sheet
    .locator('tr[data-code]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
  expect(codes).toEqual([m1, m2, m3, m4, m5]);
  await sheet.screenshot({ path: 'test-results/meter-round-sheet-screen.png', fullPage: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'round-sheet-'));
  const pdf = path.join(dir, 'round-sheet.pdf');
  await sheet.emulateMedia({ media: 'print' });
  await sheet.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (const code of codes) expect(text).toContain(code);
  expect(text).toContain(`图书馆${tag}`);
  expect(text).toContain('抄表人');
  expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:.*\(A4\)/);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, 'test-results/meter-round-sheet']);
  await sheet.close();

  // Back to the round: Tab from the print button lands on the first meter's input.
  await page.keyboard.press('Tab');
  await expect(await enter(page, m1, '2210')).toContainText('已保存 2210');
  await expect(page.getByTestId(`round-status-${m1}`)).toContainText('用量 310 m³');

  // A slip of the finger: outside the range, sent back with Esc, fixed, saved.
  const status2 = await enter(page, m2, '900');
  await expect(status2).toContainText('超出预期范围');
  await expect(status2).toContainText('再按 Enter 确认保存');
  await page.keyboard.press('Escape');
  await expect(status2).toBeEmpty();
  await expect(await enter(page, m2, '621')).toContainText('已保存 621');

  // A real outlier (a leak?): the second Enter keeps it.
  const status3 = await enter(page, m3, '520');
  await expect(status3).toContainText('超出预期范围 435.8–448.2');
  await page.screenshot({ path: 'test-results/meter-round-warning.png', fullPage: true });
  await page.keyboard.press('Enter');
  await expect(status3).toContainText('已保存 520');

  // Below the last reading: a negative delta, kept for the review queue.
  const status4 = await enter(page, m4, '7990');
  await expect(status4).toContainText('小于上次读数 8090');
  await page.keyboard.press('Enter');
  await expect(status4).toContainText('负增量，已转待复核');

  // Only an opening reading: no range to judge by, saved at once.
  await expect(await enter(page, m5, '185')).toContainText('已保存 185');
  await expect(page.getByTestId('round-progress')).toHaveText('已抄 5 / 5');
  await expect(page.getByText('本次 5 块表已全部抄完')).toBeVisible();
  await page.screenshot({ path: 'test-results/meter-round-screen.png', fullPage: true });

  // Stored as typed, at the round's instant, once each (the Esc'd 900 was never saved).
  for (const meter of meters) {
    const readings = await apiCall<{
      items: { at: string; value: number; estimated: boolean; source: string }[];
      total: number;
    }>(request, 'meters.readings', { meterId: meter.id });
    expect(readings.total).toBe(meter.history.length + 1);
    expect(readings.items[0]).toMatchObject({
      at: utc(ROUND),
      value: meter.value,
      estimated: false,
      source: 'manual',
    });
  }
  const reviews = await apiCall<{ total: number }>(request, 'meters.reviews', {
    meterId: meters[3]?.id,
  });
  expect(reviews.total).toBe(1);
});

test('the blank sheet of a long route repeats its column header on every page', async ({
  page,
  request,
}) => {
  const tag = unique();
  const site = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'site',
    parentId: null,
    name: `长路线校区${tag}`,
    timeZone: 'Asia/Shanghai',
  });
  const building = await apiCall<{ id: string }>(request, 'places.create', {
    kind: 'building',
    parentId: site.id,
    name: `学生宿舍${tag}`,
  });
  for (let i = 1; i <= 40; i++) {
    await apiCall(request, 'assets.create', {
      code: `SS${tag}-${String(i).padStart(2, '0')}`,
      name: `${i}号房间水表`,
      kind: 'meter',
      utility: 'water',
      meterLevel: 3,
      unit: 'm³',
      placeId: building.id,
    });
  }
  // On the round screen, electricity finds nothing here and says what to do.
  await openApp(page, '/meters?tab=round');
  await page.keyboard.type(`学生宿舍${tag}`);
  await expect(page.locator('.ant-select-item-option').first()).toContainText(tag);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('round-progress')).toHaveText('已抄 0 / 40');
  await page.getByRole('combobox', { name: '能源类别' }).focus();
  await page.keyboard.type('电');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`“学生宿舍${tag}”下没有“电”类表计`)).toBeVisible();
  await page.screenshot({ path: 'test-results/meter-round-empty.png' });

  await page.goto(`/print/round-sheet?placeId=${building.id}&utility=water`);
  await expect(page.getByTestId('round-sheet-summary')).toHaveText('40 块表');
  await expect(page.locator('.round-sheet-meta')).toContainText('类别：自来水');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'round-sheet-long-'));
  const pdf = path.join(dir, 'long.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
  expect(pages).toBeGreaterThan(1);
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']).toString();
    expect(text, `page ${p}`).toContain('本次读数');
    expect(text, `page ${p}`).toMatch(new RegExp(`\\b${p}\\s*/\\s*${pages}\\b`));
  }
  const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), pdf, '-']);
  expect(last.toString()).toContain(`SS${tag}-40`);
  expect(last.toString()).toContain('抄表人');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, 'test-results/meter-round-sheet-long']);
});
