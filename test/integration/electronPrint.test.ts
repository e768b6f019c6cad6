// Printing in the Electron shell, where Electron's binary cannot be installed: the shipped main.cjs
// (built into a private folder by scripts/build-electron.mjs) runs under plain Node against
// stand-in `electron` objects, as in electronHardening.test.ts. They record the hidden window the
// print handler opens (its preferences and URL), answer its layout probe, play the print and save
// dialogs, and write nothing but the PDF the handler is given.
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PRINT_CHANNEL } from '../../shared/contract/bridge';
import type { Envelope } from '../../shared/contract';
import type { PrintOutcome } from '../../shared/contract/printJob';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let scratch: string;
let bundleDir: string;

type Handler = (
  event: { sender: unknown; senderFrame: { url: string } | null },
  job: unknown,
) => unknown;

/** What the stand-in print window does when asked: the page's answer, the dialog's. */
const behaviour = {
  probe: ['3', ''] as [string, string],
  printSucceeds: true,
  saveTo: null as string | null,
};

class FakeContents extends EventEmitter {
  probes = 0;
  printed: unknown[] = [];
  pdfOptions: unknown[] = [];
  setWindowOpenHandler() {}
  executeJavaScript(code: string): Promise<unknown> {
    this.probes += 1;
    if (!code.includes('printReady')) throw new Error(`unexpected script ${code}`);
    // The first probe finds the layout still running, as a real page would.
    return Promise.resolve(this.probes === 1 ? ['', ''] : behaviour.probe);
  }
  print(options: unknown, callback: (success: boolean, reason: string) => void) {
    this.printed.push(options);
    callback(behaviour.printSucceeds, behaviour.printSucceeds ? '' : 'cancelled');
  }
  printToPDF(options: unknown): Promise<Buffer> {
    this.pdfOptions.push(options);
    return Promise.resolve(Buffer.from('%PDF-1.7 stand-in'));
  }
}

const windows: FakeWindow[] = [];
const handlers = new Map<string, Handler>();
const saveDialogs: unknown[][] = [];

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents();
  loadedUrl: string | null = null;
  destroyed = false;
  constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
    super();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return windows;
  }
  static fromWebContents(contents: unknown) {
    return windows.find((w) => w.webContents === contents) ?? null;
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {}
  destroy() {
    this.destroyed = true;
  }
}

let quits = 0;
const app = Object.assign(new EventEmitter(), {
  whenReady: () => Promise.resolve(),
  getPath: () => path.join(scratch, 'userData'),
  enableSandbox: () => {},
  quit: () => {
    quits += 1;
  },
  exit: (code: number) => {
    throw new Error(`app.exit(${code})`);
  },
});

const electron = {
  app,
  BrowserWindow: FakeWindow,
  dialog: {
    showErrorBox: () => {},
    showSaveDialog: (...args: unknown[]) => {
      saveDialogs.push(args);
      const filePath = behaviour.saveTo;
      return Promise.resolve({ canceled: filePath === null, filePath: filePath ?? '' });
    },
  },
  ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
  protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
  session: {
    defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} },
  },
};

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  const cache = path.join(root, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  scratch = fs.mkdtempSync(path.join(cache, 'utility-desk-print-test-'));
  bundleDir = path.join(scratch, 'electron');
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--outdir', bundleDir], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build-electron failed:\n${build.stderr}`);
  const file = path.join(bundleDir, 'main.cjs');
  const nodeRequire = createRequire(file);
  const run = vm.compileFunction(
    fs.readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', '__filename', '__dirname'],
    { filename: file },
  );
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const module = { exports: {} };
  try {
    run(
      module.exports,
      (id: string): unknown => (id === 'electron' ? electron : nodeRequire(id)),
      module,
      file,
      bundleDir,
    );
    await until(() => windows.length === 1 && handlers.has(PRINT_CHANNEL), 'the app window');
  } finally {
    log.mockRestore();
  }
});

afterAll(async () => {
  const before = quits;
  app.emit('will-quit', { preventDefault: () => {} });
  await until(() => quits > before, 'the database worker to close');
  fs.rmSync(scratch, { recursive: true, force: true });
});

const appWindow = () => windows[0] as FakeWindow;

async function print(job: unknown, senderUrl: string | null = 'app://desk/print/work-orders') {
  const handler = handlers.get(PRINT_CHANNEL);
  if (!handler) throw new Error('no print handler');
  const event = {
    sender: appWindow().webContents,
    senderFrame: senderUrl === null ? null : { url: senderUrl },
  };
  return (await handler(event, job)) as Envelope<PrintOutcome>;
}

const PATH = '/print/work-orders?layout=a4&copies=2#ids=0190a,0190b';

describe('window.desk.print in the main process', () => {
  it('prints the route in a hidden, hardened window through the system dialog, then closes it', async () => {
    const answer = await print({ path: PATH, output: 'printer' });
    expect(answer).toEqual({ ok: true, result: { done: true, pages: 3, fileName: null } });
    const win = windows.at(-1) as FakeWindow;
    expect(win).not.toBe(appWindow());
    expect(win.options.show).toBe(false);
    // The same preferences as the app window (sandbox, isolation, no Node, the preload), and
    // timers that run at full speed although the window is never shown.
    expect(win.options.webPreferences).toEqual({
      ...appWindow().options.webPreferences,
      backgroundThrottling: false,
    });
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(win.loadedUrl).toBe(`app://desk${PATH}`);
    expect(win.webContents.probes).toBe(2);
    expect(win.webContents.printed).toEqual([{ silent: false, printBackground: true }]);
    expect(win.destroyed).toBe(true);
    // Hardened like every web contents: no new windows from the print page either.
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
  });

  it('answers done: false when the print dialog is cancelled', async () => {
    behaviour.printSucceeds = false;
    try {
      const answer = await print({ path: PATH, output: 'printer' });
      expect(answer).toEqual({ ok: true, result: { done: false, pages: 3, fileName: null } });
    } finally {
      behaviour.printSucceeds = true;
    }
  });

  it('writes printToPDF of the route to the file chosen in the save dialog', async () => {
    const target = path.join(scratch, '工单.pdf');
    behaviour.saveTo = target;
    try {
      const answer = await print({ path: PATH, output: 'pdf', fileName: '工单-2026-05-01.pdf' });
      expect(answer).toEqual({ ok: true, result: { done: true, pages: 3, fileName: '工单.pdf' } });
      expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 stand-in');
      const win = windows.at(-1) as FakeWindow;
      expect(win.webContents.pdfOptions).toEqual([
        { preferCSSPageSize: true, printBackground: true },
      ]);
      expect(win.destroyed).toBe(true);
      // The dialog belongs to the app window and suggests the name the page gave.
      expect(saveDialogs.at(-1)?.[0]).toBe(appWindow());
      expect(saveDialogs.at(-1)?.[1]).toMatchObject({ defaultPath: '工单-2026-05-01.pdf' });
    } finally {
      behaviour.saveTo = null;
    }
  });

  it('opens no window when the save dialog is cancelled', async () => {
    const before = windows.length;
    const answer = await print({ path: PATH, output: 'pdf' });
    expect(answer).toEqual({ ok: true, result: { done: false, pages: null, fileName: null } });
    expect(windows.length).toBe(before);
  });

  it('reports a layout the page could not make, and still closes the window', async () => {
    behaviour.probe = ['', 'NOT_FOUND: no orders'];
    try {
      const answer = await print({ path: PATH, output: 'printer' });
      expect(answer.ok ? null : answer.error).toMatchObject({ code: 'INTERNAL' });
      expect(answer.ok ? '' : answer.error.message).toContain('NOT_FOUND: no orders');
      expect((windows.at(-1) as FakeWindow).destroyed).toBe(true);
    } finally {
      behaviour.probe = ['3', ''];
    }
  });

  it('refuses other senders and anything but a /print/ route of the app', async () => {
    const before = windows.length;
    for (const sender of ['https://example.com/', 'file:///tmp/x.html', null]) {
      const answer = await print({ path: PATH, output: 'printer' }, sender);
      expect(answer.ok ? null : answer.error.code, String(sender)).toBe('FORBIDDEN');
    }
    for (const job of [
      { path: '/places', output: 'printer' },
      { path: 'https://example.com/print/x', output: 'printer' },
      { path: '//example.com/print/x', output: 'printer' },
      { path: '/print/../secret', output: 'printer' },
      { path: '/print/x/../../y', output: 'printer' },
      { path: '/print/x\\..\\y', output: 'printer' },
      { path: PATH, output: 'fax' },
      { path: PATH, output: 'pdf', fileName: '../../etc/passwd.pdf' },
      { path: PATH, output: 'pdf', fileName: 'x.exe' },
      { path: PATH, output: 'printer', extra: true },
      'print everything',
    ]) {
      const answer = await print(job);
      expect(answer.ok ? null : answer.error.code, JSON.stringify(job)).toBe('BAD_REQUEST');
    }
    expect(windows.length).toBe(before);
  });
});
