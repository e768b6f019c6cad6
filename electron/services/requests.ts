// Handlers of repair requests (报修): record one with its photos, list and read them, find the open
// orders it may belong to, and turn it into a work order or merge it into an open one.
import type { ParsedInputOf } from '../../shared/contract';
import type { RepairRequest } from '../../shared/contract/workOrders';
import { DeskError, type FieldIssue } from '../../shared/contract/errors';
import { isActive } from '../../shared/domain/workOrderTransitions';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, newId, nowIso, writeAudit, type Db } from '../store/tx';
import { PLACE_LABEL } from './assetsStore';
import { nextNumber } from './numbering';
import { localYear, siteTimeZone } from './siteTime';
import { insertWorkOrder } from './workOrderCreate';
import { openOrdersAt } from './workOrderQuery';
import {
  assertAssignment,
  assetBriefs,
  attachmentsOf,
  invalid,
  readOrder,
  requireOrderRow,
} from './workOrdersStore';

type Method =
  | 'requests.create'
  | 'requests.list'
  | 'requests.get'
  | 'requests.openOrdersFor'
  | 'requests.convert'
  | 'requests.merge';

const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** Clocks of two PCs differ a little; a report hours ahead is a typing mistake. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;
const TITLE_MAX = 60;

interface RequestRow {
  id: string;
  number: string;
  reported_at: string;
  reporter: string;
  phone: string;
  place_id: string | null;
  place_path: string | null;
  asset_id: string | null;
  category: RepairRequest['category'];
  description: string;
  priority: RepairRequest['priority'];
  source: RepairRequest['source'];
  status: RepairRequest['status'];
  work_order_id: string | null;
  work_order_number: string | null;
  created_by: string;
}

const REQUEST_SELECT = `SELECT r.*, ${PLACE_LABEL} AS place_path, w.number AS work_order_number
  FROM repair_requests r
  LEFT JOIN places p1 ON p1.id = r.place_id
  LEFT JOIN places p2 ON p2.id = p1.parent_id
  LEFT JOIN places p3 ON p3.id = p2.parent_id
  LEFT JOIN work_orders w ON w.id = r.work_order_id`;

function toRequest(db: Db, r: RequestRow): RepairRequest {
  return {
    id: r.id,
    number: r.number,
    reportedAt: r.reported_at,
    reporter: r.reporter,
    phone: r.phone,
    placeId: r.place_id,
    placePath: r.place_path ?? '',
    assetId: r.asset_id,
    asset: r.asset_id ? (assetBriefs(db, [r.asset_id])[0] ?? null) : null,
    category: r.category,
    description: r.description,
    priority: r.priority,
    source: r.source,
    status: r.status,
    workOrderId: r.work_order_id,
    workOrderNumber: r.work_order_number,
    createdBy: r.created_by,
    attachments: attachmentsOf(db, 'request_id', r.id),
  };
}

function requireRequest(db: Db, id: string): RequestRow {
  const row = prepared(db, `${REQUEST_SELECT} WHERE r.id = ?`).get(id) as RequestRow | undefined;
  if (!row) throw new DeskError('NOT_FOUND', `No repair request with id ${id}`, { id });
  return row;
}

function requireNew(r: RequestRow): void {
  if (r.status === 'new') return;
  throw new DeskError(
    'CONFLICT',
    `报修 ${r.number} 已${r.status === 'converted' ? '转为' : '并入'}工单 ${r.work_order_number ?? ''}；` +
      `request ${r.number} is already ${r.status}`,
    { status: r.status, workOrderId: r.work_order_id },
  );
}

interface DecodedFile {
  name: string;
  mime: string;
  content: Buffer;
}

/** Decodes every file first, so a bad one refuses the request before anything is written. */
function decodeAttachments(files: ParsedInputOf<'requests.create'>['attachments']): DecodedFile[] {
  const issues: FieldIssue[] = [];
  const decoded = files.map((file, i) => {
    const path = `attachments.${i}.contentBase64`;
    const text = file.contentBase64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) {
      issues.push({ path, message: 'not valid base64' });
    }
    const content = Buffer.from(text, 'base64');
    if (content.length === 0) issues.push({ path, message: 'the file is empty' });
    if (content.length > MAX_ATTACHMENT_BYTES) {
      issues.push({ path, message: `larger than 5 MB (${content.length} bytes)` });
    }
    return { name: file.name, mime: file.mime, content };
  });
  if (issues.length > 0) {
    throw new DeskError('VALIDATION', `Invalid attachment: ${issues[0]?.message}`, { issues });
  }
  return decoded;
}

function reportedAtOf(given: string | undefined, now: string): string {
  if (given === undefined) return now;
  const at = new Date(given);
  if (at.getTime() > Date.now() + FUTURE_SLACK_MS) {
    throw invalid('reportedAt', 'a request cannot be reported in the future');
  }
  // One spelling of instants (toISOString), so they compare as text with every other one.
  return at.toISOString();
}

function createRequest(ctx: Ctx, input: ParsedInputOf<'requests.create'>): RepairRequest {
  let placeId = input.placeId;
  if (input.assetId !== null) {
    const asset = prepared(ctx.db, 'SELECT place_id FROM assets WHERE id = ?').get(
      input.assetId,
    ) as { place_id: string | null } | undefined;
    if (!asset) {
      throw new DeskError('NOT_FOUND', `No asset with id ${input.assetId}`, { id: input.assetId });
    }
    placeId ??= asset.place_id;
  }
  if (placeId !== null && !prepared(ctx.db, 'SELECT 1 FROM places WHERE id = ?').get(placeId)) {
    throw new DeskError('NOT_FOUND', `No place with id ${placeId}`, { id: placeId });
  }
  const files = decodeAttachments(input.attachments);
  const now = nowIso();
  const reportedAt = reportedAtOf(input.reportedAt, now);
  const id = newId();
  const number = nextNumber(ctx.db, 'BX', localYear(siteTimeZone(ctx.db, placeId)));
  const description = input.description.trim();
  prepared(
    ctx.db,
    `INSERT INTO repair_requests (id, number, reported_at, reporter, phone, place_id, asset_id,
       category, description, priority, source, status, created_by, created_at, updated_at)
     VALUES (@id, @number, @reportedAt, @reporter, @phone, @placeId, @assetId, @category,
       @description, @priority, @source, 'new', @actor, @now, @now)`,
  ).run({ ...input, id, number, reportedAt, placeId, description, actor: ctx.actor, now });
  const insertFile = prepared(
    ctx.db,
    `INSERT INTO attachments (id, request_id, name, mime, bytes, content, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of files) {
    insertFile.run(newId(), id, f.name, f.mime, f.content.length, f.content, now);
  }
  const { asset: _asset, attachments, ...fields } = toRequest(ctx.db, requireRequest(ctx.db, id));
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'repair_request',
    entityId: id,
    action: 'create',
    after: { ...fields, attachments: attachments.map((a) => a.name) },
  });
  return toRequest(ctx.db, requireRequest(ctx.db, id));
}

/** The first non-empty line of the description, cut to 60 characters. */
export function titleFrom(description: string): string {
  const line = description.split(/\r?\n/).find((l) => l.trim() !== '') ?? description;
  const chars = [...line.trim()];
  return chars.length <= TITLE_MAX ? chars.join('') : `${chars.slice(0, TITLE_MAX - 1).join('')}…`;
}

/** The request now belongs to the order: its status, its files, and its audit entry. */
function linkRequest(ctx: Ctx, r: RequestRow, orderId: string, status: 'converted' | 'merged') {
  prepared(ctx.db, 'UPDATE attachments SET work_order_id = ? WHERE request_id = ?').run(
    orderId,
    r.id,
  );
  prepared(
    ctx.db,
    'UPDATE repair_requests SET status = ?, work_order_id = ?, updated_at = ? WHERE id = ?',
  ).run(status, orderId, nowIso(), r.id);
  const number = requireOrderRow(ctx.db, orderId).number;
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'repair_request',
    entityId: r.id,
    action: 'update',
    before: { number: r.number, status: r.status, workOrderNumber: null },
    after: { number: r.number, status, workOrderNumber: number },
    note: `${status === 'converted' ? '转为工单' : '并入工单'} ${number}`,
  });
}

function mergeRequest(ctx: Ctx, id: string, workOrderId: string) {
  const r = requireRequest(ctx.db, id);
  requireNew(r);
  const order = requireOrderRow(ctx.db, workOrderId);
  if (!isActive(order.status)) {
    throw new DeskError(
      'CONFLICT',
      `工单 ${order.number} 已不在处理中，不能并入报修；a request merges into an active order only (${order.number} is ${order.status})`,
      { status: order.status },
    );
  }
  const assetsBefore = order.asset_count;
  if (r.asset_id) {
    prepared(
      ctx.db,
      'INSERT OR IGNORE INTO work_order_assets (work_order_id, asset_id) VALUES (?, ?)',
    ).run(order.id, r.asset_id);
  }
  const tag = [r.number, r.reporter, r.phone].filter((s) => s !== '').join(' ');
  const text = `[${tag}] ${r.description}`;
  const description = order.description ? `${order.description}\n\n${text}` : text;
  const now = nowIso();
  prepared(ctx.db, 'UPDATE work_orders SET description = ?, updated_at = ? WHERE id = ?').run(
    description,
    now,
    order.id,
  );
  const note = `合并报修 ${r.number}（${r.reporter}）`;
  prepared(
    ctx.db,
    `INSERT INTO work_order_events (id, work_order_id, at, actor, from_status, to_status, note)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), order.id, now, ctx.actor, order.status, order.status, note);
  linkRequest(ctx, r, order.id, 'merged');
  const after = readOrder(ctx.db, order.id);
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'work_order',
    entityId: order.id,
    action: 'update',
    before: { number: order.number, description: order.description, assets: assetsBefore },
    after: { number: order.number, description, assets: after.assets.length },
    note,
  });
  return after;
}

export const requestsHandlers: Handlers<Method> = {
  'requests.create': (input, ctx) => inTransaction(ctx.db, () => createRequest(ctx, input)),

  'requests.list': ({ status, offset, limit }, ctx) => {
    const where = status ? 'WHERE r.status = ?' : '';
    const params = status ? [status] : [];
    const total = (
      prepared(ctx.db, `SELECT count(*) AS n FROM repair_requests r ${where}`).get(...params) as {
        n: number;
      }
    ).n;
    const rows = prepared(
      ctx.db,
      `${REQUEST_SELECT} ${where} ORDER BY r.reported_at DESC, r.id DESC LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as RequestRow[];
    return { items: rows.map((r) => toRequest(ctx.db, r)), total };
  },

  'requests.get': ({ id }, ctx) => toRequest(ctx.db, requireRequest(ctx.db, id)),

  'requests.openOrdersFor': ({ assetId, placeId }, ctx) => ({
    items: openOrdersAt(ctx.db, assetId, placeId),
  }),

  'requests.convert': (input, ctx) =>
    inTransaction(ctx.db, () => {
      const r = requireRequest(ctx.db, input.id);
      requireNew(r);
      assertAssignment(ctx.db, { crewId: input.crewId ?? null, technicianId: null });
      const { id } = insertWorkOrder(ctx, {
        type: 'corrective',
        category: r.category,
        title: input.title ?? titleFrom(r.description),
        description: r.description,
        placeId: r.place_id,
        assetIds: r.asset_id ? [r.asset_id] : [],
        crewId: input.crewId ?? null,
        technicianId: null,
        priority: r.priority,
        dueDate: input.dueDate ?? null,
        checklist: [],
        estimatedHours: null,
        newLampType: null,
        newPowerW: null,
        requester: r.reporter,
        requesterPhone: r.phone,
        // Mean time to repair runs from the report, not from the paperwork.
        reportedAt: r.reported_at,
        note: `报修转工单 ${r.number}`,
      });
      linkRequest(ctx, r, id, 'converted');
      return readOrder(ctx.db, id);
    }),

  'requests.merge': ({ id, workOrderId }, ctx) =>
    inTransaction(ctx.db, () => mergeRequest(ctx, id, workOrderId)),
};
