// Handlers of the asset register: page through and search it, read one asset with its history,
// create, edit and delete. Bulk edits live in assetBulk.ts.
import type { Asset, AssetInput } from '../../shared/contract/assets';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, newId, nowIso, writeAudit } from '../store/tx';
import { fieldNames } from './assetColumns';
import { assetOrderBy, assetWhere } from './assetQuery';
import { assertAssetValid } from './assetRules';
import { ASSET_FROM, assetsByIds, assetToColumns, assetsSql, toAsset } from './assetsStore';
import { historyOf } from './history';
import { respreadChangedMeter } from './metersRollups';
import { placesSql } from './placesStore';

type AssetsMethod =
  | 'assets.list'
  | 'assets.get'
  | 'assets.create'
  | 'assets.update'
  | 'assets.delete'
  | 'assets.facets';

export function requireAsset(ctx: Ctx, id: string): Asset {
  const row = assetsSql(ctx.db).byId.get(id);
  if (!row) throw new DeskError('NOT_FOUND', `No asset with id ${id}`, { id });
  return toAsset(row);
}

/**
 * An asset with maintenance or metering history is kept: its orders, reports and readings would
 * lose what they were about. Retiring it (status 'retired') takes it out of plans and lists.
 */
function refuseIfItHasHistory(ctx: Ctx, asset: Asset): void {
  const { orders, requests, readings } = prepared(
    ctx.db,
    `SELECT (SELECT count(*) FROM work_order_assets WHERE asset_id = @id) AS orders,
            (SELECT count(*) FROM repair_requests WHERE asset_id = @id) AS requests,
            (SELECT count(*) FROM meter_keys k JOIN meter_readings r ON r.meter = k.key
              WHERE k.meter_id = @id) +
            (SELECT count(*) FROM meter_events WHERE meter_id = @id) AS readings`,
  ).get({ id: asset.id }) as { orders: number; requests: number; readings: number };
  if (orders + requests + readings === 0) return;
  throw new DeskError(
    'CONFLICT',
    `${asset.code} 有 ${orders} 张工单、${requests} 条报修、${readings} 条读数或换表记录，不能删除，可将状态改为“报废”。` +
      ` / ${asset.code} has ${orders} work orders, ${requests} repair requests and ${readings} readings or meter events; retire it instead of deleting it.`,
    { id: asset.id, orders, requests, readings, reason: 'HAS_HISTORY' },
  );
}

/** A full asset from create input: every kind field present, null where not given. */
export function assetFromInput(input: AssetInput, id: string, now: string): Asset {
  const fields = Object.fromEntries(fieldNames.map((f) => [f, input[f] ?? null]));
  return {
    ...(fields as Pick<Asset, (typeof fieldNames)[number]>),
    id,
    code: input.code,
    name: input.name,
    kind: input.kind,
    placeId: input.placeId ?? null,
    placeName: null,
    status: input.status ?? 'in_service',
    installDate: input.installDate ?? null,
    notes: input.notes ?? '',
    custom: input.custom ?? {},
    createdAt: now,
    updatedAt: now,
  };
}

/** Inserts a checked asset and its audit entry; the caller holds the transaction. */
export function insertAsset(ctx: Ctx, asset: Asset, note?: string): Asset {
  assertAssetValid(ctx.db, asset);
  assetsSql(ctx.db).insert.run(assetToColumns(asset));
  const created = requireAsset(ctx, asset.id);
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'asset',
    entityId: asset.id,
    action: 'create',
    after: created,
    ...(note ? { note } : {}),
  });
  return created;
}

/** Writes a changed asset and its audit entry; the caller holds the transaction. */
export function saveAsset(ctx: Ctx, before: Asset, next: Asset, note?: string): Asset {
  const changed = { ...next, updatedAt: nowIso() };
  assertAssetValid(ctx.db, changed);
  assetsSql(ctx.db).update.run(assetToColumns(changed));
  const after = requireAsset(ctx, before.id);
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'asset',
    entityId: before.id,
    action: 'update',
    before,
    after,
    ...(note ? { note } : {}),
  });
  return after;
}

/**
 * Before a meter goes: refuse while other meters hang from it (the tree would lose a level), and
 * clear the irrigation zones' links to it through saveAsset, so each zone's history shows it.
 */
function unlinkMeter(ctx: Ctx, meter: Asset): void {
  const children = prepared(
    ctx.db,
    'SELECT code FROM assets WHERE parent_meter_id = ? ORDER BY code',
  )
    .pluck()
    .all(meter.id) as string[];
  if (children.length > 0) {
    throw new DeskError(
      'CONFLICT',
      `Meter ${meter.code} still has ${children.length} child meter(s) (${children.slice(0, 5).join(', ')}); move them to another parent first`,
      { reason: 'HAS_CHILD_METERS', children },
    );
  }
  const zones = prepared(ctx.db, 'SELECT id FROM assets WHERE linked_meter_id = ?')
    .pluck()
    .all(meter.id) as string[];
  for (const zoneId of zones) {
    const zone = requireAsset(ctx, zoneId);
    saveAsset(ctx, zone, { ...zone, linkedMeterId: null }, `计量表 ${meter.code} 已删除`);
  }
}

export const assetsHandlers: Handlers<AssetsMethod> = {
  'assets.list': ({ filter, sort, offset, limit }, ctx) => {
    const where = assetWhere(filter);
    const total = (
      prepared(ctx.db, `SELECT count(*) AS n FROM assets a ${where.sql}`).get(...where.params) as {
        n: number;
      }
    ).n;
    // Page the bare table first and join places only for the rows shown: the joins cost more
    // than the sort when a search matches tens of thousands of rows.
    const needsPlaces = sort.column === 'place';
    const ids = prepared(
      ctx.db,

      `SELECT a.id FROM ${needsPlaces ? ASSET_FROM : 'assets a'} ${where.sql}
         ${assetOrderBy(sort.column, sort.direction)} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...where.params, limit, offset) as string[];
    return { items: assetsByIds(ctx.db, ids), total };
  },

  'assets.get': ({ id }, ctx) => {
    const asset = requireAsset(ctx, id);
    const path = asset.placeId
      ? placesSql(ctx.db)
          .path.all(asset.placeId)
          .map(({ id: pid, kind, name }) => ({ id: pid, kind, name }))
      : [];
    return { asset, path, history: historyOf(ctx.db, 'asset', id) };
  },

  'assets.create': (input, ctx) =>
    inTransaction(ctx.db, () => insertAsset(ctx, assetFromInput(input, newId(), nowIso()))),

  'assets.update': ({ id, patch }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireAsset(ctx, id);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const after = saveAsset(ctx, before, { ...before, ...defined } as Asset);
      respreadChangedMeter(ctx, before, after);
      return after;
    }),

  'assets.delete': ({ id }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireAsset(ctx, id);
      refuseIfItHasHistory(ctx, before);
      if (before.kind === 'meter') unlinkMeter(ctx, before);
      assetsSql(ctx.db).remove.run(id);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'asset',
        entityId: id,
        action: 'delete',
        before,
      });
      return { deleted: 1 };
    }),

  'assets.facets': ({ filter }, ctx) => {
    const where = assetWhere(filter);
    const group = (column: string) =>
      Object.fromEntries(
        (
          prepared(
            ctx.db,
            `SELECT a.${column} AS k, count(*) AS n FROM assets a ${where.sql} GROUP BY a.${column}`,
          ).all(...where.params) as { k: string; n: number }[]
        ).map((r) => [r.k, r.n]),
      );
    return { byKind: group('kind'), byStatus: group('status') };
  },
};
