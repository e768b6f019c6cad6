// Preventive-maintenance plans: a target (a saved asset filter, re-evaluated at each generation, or
// an explicit list), a checklist, crew, hours, lead days and a recurrence (an RFC 5545 RRULE subset
// expanded in the site's time zone, or "N days after the last completion"); the rule preview; and
// generation of work orders, idempotent per plan occurrence.
import { z } from 'zod';
import { Id, Name, Notes, patchOf } from './common';
import { AssetFilter } from './assets';
import { Category, ChecklistItem, Priority } from './workOrders';

/** Local wall-clock time, YYYY-MM-DDTHH:mm. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected a local time as YYYY-MM-DDTHH:mm');

export const TimeZone = z.string().min(1).max(64);

export const PlanTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('filter'), filter: AssetFilter }),
  z.object({ kind: z.literal('list'), assetIds: z.array(Id).min(1).max(5000) }),
]);
export type PlanTarget = z.infer<typeof PlanTarget>;

export const PlanRecurrence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rrule'), rule: z.string().trim().min(6).max(500) }),
  z.object({ kind: z.literal('afterCompletion'), days: z.number().int().min(1).max(3660) }),
]);
export type PlanRecurrence = z.infer<typeof PlanRecurrence>;

export const Plan = z.object({
  id: Id,
  name: z.string(),
  active: z.boolean(),
  orderType: z.enum(['preventive', 'inspection']),
  category: Category,
  priority: Priority,
  target: PlanTarget,
  placeId: Id.nullable(),
  checklist: z.array(ChecklistItem),
  crewId: Id.nullable(),
  crewName: z.string().nullable(),
  estimatedHours: z.number().nullable(),
  leadDays: z.number().int(),
  recurrence: PlanRecurrence,
  start: z.string(),
  timeZone: z.string(),
  notes: z.string(),
  /** Plain-language rule in the requested language. */
  description: z.string(),
  /** The next occurrences from now (up to 5), local time. */
  upcoming: z.array(z.string()),
  /** How many assets the target covers today. */
  assetCount: z.number().int(),
  openOrders: z.number().int(),
});
export type Plan = z.infer<typeof Plan>;

const PlanInput = z.object({
  name: Name,
  active: z.boolean().default(true),
  orderType: z.enum(['preventive', 'inspection']).default('inspection'),
  category: Category.default('other'),
  priority: Priority.default('normal'),
  target: PlanTarget,
  /** Where the orders are filed (and whose time zone the rule uses); the filter's place by default. */
  placeId: Id.nullable().default(null),
  checklist: z.array(ChecklistItem).max(100).default([]),
  crewId: Id.nullable().default(null),
  estimatedHours: z.number().finite().nonnegative().max(10_000).nullable().default(null),
  leadDays: z.number().int().min(0).max(366).default(7),
  recurrence: PlanRecurrence,
  start: LocalDateTime,
  /** IANA zone; the site's zone (or Asia/Shanghai) when absent. */
  timeZone: TimeZone.optional(),
  notes: Notes.default(''),
});

export const plansMethods = {
  /**
   * Expands a rule for the editor and for scripts: occurrences in local time from `start` (itself
   * one only when it matches the rule).
   */
  'plans.preview': {
    input: z
      .object({
        rule: z.string().trim().min(6).max(500),
        start: LocalDateTime,
        timeZone: TimeZone,
        count: z.number().int().min(1).max(500).default(10),
      })
      .strict(),
    result: z.object({ occurrences: z.array(z.string()) }),
  },
  /** The rule in words, for the editor ('每 3 个月的第一个星期一'). */
  'plans.describe': {
    input: z
      .object({ rule: z.string().trim().min(6).max(500), language: z.enum(['zh-CN', 'en']) })
      .strict(),
    result: z.object({ description: z.string() }),
  },
  'plans.list': {
    input: z.object({ language: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict(),
    result: z.object({ items: z.array(Plan) }),
  },
  'plans.get': {
    input: z.object({ id: Id, language: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict(),
    result: Plan,
  },
  'plans.create': { input: PlanInput.strict(), result: Plan },
  'plans.update': {
    input: z.object({ id: Id, patch: patchOf(PlanInput).strict() }).strict(),
    result: Plan,
  },
  /** Deletes a plan; its orders stay (no longer linked). */
  'plans.delete': {
    input: z.object({ id: Id }).strict(),
    result: z.object({ deleted: z.literal(true) }),
  },
  /**
   * Creates the work orders of every active plan (or one) whose occurrences fall within their lead
   * window up to `today` (the site's today when absent). Idempotent; after a gap, occurrences already
   * past their due date are recorded as missed and only the latest of them is ordered, marked overdue.
   */
  'plans.generate': {
    input: z
      .object({
        planId: Id.optional(),
        today: z
          .string()
          .refine(
            (s) =>
              /^(19[7-9]\d|20\d\d)-\d{2}-\d{2}$/.test(s) &&
              new Date(Date.parse(`${s}T00:00:00Z`) || 0).toISOString().startsWith(s),
            'expected a real date YYYY-MM-DD, 1970–2099',
          )
          .optional(),
      })
      .strict(),
    result: z.object({
      created: z.number().int(),
      overdue: z.number().int(),
      missed: z.number().int(),
      plans: z.number().int(),
      orders: z.array(z.object({ id: Id, number: z.string(), planId: Id, occurrence: z.string() })),
    }),
  },
} as const;
