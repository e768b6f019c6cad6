// `npm run build:electron`: bundles the Electron main process, the window's preload and the
// database worker and the import thread with esbuild into dist/electron/ (main.cjs, preload.cjs,
// coreWorker.cjs, importWorker.cjs).
// CommonJS because sandboxed preloads cannot be ES modules and Electron loads a .cjs main directly.
// `electron` is provided by the runtime and better-sqlite3 is a native module that must be loaded
// from node_modules (app.asar.unpacked once packaged), so both stay outside the bundles.
// `--outdir DIR` builds elsewhere (the tests build a private copy).
import esbuild from 'esbuild';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  absWorkingDir: root,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron', 'better-sqlite3'],
  loader: { '.json': 'json' },
  logLevel: 'warning',
};

export async function buildElectron(outdir = path.join(root, 'dist/electron')) {
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: {
        main: 'electron/main.ts',
        coreWorker: 'electron/worker/coreWorker.ts',
        importWorker: 'electron/worker/importWorker.ts',
      },
      outdir,
      // The sources are ES modules; a few use import.meta.url (createRequire, resolving a package).
      // CommonJS has no import.meta, so it becomes the bundle file's own URL.
      define: { 'import.meta.url': '__bundleUrl' },
      // ("use strict" first: a banner would otherwise push esbuild's directive out of first place.)
      banner: {
        js: '"use strict";\nconst __bundleUrl = require("node:url").pathToFileURL(__filename).href;',
      },
    }),
    // Apart, and without that banner: a sandboxed preload may require almost nothing but
    // 'electron', and has no __filename to speak of.
    esbuild.build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir }),
  ]);
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  const outdir = await buildElectron(values.outdir ? path.resolve(values.outdir) : undefined);
  console.log(`Electron bundle: ${path.relative(root, outdir) || outdir}`);
}
