// `npm run serve -- --db PATH --port N [--host H]`: the web host as a command. Prints one line with
// the URL and its token; or, when the database is damaged or from a newer app, one line saying so
// (in Chinese and English) and exits with status 2. Takes the daily backup at start and hourly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Api } from '../api';
import { openCore } from '../core';
import { readArgs } from '../cli/args';
import { resolveDbPath } from '../paths';
import { scheduleDailyBackups } from '../services/backup';
import { newToken } from './guard';
import { createWebHost } from './server';
import { startupFailureLine } from './startupFailure';

const here = path.dirname(fileURLToPath(import.meta.url));

function main(): void {
  const { values } = readArgs(process.argv.slice(2), {
    db: { type: 'string' },
    port: { type: 'string', default: '5178' },
    host: { type: 'string', default: '127.0.0.1' },
    static: { type: 'string' },
  });
  const dbPath = resolveDbPath(values.db);
  let api: Api;
  try {
    api = openCore(dbPath);
  } catch (error) {
    const line = startupFailureLine(error, dbPath);
    if (!line) throw error;
    console.error(line);
    process.exit(2);
  }
  scheduleDailyBackups(api.core);
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
    api.core.db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
