// Area `places`: the Places API as the renderer meets it — every call goes through api.dispatch, so
// zod validation, row mapping and the audit write are all in the figures — on demo data at --scale.
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';
import { generateDemo } from '../../electron/demo';
import { call, pick } from '../lib/api';
import { latencyResults } from '../lib/stats';
import { removeDbFiles } from '../lib/tempdb';
import { sample, timed } from '../lib/timing';
import type { Area, Ctx, Result } from '../lib/types';
import { sqliteLimits } from './sqlite';

/** Enough calls for a stable p95 (15 samples above it) while a series stays well under a second. */
const READS = { warmup: 50, iterations: 300 };
/** Each round trip is three transactions with audit rows; fewer of them keep the file small. */
const WRITES = { warmup: 20, iterations: 200 };
/** The demo's seed, fixed so every run measures the same tree. */
const SEED = 20261129;
/** Fragments people type: two-character words from building names, hitting tens of rows each. */
const FRAGMENTS = ['宿舍', '教学', '实训', '食堂', '阅览'];

function idsOfKind(api: Api, kind: string): string[] {
  const rows = api.core.db
    .prepare('SELECT id FROM places WHERE kind = ? ORDER BY id')
    .all(kind) as { id: string }[];
  if (rows.length === 0) throw new Error(`the demo data has no ${kind}`);
  return rows.map((r) => r.id);
}

export const placesArea: Area = {
  name: 'places',
  run(ctx: Ctx): Result[] {
    // Before the demo file exists, so the two do not compete for the page cache.
    const limits = sqliteLimits(ctx);
    const file = ctx.tempFile('places.db');
    const api = openCore(file, { operator: 'bench' });
    try {
      ctx.log(`places: generating demo data at scale ${ctx.scale}`);
      const demo = timed(() => generateDemo(api.core.db, { scale: ctx.scale, seed: SEED }));
      const entities = Object.values(demo.value).reduce((a, b) => a + b, 0);
      const { n: placeRows } = api.core.db.prepare('SELECT count(*) AS n FROM places').get() as {
        n: number;
      };

      const buildings = idsOfKind(api, 'building');
      const floors = idsOfKind(api, 'floor');
      const rooms = idsOfKind(api, 'room');

      // An empty answer is the fastest answer: make sure each series measures real rows.
      for (const q of FRAGMENTS) {
        if (call(api, 'places.search', { q }).items.length === 0) {
          throw new Error(`the demo data has no place matching "${q}"`);
        }
      }
      if (call(api, 'places.list', { parentId: pick(buildings, 0) }).items.length === 0) {
        throw new Error('the demo buildings have no floors');
      }

      ctx.log('places: reads (list, get, search)');
      const listChildren = sample(
        (i) => call(api, 'places.list', { parentId: pick(buildings, i) }),
        READS,
      );
      const listRoots = sample(() => call(api, 'places.list', { parentId: null }), READS);
      const get = sample((i) => call(api, 'places.get', { id: pick(rooms, i) }), READS);
      const search = sample((i) => call(api, 'places.search', { q: pick(FRAGMENTS, i) }), READS);

      ctx.log('places: writes (create + update + delete)');
      const roundTrip = sample((i) => {
        const created = call(api, 'places.create', {
          kind: 'room',
          parentId: pick(floors, i),
          name: `基准测试室${i}`,
          code: `BENCH-${i}`,
          areaM2: 30,
        });
        call(api, 'places.update', {
          id: created.id,
          patch: { name: `基准测试室${i}（改）`, areaM2: 32 },
        });
        call(api, 'places.delete', { id: created.id });
      }, WRITES);

      // A LIKE '%…%' search cannot use an index, so it reads every place row: its floor is a bare
      // scan of that many rows at this machine's scan rate.
      const searchFloorMs = (placeRows / limits.scanRowsPerS) * 1000;
      const withLimit = (results: Result[], limit: number, limitOf: string): Result[] =>
        results.map((r) => ({ ...r, limit, limitOf }));

      return [
        { name: 'places.demo.generate_ms', value: demo.ms, unit: 'ms' },
        { name: 'places.demo.entities', value: entities, unit: 'rows' },
        {
          name: 'places.demo.entities_per_s',
          value: entities / (demo.ms / 1000),
          unit: 'rows/s',
          limit: limits.insertRowsPerS,
          limitOf: 'sqlite.insert.rows_per_s',
        },
        ...latencyResults('places.list.children', listChildren),
        ...latencyResults('places.list.roots', listRoots),
        ...latencyResults('places.get', get),
        ...withLimit(
          latencyResults('places.search', search),
          searchFloorMs,
          `sqlite.scan.rows_per_s over ${placeRows.toLocaleString('en-US')} place rows`,
        ),
        ...latencyResults('places.create_update_delete', roundTrip),
      ];
    } finally {
      api.core.db.close();
      removeDbFiles(file);
    }
  },
};
