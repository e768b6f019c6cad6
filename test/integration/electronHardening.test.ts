// The Electron shell's security settings, checked where Electron's binary cannot be installed.
// The bundles that ship (main.cjs, preload.cjs, coreWorker.cjs) are built into a private folder and
// run under plain Node against stand-in `electron` objects that record what the code asks of
// Electron: the window's webPreferences, the navigation/new-window/webview/permission handlers, the
// app:// protocol handler, and the IPC relay, which reaches the real bundled database worker.
// A few source checks back these up for what only the real binary could show.
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNEL, PRINT_CHANNEL } from '../../shared/contract/bridge';
import type { Envelope, ResultOf } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/web/server';
import { createCoreClient } from '../../electron/worker/coreClient';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readSource = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

// Under node_modules/.cache so the bundles' require('better-sqlite3') resolves from the project.
let scratch: string;
let bundleDir: string;
let rendererDir: string;
let userDataDir: string;

beforeAll(() => {
  const cache = path.join(root, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  scratch = fs.mkdtempSync(path.join(cache, 'utility-desk-electron-test-'));
  bundleDir = path.join(scratch, 'electron');
  rendererDir = path.join(scratch, 'renderer');
  userDataDir = path.join(scratch, 'userData');
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--outdir', bundleDir], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0)
    throw new Error(`build-electron failed:\n${build.stdout}\n${build.stderr}`);
  // esbuild warnings are bundling hazards (an empty import.meta, say) in the app that ships.
  if (build.stderr.trim()) throw new Error(`build-electron warned:\n${build.stderr}`);
  // A stand-in renderer build for the protocol handler to serve.
  fs.mkdirSync(path.join(rendererDir, 'static'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  fs.writeFileSync(path.join(rendererDir, 'static/app.js'), 'console.log("desk")');
  // Beside the build, not in it: what a traversal would be after.
  fs.writeFileSync(path.join(scratch, 'secret.txt'), 'not for the renderer');
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Runs a CommonJS bundle in this realm with `electron` replaced by the given stand-in. */
function loadBundle(file: string, electron: unknown): void {
  const nodeRequire = createRequire(file);
  const run = vm.compileFunction(
    fs.readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', '__filename', '__dirname'],
    { filename: file },
  );
  const module = { exports: {} };
  const requireFn = (id: string): unknown => (id === 'electron' ? electron : nodeRequire(id));
  run(module.exports, requireFn, module, file, path.dirname(file));
}

describe('source of the Electron shell', () => {
  const main = readSource('electron/main.ts');
  const preload = readSource('electron/preload.ts');

  it('sets the window hardening options and never turns web security off', () => {
    expect(main).toMatch(/contextIsolation:\s*true/);
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/nodeIntegration:\s*false/);
    expect(main).toMatch(/app\.enableSandbox\(\)/);
    for (const source of [main, preload]) {
      expect(source).not.toMatch(/webSecurity\s*:/);
      expect(source).not.toMatch(/allowRunningInsecureContent\s*:\s*true/);
      expect(source).not.toMatch(
        /contextIsolation:\s*false|nodeIntegration:\s*true|sandbox:\s*false/,
      );
    }
  });

  it('blocks navigation, new windows and webviews, and checks who calls over IPC', () => {
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(main).toMatch(/on\('will-navigate'[\s\S]{0,120}preventDefault\(\)/);
    expect(main).toMatch(/on\('will-attach-webview'[\s\S]{0,80}preventDefault\(\)/);
    expect(main).toMatch(/ipcMain\.handle\(BRIDGE_CHANNEL/);
    expect(main).toMatch(/senderFrame/);
  });

  it('exposes one object through contextBridge in the preload, never ipcRenderer itself', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('desk', desk\)/);
    expect(preload).toMatch(/satisfies Bridge/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it("lets only main.ts, preload.ts and print.ts import 'electron'", () => {
    const allowed = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/print.ts']);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(rel);
        else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !allowed.has(rel)) {
          const text = readSource(rel);
          if (/from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/.test(text))
            offenders.push(rel);
        }
      }
    };
    for (const dir of ['electron', 'shared', 'renderer/src']) walk(dir);
    expect(offenders).toEqual([]);
  });
});

describe('the bundles', () => {
  it('keep the database out of the main process', () => {
    const main = fs.readFileSync(path.join(bundleDir, 'main.cjs'), 'utf8');
    const worker = fs.readFileSync(path.join(bundleDir, 'coreWorker.cjs'), 'utf8');
    expect(main).not.toContain('require("better-sqlite3")');
    expect(worker).toContain('require("better-sqlite3")');
    expect(worker).not.toContain('require("electron")');
  });

  it('the preload exposes exactly { call, print } on window.desk, which invoke the bridge channels', async () => {
    const exposed: [string, unknown][] = [];
    const invoked: unknown[][] = [];
    const required: string[] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => exposed.push([key, value]),
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, result: 'pong' });
        },
      },
    };
    // A sandboxed preload gets a reduced require; this one may only need 'electron'.
    const context = vm.createContext({
      require: (id: string) => {
        required.push(id);
        if (id === 'electron') return electron;
        throw new Error(`a sandboxed preload cannot require ${id}`);
      },
      module: { exports: {} },
      exports: {},
    });
    vm.runInContext(fs.readFileSync(path.join(bundleDir, 'preload.cjs'), 'utf8'), context);

    expect(required).toEqual(['electron']);
    expect(exposed).toHaveLength(1);
    const [key, value] = exposed[0] ?? [];
    expect(key).toBe('desk');
    const desk = value as Record<string, unknown>;
    expect(Object.keys(desk)).toEqual(['call', 'print']);
    const call = desk.call;
    if (typeof call !== 'function') throw new Error('window.desk.call is not a function');
    await expect(call('places.list', { parentId: null })).resolves.toEqual({
      ok: true,
      result: 'pong',
    });
    expect(invoked).toEqual([[BRIDGE_CHANNEL, 'places.list', { parentId: null }]]);
    // print (electronPrint.test.ts) goes down its own channel, to the main process's print handler.
    const print = desk.print;
    if (typeof print !== 'function') throw new Error('window.desk.print is not a function');
    await print({ path: '/print/work-orders', output: 'printer' });
    expect(invoked.at(-1)).toEqual([
      PRINT_CHANNEL,
      { path: '/print/work-orders', output: 'printer' },
    ]);
  });
});

// ---- The main process against stand-in Electron objects ----

interface NavigationEvent {
  url: string;
  preventDefault(): void;
}
type WindowOpenHandler = (details: { url: string }) => { action: string };
type IpcHandler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Promise<Response>;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

function fakeElectron() {
  const calls = {
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, ProtocolHandler>(),
    ipcHandlers: new Map<string, IpcHandler>(),
    permissionRequest: null as PermissionRequestHandler | null,
    permissionCheck: null as PermissionCheckHandler | null,
    windows: [] as FakeWindow[],
    sandboxEnabled: false,
    quits: 0,
    errorBoxes: [] as string[],
  };
  const app = Object.assign(new EventEmitter(), {
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return userDataDir;
    },
    enableSandbox: () => {
      calls.sandboxEnabled = true;
    },
    quit: () => {
      calls.quits++;
    },
    exit: (code: number) => {
      throw new Error(`app.exit(${code})`);
    },
  });

  class FakeWebContents extends EventEmitter {
    openHandler: WindowOpenHandler | null = null;
    setWindowOpenHandler(handler: WindowOpenHandler) {
      this.openHandler = handler;
    }
  }

  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    shown = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      super();
      calls.windows.push(this);
      // As Electron does for every new web contents.
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows() {
      return calls.windows;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
  }

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (_title: string, text: string) => calls.errorBoxes.push(text) },
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => calls.ipcHandlers.set(channel, handler),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.schemes.push(...schemes),
      handle: (scheme: string, handler: ProtocolHandler) =>
        calls.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: PermissionRequestHandler) => {
          calls.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: PermissionCheckHandler) => {
          calls.permissionCheck = handler;
        },
      },
    },
  };
  return { electron, app, calls };
}

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the main process (bundled) against stand-in Electron objects', () => {
  const fake = fakeElectron();
  const { calls } = fake;
  const savedDbEnv = process.env.UTILITY_DESK_DB;
  const logged: string[] = [];
  let quitDone = false;

  beforeAll(async () => {
    // No --db and no UTILITY_DESK_DB: the database goes to Electron's userData folder.
    delete process.env.UTILITY_DESK_DB;
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
    try {
      loadBundle(path.join(bundleDir, 'main.cjs'), fake.electron);
      await until(() => calls.windows.length === 1, 'the window');
    } finally {
      log.mockRestore();
    }
  });

  afterAll(async () => {
    if (savedDbEnv === undefined) delete process.env.UTILITY_DESK_DB;
    else process.env.UTILITY_DESK_DB = savedDbEnv;
    // Make sure the worker is gone even if a test failed before quitting.
    if (!quitDone) {
      const before = calls.quits;
      fake.app.emit('will-quit', { preventDefault: () => {} });
      await until(() => calls.quits > before, 'the worker to close');
    }
  });

  function window() {
    const win = calls.windows[0];
    if (!win) throw new Error('no window');
    return win;
  }

  function navigate(url: string): boolean {
    let prevented = false;
    const event: NavigationEvent = { url, preventDefault: () => (prevented = true) };
    window().webContents.emit('will-navigate', event);
    return prevented;
  }

  async function request(url: string, method = 'GET'): Promise<Response> {
    const handler = calls.protocolHandlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    return handler(new Request(url, { method }));
  }

  async function ipc(senderUrl: string | null, ...args: unknown[]): Promise<Envelope<unknown>> {
    const handler = calls.ipcHandlers.get(BRIDGE_CHANNEL);
    if (!handler) throw new Error('no IPC handler');
    const event = { senderFrame: senderUrl === null ? null : { url: senderUrl } };
    return (await handler(event, ...args)) as Envelope<unknown>;
  }

  it('registers app:// as a standard, secure scheme and sandboxes every renderer', () => {
    expect(calls.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(calls.sandboxEnabled).toBe(true);
  });

  it('opens one window with isolation, sandbox, no Node, default web security and the bundled preload', () => {
    const prefs = window().options.webPreferences ?? {};
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect('webSecurity' in prefs).toBe(false);
    expect(prefs.preload).toBe(path.join(bundleDir, 'preload.cjs'));
    expect(fs.existsSync(String(prefs.preload))).toBe(true);
    expect(window().loadedUrl).toBe('app://desk/');
  });

  it('allows navigation only within app://desk/', () => {
    expect(navigate('app://desk/places')).toBe(false);
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://desk.example.com/')).toBe(true);
    expect(navigate('app://other/')).toBe(true);
  });

  it('denies new windows, webviews and permissions other than clipboard writes by the app', () => {
    expect(window().webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(window().webContents.openHandler?.({ url: 'app://desk/places' })).toEqual({
      action: 'deny',
    });

    let attachPrevented = false;
    window().webContents.emit(
      'will-attach-webview',
      { preventDefault: () => (attachPrevented = true) },
      {},
      {},
    );
    expect(attachPrevented).toBe(true);

    const request = (permission: string, requestingUrl: string) => {
      let granted: boolean | null = null;
      calls.permissionRequest?.(null, permission, (g) => (granted = g), { requestingUrl });
      return granted;
    };
    expect(request('geolocation', 'app://desk/')).toBe(false);
    expect(request('media', 'app://desk/')).toBe(false);
    expect(request('clipboard-sanitized-write', 'app://desk/assets')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(calls.permissionCheck?.(null, 'notifications', 'app://desk')).toBe(false);
    expect(calls.permissionCheck?.(null, 'clipboard-sanitized-write', 'app://desk')).toBe(true);
    expect(calls.permissionCheck?.(null, 'clipboard-sanitized-write', 'https://example.com')).toBe(
      false,
    );
  });

  it('serves the renderer build over app:// with the content security policy', async () => {
    const index = await request('app://desk/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('<title>desk</title>');

    // The renderer's own routes fall back to index.html; assets are served as themselves.
    expect(await (await request('app://desk/places')).text()).toContain('<title>desk</title>');
    const script = await request('app://desk/static/app.js');
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toBe('console.log("desk")');
    expect(await (await request('app://desk/static/app.js', 'HEAD')).text()).toBe('');
  });

  it('answers 404 outside the renderer build and 405 for other methods', async () => {
    for (const url of [
      'app://desk/..%2fsecret.txt',
      'app://desk/static/..%2f..%2fsecret.txt',
      'app://desk/%2e%2e%2fsecret.txt',
      'app://desk/static/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://desk/..%5csecret.txt',
      'app://desk/static/..%5c..%5csecret.txt',
      'app://desk/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      'app://desk/no-such-file.js',
      'app://other/index.html',
    ]) {
      expect((await request(url)).status, url).toBe(404);
    }
    expect((await request('app://desk/', 'POST')).status).toBe(405);
  });

  it('refuses IPC from frames that are not the app', async () => {
    for (const sender of [
      'https://example.com/',
      'file:///tmp/x.html',
      'app://desk.example.com/',
      null,
    ]) {
      const envelope = await ipc(sender, 'places.list', { parentId: null });
      expect(envelope.ok ? null : envelope.error.code, String(sender)).toBe('FORBIDDEN');
    }
    const bad = await ipc('app://desk/', 42, {});
    expect(bad.ok ? null : bad.error.code).toBe('BAD_REQUEST');
  });

  it('relays app calls to the database worker, on a file in the userData folder', async () => {
    const created = await ipc('app://desk/places', 'places.create', {
      kind: 'site',
      parentId: null,
      name: '东校区',
    });
    expect(created.ok).toBe(true);
    const listed = await ipc('app://desk/places', 'places.list', { parentId: null });
    if (!listed.ok) throw new Error(JSON.stringify(listed.error));
    const items = (listed.result as ResultOf<'places.list'>).items;
    expect(items.map((p) => p.name)).toEqual(['东校区']);
    const unknown = await ipc('app://desk/', 'places.explode', {});
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_METHOD');

    const dbFile = path.join(userDataDir, 'utility-desk.db');
    expect(fs.existsSync(dbFile)).toBe(true);
    expect(logged).toContain(`Utility Desk: database ${dbFile}`);
  });

  it('quits when the window closes, but only after the worker has closed the database', async () => {
    fake.app.emit('window-all-closed');
    expect(calls.quits).toBe(process.platform === 'darwin' ? 0 : 1);
    const before = calls.quits;

    let prevented = false;
    fake.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await until(() => calls.quits === before + 1, 'app.quit after the database closed');
    quitDone = true;
    expect(fs.existsSync(path.join(userDataDir, 'utility-desk.db-wal'))).toBe(false);

    // The second will-quit (from that app.quit) goes through.
    let preventedAgain = false;
    fake.app.emit('will-quit', { preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
    expect(calls.errorBoxes).toEqual([]);
  });
});

describe('the bundled database worker runs a reading import in the bundled import thread', () => {
  it('imports a file through importWorker.cjs beside coreWorker.cjs', async () => {
    const dbPath = path.join(scratch, 'import.db');
    const client = createCoreClient(path.join(bundleDir, 'coreWorker.cjs'), { dbPath });
    const ok = async <T>(method: string, input: unknown): Promise<T> => {
      const envelope = await client.call(method, input);
      if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
      return envelope.result as T;
    };
    try {
      const site = await ok<{ id: string }>('places.create', {
        kind: 'site',
        name: '东校区',
        parentId: null,
      });
      await ok('assets.create', {
        kind: 'meter',
        code: 'W-1',
        name: '总水表',
        placeId: site.id,
        utility: 'water',
        meterLevel: 1,
        unit: 'm³',
      });
      const csv = '时间,W-1\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,3\n';
      const job = await ok<{ jobId: string }>('meters.importStart', {
        fileName: 'w.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
        dryRun: false,
      });
      let status: ResultOf<'meters.importJob'> | null = null;
      for (let i = 0; i < 500; i++) {
        status = await ok<ResultOf<'meters.importJob'>>('meters.importJob', { jobId: job.jobId });
        if (status.state !== 'running') break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(status?.error).toBeNull();
      expect(status?.result).toEqual({ inserted: 2, unchanged: 0, meters: 1, reviews: 0 });
    } finally {
      await client.close();
    }
  });
});
