// The demo register: deterministic (seeded) data modelled on the seed college, for people trying
// the app and for benchmarks. One module per domain; this file only sequences them in one transaction.
import { DeskError } from '../../shared/contract/errors';
import { inTransaction, nowIso, writeAudit, type Db } from '../store/tx';
import { generateAssets } from './assets';
import { generateHeadcounts } from './headcounts';
import { generateMaintenance } from './maintenance';
import { generateMeterReadings } from './meterReadings';
import { generatePlaces } from './places';
import { createRng } from './random';

export interface DemoOptions {
  scale?: number;
  seed?: number;
  /** The last of the five years of history. */
  lastYear?: number;
  actor?: string;
}

export function generateDemo(db: Db, options: DemoOptions = {}): Record<string, number> {
  const scale = options.scale ?? 1;
  const rng = createRng(options.seed ?? 20261129);
  const lastYear = options.lastYear ?? new Date().getFullYear();
  return inTransaction(db, () => {
    const existing = db.prepare('SELECT count(*) AS n FROM places').get() as { n: number };
    if (existing.n > 0) {
      throw new DeskError('CONFLICT', 'Demo data can only be loaded into an empty database', {
        reason: 'NOT_EMPTY',
      });
    }
    const now = nowIso();
    const places = generatePlaces(db, rng, scale, now);
    const headcounts = generateHeadcounts(db, rng, places.siteIds, lastYear);
    const assets = generateAssets(db, rng, scale, now, lastYear);
    const maintenance = generateMaintenance(db, rng, { lastYear, now });
    const actor = options.actor ?? 'demo';
    const readings = generateMeterReadings(db, rng, { lastYear, now, actor });
    const counts = { ...places.counts, headcounts, ...assets.counts, ...maintenance, ...readings };
    writeAudit(db, {
      actor,
      entity: 'demo',
      entityId: 'demo',
      action: 'create',
      after: { scale, counts },
    });
    return counts;
  });
}
