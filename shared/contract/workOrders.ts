// Work orders and repair requests (报修): numbers WO-YYYY-NNNNN / BX-YYYY-NNNNN, the lifecycle of
// shared/domain/workOrderTransitions.ts, their assets, checklist, parts, timeline and the views
// (windowed list, calendar, today board, KPIs).
import { z } from 'zod';
import { workOrderStatuses } from '../domain/workOrderTransitions';
import { Id, Name, Notes, patchOf } from './common';
import { LampType, LocalDate } from './assets';
import { Phone } from './crews';
import { PlaceRef } from './places';

export const WorkOrderStatus = z.enum(workOrderStatuses);
export const workOrderTypes = ['corrective', 'preventive', 'inspection'] as const;
export const WorkOrderType = z.enum(workOrderTypes);
export type WorkOrderType = z.infer<typeof WorkOrderType>;
export const categories = [
  'lighting',
  'water_leak',
  'irrigation',
  'electrical',
  'plumbing',
  'building',
  'other',
] as const;
export const Category = z.enum(categories);
export type Category = z.infer<typeof Category>;
export const priorities = ['urgent', 'high', 'normal', 'low'] as const;
export const Priority = z.enum(priorities);
export type Priority = z.infer<typeof Priority>;
export const requestSources = ['phone', 'walk_in', 'patrol', 'leak_alert'] as const;
export const RequestSource = z.enum(requestSources);

export const ChecklistItem = z.object({
  text: z.string().trim().min(1).max(500),
  done: z.boolean().default(false),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;
const Checklist = z.array(ChecklistItem).max(100);

/** A file sent with a request (a photo of the fault), at most 5 MB. */
export const AttachmentInput = z.object({
  name: Name.max(255),
  mime: z.string().max(100).default('application/octet-stream'),
  contentBase64: z.string().max(7_000_000),
});
export const AttachmentInfo = z.object({
  id: Id,
  name: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
});

export const AssetBrief = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  /** Place path, site › building › floor › room. */
  placePath: z.string(),
});
export type AssetBrief = z.infer<typeof AssetBrief>;

/** One row of the list: everything the table and the board show, no sub-lists. */
export const WorkOrderRow = z.object({
  id: Id,
  number: z.string(),
  type: WorkOrderType,
  category: Category,
  title: z.string(),
  status: WorkOrderStatus,
  priority: Priority,
  placeId: Id.nullable(),
  placePath: z.string(),
  crewId: Id.nullable(),
  crewName: z.string().nullable(),
  technicianId: Id.nullable(),
  technicianName: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Due before today (site time zone) and not yet completed. */
  overdue: z.boolean(),
  assetCount: z.number().int(),
  reportedAt: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  planId: Id.nullable(),
  printedAt: z.string().nullable(),
});
export type WorkOrderRow = z.infer<typeof WorkOrderRow>;

export const WorkOrderEvent = z.object({
  id: Id,
  at: z.string(),
  actor: z.string(),
  from: WorkOrderStatus.nullable(),
  to: WorkOrderStatus,
  note: z.string(),
});

export const PartUse = z.object({
  movementId: Id,
  partId: Id,
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  /** Positive: issued to the order (returns are negative). */
  quantity: z.number(),
  at: z.string(),
});

export const WorkOrder = WorkOrderRow.extend({
  description: z.string(),
  checklist: z.array(ChecklistItem),
  estimatedHours: z.number().nullable(),
  labourHours: z.number().nullable(),
  findings: z.string(),
  result: z.string(),
  verifiedBy: z.string(),
  newLampType: LampType.nullable(),
  newPowerW: z.number().nullable(),
  requester: z.string(),
  requesterPhone: z.string(),
  occurrence: z.string().nullable(),
  closedAt: z.string().nullable(),
  printedBy: z.string().nullable(),
  heldFrom: WorkOrderStatus.nullable(),
  place: z.array(PlaceRef),
  assets: z.array(AssetBrief),
  events: z.array(WorkOrderEvent),
  parts: z.array(PartUse),
  attachments: z.array(AttachmentInfo),
  /** Requests that became or were merged into this order. */
  requests: z.array(z.object({ id: Id, number: z.string(), reporter: z.string() })),
  /** The statuses it may move to now. */
  next: z.array(WorkOrderStatus),
});
export type WorkOrder = z.infer<typeof WorkOrder>;

const WorkOrderFields = z.object({
  type: WorkOrderType,
  category: Category.default('other'),
  title: Name,
  description: Notes.default(''),
  placeId: Id.nullable().default(null),
  assetIds: z.array(Id).max(5000).default([]),
  crewId: Id.nullable().default(null),
  technicianId: Id.nullable().default(null),
  priority: Priority.default('normal'),
  dueDate: LocalDate.nullable().default(null),
  checklist: Checklist.default([]),
  estimatedHours: z.number().finite().nonnegative().max(10_000).nullable().default(null),
  newLampType: LampType.nullable().default(null),
  newPowerW: z.number().finite().positive().max(100_000).nullable().default(null),
  requester: z.string().trim().max(100).default(''),
  requesterPhone: Phone.default(''),
});

/** What may change without a transition (and, once completed, only the findings side). */
const WorkOrderPatch = patchOf(
  WorkOrderFields.omit({ type: true }).extend({
    labourHours: z.number().finite().nonnegative().max(10_000).nullable(),
    findings: Notes,
    result: Notes,
    verifiedBy: z.string().trim().max(100),
  }),
).strict();

export const WorkOrderFilter = z.object({
  q: z.string().max(200).optional(),
  statuses: z.array(WorkOrderStatus).max(8).optional(),
  types: z.array(WorkOrderType).max(3).optional(),
  crewId: Id.optional(),
  /** The order's place is this place or anywhere below it. */
  placeId: Id.optional(),
  dueFrom: LocalDate.optional(),
  dueTo: LocalDate.optional(),
  overdue: z.boolean().optional(),
  planId: Id.optional(),
  assetId: Id.optional(),
});
export type WorkOrderFilter = z.infer<typeof WorkOrderFilter>;

export const workOrderSortColumns = [
  'number',
  'title',
  'status',
  'priority',
  'dueDate',
  'crewName',
  'placePath',
  'reportedAt',
  'type',
] as const;

export const RepairRequest = z.object({
  id: Id,
  number: z.string(),
  reportedAt: z.string(),
  reporter: z.string(),
  phone: z.string(),
  placeId: Id.nullable(),
  placePath: z.string(),
  assetId: Id.nullable(),
  asset: AssetBrief.nullable(),
  category: Category,
  description: z.string(),
  priority: Priority,
  source: RequestSource,
  status: z.enum(['new', 'converted', 'merged']),
  workOrderId: Id.nullable(),
  workOrderNumber: z.string().nullable(),
  createdBy: z.string(),
  attachments: z.array(AttachmentInfo),
});
export type RepairRequest = z.infer<typeof RepairRequest>;

const RequestInput = z
  .object({
    reporter: Name.max(100),
    phone: Phone.default(''),
    placeId: Id.nullable().default(null),
    assetId: Id.nullable().default(null),
    category: Category,
    description: Notes.refine((s) => s.trim().length > 0, 'a description is required'),
    priority: Priority.default('normal'),
    source: RequestSource.default('phone'),
    /** When it was reported; now when absent. */
    reportedAt: z.iso.datetime().optional(),
    attachments: z.array(AttachmentInput).max(10).default([]),
  })
  .strict()
  .refine((r) => r.placeId !== null || r.assetId !== null, {
    message: 'a request names a place or an asset (or both)',
    path: ['placeId'],
  });

/** Extra facts the transition needs: completing records the work, verifying names who checked. */
const TransitionInput = z
  .object({
    id: Id,
    to: WorkOrderStatus,
    note: z.string().trim().max(1000).default(''),
    labourHours: z.number().finite().nonnegative().max(10_000).optional(),
    findings: Notes.optional(),
    result: Notes.optional(),
    verifiedBy: z.string().trim().max(100).optional(),
    crewId: Id.optional(),
    technicianId: Id.nullable().optional(),
  })
  .strict();

export const Kpis = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  /** Mean hours from report to completion of corrective orders completed in the last 12 months. */
  mttrHours: z.number().nullable(),
  completedLast12Months: z.number().int(),
  /** Preventive/inspection occurrences due in the last 12 months completed by their due date / due. */
  pmCompliance: z.number().nullable(),
  pmDue: z.number().int(),
  pmOnTime: z.number().int(),
  /** Active orders by age since reported: 0–7, 8–30, 31–90, over 90 days. */
  backlog: z.array(
    z.object({ bucket: z.enum(['0-7', '8-30', '31-90', '90+']), count: z.number() }),
  ),
  requestsNew: z.number().int(),
});
export type Kpis = z.infer<typeof Kpis>;

export const workOrdersMethods = {
  'workOrders.create': { input: WorkOrderFields.strict(), result: WorkOrder },
  'workOrders.get': { input: z.object({ id: Id }).strict(), result: WorkOrder },
  'workOrders.update': {
    input: z.object({ id: Id, patch: WorkOrderPatch }).strict(),
    result: WorkOrder,
  },
  /**
   * Moves an order to another status. Illegal moves are refused with CONFLICT naming both states.
   * Completing a lamp replacement updates every fixture covered in the same transaction.
   */
  'workOrders.transition': { input: TransitionInput, result: WorkOrder },
  'workOrders.query': {
    input: z
      .object({
        filter: WorkOrderFilter.default({}),
        sort: z
          .object({ column: z.enum(workOrderSortColumns), direction: z.enum(['asc', 'desc']) })
          .default({ column: 'dueDate', direction: 'asc' }),
        offset: z.number().int().nonnegative().max(10_000_000).default(0),
        limit: z.number().int().positive().max(500).default(100),
      })
      .strict(),
    result: z.object({ items: z.array(WorkOrderRow), total: z.number().int() }),
  },
  /** Due work per local day in [from, to] (at most 62 days), for the month and week calendars. */
  'workOrders.calendar': {
    input: z
      .object({
        from: LocalDate,
        to: LocalDate,
        crewId: Id.optional(),
        includeDone: z.boolean().default(false),
      })
      .strict(),
    result: z.object({
      days: z.array(
        z.object({
          date: z.string(),
          total: z.number().int(),
          overdue: z.number().int(),
          items: z.array(WorkOrderRow),
        }),
      ),
    }),
  },
  /** The "today" board: each active crew's orders due by the day (overdue first), and unassigned. */
  'workOrders.board': {
    input: z.object({ date: LocalDate.optional() }).strict(),
    result: z.object({
      date: z.string(),
      crews: z.array(
        z.object({
          crewId: Id.nullable(),
          crewName: z.string().nullable(),
          items: z.array(WorkOrderRow),
        }),
      ),
    }),
  },
  'workOrders.kpis': { input: z.object({}).strict(), result: Kpis },
  // workOrders.markPrinted, printData and prints: workOrderPrint.ts.
  'workOrders.attachment': {
    input: z.object({ id: Id }).strict(),
    result: AttachmentInfo.extend({ contentBase64: z.string() }),
  },
} as const;

export const requestsMethods = {
  'requests.create': { input: RequestInput, result: RepairRequest },
  'requests.list': {
    input: z
      .object({
        status: z.enum(['new', 'converted', 'merged']).optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(500).default(100),
      })
      .strict(),
    result: z.object({ items: z.array(RepairRequest), total: z.number().int() }),
  },
  'requests.get': { input: z.object({ id: Id }).strict(), result: RepairRequest },
  /** Open (active) orders that already cover the request's asset or place: candidates to merge into. */
  'requests.openOrdersFor': {
    input: z.object({ assetId: Id.nullable(), placeId: Id.nullable() }).strict(),
    result: z.object({ items: z.array(WorkOrderRow) }),
  },
  /**
   * Turns a new request into a work order in one step: title from the description, the request's
   * place, asset, priority, category, reporter and attachments; optional overrides.
   */
  'requests.convert': {
    input: z
      .object({
        id: Id,
        title: Name.optional(),
        crewId: Id.nullable().optional(),
        dueDate: LocalDate.nullable().optional(),
      })
      .strict(),
    result: WorkOrder,
  },
  /** Adds a new request to an active order: its asset, text and attachments carry over. */
  'requests.merge': {
    input: z.object({ id: Id, workOrderId: Id }).strict(),
    result: WorkOrder,
  },
} as const;
