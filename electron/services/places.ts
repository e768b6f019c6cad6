// Handlers of the place tree: list, create, edit, move and delete sites, buildings, floors, rooms
// and areas. Every write is one transaction with its audit entry, and with the rebuilt rollups of
// the meters whose site zone (so whose local days) it changed.
import { allowedParents, type Place, type PlaceKind } from '../../shared/contract/places';
import { DeskError } from '../../shared/contract/errors';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { inTransaction, newId, nowIso, writeAudit } from '../store/tx';
import { prepared } from '../store/statementCache';
import { likePattern } from '../store/like';
import { meterZones, respreadRezoned } from './metersRollups';
import { PLACE_SELECT, placesSql, toPlace, type PlaceRow } from './placesStore';
import { DEFAULT_TIME_ZONE, siteTimeZone } from './siteTime';

export { DEFAULT_TIME_ZONE };

type PlacesMethod =
  | 'places.list'
  | 'places.get'
  | 'places.create'
  | 'places.update'
  | 'places.move'
  | 'places.delete'
  | 'places.search';

function requirePlace(ctx: Ctx, id: string): PlaceRow {
  const row = placesSql(ctx.db).byId.get(id);
  if (!row) throw new DeskError('NOT_FOUND', `No place with id ${id}`, { id });
  return row;
}

function checkParent(ctx: Ctx, kind: PlaceKind, parentId: string | null): void {
  const parentKind = parentId === null ? null : requirePlace(ctx, parentId).kind;
  if (!allowedParents[kind].includes(parentKind)) {
    throw new DeskError(
      'VALIDATION',
      `A ${kind} cannot be placed under ${parentKind ?? 'the root'}`,
      { issues: [{ path: 'parentId', message: `not a valid parent for a ${kind}` }] },
    );
  }
}

function checkKindFields(kind: PlaceKind, fields: { timeZone?: string | null }): void {
  if (kind !== 'site' && fields.timeZone) {
    throw new DeskError('VALIDATION', 'Only a site carries a time zone', {
      issues: [{ path: 'timeZone', message: 'only sites have a time zone' }],
    });
  }
}

export const placesHandlers: Handlers<PlacesMethod> = {
  'places.list': ({ parentId }, ctx) => {
    const sql = placesSql(ctx.db);
    if (parentId !== null) requirePlace(ctx, parentId);
    const rows = parentId === null ? sql.roots.all() : sql.children.all(parentId);
    return { items: rows.map(toPlace) };
  },

  'places.get': ({ id }, ctx) => {
    const place = toPlace(requirePlace(ctx, id));
    const path = placesSql(ctx.db)
      .path.all(id)
      .map(({ id: pid, kind, name }) => ({ id: pid, kind, name }));
    return { place, path };
  },

  'places.create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      checkParent(ctx, input.kind, input.parentId);
      checkKindFields(input.kind, input);
      // The first site's zone is also the zone of meters in no site (defaultTimeZone).
      const zones = input.kind === 'site' ? meterZones(ctx.db) : null;
      const now = nowIso();
      const id = newId();
      placesSql(ctx.db).insert.run({
        id,
        kind: input.kind,
        parent_id: input.parentId,
        name: input.name,
        code: input.code ?? null,
        area_m2: input.areaM2 ?? null,
        floor_number: input.floorNumber ?? null,
        building_use: input.kind === 'building' ? (input.use ?? null) : null,
        time_zone: input.kind === 'site' ? (input.timeZone ?? DEFAULT_TIME_ZONE) : null,
        notes: input.notes ?? '',
        created_at: now,
        updated_at: now,
      });
      const created = toPlace(requirePlace(ctx, id));
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'place',
        entityId: id,
        action: 'create',
        after: created,
      });
      if (zones) respreadRezoned(ctx, zones);
      return created;
    }),

  'places.update': ({ id, patch }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = toPlace(requirePlace(ctx, id));
      checkKindFields(before.kind, patch);
      const next: Place = { ...before, ...definedOnly(patch) };
      const timeZone = before.kind === 'site' ? (next.timeZone ?? DEFAULT_TIME_ZONE) : null;
      // The site's meters were spread over the local days of the old zone.
      const zones = timeZone !== before.timeZone ? meterZones(ctx.db) : null;
      placesSql(ctx.db).update.run({
        id,
        name: next.name,
        code: next.code,
        area_m2: next.areaM2,
        floor_number: next.floorNumber,
        building_use: before.kind === 'building' ? next.use : null,
        time_zone: timeZone,
        notes: next.notes,
        updated_at: nowIso(),
      });
      const after = toPlace(requirePlace(ctx, id));
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'place',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      if (zones) respreadRezoned(ctx, zones);
      return after;
    }),

  'places.move': ({ id, parentId }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = toPlace(requirePlace(ctx, id));
      checkParent(ctx, before.kind, parentId);
      if (parentId !== null) {
        const ancestors = placesSql(ctx.db).path.all(parentId);
        if (ancestors.some((a) => a.id === id)) {
          throw new DeskError('VALIDATION', 'A place cannot be moved under itself', {
            issues: [{ path: 'parentId', message: 'inside the subtree being moved' }],
          });
        }
      }
      // Under another site, the meters below keep that site's local days.
      const zones =
        parentId !== null && siteTimeZone(ctx.db, id) !== siteTimeZone(ctx.db, parentId)
          ? meterZones(ctx.db)
          : null;
      placesSql(ctx.db).setParent.run(parentId, nowIso(), id);
      const after = toPlace(requirePlace(ctx, id));
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'place',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      if (zones) respreadRezoned(ctx, zones);
      return after;
    }),

  'places.delete': ({ id, cascade }, ctx) =>
    inTransaction(ctx.db, () => {
      const target = requirePlace(ctx, id);
      const sql = placesSql(ctx.db);
      // Assets anywhere in the subtree keep it: say so plainly rather than let the foreign key
      // fail halfway through with a bare CONSTRAINT error.
      const assetCount = (
        prepared(
          ctx.db,
          `WITH RECURSIVE down(id) AS (
             SELECT ? UNION ALL SELECT p.id FROM places p JOIN down ON p.parent_id = down.id)
           SELECT count(*) AS n FROM assets WHERE place_id IN (SELECT id FROM down)`,
        ).get(id) as { n: number }
      ).n;
      if (assetCount > 0) {
        throw new DeskError(
          'CONFLICT',
          `"${target.name}" still holds ${assetCount} asset(s); move or delete them first`,
          { reason: 'HAS_ASSETS', assetCount },
        );
      }
      if (target.child_count > 0 && !cascade) {
        throw new DeskError(
          'CONFLICT',
          `"${target.name}" still holds ${target.child_count} place(s); delete them first or confirm deleting the whole subtree`,
          { reason: 'HAS_CHILDREN', childCount: target.child_count },
        );
      }
      // Deleting the first site hands its part as the default zone to the next one.
      const zones = target.kind === 'site' ? meterZones(ctx.db) : null;
      const rows = sql.subtree.all(id);
      for (const row of rows) {
        sql.remove.run(row.id);
        const { depth: _depth, ...before } = row;
        writeAudit(ctx.db, {
          actor: ctx.actor,
          entity: 'place',
          entityId: row.id,
          action: 'delete',
          before: toPlace(before),
        });
      }
      if (zones) respreadRezoned(ctx, zones);
      return { deleted: rows.length };
    }),

  'places.search': ({ q, kinds, limit }, ctx) => {
    const sql = placesSql(ctx.db);
    const pattern = likePattern(q.trim());
    const kindClause = kinds?.length ? `AND p.kind IN (${kinds.map(() => '?').join(', ')})` : '';
    const rows = prepared(
      ctx.db,
      `${PLACE_SELECT} WHERE (p.name LIKE ? ESCAPE '\\' OR p.code LIKE ? ESCAPE '\\') ${kindClause}
       ORDER BY length(p.name), p.name LIMIT ?`,
    ).all(pattern, pattern, ...(kinds ?? []), limit) as PlaceRow[];
    return {
      items: rows.map((row) => ({
        ...toPlace(row),
        path: sql.path.all(row.id).map(({ id, kind, name }) => ({ id, kind, name })),
      })),
    };
  },
};

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
