// Writes the demo maintenance history with prepared statements, bypassing the services: thousands
// of backdated orders would otherwise each cost a dispatch, a number lookup and an audit row. The
// rows are what the services would have written at the time: numbers per local year in creation
// order (WO-YYYY-NNNNN, BX-YYYY-NNNNN) with number_counters left at the last one used, a timeline
// event for every transition, the assets each order covers and the plan occurrences it answers.
import { newId, type Db } from '../store/tx';
import { iso, localYear, type Window } from './maintenanceClock';
import { stateAt, type DraftOrder, type DraftRequest, type StateAt } from './maintenanceDraft';
import type { OccurrenceDraft } from './maintenancePlans';
import type { Rng } from './random';

export interface Written {
  id: string;
  draft: DraftOrder;
  state: StateAt;
}

function numberer(series: 'WO' | 'BX') {
  const last = new Map<number, number>();
  return {
    next(at: number): string {
      const year = localYear(at);
      const n = (last.get(year) ?? 0) + 1;
      last.set(year, n);
      return `${series}-${year}-${String(n).padStart(5, '0')}`;
    },
    counters: () => [...last].map(([year, n]) => [`${series}-${year}`, n] as const),
  };
}

function statements(db: Db) {
  return {
    order: db.prepare(
      `INSERT INTO work_orders (id, number, type, category, title, description, place_id, crew_id,
         technician_id, priority, status, held_from, due_date, checklist_json, estimated_hours,
         labour_hours, findings, result, verified_by, new_lamp_type, new_power_w, requester,
         requester_phone, reported_at, plan_id, occurrence, completed_at, closed_at, printed_at,
         printed_by, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // One call per order with the ids as a JSON array: a plan order covers a whole building's
    // fixtures, and one native call per row would double the cost of the history.
    assets: db.prepare(
      `INSERT INTO work_order_assets (work_order_id, asset_id) SELECT ?, value FROM json_each(?)`,
    ),
    event: db.prepare(
      `INSERT INTO work_order_events (id, work_order_id, at, actor, from_status, to_status, note)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    request: db.prepare(
      `INSERT INTO repair_requests (id, number, reported_at, reporter, phone, place_id, asset_id,
         category, description, priority, source, status, work_order_id, created_by, created_at,
         updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    occurrence: db.prepare(
      `INSERT INTO pm_occurrences (plan_id, occurrence, due_date, state, work_order_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    counter: db.prepare('INSERT INTO number_counters (series, last) VALUES (?, ?)'),
  };
}

interface RequestRow {
  req: DraftRequest;
  status: 'new' | 'converted' | 'merged';
  orderId: string | null;
  updatedAt: number;
}

export function writeHistory(
  db: Db,
  rng: Rng,
  drafts: readonly DraftOrder[],
  occurrences: readonly OccurrenceDraft[],
  pending: readonly DraftRequest[],
  w: Window,
): { written: Written[]; counts: Record<string, number> } {
  const s = statements(db);
  const wo = numberer('WO');
  const bx = numberer('BX');
  const ids = new Map<DraftOrder, string>();
  const written: Written[] = [];
  const requests: RequestRow[] = pending.map((req) => ({
    req,
    status: 'new',
    orderId: null,
    updatedAt: req.reportedAt,
  }));
  let events = 0;
  let links = 0;
  // Stable sort: orders created in the same millisecond keep their generation order.
  const inOrder = [...drafts].sort((a, b) => a.createdAt - b.createdAt);
  for (const d of inOrder) {
    if (d.createdAt > w.endMs) {
      // Converted after today: its requests are still waiting in the inbox.
      for (const req of d.requests) {
        if (req.reportedAt <= w.endMs) {
          requests.push({ req, status: 'new', orderId: null, updatedAt: req.reportedAt });
        }
      }
      continue;
    }
    const id = newId();
    ids.set(d, id);
    const st = stateAt(d.steps, w.endMs);
    written.push({ id, draft: d, state: st });
    const done = st.completedAt !== null;
    const verified = st.status === 'verified' || st.status === 'closed';
    const assigned = st.events.find((e) => e.to === 'assigned');
    const printedAt = assigned && rng.chance(0.7) ? assigned.at + rng.int(5, 60) * 60_000 : null;
    const printed = printedAt !== null && printedAt <= w.endMs;
    const last = st.events[st.events.length - 1];
    s.order.run(
      id,
      wo.next(d.createdAt),
      d.type,
      d.category,
      d.title,
      d.description,
      d.placeId,
      d.crewId,
      // Generation assigns a plan's crew only; a technician is named when the work is taken up.
      d.planId !== null && st.startedAt === null ? null : d.technicianId,
      d.priority,
      st.status,
      st.heldFrom,
      d.dueDate,
      JSON.stringify(d.checklist.map((text) => ({ text, done }))),
      d.estimatedHours,
      done ? d.labourHours : null,
      done ? d.findings : '',
      done ? d.result : '',
      verified ? d.verifiedBy : '',
      d.newLampType,
      d.newPowerW,
      d.requester,
      d.requesterPhone,
      iso(d.reportedAt),
      d.planId,
      d.occurrence,
      st.completedAt === null ? null : iso(st.completedAt),
      st.closedAt === null ? null : iso(st.closedAt),
      printed ? iso(printedAt) : null,
      printed ? d.createdBy : null,
      d.createdBy,
      iso(d.createdAt),
      iso(last?.at ?? d.createdAt),
    );
    // In id order, as the services write them: both indexes of work_order_assets then fill in key
    // order, several times faster than code order for a building's hundreds of fixtures.
    if (d.assetIds.length > 0) s.assets.run(id, JSON.stringify([...d.assetIds].sort()));
    links += d.assetIds.length;
    let from: string | null = null;
    for (const e of st.events) {
      s.event.run(newId(), id, iso(e.at), e.actor, from, e.to, e.note);
      from = e.to;
    }
    events += st.events.length;
    for (const [i, req] of d.requests.entries()) {
      if (i === 0) requests.push({ req, status: 'converted', orderId: id, updatedAt: d.createdAt });
      else if (req.mergedAt !== undefined && req.mergedAt <= w.endMs) {
        requests.push({ req, status: 'merged', orderId: id, updatedAt: req.mergedAt });
      } else if (req.reportedAt <= w.endMs) {
        requests.push({ req, status: 'new', orderId: null, updatedAt: req.reportedAt });
      }
    }
  }

  requests.sort((a, b) => a.req.reportedAt - b.req.reportedAt);
  for (const { req, status, orderId, updatedAt } of requests) {
    s.request.run(
      newId(),
      bx.next(req.reportedAt),
      iso(req.reportedAt),
      req.reporter,
      req.phone,
      req.placeId,
      req.assetId,
      req.category,
      req.description,
      req.priority,
      req.source,
      status,
      orderId,
      req.createdBy,
      iso(req.reportedAt),
      iso(updatedAt),
    );
  }

  let occurrenceRows = 0;
  for (const o of occurrences) {
    const orderId = o.order ? ids.get(o.order) : null;
    if (o.state === 'ordered' && !orderId) continue;
    s.occurrence.run(o.planId, o.occurrence, o.dueDate, o.state, orderId ?? null, iso(o.createdAt));
    occurrenceRows += 1;
  }
  for (const [series, n] of [...wo.counters(), ...bx.counters()]) s.counter.run(series, n);

  return {
    written,
    counts: {
      work_orders: written.length,
      repair_requests: requests.length,
      work_order_events: events,
      work_order_assets: links,
      pm_occurrences: occurrenceRows,
    },
  };
}
