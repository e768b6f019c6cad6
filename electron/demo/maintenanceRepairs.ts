// Demo repairs that start as repair requests (报修): leaks, plumbing, irrigation, electrical and
// building faults reported by phone, at the counter, on patrol or by a leak alert, converted into
// work orders by the office; a tenth of leak reports are duplicates merged into the first order.
// Also the handful of requests taken in the last day that nobody has converted yet.
import { DAY, hours, instantInYear, localDay } from './maintenanceClock';
import {
  correctiveTiming,
  dueDays,
  type DraftOrder,
  type DraftRequest,
  type PartNeed,
} from './maintenanceDraft';
import type { Located } from './maintenanceInventory';
import { conversionTime, type SiteCtx } from './maintenanceLighting';
import { phoneNumber, repairKinds, reporterName, type RepairKind } from './maintenanceText';
import type { Rng } from './random';

const priorities: Record<string, readonly [string, number][]> = {
  water_leak: [
    ['urgent', 0.3],
    ['high', 0.6],
    ['normal', 0.1],
  ],
  plumbing: [
    ['high', 0.2],
    ['normal', 0.7],
    ['low', 0.1],
  ],
  irrigation: [
    ['high', 0.4],
    ['normal', 0.6],
  ],
  electrical: [
    ['high', 0.3],
    ['normal', 0.7],
  ],
  building: [
    ['normal', 0.6],
    ['low', 0.4],
  ],
};

const workHours: Record<string, [number, number]> = {
  water_leak: [1, 4],
  plumbing: [0.5, 2],
  irrigation: [0.5, 3],
  electrical: [0.5, 2],
  building: [0.5, 3],
};

function weighted(rng: Rng, options: readonly [string, number][]): string {
  let r = rng.next();
  for (const [value, p] of options) {
    r -= p;
    if (r < 0) return value;
  }
  return options[options.length - 1]?.[0] ?? 'normal';
}

function sourceFor(rng: Rng, kind: RepairKind): DraftRequest['source'] {
  if (kind.asset === 'pipe_segment') return rng.chance(0.3) ? 'leak_alert' : 'patrol';
  const r = rng.next();
  return r < 0.6 ? 'phone' : r < 0.88 ? 'walk_in' : 'patrol';
}

interface Where {
  placeId: string;
  assetId: string | null;
  label: string;
}

function where(c: SiteCtx, kind: RepairKind): Where {
  const { rng, site } = c;
  const pool: readonly Located[] =
    kind.asset === 'zone' ? site.zones : kind.asset ? (site.equipment[kind.asset] ?? []) : [];
  if (pool.length > 0) {
    const asset = rng.pick(pool);
    return { placeId: asset.placeId, assetId: asset.id, label: `${asset.name}：` };
  }
  const room = rng.pick(site.rooms);
  return { placeId: room.id, assetId: null, label: `${room.label}：` };
}

function request(
  c: SiteCtx,
  kind: RepairKind,
  reportedAt: number,
  dispatcher: string,
): DraftRequest {
  const { rng } = c;
  const at = where(c, kind);
  const source = sourceFor(rng, kind);
  return {
    reportedAt,
    reporter: reporterName(rng, source),
    phone: source === 'phone' || source === 'walk_in' ? phoneNumber(rng) : '',
    source,
    category: kind.category,
    description: `${at.label}${rng.pick(kind.faults)}`,
    priority: weighted(rng, priorities[kind.category] ?? []),
    placeId: at.placeId,
    assetId: at.assetId,
    createdBy: dispatcher,
  };
}

function partsFor(rng: Rng, kind: RepairKind): PartNeed[] {
  const needs: PartNeed[] = [];
  for (const [key, chance, min, max] of kind.parts) {
    if (rng.chance(chance)) needs.push({ key, quantity: rng.int(min, max) });
  }
  return needs;
}

export function repairOrders(c: SiteCtx): DraftOrder[] {
  const { rng, staff, window: w } = c;
  const orders: DraftOrder[] = [];
  for (let year = w.firstYear; year <= w.lastYear; year += 1) {
    for (const kind of repairKinds) {
      const n = Math.round(kind.perYear * (0.85 + rng.next() * 0.3));
      for (let i = 0; i < n; i += 1) {
        const dispatcher = rng.pick(staff.dispatchers);
        const first = request(c, kind, instantInYear(rng, year, kind.months), dispatcher);
        const requests = [first];
        const createdAt =
          first.priority === 'urgent'
            ? first.reportedAt + rng.int(2, 15) * 60_000
            : conversionTime(rng, first.reportedAt);
        if (kind.category === 'water_leak' && rng.chance(0.1)) {
          const reportedAt = first.reportedAt + rng.int(5, 50) * 60_000;
          requests.push({
            ...first,
            reportedAt,
            reporter: reporterName(rng, 'phone'),
            phone: phoneNumber(rng),
            source: 'phone',
            mergedAt: Math.max(createdAt, reportedAt) + rng.int(2, 20) * 60_000,
          });
        }
        const crew = staff.crews[kind.crew];
        const technician = rng.pick(crew.technicians);
        const verifier = rng.pick(staff.verifiers);
        const timing = correctiveTiming(rng, first.priority, workHours[kind.category] ?? [0.5, 2]);
        timing.cancel = first.priority !== 'urgent' && rng.chance(0.02);
        timing.hold = rng.chance(0.06) ? 'short' : 'none';
        const labour = hours(rng, ...timing.work) / 3_600_000;
        orders.push({
          type: 'corrective',
          category: kind.category,
          title: first.description.slice(0, 60),
          description: first.description,
          placeId: first.placeId,
          assetIds: first.assetId ? [first.assetId] : [],
          crewId: crew.id,
          technicianId: technician.id,
          priority: first.priority,
          dueDate: localDay(createdAt + dueDays(first.priority) * DAY),
          checklist: [],
          estimatedHours: Math.ceil(timing.work[1]),
          labourHours: Math.round(labour * 10) / 10,
          result: '已修复，试用正常',
          findings: '',
          newLampType: null,
          newPowerW: null,
          requester: first.reporter,
          requesterPhone: first.phone,
          reportedAt: first.reportedAt,
          createdAt,
          createdBy: dispatcher,
          verifiedBy: verifier,
          planId: null,
          occurrence: null,
          people: { dispatcher, technician: technician.name, crewName: crew.name, verifier },
          timing,
          steps: [],
          parts: partsFor(rng, kind),
          requests,
        });
      }
    }
  }
  return orders;
}

/** Requests taken in the last 30 hours and not converted yet: the office's inbox today. */
export function pendingRequests(c: SiteCtx): DraftRequest[] {
  const { rng, staff, window: w } = c;
  const out: DraftRequest[] = [];
  const n = rng.int(3, 6);
  for (let i = 0; i < n; i += 1) {
    const kind = rng.pick(repairKinds);
    const reportedAt = Math.max(w.startMs, w.endMs - rng.int(5, 30 * 60) * 60_000);
    out.push(request(c, kind, reportedAt, rng.pick(staff.dispatchers)));
  }
  return out;
}
