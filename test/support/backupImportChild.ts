// The child process of test/integration/backupDuringImport.test.ts, run with
// `node --import tsx test/support/backupImportChild.ts <db> <log> <transactions> <rows>`.
// It imports <transactions> CSV files of <rows> light fixtures each through openCore's API (each
// import is one transaction), coded `T<nn>-<rrrr>`. After each commit it rewrites the JSON log
// `{"committed":[1,2,…]}` (whole, by rename, so the parent never reads half of it) and prints
// `committed <n>`, which is the parent's cue to take its backup while later imports still run.
import fs from 'node:fs';
import { openCore } from '../../electron/core';

const [file, logFile, txText, rowsText] = process.argv.slice(2);
if (!file || !logFile || !txText || !rowsText) {
  process.stderr.write('usage: backupImportChild <db> <log> <transactions> <rows>\n');
  process.exit(64);
}
const transactions = Number(txText);
const rows = Number(rowsText);
const pad = (n: number, width: number) => String(n).padStart(width, '0');
// A child whose parent has gone must not write for ever.
setTimeout(() => process.exit(3), 120_000).unref();

const api = openCore(file, { operator: '导入子进程' });
const committed: number[] = [];
for (let tx = 1; tx <= transactions; tx += 1) {
  const lines = ['Code,Name,Kind,Lamp type,Rated power (W),Notes'];
  for (let row = 1; row <= rows; row += 1) {
    lines.push(`T${pad(tx, 2)}-${pad(row, 4)},LED灯管,fixture,led_tube,18,第 ${tx} 批`);
  }
  const envelope = api.dispatch('assets.importCommit', {
    fileName: `T${pad(tx, 2)}.csv`,
    contentBase64: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64'),
    mode: 'all',
  });
  if (!envelope.ok) {
    process.stderr.write(`import ${tx} failed: ${JSON.stringify(envelope.error).slice(0, 500)}\n`);
    process.exit(2);
  }
  committed.push(tx);
  fs.writeFileSync(`${logFile}.tmp`, JSON.stringify({ committed }));
  fs.renameSync(`${logFile}.tmp`, logFile);
  process.stdout.write(`committed ${tx}\n`);
}
api.core.db.close();
