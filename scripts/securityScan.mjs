// The Electron security scan in npm test: Doyensec's electronegativity over the shell's sources and
// the page, failing on any HIGH or CRITICAL finding. The tool fetches translations and release
// lists from the internet on every run; where the OS allows it runs in a network namespace of its
// own so that no request leaves the machine (the scan itself needs no network).
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
const bin = path.join(root, 'node_modules/.bin/electronegativity');
// The release-list check only asks the internet whether Electron has newer releases. Findings are
// read from the printed table: the tool's CSV writer writes its header and rows concurrently, and
// the header can overwrite the first row.
const args = [
  '-i',
  dir,
  '-e',
  electronVersion,
  '-x',
  'AvailableSecurityFixesGlobalCheck',
  '-v',
  'false',
  '-r',
];
const isolated = process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;
const run = isolated
  ? spawnSync('unshare', ['-n', bin, ...args], { encoding: 'utf8' })
  : spawnSync(bin, args, { encoding: 'utf8', shell: process.platform === 'win32' });

fs.rmSync(dir, { recursive: true, force: true });
// eslint-disable-next-line no-control-regex
const lines = `${run.stdout}`.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
if (run.status !== 0 || !lines.some((l) => l.includes('└'))) {
  console.error(run.stdout, run.stderr);
  console.error('security scan: electronegativity did not print its findings');
  process.exit(1);
}
// Each finding is a row whose first cell is the check id, followed by "SEVERITY | CONFIDENCE".
const cells = (line) => line.split('│').map((c) => c.trim());
const rows = [];
let current = null;
for (const line of lines) {
  const [, first, file, location] = cells(line);
  if (first && /^[A-Z0-9_]+_CHECK$/.test(first)) current = { check: first, file, location };
  const severity = first && /^(INFORMATIONAL|LOW|MEDIUM|HIGH|CRITICAL) \|/.exec(first);
  if (severity && current) rows.push({ ...current, severity: severity[1] });
}
const blocking = rows.filter((r) => ['HIGH', 'CRITICAL'].includes(r.severity));
for (const r of rows) console.log(`  ${r.severity} ${r.check} ${r.file} ${r.location}`);
console.log(
  `security scan: ${rows.length} finding(s), ${blocking.length} high or critical${isolated ? ' (run without network)' : ''}`,
);
process.exit(blocking.length > 0 ? 1 : 0);
