// Handlers of people.*: headcounts per site and year, and the park's enterprises with their
// yearly value added and water quota and their meters, each write in one transaction with its
// audit entry. The spreadsheet import and template are in peopleImport.ts.
import type { MethodName } from '../../shared/contract';
import { DeskError } from '../../shared/contract/errors';
import type { Enterprise } from '../../shared/contract/people';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, newId, nowIso, writeAudit, type Db } from '../store/tx';
import { requireSite, siteOf } from './analyticsScope';
import { peopleImportCalls } from './peopleImport';
import {
  deleteHeadcount,
  enterpriseRow,
  enterpriseRows,
  headcountOf,
  insertEnterprise,
  listHeadcounts,
  setYear,
  toEnterprise,
  toHeadcount,
  updateEnterprise,
  upsertHeadcount,
  type EnterpriseRow,
} from './peopleStore';
import { readSettings } from './settings';

type Method = Exclude<
  Extract<MethodName, `people.${string}`>,
  'people.importPreview' | 'people.importCommit' | 'people.template'
>;

function requireEnterprise(db: Db, id: string): EnterpriseRow {
  const row = enterpriseRow(db, id);
  if (!row) throw new DeskError('NOT_FOUND', `No enterprise with id ${id}`, { id });
  return row;
}

/** A place given for an enterprise must lie in the enterprise's site. */
export function checkPlaceInSite(db: Db, placeId: string | null, siteId: string): void {
  if (placeId === null || siteOf(db, placeId) === siteId) return;
  throw new DeskError('VALIDATION', 'Invalid input: placeId: not a place of the site', {
    issues: [{ path: 'placeId', message: 'not a place of the enterprise’s site' }],
  });
}

/** Names are unique in a site, and so are codes: say which, rather than a bare constraint. */
export function checkUnique(db: Db, row: Pick<EnterpriseRow, 'id' | 'site_id' | 'name' | 'code'>) {
  const clash = prepared(
    db,
    `SELECT name, code FROM enterprises WHERE site_id = @site_id AND id <> @id
       AND (name = @name OR (@code IS NOT NULL AND code = @code)) LIMIT 1`,
  ).get(row) as { name: string; code: string | null } | undefined;
  if (!clash) return;
  const field = clash.name === row.name ? 'name' : 'code';
  throw new DeskError(
    'CONFLICT',
    `园区内已有同${field === 'name' ? '名' : '编号'}企业「${clash.name}」/ ` +
      `the site already has an enterprise with this ${field}`,
    { field },
  );
}

function audit(ctx: Ctx, entityId: string, action: 'create' | 'update' | 'delete', o: object) {
  writeAudit(ctx.db, { actor: ctx.actor, entity: 'enterprise', entityId, action, ...o });
}

function readEnterprise(db: Db, id: string): Enterprise {
  return toEnterprise(db, requireEnterprise(db, id));
}

const recordCalls: Handlers<Method> = {
  'people.headcounts': (filter, ctx) => ({ items: listHeadcounts(ctx.db, filter) }),

  'people.setHeadcount': ({ siteId, year, ...groups }, ctx) =>
    inTransaction(ctx.db, () => {
      const site = requireSite(ctx.db, siteId);
      const before = headcountOf(ctx.db, site.id, year);
      upsertHeadcount(ctx.db, newId(), { site_id: site.id, year, ...groups });
      const after = headcountOf(ctx.db, site.id, year) as NonNullable<typeof before>;
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'headcount',
        entityId: `${site.id}/${year}`,
        action: before ? 'update' : 'create',
        before,
        after,
      });
      return toHeadcount(after, readSettings(ctx.db).standardPersonWeights);
    }),

  'people.deleteHeadcount': ({ siteId, year }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = headcountOf(ctx.db, siteId, year);
      if (!before) return { deleted: 0 };
      const deleted = deleteHeadcount(ctx.db, siteId, year);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'headcount',
        entityId: `${siteId}/${year}`,
        action: 'delete',
        before,
      });
      return { deleted };
    }),

  'people.enterprises': ({ siteId }, ctx) => ({
    items: enterpriseRows(ctx.db, siteId ?? null).map((r) => toEnterprise(ctx.db, r)),
  }),

  'people.createEnterprise': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const site = requireSite(ctx.db, input.siteId);
      const row = {
        id: newId(),
        site_id: site.id,
        code: input.code ?? null,
        name: input.name,
        place_id: input.placeId ?? null,
        notes: input.notes ?? '',
      };
      checkPlaceInSite(ctx.db, row.place_id, site.id);
      checkUnique(ctx.db, row);
      insertEnterprise(ctx.db, row, nowIso());
      const after = readEnterprise(ctx.db, row.id);
      audit(ctx, row.id, 'create', { after: { ...after, meters: [], years: [] } });
      return after;
    }),

  'people.updateEnterprise': ({ id, patch }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requireEnterprise(ctx.db, id);
      const row = {
        ...before,
        code: patch.code === undefined ? before.code : patch.code,
        name: patch.name ?? before.name,
        place_id: patch.placeId === undefined ? before.place_id : patch.placeId,
        notes: patch.notes ?? before.notes,
      };
      checkPlaceInSite(ctx.db, row.place_id, row.site_id);
      checkUnique(ctx.db, row);
      updateEnterprise(ctx.db, row, nowIso());
      const pick = (r: EnterpriseRow) => ({
        name: r.name,
        code: r.code,
        placeId: r.place_id,
        notes: r.notes,
      });
      audit(ctx, id, 'update', { before: pick(before), after: pick(row) });
      return readEnterprise(ctx.db, id);
    }),

  'people.deleteEnterprise': ({ id }, ctx) =>
    inTransaction(ctx.db, () => {
      const row = enterpriseRow(ctx.db, id);
      if (!row) return { deleted: 0 };
      const before = toEnterprise(ctx.db, row);
      prepared(ctx.db, 'DELETE FROM enterprises WHERE id = ?').run(id);
      audit(ctx, id, 'delete', { before });
      return { deleted: 1 };
    }),

  'people.setEnterpriseYear': ({ enterpriseId, year, valueAdded, waterQuota }, ctx) =>
    inTransaction(ctx.db, () => {
      const row = requireEnterprise(ctx.db, enterpriseId);
      const before = toEnterprise(ctx.db, row).years.find((y) => y.year === year) ?? null;
      setYear(ctx.db, enterpriseId, year, valueAdded, waterQuota);
      const after =
        valueAdded === null && waterQuota === null ? null : { year, valueAdded, waterQuota };
      audit(ctx, enterpriseId, 'update', {
        before: { name: row.name, year: before },
        after: { name: row.name, year: after },
        note: `${year} 年工业增加值与用水定额 / value added and quota of ${year}`,
      });
      return readEnterprise(ctx.db, enterpriseId);
    }),

  'people.setEnterpriseMeters': ({ enterpriseId, meterIds }, ctx) =>
    inTransaction(ctx.db, () => {
      const row = requireEnterprise(ctx.db, enterpriseId);
      const ids = [...new Set(meterIds)];
      for (const id of ids) checkMeter(ctx.db, id, row);
      const before = toEnterprise(ctx.db, row).meters.map((m) => m.code);
      prepared(ctx.db, 'DELETE FROM enterprise_meters WHERE enterprise_id = ?').run(enterpriseId);
      const insert = prepared(
        ctx.db,
        'INSERT INTO enterprise_meters (meter_id, enterprise_id) VALUES (?, ?)',
      );
      for (const id of ids) insert.run(id, enterpriseId);
      const after = readEnterprise(ctx.db, enterpriseId);
      audit(ctx, enterpriseId, 'update', {
        before: { name: row.name, meters: before },
        after: { name: row.name, meters: after.meters.map((m) => m.code) },
      });
      return after;
    }),
};

/** A meter of the enterprise's site that no other enterprise has. */
function checkMeter(db: Db, meterId: string, enterprise: EnterpriseRow): void {
  const meter = prepared(
    db,
    `SELECT a.kind, a.code, a.place_id, m.enterprise_id, e.name AS owner
     FROM assets a LEFT JOIN enterprise_meters m ON m.meter_id = a.id
     LEFT JOIN enterprises e ON e.id = m.enterprise_id WHERE a.id = ?`,
  ).get(meterId) as
    | {
        kind: string;
        code: string;
        place_id: string | null;
        enterprise_id: string | null;
        owner: string | null;
      }
    | undefined;
  if (!meter || meter.kind !== 'meter') {
    throw new DeskError('NOT_FOUND', `No meter with id ${meterId}`, { id: meterId });
  }
  if (meter.place_id === null || siteOf(db, meter.place_id) !== enterprise.site_id) {
    throw new DeskError('VALIDATION', `Invalid input: meterIds: ${meter.code} is not in the site`, {
      issues: [{ path: 'meterIds', message: `meter ${meter.code} is not placed in the site` }],
    });
  }
  if (meter.enterprise_id !== null && meter.enterprise_id !== enterprise.id) {
    throw new DeskError(
      'CONFLICT',
      `表 ${meter.code} 已属于企业「${meter.owner ?? ''}」/ meter ${meter.code} already measures another enterprise`,
      { meterId, enterpriseId: meter.enterprise_id },
    );
  }
}

export const peopleHandlers: Handlers<Extract<MethodName, `people.${string}`>> = {
  ...recordCalls,
  ...peopleImportCalls,
};
