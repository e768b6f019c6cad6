// Demo maintenance: crews, spare parts, preventive-maintenance plans and five years of work-order
// history per campus (the demo's lastYear and the four before it), ending today with a realistic
// mix of open, assigned, in-progress, on-hold, overdue and awaiting-verification work and a few
// unconverted repair requests. Everything is drawn from the demo's seeded generator; only ids and
// the end instant ("now", when lastYear is the current year) differ between runs.
//
// The plans' current-period orders (occurrences whose lead window has opened by today) are made
// here with the history, by the same rule as the app's generation, rather than by calling the
// plan service: the history needs them anyway, and the demo then does not depend on a service's
// clock. Running the app's generation afterwards finds nothing left to create.
import type { Db } from '../store/tx';
import { DAY, historyWindow, iso } from './maintenanceClock';
import { generateCrews } from './maintenanceCrews';
import { lifecycle, type DraftOrder, type DraftRequest } from './maintenanceDraft';
import { updateFixtures } from './maintenanceFixtures';
import { loadInventory } from './maintenanceInventory';
import { lightingOrders, type SiteCtx } from './maintenanceLighting';
import { generateParts } from './maintenanceParts';
import { generatePlans, type OccurrenceDraft } from './maintenancePlans';
import { pendingRequests, repairOrders } from './maintenanceRepairs';
import { writeHistory } from './maintenanceWrite';
import type { Rng } from './random';

export interface MaintenanceOptions {
  lastYear: number;
  /** The present: the history ends here (or on 31 December of lastYear, if that is earlier). */
  now: string;
}

/**
 * Five corrective orders of the last month per campus run weeks past their due date — three on
 * hold waiting for parts, two in progress — so the backlog, the overdue count and the in-progress
 * list are never empty, whatever the seed. They were taken up within a day, so by today they have
 * certainly started.
 */
function stall(c: SiteCtx, drafts: readonly DraftOrder[]): void {
  const { rng, window: w } = c;
  const recent = drafts.filter(
    (d) =>
      d.type === 'corrective' &&
      !d.timing.cancel &&
      d.createdAt >= w.endMs - 35 * DAY &&
      d.createdAt <= w.endMs - 8 * DAY,
  );
  for (let i = 0; i < 5 && recent.length > 0; i += 1) {
    const d = recent.splice(rng.int(0, recent.length - 1), 1)[0];
    if (!d) continue;
    d.timing.hold = i < 3 ? 'stuck' : 'slow';
    d.timing.response = [2, 24];
  }
}

/**
 * The history's index inserts (a building inspection covers hundreds of fixtures; work_order_assets
 * has an index by asset) touch far more pages than SQLite's default 2 MB cache holds, and a write
 * transaction that outgrows its cache spills to disk mid-way: twice as slow here. The cache is
 * raised to a ceiling of 256 MB for the load (memory is only taken as pages are used) and put back.
 */
export function generateMaintenance(
  db: Db,
  rng: Rng,
  options: MaintenanceOptions,
): Record<string, number> {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    return generate(db, rng, options);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

function generate(db: Db, rng: Rng, options: MaintenanceOptions): Record<string, number> {
  const w = historyWindow(options.lastYear, options.now);
  const sites = loadInventory(db);
  const { staff, counts: crewCounts } = generateCrews(db, rng, sites.length, iso(w.startMs));
  const drafts: DraftOrder[] = [];
  const occurrences: OccurrenceDraft[] = [];
  const pending: DraftRequest[] = [];
  let plans = 0;
  for (const site of sites) {
    const people = staff[site.index];
    if (!people) continue;
    const c: SiteCtx = { rng, site, staff: people, window: w };
    const own = [...lightingOrders(c), ...repairOrders(c)];
    stall(c, own);
    const planned = generatePlans(db, c, sites.length > 1 ? `第${site.index + 1}校区` : '');
    plans += planned.plans;
    occurrences.push(...planned.occurrences);
    for (const o of planned.occurrences) if (o.order) own.push(o.order);
    pending.push(...pendingRequests(c));
    drafts.push(...own);
  }
  for (const d of drafts) d.steps = lifecycle(rng, d.createdAt, d.people, d.timing);
  const history = writeHistory(db, rng, drafts, occurrences, pending, w);
  updateFixtures(db, history.written, w);
  const parts = generateParts(
    db,
    rng,
    history.written,
    sites.length,
    staff[0]?.storekeeper ?? '仓管',
    w,
  );
  return {
    ...crewCounts,
    pm_plans: plans,
    ...history.counts,
    ...parts,
  };
}
