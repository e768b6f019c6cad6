// The Electron main process: one hardened window, the app://desk/ protocol that serves the built
// renderer, the IPC relay to the database worker, and printing (print.ts). With preload.ts and
// print.ts it is the only file that imports 'electron'; the database itself runs in a worker thread
// (coreWorker.ts), never here, because better-sqlite3 is synchronous and this process must stay
// responsive.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
  type WebPreferences,
} from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BRIDGE_CHANNEL } from '../shared/contract/bridge';
import type { Envelope } from '../shared/contract/errors';
import { resolveDbPath } from './paths';
import { registerPrinting } from './print';
import { CONTENT_SECURITY_POLICY } from './web/server';
import { contentTypeOf, resolveStatic } from './web/staticFiles';
import { createCoreClient, type CoreClient } from './worker/coreClient';

const APP_SCHEME = 'app';
const APP_HOST = 'desk';
/** Every page of the app, and nothing else, lives under this prefix. */
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}/`;

// This file is bundled to dist/electron/main.cjs; the preload, the worker and the renderer build
// sit next to it (inside app.asar once packaged, which Electron's fs and Worker both read).
const bundleDir = __dirname;
const rendererDir = path.join(bundleDir, '..', 'renderer');
const preloadFile = path.join(bundleDir, 'preload.cjs');
const workerFile = path.join(bundleDir, 'coreWorker.cjs');

/** Permissions the app's own pages may use: copying to the clipboard. Everything else is denied. */
const allowedPermissions = new Set<string>(['clipboard-sanitized-write']);

// Must happen before 'ready'. `standard` gives the scheme real origins and relative URLs (the
// renderer's router uses paths); `secure` makes its pages a secure context like https.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);
// Sandbox every renderer, including any window created later, not only the one configured below.
app.enableSandbox();

let core: CoreClient | null = null;
let coreClosed = false;

/** `--db PATH` or `--db=PATH` anywhere in argv (Electron and Chromium add switches of their own). */
function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === name) return argv[i + 1];
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

function isAppUrl(url: string): boolean {
  return url.startsWith(APP_ORIGIN);
}

function notFound(message = 'Not found'): Response {
  return new Response(message, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** app://desk/… → a file of the renderer build, through the same traversal checks as the web host. */
async function serveApp(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return notFound();
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  const file = resolveStatic(rendererDir, url.pathname);
  if (!file) {
    const missingBuild = url.pathname === '/' || url.pathname === '';
    return notFound(missingBuild ? 'The renderer is not built: run `npm run build`.' : 'Not found');
  }
  let body: Buffer<ArrayBuffer>;
  try {
    body = await fs.readFile(file);
  } catch {
    return notFound();
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    },
  });
}

/** Applied to every web contents the app creates: no navigation away, no new windows, no webviews. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function limitPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowedPermissions.has(permission) && isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return allowedPermissions.has(permission) && isAppUrl(`${requestingOrigin}/`);
  });
}

/** The one IPC channel: only the app's own pages may call, and the call goes to the worker. */
async function relay(
  event: IpcMainInvokeEvent,
  method: unknown,
  input: unknown,
): Promise<Envelope<unknown>> {
  const frameUrl = event.senderFrame?.url ?? '';
  if (!isAppUrl(frameUrl)) {
    return {
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only the app’s own pages may call the database.' },
    };
  }
  if (typeof method !== 'string') {
    return {
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'The method name must be a string.' },
    };
  }
  if (!core)
    return { ok: false, error: { code: 'INTERNAL', message: 'The database is not open.' } };
  return core.call(method, input);
}

/** Every window of the app, the hidden print window included, runs the page with these. */
const webPreferences: WebPreferences = {
  preload: preloadFile,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  // A middle click would open links in a new window; the app never wants one.
  disableBlinkFeatures: 'Auxclick',
};

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Utility Desk',
    backgroundColor: '#ffffff',
    // Written out rather than `webPreferences,`: the security scan (electronegativity) reads the
    // options at the call and would count a shared object as isolation left off.
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // Shown once painted, so the user never sees an empty white frame.
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ORIGIN).catch((error: unknown) => {
    console.error('[utility-desk] could not load the app page:', error);
    win.show();
  });
  return win;
}

function start(): void {
  const dbPath = path.resolve(
    resolveDbPath(flagValue(process.argv, '--db'), app.getPath('userData')),
  );
  console.log(`Utility Desk: database ${dbPath}`);
  core = createCoreClient(workerFile, { dbPath });
  limitPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, serveApp);
  ipcMain.handle(BRIDGE_CHANNEL, relay);
  registerPrinting({ origin: APP_ORIGIN, isAppUrl, webPreferences });
  createWindow();
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open brings one back.
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('web-contents-created', (_event, contents) => harden(contents));

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Quit only after the worker has closed the database, so the WAL is checkpointed and the file is
// left whole and tidy rather than cut off mid-thread.
app.on('will-quit', (event) => {
  if (!core || coreClosed) return;
  event.preventDefault();
  void core.close().finally(() => {
    coreClosed = true;
    app.quit();
  });
});

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    console.error('[utility-desk] start-up failed:', error);
    dialog.showErrorBox('Utility Desk', `启动失败 / Start-up failed: ${String(error)}`);
    app.exit(1);
  });
