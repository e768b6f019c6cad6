// Methods of the audit trail: a filtered, paged list of who changed what and when (newest first),
// one entry with its whole before/after snapshots, a CSV export of what a filter selects, and the
// distinct operators and object types for the filter's dropdowns.
import { z } from 'zod';
import { Id, TimeZone } from './common';
import { SheetLanguage } from './assetTransfer';

export const auditActions = ['create', 'update', 'delete'] as const;
export const AuditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * A bound of the time filter: a calendar day (YYYY-MM-DD, a whole UTC day) or an instant with its
 * offset. The renderer sends instants, so a person's local day means their local midnight.
 */
const TimeBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const AuditFilter = z.object({
  /** The kind of object: 'place', 'asset', 'import'… */
  entity: z.string().trim().min(1).max(40).optional(),
  entityId: Id.optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  action: AuditAction.optional(),
  /** Inclusive. */
  from: TimeBound.optional(),
  /** Exclusive for an instant; a bare date includes that whole day. */
  to: TimeBound.optional(),
  /** Part of the note or of the object's id. */
  q: z.string().max(200).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditChange = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditItem = z.object({
  id: z.string(),
  /** UTC instant, ISO-8601. */
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: AuditAction,
  /** The object's code and name (or an import's file name) from its snapshot, to tell which one. */
  label: z.string().nullable(),
  note: z.string().nullable(),
  /** Field by field, without bookkeeping fields (timestamps, counts); see services/history.ts. */
  changes: z.array(AuditChange),
});
export type AuditItem = z.infer<typeof AuditItem>;

/** Rows one export may hold; more than this and the filter should be narrowed first. */
export const maxAuditExportRows = 200_000;

export const auditMethods = {
  'audit.list': {
    input: AuditFilter.extend({
      offset: z.number().int().nonnegative().max(10_000_000).default(0),
      limit: z.number().int().positive().max(500).default(50),
    }),
    result: z.object({ items: z.array(AuditItem), total: z.number().int() }),
  },
  /** One entry with the full snapshots the list's changes were computed from. */
  'audit.get': {
    input: z.object({ id: Id }),
    result: AuditItem.extend({ before: z.unknown(), after: z.unknown() }),
  },
  'audit.export': {
    input: AuditFilter.extend({
      language: SheetLanguage,
      /** Zone the times are written in; the renderer sends its own. */
      timeZone: TimeZone.default('Asia/Shanghai'),
    }),
    result: z.object({
      fileName: z.string(),
      contentBase64: z.string(),
      rows: z.number().int().nonnegative(),
    }),
  },
  'audit.facets': {
    input: z.object({}).strict(),
    result: z.object({ actors: z.array(z.string()), entities: z.array(z.string()) }),
  },
} as const;
