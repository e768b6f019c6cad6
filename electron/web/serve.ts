// `npm run serve -- --db PATH --port N [--host H] [--offer-restore]`: the web host as a command.
// Prints one line with the URL and its token; or, when the database is damaged or from a newer
// app, one line saying so (in Chinese and English) and exits with status 2 — unless
// --offer-restore is given, when it serves anyway and the page offers the newest good backup, as
// the desktop window does. Takes the daily backup and creates due plan orders at start and hourly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeskError } from '../../shared/contract/errors';
import { openRecoverableCore, type RecoverableCore } from '../recoverableCore';
import { readArgs } from '../cli/args';
import { resolveDbPath } from '../paths';
import { scheduleDailyJobs } from '../services/dailyJobs';
import { newToken } from './guard';
import { createWebHost } from './server';
import { startupFailureLine } from './startupFailure';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Opens the database, or prints why it cannot be opened in one line and exits 2. */
function openOrExit(dbPath: string): RecoverableCore {
  const core = openRecoverableCore(dbPath);
  const refused = core.refusal();
  if (!refused) return core;
  const line = startupFailureLine(DeskError.fromBody(refused), dbPath);
  console.error(line ?? `${refused.code}: ${refused.message}`);
  process.exit(2);
}

function main(): void {
  const { values } = readArgs(process.argv.slice(2), {
    db: { type: 'string' },
    port: { type: 'string', default: '5178' },
    host: { type: 'string', default: '127.0.0.1' },
    static: { type: 'string' },
    'offer-restore': { type: 'boolean', default: false },
  });
  const dbPath = resolveDbPath(values.db);
  const api = values['offer-restore'] ? openRecoverableCore(dbPath) : openOrExit(dbPath);
  let stopJobs: () => void = () => undefined;
  api.onOpen((opened) => {
    stopJobs();
    stopJobs = scheduleDailyJobs(opened.core);
  });
  const token = process.env.UTILITY_DESK_TOKEN || newToken();
  const host = values.host ?? '127.0.0.1';
  const server = createWebHost({
    api,
    token,
    host,
    staticDir: values.static ?? path.resolve(here, '../../dist/renderer'),
  });
  server.listen(Number(values.port), host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : Number(values.port);
    const shown = host === '0.0.0.0' ? '127.0.0.1' : host;
    console.log(`Utility Desk: http://${shown}:${port}/#token=${token}`);
  });
  const stop = () => {
    server.close();
    stopJobs();
    api.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
