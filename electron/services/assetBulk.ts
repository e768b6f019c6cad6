// Bulk work on the register, because nobody edits 8,000 lamps one by one: change status, place or
// fields of a selection in one transaction, and add N fixtures to a room with generated codes.
import type { Asset, Selection } from '../../shared/contract/assets';
import { labelOf } from '../../shared/domain/assetLabels';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { escapeLike } from '../store/like';
import { prepared } from '../store/statementCache';
import { inTransaction, newId, nowIso } from '../store/tx';
import { assetWhere } from './assetQuery';
import { assetFromInput, insertAsset, requireAsset, saveAsset } from './assets';
import { assetsByIds } from './assetsStore';
import { respreadChangedMeter } from './metersRollups';
import { placesSql } from './placesStore';

export function selectedIds(ctx: Ctx, selection: Selection): string[] {
  if ('ids' in selection) return [...new Set(selection.ids)];
  const where = assetWhere(selection.filter);
  const except = new Set(selection.exceptIds);
  const rows = prepared(ctx.db, `SELECT a.id FROM assets a ${where.sql} ORDER BY a.code`).all(
    ...where.params,
  ) as {
    id: string;
  }[];
  return rows.map((r) => r.id).filter((id) => !except.has(id));
}

/** The next free numbers after `prefix` (A101-L01, A101-L02 → A101-L003…), zero-padded to three. */
function nextCodes(ctx: Ctx, prefix: string, count: number): string[] {
  const rows = prepared(ctx.db, `SELECT code FROM assets WHERE code LIKE ? ESCAPE '\\'`).all(
    `${escapeLike(prefix)}%`,
  ) as { code: string }[];
  let max = 0;
  for (const { code } of rows) {
    const rest = code.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  const width = Math.max(3, String(max + count).length);
  return Array.from(
    { length: count },
    (_, i) => `${prefix}${String(max + 1 + i).padStart(width, '0')}`,
  );
}

export const assetBulkHandlers: Handlers<
  'assets.bulkUpdate' | 'assets.addFixtures' | 'assets.pick'
> = {
  'assets.pick': ({ selection, limit }, ctx) => {
    const ids = selectedIds(ctx, selection);
    return { items: assetsByIds(ctx.db, ids.slice(0, limit)), total: ids.length };
  },

  'assets.bulkUpdate': ({ selection, patch }, ctx) =>
    inTransaction(ctx.db, () => {
      const ids = selectedIds(ctx, selection);
      if (patch.placeId !== undefined && !placesSql(ctx.db).byId.get(patch.placeId)) {
        throw new DeskError('VALIDATION', `No place with id ${patch.placeId}`, {
          issues: [{ path: 'patch.placeId', message: 'unknown place' }],
        });
      }
      const note = `批量修改 ${ids.length} 项`;
      for (const id of ids) {
        const before = requireAsset(ctx, id);
        const next: Asset = {
          ...before,
          ...(patch.fields ?? {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          ...(patch.placeId !== undefined ? { placeId: patch.placeId } : {}),
          ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        };
        respreadChangedMeter(ctx, before, saveAsset(ctx, before, next, note));
      }
      return { updated: ids.length };
    }),

  'assets.addFixtures': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const place = placesSql(ctx.db).byId.get(input.placeId);
      if (!place) {
        throw new DeskError('VALIDATION', `No place with id ${input.placeId}`, {
          issues: [{ path: 'placeId', message: 'unknown place' }],
        });
      }
      const prefix = input.codePrefix ?? `${place.code ?? 'LT'}-L`;
      const codes = nextCodes(ctx, prefix, input.count);
      const now = nowIso();
      const note = `新增 ${input.count} 套灯具`;
      for (const code of codes) {
        const asset = assetFromInput(
          {
            code,
            name: input.name ?? labelOf('lampType', input.lampType, 'zh-CN'),
            kind: 'fixture',
            placeId: input.placeId,
            status: 'in_service',
            lampType: input.lampType,
            ratedPowerW: input.ratedPowerW,
            installDate: input.installDate ?? null,
            dailyHours: input.dailyHours ?? null,
          },
          newId(),
          now,
        );
        insertAsset(ctx, asset, note);
      }
      return { created: codes.length, codes };
    }),
};
