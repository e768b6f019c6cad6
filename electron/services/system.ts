// Handlers about the running app: version and counts, the operator name, loading demo data.
import type { Handlers } from '../api';
import { generateDemo } from '../demo';
import { schemaVersion } from '../store/migrate';
import { prepared } from '../store/statementCache';
import { placesSql } from './placesStore';

type SystemMethod = 'system.info' | 'system.setOperator' | 'system.loadDemo';

export const systemHandlers: Handlers<SystemMethod> = {
  'system.info': (_input, ctx) => {
    const counts: Record<string, number> = {};
    for (const { kind, n } of placesSql(ctx.db).countByKind.all()) counts[kind] = n;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const assetCounts = prepared(
      ctx.db,
      'SELECT kind, count(*) AS n FROM assets GROUP BY kind',
    ).all() as {
      kind: string;
      n: number;
    }[];
    for (const { kind, n } of assetCounts) counts[kind] = n;
    return {
      appVersion: ctx.core.appVersion,
      schemaVersion: schemaVersion(ctx.db),
      operator: ctx.core.operator,
      empty: total === 0,
      readOnly: ctx.core.readOnly,
      counts,
    };
  },

  'system.setOperator': ({ name }, ctx) => {
    ctx.core.operator = name;
    return { operator: name };
  },

  'system.loadDemo': ({ scale }, ctx) => ({
    counts: generateDemo(ctx.db, { scale, actor: ctx.actor }),
  }),
};
