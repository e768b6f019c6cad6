// `npm test`: typecheck, lint, unit and integration tests (vitest), then end-to-end tests in
// Chromium (Playwright) against a freshly built renderer. Stops at the first failing stage and ends
// with one summary line counting every test run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'utility-desk-test-'));
const vitestJson = path.join(reports, 'vitest.json');
const playwrightJson = path.join(reports, 'playwright.json');

const stages = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['electron security scan', 'node', ['scripts/securityScan.mjs']],
  [
    'unit + integration',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  ],
  ['build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['build electron bundle', 'node', ['scripts/build-electron.mjs']],
  ['end-to-end', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }],
];

const totals = { passed: 0, failed: 0, skipped: 0 };

function count() {
  if (fs.existsSync(vitestJson)) {
    const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
    totals.passed += v.numPassedTests ?? 0;
    totals.failed += v.numFailedTests ?? 0;
    totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
    fs.rmSync(vitestJson);
  }
  if (fs.existsSync(playwrightJson)) {
    const p = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'));
    totals.passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    totals.failed += p.stats?.unexpected ?? 0;
    totals.skipped += p.stats?.skipped ?? 0;
    fs.rmSync(playwrightJson);
  }
}

let failedStage = null;
for (const [name, cmd, args, env = {}] of stages) {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  const extra = name === 'end-to-end' ? ['--reporter=list,json'] : [];
  const result = spawnSync(cmd, [...args, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  count();
  console.log(
    `   ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) {
    failedStage = name;
    if (totals.failed === 0) totals.failed = 1;
    break;
  }
}

fs.rmSync(reports, { recursive: true, force: true });
console.log('');
if (failedStage) console.log(`npm test stopped at: ${failedStage}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStage ? 1 : 0);
