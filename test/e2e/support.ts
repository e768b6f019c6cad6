// Shared helpers of the end-to-end tests: open the app with the web host's token.
import type { Page } from '@playwright/test';

export const TOKEN = 'e2e-token';

/** Opens a path of the app; the token travels in the fragment exactly as the printed URL has it. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(`${path}#token=${TOKEN}`);
}

/** A suffix that keeps names unique across retries on the same database. */
export function unique(): string {
  return Math.random().toString(36).slice(2, 7);
}
