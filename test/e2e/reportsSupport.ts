// Helpers of the 统计报表 end-to-end test (reports.spec.ts): calls to the demo host's API, the
// downloads the dashboard makes (CSV with its byte-order mark), and screenshots taken only once
// nothing is loading, so a person looking at them sees the figures rather than a spinner.
import { expect, type APIRequestContext, type Download, type Page } from '@playwright/test';
import fs from 'node:fs';
import { DEMO_URL, TOKEN } from './support';

export interface Envelope<T> {
  ok: boolean;
  result: T;
  error?: { code: string; message: string };
}

export async function apiCall<T>(
  request: APIRequestContext,
  method: string,
  input: unknown,
): Promise<T> {
  const response = await request.post(`${DEMO_URL}/api/${method}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data: input,
  });
  const body = (await response.json()) as Envelope<T>;
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result;
}

/** The rounding the export applies (dataTable.ts): the CSV must hold exactly this number. */
export const roundTo = (value: number, digits: number) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/** A CSV as rows of cells (quoted cells may hold commas), without the byte-order mark. */
export function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0), 'UTF-8 byte-order mark for Excel').toBe(0xfeff);
  return text
    .slice(1)
    .split(/\r\n/)
    .filter((line) => line.length > 0)
    .map((line) => (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, '')))
    .map((cells) => cells.filter((_, i) => i < cells.length - 1 || cells[i] !== ''))
    .map((cells) => cells.map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c)));
}

/** Waits until no dropdown is open and nothing is loading, so a screenshot shows the result. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(
    0,
  );
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
}

export async function shoot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({
    path: `test-results/${name}.png`,
    fullPage: true,
    animations: 'disabled',
  });
}

export async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return file;
}

export async function readDownload(file: Download): Promise<Buffer> {
  return fs.readFileSync(await file.path());
}

export interface Site {
  id: string;
  name: string;
  kind: string;
}

export async function firstSite(request: APIRequestContext): Promise<Site> {
  const { items } = await apiCall<{ items: Site[] }>(request, 'places.list', { parentId: null });
  const site = items.find((p) => p.kind === 'site');
  expect(site, 'the demo has a site').toBeTruthy();
  return site as Site;
}

export const thisYear = new Date().getFullYear();
export const lastYear = thisYear - 1;

export const pad = (n: number | null) => String(n).padStart(2, '0');

/** The first month of this year whose balance the API flags (periods end yesterday, as shown). */
export async function flaggedMonth(
  request: APIRequestContext,
  meterId: string,
): Promise<number | null> {
  const now = new Date();
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  for (let month = 1; month <= now.getMonth() + 1; month += 1) {
    const from = `${thisYear}-${pad(month)}-01`;
    const end = local(new Date(thisYear, month, 0));
    const to = end > local(yesterday) && local(yesterday) >= from ? local(yesterday) : end;
    if (from > to) continue;
    const r = await apiCall<{ flags: string[] }>(request, 'analytics.waterBalance', {
      meterId,
      from,
      to,
    });
    if (r.flags.includes('loss_above_threshold')) return month;
  }
  return null;
}
