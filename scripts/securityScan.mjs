// The Electron security scan in npm test: Doyensec's electronegativity over the shell's sources and
// the page, failing on any HIGH or CRITICAL finding. The tool fetches translations and release
// lists from the internet on every run; where the OS allows it runs in a network namespace of its
// own so that no request leaves the machine (the scan itself needs no network).
import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inputs = [
  'electron/main.ts',
  'electron/preload.ts',
  'electron/print.ts',
  'renderer/index.html',
];
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
for (const input of inputs) {
  const from = path.join(root, input);
  if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, path.basename(input)));
}
const report = path.join(dir, 'report.csv');
const bin = path.join(root, 'node_modules/.bin/electronegativity');
// The release-list check only asks the internet whether Electron has newer releases.
const args = [
  '-i',
  dir,
  '-e',
  electronVersion,
  '-x',
  'AvailableSecurityFixesGlobalCheck',
  '-o',
  report,
  '-v',
  'false',
  '-r',
];
const isolated = process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;
const run = isolated
  ? spawnSync('unshare', ['-n', bin, ...args], { encoding: 'utf8' })
  : spawnSync(bin, args, { encoding: 'utf8', shell: process.platform === 'win32' });

if (run.status !== 0 || !fs.existsSync(report)) {
  console.error(run.stdout, run.stderr);
  console.error('security scan: electronegativity did not produce a report');
  process.exit(1);
}
const rows = parse(fs.readFileSync(report, 'utf8'), {
  from_line: 2,
  trim: true,
  relax_quotes: true,
});
fs.rmSync(dir, { recursive: true, force: true });
const blocking = rows.filter((r) => ['HIGH', 'CRITICAL'].includes(r[1]));
for (const r of rows) console.log(`  ${r[1]} ${r[0]} ${r[3]} ${r[4]}: ${r[6]}`);
console.log(
  `security scan: ${rows.length} finding(s), ${blocking.length} high or critical${isolated ? ' (run without network)' : ''}`,
);
process.exit(blocking.length > 0 ? 1 : 0);
