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

/** A register export as staff would fill it in: new LED tubes in the first teaching building. */
function importCsv(rows: number, site: string): string {
  const lines = ['编号,名称,类别,位置,状态,灯具类型,额定功率(W),安装日期'];
  for (let i = 1; i <= rows; i += 1) {
    const room = `A${1 + ((i >> 4) % 5)}${String(1 + (i % 12)).padStart(2, '0')}`;
    lines.push(
      `IMP-${String(i).padStart(5, '0')},LED灯管,灯具,${site}/第一教学楼/${room[1]}层/${room},在用,LED灯管,18,2025-08-01`,
    );
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

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

      ctx.log('assets: importing a 10,000-row CSV');
      // The first campus's name leads the place path: at --scale N every campus has a 第一教学楼.
      const site = api.core.db
        .prepare("SELECT name FROM places WHERE kind = 'site' ORDER BY code LIMIT 1")
        .pluck()
        .get() as string;
      const csv = importCsv(10_000, site);
      const file = {
        fileName: 'bench-import.csv',
        contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
      };
      const preview = timed(() => call(api, 'assets.importPreview', file));
      if (preview.value.problemCount > 0)
        throw new Error(
          `bench CSV has problems: ${JSON.stringify(preview.value.problems.slice(0, 3))}`,
        );
      const commit = timed(() => call(api, 'assets.importCommit', { ...file, mode: 'all' }));
      const again = timed(() => call(api, 'assets.importCommit', { ...file, mode: 'all' }));

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
        { name: 'assets.import_csv_10k.preview_ms', value: preview.ms, unit: 'ms' },
        {
          name: 'assets.import_csv_10k.commit_ms',
          value: commit.value.created === 10_000 ? commit.ms : NaN,
          unit: 'ms',
          limit: 1000,
          limitOf: 'goal of issue 3 (1 s)',
        },
        {
          name: 'assets.import_csv_10k.reimport_unchanged_ms',
          value: again.value.unchanged === 10_000 ? again.ms : NaN,
          unit: 'ms',
        },
      ];
    } finally {
      api.core.db.close();
      removeDbFiles(file);
    }
  },
};
