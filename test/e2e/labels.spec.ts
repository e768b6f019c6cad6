// QR-code asset labels: pick fixtures, open the label sheet, print it to PDF, and check the codes
// are there as text and that a printed QR decodes to its asset code.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { DEMO_URL, openApp } from './support';

test.use({ baseURL: DEMO_URL, viewport: { width: 1440, height: 900 } });

test('prints a sheet of QR labels for 30 selected fixtures', async ({ page }) => {
  await openApp(page, '/assets');
  await page.getByLabel('搜索编号、名称、出厂编号、备注').fill('JX-A-1');
  await expect(page.locator('[role="row"][aria-rowindex="1"]')).toContainText('JX-A-1');
  await page.locator('[role="row"][aria-rowindex="1"]').getByRole('checkbox').check();
  await page.getByTestId('asset-grid').evaluate((el) => el.scrollTo(0, 36 * 20));
  await page
    .locator('[role="row"][aria-rowindex="30"]')
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('asset-selected')).toHaveText('已选 30 项');

  await page.getByRole('button', { name: '打印标签' }).click();
  await expect(page.getByTestId('label-summary')).toHaveText('30 张标签，共 2 页');
  const codes = await page
    .locator('.asset-label')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
  expect(codes).toHaveLength(30);
  expect(codes.every((c) => c.startsWith('JX-A-1'))).toBe(true);
  await page.screenshot({ path: 'test-results/labels-screen.png', fullPage: false });

  // The first QR decodes to the first label's code: read its pixels in the page, decode here.
  const pixels = await page
    .locator('.asset-label img')
    .first()
    .evaluate((img: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = 400;
      canvas.height = 400;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 400, 400);
      g.drawImage(img, 40, 40, 320, 320);
      return Array.from(g.getImageData(0, 0, 400, 400).data);
    });
  expect(jsQR(Uint8ClampedArray.from(pixels), 400, 400)?.data).toBe(codes[0]);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labels-'));
  const pdf = path.join(dir, 'labels.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (const code of codes) expect(text).toContain(code);
  expect(text).toContain('第一教学楼');
  const info = execFileSync('pdfinfo', [pdf]).toString();
  expect(info).toMatch(/Pages:\s+2/);
  expect(info).toMatch(/Page size:.*\(A4\)/);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    'test-results/labels-page',
  ]);
});
