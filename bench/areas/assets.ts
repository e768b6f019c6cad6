// Area `assets`: the asset register at --scale (scale 10 is 100,000+ fixtures) through the API —
// search by the fragments people type, paging the filtered list, and a bulk status change — each
// against the bare scan of the same number of rows measured in this run.
import { openCore } from '../../electron/core';
import { generateDemo } from '../../electron/demo';
import { call, pick } from '../lib/api';
import { latencyResults } from '../lib/stats';
import { removeDbFiles } from '../lib/tempdb';
import { sample, timed } from '../lib/timing';
import type { Area, Ctx, Result } from '../lib/types';
import { sqliteLimits } from './sqlite';

const READS = { warmup: 30, iterations: 200 };
const SEED = 20261129;
/** What staff type: Chinese words of two and more characters, code and serial fragments. */
const QUERIES = [
  '路灯',
  '水表',
  '投光灯',
  '教学楼电表',
  'SS-03-2',
  'JX-B-30',
  'A-301-L0',
  'SN-W2',
  '节水',
  '锈蚀',
];

export const assetsArea: Area = {
  name: 'assets',
  run(ctx: Ctx): Result[] {
    const limits = sqliteLimits(ctx);
    const file = ctx.tempFile('assets.db');
    const api = openCore(file, { operator: 'bench' });
    try {
      ctx.log(`assets: generating the demo register at scale ${ctx.scale}`);
      const demo = timed(() => generateDemo(api.core.db, { scale: ctx.scale, seed: SEED }));
      const assetRows = (
        api.core.db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }
      ).n;
      for (const q of QUERIES) {
        if (call(api, 'assets.list', { filter: { q }, limit: 100 }).total === 0) {
          throw new Error(`the demo register has no asset matching "${q}"`);
        }
      }

      ctx.log('assets: search, list, filter');
      const search = sample(
        (i) => call(api, 'assets.list', { filter: { q: pick(QUERIES, i) }, limit: 100 }),
        READS,
      );
      const firstPage = sample(() => call(api, 'assets.list', { limit: 100 }), READS);
      const deepPage = sample(
        (i) =>
          call(api, 'assets.list', {
            filter: { kinds: ['fixture'] },
            offset: (i * 997) % Math.max(1, assetRows - 100),
            limit: 100,
          }),
        READS,
      );
      const byLamp = sample(
        (i) =>
          call(api, 'assets.list', {
            filter: { lampTypes: [pick(['panel', 'downlight', 'floodlight'] as const, i)] },
            sort: { column: 'installDate', direction: 'desc' },
            limit: 100,
          }),
        READS,
      );

      ctx.log('assets: bulk status change of 500 fixtures');
      const ids = call(api, 'assets.list', {
        filter: { kinds: ['fixture'] },
        limit: 500,
      }).items.map((a) => a.id);
      const bulk = timed(() =>
        call(api, 'assets.bulkUpdate', { selection: { ids }, patch: { status: 'under_repair' } }),
      );

      // A search that read every row would cost a bare scan of the register: the limit to beat.
      const scanMs = (assetRows / limits.scanRowsPerS) * 1000;
      const scanOf = `sqlite.scan.rows_per_s over ${assetRows.toLocaleString('en-US')} asset rows`;
      return [
        { name: 'assets.demo.generate_ms', value: demo.ms, unit: 'ms' },
        { name: 'assets.rows', value: assetRows, unit: 'rows' },
        ...latencyResults('assets.search', search).map((r) => ({
          ...r,
          limit: scanMs,
          limitOf: scanOf,
        })),
        ...latencyResults('assets.list.first_page', firstPage),
        ...latencyResults('assets.list.deep_page', deepPage),
        ...latencyResults('assets.list.filter_sort', byLamp),
        { name: 'assets.bulk_update.500_ms', value: bulk.ms, unit: 'ms' },
      ];
    } finally {
      api.core.db.close();
      removeDbFiles(file);
    }
  },
};
