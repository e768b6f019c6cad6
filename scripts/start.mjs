// `npm start`: opens the desktop app where Electron's binary is installed; elsewhere (a headless
// server, a machine that cannot download Electron) says so in one line and serves the same app in
// the browser through the web host, which prints its own URL. Arguments pass through (--db PATH …).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt, startWebHost } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** The Electron executable, or null: `require('electron')` gives its path, or throws without one. */
function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Whether better-sqlite3 as built now loads in Electron's Node (same ABI as the app's worker). */
function sqliteLoadsInElectron(binary) {
  const probe = spawnSync(binary, ['-e', "require('better-sqlite3')(':memory:').close()"], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
  });
  return probe.status === 0;
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = electronBinary();

if (!electron) {
  console.log(
    '未找到 Electron 程序文件，改为在浏览器中提供本应用 / Electron binary not installed: serving the app in the browser instead',
  );
  ensureRendererBuilt();
  startWebHost(args);
} else {
  ensureRendererBuilt();
  run(process.execPath, [path.join(root, 'scripts/build-electron.mjs')]);
  // Only on this path, on a machine that has Electron: the native module must match Electron's
  // ABI. Skipped when it already does, since a rebuild from source takes minutes.
  if (!sqliteLoadsInElectron(electron)) {
    run('npx', ['electron-builder', 'install-app-deps']);
  }
  console.log(
    'better-sqlite3 已按 Electron 编译；运行测试前请执行 npm rebuild better-sqlite3 / better-sqlite3 is built for Electron now: `npm rebuild better-sqlite3` restores the Node build for tests',
  );
  const child = spawn(electron, ['.', ...args], { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
