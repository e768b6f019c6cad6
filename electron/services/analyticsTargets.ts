// Consumption targets (migration 0120): a site's planned total and/or per-capita figure for a
// utility and year, which the dashboard draws as a line with the gap. SQL and handlers.
import type { Target } from '../../shared/contract/analyticsShapes';
import type { Utility } from '../../shared/contract/assets';
import type { Handlers } from '../api';
import { prepared } from '../store/statementCache';
import { inTransaction, nowIso, writeAudit, type Db } from '../store/tx';
import { requireSite } from './analyticsScope';

const SELECT = `SELECT site_id AS siteId, utility, year, total, per_capita AS perCapitaPerYear
  FROM consumption_targets`;

export function targetOf(db: Db, siteId: string, utility: Utility, year: number): Target | null {
  const row = prepared(db, `${SELECT} WHERE site_id = ? AND utility = ? AND year = ?`).get(
    siteId,
    utility,
    year,
  ) as Target | undefined;
  return row ?? null;
}

export const targetCalls: Handlers<'analytics.targets' | 'analytics.setTarget'> = {
  'analytics.targets': ({ siteId, utility }, ctx) => {
    const items = prepared(
      ctx.db,
      `${SELECT} WHERE site_id = @siteId AND (@utility IS NULL OR utility = @utility)
       ORDER BY utility, year`,
    ).all({ siteId, utility: utility ?? null }) as Target[];
    return { items };
  },

  'analytics.setTarget': ({ siteId, utility, year, total, perCapitaPerYear }, ctx) =>
    inTransaction(ctx.db, () => {
      const site = requireSite(ctx.db, siteId);
      const before = targetOf(ctx.db, site.id, utility, year);
      const after = { siteId: site.id, utility, year, total, perCapitaPerYear };
      const removing = total === null && perCapitaPerYear === null;
      // Nothing to remove: no write, no audit entry.
      if (removing && before === null) return after;
      if (removing) {
        prepared(
          ctx.db,
          'DELETE FROM consumption_targets WHERE site_id = ? AND utility = ? AND year = ?',
        ).run(site.id, utility, year);
      } else {
        prepared(
          ctx.db,
          `INSERT INTO consumption_targets (site_id, utility, year, total, per_capita, updated_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (site_id, utility, year) DO UPDATE SET total = excluded.total,
             per_capita = excluded.per_capita, updated_at = excluded.updated_at`,
        ).run(site.id, utility, year, total, perCapitaPerYear, nowIso());
      }
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'consumption_target',
        entityId: `${site.id}/${utility}/${year}`,
        action: removing ? 'delete' : before ? 'update' : 'create',
        before,
        after,
      });
      return after;
    }),
};
