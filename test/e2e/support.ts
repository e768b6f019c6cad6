// Shared helpers of the end-to-end tests: open the app with the web host's token.
import type { Page } from '@playwright/test';

/** Clicks an option in the antd dropdown that is open now (closed ones stay in the DOM). */
export async function chooseOption(page: Page, text: string): Promise<void> {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .click();
}

export const TOKEN = 'e2e-token';

/** Opens a path of the app; the token travels in the fragment exactly as the printed URL has it. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  // An operator is already chosen, as on a PC that has run the app before (the first-start
  // question has its own test).
  await page.addInitScript(() => {
    if (!localStorage.getItem('utility-desk.operator')) {
      localStorage.setItem('utility-desk.operator', 'e2e测试员');
    }
  });
  await page.goto(`${path}#token=${TOKEN}`);
}

/** A suffix that keeps names unique across retries on the same database. */
export function unique(): string {
  return Math.random().toString(36).slice(2, 7);
}

/** The host serving the generated demo register (see playwright.config.ts). */
export const DEMO_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5199) - 1}`;

/** The host whose database is empty until the first-start test loads demo data into it. */
export const FIRST_START_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5199) - 2}`;
