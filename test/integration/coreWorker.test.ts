// The desktop app's database thread under plain Node: the real coreWorker.ts (run from source through
// tsx) behind coreClient on a temporary SQLite file, plus small stand-in workers that hang, crash or
// exit, to show that every call gets an answer and none is left hanging.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, ResultOf } from '../../shared/contract';
import type { Place } from '../../shared/contract/places';
import { openCore } from '../../electron/core';
import { createCoreClient, type CoreClient } from '../../electron/worker/coreClient';
import { corrupt, sha256 } from '../support/backupFiles';
import { tempDbPath, type TempDb } from '../support/tempDb';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workerSource = path.join(root, 'electron/worker/coreWorker.ts');

// Files the workers load live under node_modules/.cache so that bare imports (tsx) resolve from the
// project's node_modules.
let scratch: string;
let tsxWorker: string;
let stubWorker: string;

// Node 20 does not apply `--import tsx` given in a Worker's execArgv to the worker's own modules, so
// the worker entry registers tsx itself and then imports the TypeScript source.
const tsxBootstrap = `import { register } from 'tsx/esm/api';
register();
await import(${JSON.stringify(pathToFileURL(workerSource).href)});
`;

// A stand-in for coreWorker that speaks the same protocol and misbehaves on request.
const stubSource = `import { parentPort } from 'node:worker_threads';
let ignoreClose = false;
parentPort.on('message', (m) => {
  if (m.type === 'close') { if (!ignoreClose) parentPort.close(); return; }
  if (m.method === 'echo') parentPort.postMessage({ id: m.id, envelope: { ok: true, result: m.input } });
  if (m.method === 'crash') throw new Error('stub worker crashed on purpose');
  if (m.method === 'exit') process.exit(7);
  if (m.method === 'ignoreClose') { ignoreClose = true; parentPort.postMessage({ id: m.id, envelope: { ok: true, result: null } }); }
  // 'hang' and anything else: never answered.
});
`;

beforeAll(() => {
  const cache = path.join(root, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  scratch = fs.mkdtempSync(path.join(cache, 'utility-desk-worker-test-'));
  tsxWorker = path.join(scratch, 'coreWorker.tsx-entry.mjs');
  stubWorker = path.join(scratch, 'stubWorker.mjs');
  fs.writeFileSync(tsxWorker, tsxBootstrap);
  fs.writeFileSync(stubWorker, stubSource);
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

type List = ResultOf<'places.list'>;

function result<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`call failed: ${JSON.stringify(envelope.error)}`);
  return envelope.result as T;
}

function errorOf(envelope: Envelope<unknown>) {
  if (envelope.ok)
    throw new Error(`call unexpectedly succeeded: ${JSON.stringify(envelope.result)}`);
  return envelope.error;
}

describe('the real worker on a temporary database', () => {
  let db: TempDb;
  let client: CoreClient;

  beforeAll(() => {
    db = tempDbPath();
    client = createCoreClient(tsxWorker, { dbPath: db.file, operator: '测试员' });
  });

  afterAll(async () => {
    await client.close();
    db.cleanup();
  });

  it('creates and lists places, with Chinese names, through the worker', async () => {
    const site = result<Place>(
      await client.call('places.create', {
        kind: 'site',
        parentId: null,
        name: '职业技术学院主校区',
      }),
    );
    expect(site).toMatchObject({ kind: 'site', name: '职业技术学院主校区', parentId: null });
    const building = result<Place>(
      await client.call('places.create', {
        kind: 'building',
        parentId: site.id,
        name: '第一教学楼',
        use: 'teaching',
      }),
    );
    const roots = result<List>(await client.call('places.list', { parentId: null }));
    expect(roots.items.map((p) => p.id)).toContain(site.id);
    const children = result<List>(await client.call('places.list', { parentId: site.id }));
    expect(children.items.map((p) => p.name)).toEqual(['第一教学楼']);
    expect(children.items[0]?.id).toBe(building.id);
  });

  it('answers many calls sent at once, each with its own result', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `并发校区${i}`);
    const envelopes = await Promise.all(
      names.map((name) => client.call('places.create', { kind: 'site', parentId: null, name })),
    );
    expect(envelopes.map((e) => result<Place>(e).name)).toEqual(names);
  });

  it('answers an unknown method with UNKNOWN_METHOD and bad input with VALIDATION', async () => {
    const unknown = errorOf(await client.call('places.explode', {}));
    expect(unknown.code).toBe('UNKNOWN_METHOD');
    const invalid = errorOf(await client.call('places.create', { kind: 'site', parentId: null }));
    expect(invalid.code).toBe('VALIDATION');
    expect(JSON.stringify(invalid.details)).toContain('name');
  });
});

describe('closing', () => {
  it('answers calls sent before close, closes the database cleanly and refuses later calls', async () => {
    const db = tempDbPath();
    try {
      const client = createCoreClient(tsxWorker, { dbPath: db.file });
      const before = client.call('places.create', {
        kind: 'site',
        parentId: null,
        name: '关闭前校区',
      });
      const closed = client.close();
      expect(result<Place>(await before).name).toBe('关闭前校区');
      await closed;
      await client.close(); // a second close is harmless
      const after = errorOf(await client.call('places.list', { parentId: null }));
      expect(after.code).toBe('INTERNAL');

      // The worker closed its connection: the WAL was checkpointed into the file and removed,
      // and the place is there for the next opener.
      expect(fs.existsSync(`${db.file}-wal`)).toBe(false);
      const api = openCore(db.file);
      try {
        const listed = api.dispatch('places.list', { parentId: null });
        expect(result<List>(listed).items.map((p) => p.name)).toEqual(['关闭前校区']);
      } finally {
        api.core.db.close();
      }
    } finally {
      db.cleanup();
    }
  });

  it('answers every call with the reason when the database cannot be opened', async () => {
    const db = tempDbPath();
    fs.mkdirSync(db.file); // a folder where the database file should be
    const client = createCoreClient(tsxWorker, { dbPath: db.file, log: () => {} });
    try {
      for (let i = 0; i < 2; i++) {
        const error = errorOf(await client.call('places.list', { parentId: null }));
        expect(error.code).toBe('INTERNAL');
        expect(error.message).toContain(db.file);
      }
    } finally {
      await client.close();
      db.cleanup();
    }
  });
});

describe('a damaged database in the desktop worker', () => {
  it('answers CORRUPT naming the newest good backup, and recovers from it on backup.recover', async () => {
    const db = tempDbPath();
    try {
      const api = openCore(db.file, { operator: '恢复测试' });
      const campus = result<Place>(
        api.dispatch('places.create', { parentId: null, kind: 'site', name: '南校区' }),
      );
      api.dispatch('assets.addFixtures', {
        placeId: campus.id,
        count: 1500,
        lampType: 'panel',
        ratedPowerW: 18,
      });
      const backup = result<{ file: string }>(api.dispatch('backup.now', {})).file;
      api.core.db.close();
      corrupt(db.file);
      const damaged = sha256(db.file);

      const client = createCoreClient(tsxWorker, { dbPath: db.file, log: () => {} });
      try {
        const refused = errorOf(await client.call('system.info', {}));
        expect(refused.code).toBe('CORRUPT');
        expect(refused.details).toMatchObject({ newestGoodBackup: { file: backup } });
        // Refused for every other method too, and the file is left as it was.
        expect(errorOf(await client.call('places.list', { parentId: null })).code).toBe('CORRUPT');
        expect(sha256(db.file)).toBe(damaged);

        const recovered = result<ResultOf<'backup.recover'>>(
          await client.call('backup.recover', {}),
        );
        expect(recovered.restoredFrom).toBe(backup);
        expect(recovered.keptAs).toMatch(/\.damaged-/);
        expect(sha256(String(recovered.keptAs))).toBe(damaged);

        const places = result<List>(await client.call('places.list', { parentId: null }));
        expect(places.items.map((p) => p.name)).toEqual(['南校区']);
        // Once open, recovering again is refused: the database is intact.
        expect(errorOf(await client.call('backup.recover', {})).code).toBe('CONFLICT');
      } finally {
        await client.close();
      }
    } finally {
      db.cleanup();
    }
  }, 60_000);

  it('says so when there is no good backup to recover from', async () => {
    const db = tempDbPath();
    try {
      const api = openCore(db.file, { backupDir: path.join(path.dirname(db.file), 'elsewhere') });
      const campus = result<Place>(
        api.dispatch('places.create', { parentId: null, kind: 'site', name: '北校区' }),
      );
      api.dispatch('assets.addFixtures', {
        placeId: campus.id,
        count: 1500,
        lampType: 'panel',
        ratedPowerW: 18,
      });
      api.core.db.close();
      corrupt(db.file);
      const damaged = sha256(db.file);
      const client = createCoreClient(tsxWorker, { dbPath: db.file, log: () => {} });
      try {
        expect(errorOf(await client.call('system.info', {})).code).toBe('CORRUPT');
        const none = errorOf(await client.call('backup.recover', {}));
        expect(none.code).toBe('NOT_FOUND');
        expect(none.message).toContain('No good backup');
        expect(sha256(db.file)).toBe(damaged);
      } finally {
        await client.close();
      }
    } finally {
      db.cleanup();
    }
  }, 60_000);
});

describe('a worker that misbehaves never leaves a call hanging', () => {
  let client: CoreClient | null = null;
  let logged: string[];

  function stubClient(options: { timeoutMs?: number; closeTimeoutMs?: number } = {}): CoreClient {
    logged = [];
    client = createCoreClient(stubWorker, {
      dbPath: '(unused)',
      log: (message) => logged.push(message),
      ...options,
    });
    return client;
  }

  afterEach(async () => {
    await client?.close();
    client = null;
  });

  it('answers the pending calls of a crashed worker with INTERNAL and starts a fresh one', async () => {
    const c = stubClient();
    expect(result(await c.call('echo', { n: 1 }))).toEqual({ n: 1 });
    const waiting = c.call('hang', {});
    const crashing = c.call('crash', {});
    expect(errorOf(await waiting).code).toBe('INTERNAL');
    expect(errorOf(await crashing).code).toBe('INTERNAL');
    expect(logged.some((m) => m.includes('failed'))).toBe(true);
    // The next call gets a new worker.
    expect(result(await c.call('echo', { n: 2 }))).toEqual({ n: 2 });
  });

  it('answers the pending calls of a worker that exits', async () => {
    const c = stubClient();
    const waiting = c.call('hang', {});
    const exiting = c.call('exit', {});
    for (const envelope of await Promise.all([waiting, exiting])) {
      const error = errorOf(envelope);
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toContain('exit code 7');
    }
  });

  it('answers a call that takes too long with INTERNAL after the timeout', async () => {
    const c = stubClient({ timeoutMs: 300 });
    const started = Date.now();
    const error = errorOf(await c.call('hang', {}));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('did not answer hang');
    expect(Date.now() - started).toBeLessThan(5_000);
    // The worker itself is still serving.
    expect(result(await c.call('echo', 'still here'))).toBe('still here');
  });

  it('ends a worker that does not close in time, answering what it still held', async () => {
    const c = stubClient({ closeTimeoutMs: 300 });
    result(await c.call('ignoreClose', {}));
    const waiting = c.call('hang', {});
    await c.close();
    expect(errorOf(await waiting).code).toBe('INTERNAL');
    expect(logged.some((m) => m.includes('did not close in time'))).toBe(true);
  });

  it('answers input that cannot be sent to the worker with BAD_REQUEST', async () => {
    const c = stubClient();
    const error = errorOf(await c.call('echo', { notData: () => 1 }));
    expect(error.code).toBe('BAD_REQUEST');
  });

  it('answers INTERNAL when the worker file does not exist', async () => {
    const missing = createCoreClient(path.join(scratch, 'no-such-worker.mjs'), {
      dbPath: '(unused)',
      log: () => {},
    });
    try {
      expect(errorOf(await missing.call('echo', {})).code).toBe('INTERNAL');
    } finally {
      await missing.close();
    }
  });
});
