// Printed work orders: what a print sheet needs for a batch (a selection, or one crew's open orders
// due by a day) in walking-route order, marking orders printed with a log of every print, and that
// log per order for its timeline. The sheets themselves are laid out by the renderer's print route.
import { z } from 'zod';
import { LocalDate } from './assets';
import { Id } from './common';
import { PlaceRef } from './places';
import {
  AssetBrief,
  Category,
  ChecklistItem,
  Priority,
  WorkOrderStatus,
  WorkOrderType,
} from './workOrders';

/** One A4 portrait sheet per page, or two A5 portrait sheets side by side on A4 landscape. */
export const printLayouts = ['a4', 'a5x2'] as const;
export const PrintLayout = z.enum(printLayouts);
export type PrintLayout = z.infer<typeof PrintLayout>;

/** Where a print went: a printer (through the system or browser dialog) or a PDF file. */
export const printOutputs = ['printer', 'pdf'] as const;
export const PrintOutput = z.enum(printOutputs);
export type PrintOutput = z.infer<typeof PrintOutput>;

/** A morning's batch for a whole campus is a few hundred orders; more is a mistake, not a batch. */
export const MAX_PRINT_ORDERS = 1000;
/** Copies of each order (one for the crew, one for the office, one for the requester…). */
export const MAX_PRINT_COPIES = 5;

/** The orders to print: picked ones, or a crew's open orders due on or before a local day. */
export const PrintBatch = z.union([
  z.object({ ids: z.array(Id).min(1).max(MAX_PRINT_ORDERS) }).strict(),
  z.object({ crewId: Id, dueBy: LocalDate }).strict(),
]);
export type PrintBatch = z.infer<typeof PrintBatch>;

/** Everything one sheet shows about an order. */
export const PrintOrder = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  type: WorkOrderType,
  category: Category,
  priority: Priority,
  status: WorkOrderStatus,
  reportedAt: z.string(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  /** Site › building › floor › room (empty when the order names no place). */
  place: z.array(PlaceRef),
  crewName: z.string().nullable(),
  technicianName: z.string().nullable(),
  requester: z.string(),
  requesterPhone: z.string(),
  description: z.string(),
  checklist: z.array(ChecklistItem),
  estimatedHours: z.number().nullable(),
  /** In walking-route order, like the orders themselves. */
  assets: z.array(AssetBrief),
  printedAt: z.string().nullable(),
  printedBy: z.string().nullable(),
});
export type PrintOrder = z.infer<typeof PrintOrder>;

export const PrintData = z.object({
  /** From Settings; the sheet falls back to the order's site name when it is empty… */
  organisationName: z.string(),
  /** …and to the first site's name for an order with no place. */
  siteName: z.string(),
  logoDataUrl: z.string().nullable(),
  /** Zone the sheet shows instants in (the first site's). */
  timeZone: z.string(),
  generatedAt: z.string(),
  /** Orders the batch matched; more than `orders` holds when a crew's batch exceeds the limit. */
  total: z.number().int(),
  /** Sorted by site, building, floor and room (a walking route), then due date and number. */
  orders: z.array(PrintOrder),
});
export type PrintData = z.infer<typeof PrintData>;

export const PrintRecord = z.object({
  at: z.string(),
  actor: z.string(),
  copies: z.number().int(),
  layout: PrintLayout,
  output: PrintOutput,
});
export type PrintRecord = z.infer<typeof PrintRecord>;

export const workOrdersPrintMethods = {
  /** The sheets' data for a batch; unknown ids are left out. Reads only. */
  'workOrders.printData': { input: PrintBatch, result: PrintData },
  /**
   * Marks orders as printed (when, by whom) without touching their status, and logs the print
   * (copies, layout, printer or PDF) for each order's timeline; unknown ids are left out.
   */
  'workOrders.markPrinted': {
    input: z
      .object({
        ids: z.array(Id).min(1).max(10_000),
        copies: z.number().int().min(1).max(MAX_PRINT_COPIES).default(1),
        layout: PrintLayout.default('a4'),
        output: PrintOutput.default('printer'),
      })
      .strict(),
    result: z.object({ updated: z.number().int(), printedAt: z.string() }),
  },
  /** Every print of one order, oldest first. */
  'workOrders.prints': {
    input: z.object({ id: Id }).strict(),
    result: z.object({ items: z.array(PrintRecord) }),
  },
} as const;
