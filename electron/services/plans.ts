// Handlers of preventive-maintenance plans: the rule preview and description for the editor, plan
// CRUD (every write one transaction with its audit entry) and generation (planGenerate.ts). A
// plan is checked whole at every save: rule, zone, start, crew, place and listed assets.
import type { ParsedInputOf } from '../../shared/contract';
import { DeskError } from '../../shared/contract/errors';
import type { Plan } from '../../shared/contract/plans';
import {
  describeRule,
  isValidTimeZone,
  localToUtc,
  occurrences,
  parseRule,
  RuleError,
  utcToLocal,
} from '../../shared/domain/recurrence';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { inTransaction, newId, nowIso, writeAudit, type Db } from '../store/tx';
import { generateDuePlans, nextAfterCompletion } from './planGenerate';
import { planTarget, plansSql, toPlanBase, type PlanColumns, type PlanRow } from './plansStore';
import { missingAssetIds, targetCount } from './planTarget';
import { localDate, siteTimeZone } from './siteTime';

type Method =
  | 'plans.preview'
  | 'plans.describe'
  | 'plans.list'
  | 'plans.get'
  | 'plans.create'
  | 'plans.update'
  | 'plans.delete'
  | 'plans.generate';
type Language = 'zh-CN' | 'en';
type PlanFields = ParsedInputOf<'plans.create'>;

function invalid(path: string, message: string): DeskError {
  return new DeskError('VALIDATION', `${path}: ${message}`, { issues: [{ path, message }] });
}

/** Runs a recurrence call, turning its RuleError into VALIDATION on the field it names. */
function withRule<T>(rulePath: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    const path =
      error.part === 'timeZone' ? 'timeZone' : error.part === 'DTSTART' ? 'start' : rulePath;
    throw invalid(path, error.message);
  }
}

function withRuleOr<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof RuleError) return fallback;
    throw error;
  }
}

function checkZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw invalid('timeZone', `"${zone}" is not an IANA time zone`);
}

function describe(row: PlanRow, language: Language): string {
  if (row.recurrence === 'after_completion') {
    const days = row.interval_days ?? 1;
    return language === 'zh-CN'
      ? `每次完成后 ${days} 天`
      : `${days} day${days === 1 ? '' : 's'} after the last completion`;
  }
  // A rule saved under an older, laxer parser still lists; its text stands in for the words.
  return withRuleOr(() => describeRule(row.rule ?? '', language), row.rule ?? '');
}

/**
 * The next occurrences from now in the plan's zone (up to 5). An after-completion plan has one:
 * the open order's occurrence, or the next one to be ordered.
 */
function upcoming(db: Db, row: PlanRow): string[] {
  if (row.recurrence === 'after_completion') {
    const open = plansSql(db).activeOrders.all(row.id);
    if (open.length > 0) return open.slice(0, 5).map((o) => o.occurrence);
    return [nextAfterCompletion(db, row, localDate(row.time_zone))];
  }
  const from = utcToLocal(nowIso(), row.time_zone);
  return withRuleOr(
    () => occurrences(row.rule ?? '', row.start_local, row.time_zone, { limit: 5, from }),
    [],
  );
}

function toPlan(db: Db, row: PlanRow, language: Language = 'zh-CN'): Plan {
  return {
    ...toPlanBase(row),
    description: describe(row, language),
    upcoming: upcoming(db, row),
    assetCount: targetCount(db, planTarget(row)),
  };
}

function requirePlan(db: Db, id: string): PlanRow {
  const row = plansSql(db).byId.get(id);
  if (!row) throw new DeskError('NOT_FOUND', `No plan with id ${id}`, { id });
  return row;
}

function requireRef(found: unknown, what: string, id: string, path: string): void {
  if (!found) throw new DeskError('NOT_FOUND', `No ${what} with id ${id}`, { id, path });
}

/** Checks a whole plan and turns it into columns; `zone` is the stored zone when updating. */
function toColumns(ctx: Ctx, id: string, fields: PlanFields, zone?: string): PlanColumns {
  const sql = plansSql(ctx.db);
  const other = sql.idByName.get(fields.name);
  if (other && other.id !== id) {
    throw new DeskError('CONFLICT', `A plan named "${fields.name}" already exists`, {
      reason: 'NAME_TAKEN',
      id: other.id,
    });
  }
  let target = fields.target;
  if (target.kind === 'list') {
    target = { kind: 'list', assetIds: [...new Set(target.assetIds)] };
    const missing = missingAssetIds(ctx.db, target.assetIds);
    if (missing.length > 0) {
      throw new DeskError(
        'NOT_FOUND',
        `${missing.length} listed asset(s) are not in the register`,
        {
          ids: missing.slice(0, 20),
          path: 'target.assetIds',
        },
      );
    }
  } else if (target.filter.placeId) {
    const placeId = target.filter.placeId;
    requireRef(sql.placeExists.get(placeId), 'place', placeId, 'target.filter.placeId');
  }
  // Orders are filed at the plan's place, by default the place its filter covers.
  const placeId =
    fields.placeId ?? (target.kind === 'filter' ? (target.filter.placeId ?? null) : null);
  if (fields.placeId)
    requireRef(sql.placeExists.get(fields.placeId), 'place', fields.placeId, 'placeId');
  if (fields.crewId) requireRef(sql.crewExists.get(fields.crewId), 'crew', fields.crewId, 'crewId');
  const timeZone = fields.timeZone ?? zone ?? siteTimeZone(ctx.db, placeId);
  checkZone(timeZone);
  // The start goes through the same strict reader as the expansion (2026-02-30 is refused).
  withRule('start', () => localToUtc(fields.start, timeZone));
  const recurrence = fields.recurrence;
  if (recurrence.kind === 'rrule') {
    withRule('recurrence.rule', () => parseRule(recurrence.rule, timeZone));
  }
  return {
    id,
    name: fields.name,
    active: fields.active ? 1 : 0,
    order_type: fields.orderType,
    category: fields.category,
    priority: fields.priority,
    target_json: JSON.stringify(target),
    place_id: placeId,
    checklist_json: JSON.stringify(fields.checklist),
    crew_id: fields.crewId,
    estimated_hours: fields.estimatedHours,
    lead_days: fields.leadDays,
    recurrence: recurrence.kind === 'rrule' ? 'rrule' : 'after_completion',
    rule: recurrence.kind === 'rrule' ? recurrence.rule : null,
    interval_days: recurrence.kind === 'afterCompletion' ? recurrence.days : null,
    start_local: fields.start,
    time_zone: timeZone,
    notes: fields.notes,
    updated_at: nowIso(),
  };
}

/** The stored plan as create input, so an update is checked exactly like a create. */
function toFields(row: PlanRow): PlanFields {
  const base = toPlanBase(row);
  return {
    name: base.name,
    active: base.active,
    orderType: base.orderType,
    category: base.category,
    priority: base.priority,
    target: base.target,
    placeId: base.placeId,
    checklist: base.checklist,
    crewId: base.crewId,
    estimatedHours: base.estimatedHours,
    leadDays: base.leadDays,
    recurrence: base.recurrence,
    start: base.start,
    notes: base.notes,
  };
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const plansHandlers: Handlers<Method> = {
  'plans.preview': ({ rule, start, timeZone, count }) => {
    checkZone(timeZone);
    return {
      occurrences: withRule('rule', () => occurrences(rule, start, timeZone, { limit: count })),
    };
  },

  'plans.describe': ({ rule, language }) => ({
    description: withRule('rule', () => describeRule(rule, language)),
  }),

  'plans.list': ({ language }, ctx) => ({
    items: plansSql(ctx.db)
      .all.all()
      .map((row) => toPlan(ctx.db, row, language)),
  }),

  'plans.get': ({ id, language }, ctx) => toPlan(ctx.db, requirePlan(ctx.db, id), language),

  'plans.create': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const id = newId();
      plansSql(ctx.db).insert.run(toColumns(ctx, id, input));
      const row = requirePlan(ctx.db, id);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'plan',
        entityId: id,
        action: 'create',
        after: toPlanBase(row),
      });
      return toPlan(ctx.db, row);
    }),

  'plans.update': ({ id, patch }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requirePlan(ctx.db, id);
      const fields: PlanFields = { ...toFields(before), ...definedOnly(patch) };
      plansSql(ctx.db).update.run(toColumns(ctx, id, fields, before.time_zone));
      const after = requirePlan(ctx.db, id);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'plan',
        entityId: id,
        action: 'update',
        before: toPlanBase(before),
        after: toPlanBase(after),
      });
      return toPlan(ctx.db, after);
    }),

  // Its orders stay, unlinked (work_orders.plan_id is ON DELETE SET NULL); its occurrence records
  // go with it.
  'plans.delete': ({ id }, ctx) =>
    inTransaction(ctx.db, () => {
      const before = requirePlan(ctx.db, id);
      plansSql(ctx.db).remove.run(id);
      writeAudit(ctx.db, {
        actor: ctx.actor,
        entity: 'plan',
        entityId: id,
        action: 'delete',
        before: toPlanBase(before),
      });
      return { deleted: true as const };
    }),

  'plans.generate': ({ planId, today }, ctx) => generateDuePlans(ctx, today, planId),
};
