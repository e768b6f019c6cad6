// Spare parts (备品备件): items with stock on hand and a reorder point, and every movement —
// receipts, issues to work orders, returns and deliberate adjustments (the only way stock may be
// corrected downwards past what was issued; each is logged with its reason).
import { z } from 'zod';
import { Id, Name, Notes, patchOf } from './common';

const Quantity = z.number().finite().positive().max(1e9);
/** A movement's note or an adjustment's reason; SQLite would cut text short at a NUL. */
const MovementNote = z
  .string()
  .trim()
  .max(500)
  .refine((s) => !s.includes('\u0000'), 'must not contain a NUL character');

export const Part = z.object({
  id: Id,
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  onHand: z.number(),
  reorderPoint: z.number(),
  storagePlaceId: Id.nullable(),
  storagePlacePath: z.string(),
  storageNote: z.string(),
  notes: z.string(),
  /** At or below the reorder point. */
  belowReorder: z.boolean(),
});
export type Part = z.infer<typeof Part>;

export const PartMovement = z.object({
  id: Id,
  partId: Id,
  at: z.string(),
  kind: z.enum(['receipt', 'issue', 'return', 'adjustment']),
  quantity: z.number(),
  workOrderId: Id.nullable(),
  workOrderNumber: z.string().nullable(),
  actor: z.string(),
  note: z.string(),
});
export type PartMovement = z.infer<typeof PartMovement>;

const PartInput = z.object({
  name: Name,
  spec: z.string().trim().max(200).default(''),
  unit: z.string().trim().min(1).max(20),
  reorderPoint: z.number().finite().nonnegative().max(1e9).default(0),
  storagePlaceId: Id.nullable().default(null),
  storageNote: z.string().trim().max(200).default(''),
  notes: Notes.default(''),
});

export const partsMethods = {
  'parts.list': {
    input: z
      .object({
        q: z.string().max(200).optional(),
        belowReorder: z.boolean().optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(500).default(200),
      })
      .strict(),
    result: z.object({ items: z.array(Part), total: z.number().int() }),
  },
  'parts.create': {
    input: PartInput.extend({
      /** Opening stock, recorded as a receipt. */
      onHand: z.number().finite().nonnegative().max(1e9).default(0),
    }).strict(),
    result: Part,
  },
  'parts.update': {
    input: z.object({ id: Id, patch: patchOf(PartInput).strict() }).strict(),
    result: Part,
  },
  'parts.receive': {
    input: z.object({ partId: Id, quantity: Quantity, note: MovementNote.default('') }).strict(),
    result: z.object({ part: Part, movement: PartMovement }),
  },
  /** Issues stock to a work order; refused with CONFLICT when it would take stock below zero. */
  'parts.issue': {
    input: z
      .object({
        partId: Id,
        workOrderId: Id,
        quantity: Quantity,
        note: MovementNote.default(''),
      })
      .strict(),
    result: z.object({ part: Part, movement: PartMovement }),
  },
  /** Unused parts back from a work order (at most what was issued to it). */
  'parts.return': {
    input: z
      .object({
        partId: Id,
        workOrderId: Id,
        quantity: Quantity,
        note: MovementNote.default(''),
      })
      .strict(),
    result: z.object({ part: Part, movement: PartMovement }),
  },
  /** Sets the counted stock; the difference is logged as an adjustment with its reason. */
  'parts.adjust': {
    input: z
      .object({
        partId: Id,
        countedOnHand: z.number().finite().nonnegative().max(1e9),
        reason: MovementNote.min(1),
      })
      .strict(),
    result: z.object({ part: Part, movement: PartMovement.nullable() }),
  },
  'parts.movements': {
    input: z
      .object({
        partId: Id.optional(),
        workOrderId: Id.optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(500).default(100),
      })
      .strict(),
    result: z.object({ items: z.array(PartMovement), total: z.number().int() }),
  },
  /** Parts at or below their reorder point, with how many to order to get back above it. */
  'parts.reorderList': {
    input: z.object({}).strict(),
    result: z.object({
      items: z.array(Part.extend({ suggestedOrder: z.number() })),
    }),
  },
} as const;
