// What the app does by itself once the database is open (services/dailyJobs.ts): the plan orders
// that have come within their lead window are created at start, a read-only database is left
// alone, and a failing generation is reported rather than thrown into the host.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { openCore } from '../../electron/core';
import { runPlanGeneration, scheduleDailyJobs } from '../../electron/services/dailyJobs';
import { createCampus } from '../support/assets';
import { call } from '../support/api';
import { tempDir, type TempDir } from '../support/tempDb';

let tmp: TempDir;
let api: Api;

beforeEach(() => {
  tmp = tempDir();
  api = openCore(tmp.file(), { operator: '定时任务', backupDir: tmp.file('backups') });
});

afterEach(() => {
  if (api.core.db.open) api.core.db.close();
  tmp.cleanup();
});

/** A daily plan over the campus's fixtures that started yesterday, so today's order is due. */
function dailyPlan(): string {
  const campus = createCampus(api);
  call(api, 'assets.addFixtures', {
    placeId: campus.room.id,
    count: 3,
    lampType: 'panel',
    ratedPowerW: 18,
  });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return call(api, 'plans.create', {
    name: '每日巡检',
    target: { kind: 'filter', filter: { kinds: ['fixture'], placeId: campus.site.id } },
    recurrence: { kind: 'rrule', rule: 'FREQ=DAILY' },
    start: `${yesterday}T08:00`,
    timeZone: 'Asia/Shanghai',
    leadDays: 1,
  }).id;
}

const orderCount = () =>
  (api.core.db.prepare('SELECT count(*) AS n FROM work_orders').get() as { n: number }).n;

describe('the daily jobs', () => {
  it('create due plan orders at start, once however often they run', () => {
    const planId = dailyPlan();
    const stop = scheduleDailyJobs(api.core);
    try {
      const first = orderCount();
      expect(first).toBeGreaterThan(0);
      runPlanGeneration(api.core);
      expect(orderCount()).toBe(first);
      const planOrders = call(api, 'workOrders.query', { filter: { planId } });
      expect(planOrders.total).toBe(first);
    } finally {
      stop();
    }
  });

  it('leave a read-only database alone', () => {
    dailyPlan();
    api.core.readOnly = true;
    runPlanGeneration(api.core);
    expect(orderCount()).toBe(0);
  });

  it('report a failing generation instead of throwing it into the host', () => {
    dailyPlan();
    api.core.db.exec('DROP INDEX work_orders_one_per_occurrence; DROP TABLE pm_occurrences');
    const logged: unknown[] = [];
    expect(() => runPlanGeneration(api.core, (...args) => logged.push(args))).not.toThrow();
    expect(logged).toHaveLength(1);
    expect(orderCount()).toBe(0);
  });
});
