// Printing in the Electron shell. The renderer asks (window.desk.print) for one of its own /print/…
// routes; this opens that route in a hidden, sandboxed window, waits until the page says its layout
// is done, and then either shows the system print dialog (webContents.print) or writes a PDF
// (webContents.printToPDF) to a file the user picks. A separate window, not the app window, so the
// toolbar and the app around it never reach the paper and the user keeps working meanwhile.
// With main.ts and preload.ts the only files that import 'electron'.
import {
  BrowserWindow,
  dialog,
  ipcMain,
  type IpcMainInvokeEvent,
  type SaveDialogOptions,
  type WebContents,
  type WebPreferences,
} from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PRINT_CHANNEL } from '../shared/contract/bridge';
import type { Envelope } from '../shared/contract/errors';
import { PrintJob, type PrintOutcome } from '../shared/contract/printJob';

export interface PrintSetup {
  /** The app's origin, 'app://desk/': the hidden window loads nothing else. */
  origin: string;
  isAppUrl(url: string): boolean;
  /** The app window's hardened preferences (sandbox, isolation, the preload). */
  webPreferences: WebPreferences;
  /** How long a layout may take (200 orders take a few seconds). */
  readyTimeoutMs?: number;
  pollMs?: number;
}

/** What the print route sets on <html> once laid out: the page count, or why it could not. */
const READY_PROBE =
  '[document.documentElement.dataset.printReady || "", document.documentElement.dataset.printError || ""]';

const failure = (code: 'FORBIDDEN' | 'BAD_REQUEST' | 'INTERNAL', message: string) =>
  ({ ok: false, error: { code, message } }) as const;

async function waitForLayout(contents: WebContents, setup: PrintSetup): Promise<number> {
  const deadline = Date.now() + (setup.readyTimeoutMs ?? 120_000);
  for (;;) {
    const answer: unknown = await contents.executeJavaScript(READY_PROBE);
    const [ready, error] = Array.isArray(answer) ? answer.map(String) : ['', ''];
    if (error) throw new Error(error);
    if (ready) return Number(ready);
    if (Date.now() > deadline) throw new Error('the print layout did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, setup.pollMs ?? 100));
  }
}

function systemPrint(contents: WebContents): Promise<boolean> {
  // The layout repeats copies itself (so the preview, the PDF and paper agree); the dialog starts
  // at one copy and the user may still change printer, pages or copies there.
  return new Promise((resolve) =>
    contents.print({ silent: false, printBackground: true }, (success) => resolve(success)),
  );
}

async function askForFile(event: IpcMainInvokeEvent, fileName: string): Promise<string | null> {
  const options: SaveDialogOptions = {
    defaultPath: fileName,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const owner = BrowserWindow.fromWebContents(event.sender);
  const choice = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

export async function runPrint(
  setup: PrintSetup,
  event: IpcMainInvokeEvent,
  request: unknown,
): Promise<Envelope<PrintOutcome>> {
  if (!setup.isAppUrl(event.senderFrame?.url ?? '')) {
    return failure('FORBIDDEN', 'Only the app’s own pages may print.');
  }
  const parsed = PrintJob.safeParse(request);
  if (!parsed.success) return failure('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'bad job');
  const job = parsed.data;
  // Asked first, so cancelling costs nothing.
  const target = job.output === 'pdf' ? await askForFile(event, job.fileName) : null;
  if (job.output === 'pdf' && !target) {
    return { ok: true, result: { done: false, pages: null, fileName: null } };
  }
  // Never shown, so Chromium would treat it as a background page and slow its timers down.
  const win = new BrowserWindow({
    show: false,
    // The app window's settings written out (the security scan reads them at the call; the
    // tests check they equal the app window's), plus no throttling for a page never shown.
    webPreferences: {
      preload: setup.webPreferences.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      backgroundThrottling: false,
    },
  });
  try {
    await win.loadURL(setup.origin + job.path.slice(1));
    const pages = await waitForLayout(win.webContents, setup);
    if (target) {
      const pdf = await win.webContents.printToPDF({
        preferCSSPageSize: true,
        printBackground: true,
      });
      await fs.writeFile(target, pdf);
      return { ok: true, result: { done: true, pages, fileName: path.basename(target) } };
    }
    const done = await systemPrint(win.webContents);
    return { ok: true, result: { done, pages, fileName: null } };
  } catch (error) {
    return failure('INTERNAL', `打印失败 / Printing failed: ${String(error)}`);
  } finally {
    win.destroy();
  }
}

export function registerPrinting(setup: PrintSetup): void {
  ipcMain.handle(PRINT_CHANNEL, (event, request: unknown) => runPrint(setup, event, request));
}
