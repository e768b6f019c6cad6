// `npm run serve -- --db PATH --port N [--host H]`: the web host as a command. Prints one line with
// the URL and its token.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core';
import { readArgs } from '../cli/args';
import { resolveDbPath } from '../paths';
import { newToken } from './guard';
import { createWebHost } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));

function main(): void {
  const { values } = readArgs(process.argv.slice(2), {
    db: { type: 'string' },
    port: { type: 'string', default: '5178' },
    host: { type: 'string', default: '127.0.0.1' },
    static: { type: 'string' },
  });
  const dbPath = resolveDbPath(values.db);
  const api = openCore(dbPath);
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
