// Demo lamp replacements: about 1,000 fixtures a year per campus, as the seed college reports,
// in corrective lighting orders of 1–40 fixtures — mostly a lamp or two reported from a room, some
// a whole room, a few a whole floor found worn out on inspection, and street lights on the ring
// road. Each order says what the fixtures get (new_lamp_type/new_power_w); from the third year the
// dormitories' 12 W downlights are replaced by 9 W ones, so retrofits show in the register.
import {
  DAY,
  HOUR,
  dayStart,
  instantInYear,
  localDay,
  localHour,
  type Window,
} from './maintenanceClock';
import type { SiteStaff } from './maintenanceCrews';
import { dueDays, type DraftOrder, type DraftRequest, type Timing } from './maintenanceDraft';
import type { Fixture, Floor, SiteInventory } from './maintenanceInventory';
import { lampFaults, lampWords, streetFaults, phoneNumber, reporterName } from './maintenanceText';
import type { Rng } from './random';

/** Replacements per campus per year, before a ±4% yearly variation. */
const PER_YEAR = 1000;

export interface SiteCtx {
  rng: Rng;
  site: SiteInventory;
  staff: SiteStaff;
  window: Window;
}

/** The wattage a replacement fits: like for like, except the dormitory downlight retrofit. */
export function replacementWatts(lampType: string, watts: number, year: number, w: Window): number {
  return lampType === 'downlight' && watts === 12 && year >= w.firstYear + 2 ? 9 : watts;
}

export function lampPartKey(lampType: string, watts: number): string | null {
  if (lampType === 'led_tube') return 'tube18';
  if (lampType === 'panel') return 'panel36';
  if (lampType === 'downlight') return watts <= 9 ? 'down9' : 'down12';
  if (lampType === 'street_light') return 'street100';
  if (lampType === 'floodlight') return 'flood200';
  return null;
}

/** When an office worker turns a report into an order: within hours, or next morning. */
export function conversionTime(rng: Rng, reportedAt: number): number {
  const hour = localHour(reportedAt);
  if (hour >= 8 && hour < 17) return reportedAt + rng.int(5, 120) * 60_000;
  const nextMorning = hour >= 17 ? reportedAt + DAY : reportedAt;
  return dayStart(localDay(nextMorning)) + 8 * HOUR + rng.int(0, 60) * 60_000;
}

function slice<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const n = Math.min(k, items.length);
  const at = rng.int(0, items.length - n);
  return items.slice(at, at + n);
}

interface Pick {
  fixtures: Fixture[];
  placeId: string;
  label: string;
  bulk: boolean;
  street: boolean;
}

function pickFixtures(
  rng: Rng,
  site: SiteInventory,
  bulkFloors: readonly Floor[],
  roadLights: readonly Fixture[],
): Pick {
  if (rng.chance(0.1) && roadLights.length > 0) {
    // Neighbouring poles on the ring road (the few in squares and lawns fail less: shorter nights).
    const fixtures = slice(rng, roadLights, rng.int(1, 4));
    return {
      fixtures,
      placeId: site.roadId,
      label: '环校路',
      bulk: false,
      street: true,
    };
  }
  const size = rng.next();
  if (size >= 0.92 && bulkFloors.length > 0) {
    const floor = rng.pick(bulkFloors);
    const fixtures = slice(rng, floor.fixtures, rng.int(13, 40));
    return { fixtures, placeId: floor.id, label: floor.label, bulk: true, street: false };
  }
  const building = rng.pick(site.buildings);
  const floor = rng.pick(building.floors);
  const room = rng.pick(floor.rooms);
  const k = size < 0.7 ? rng.int(1, 3) : rng.int(4, 12);
  if (room.fixtures.length >= k || k <= 3) {
    return {
      fixtures: slice(rng, room.fixtures, k),
      placeId: room.id,
      label: room.label,
      bulk: false,
      street: false,
    };
  }
  // A room with fewer lamps than the order: the order takes neighbouring rooms on the floor.
  return {
    fixtures: slice(rng, floor.fixtures, k),
    placeId: floor.id,
    label: floor.label,
    bulk: false,
    street: false,
  };
}

export function lightingOrders(c: SiteCtx): DraftOrder[] {
  const { rng, site, staff, window: w } = c;
  const bulkFloors = site.buildings.flatMap((b) => b.floors).filter((f) => f.fixtures.length >= 13);
  const roadLights = site.streetLights.filter((f) => f.placeId === site.roadId);
  const orders: DraftOrder[] = [];
  for (let year = w.firstYear; year <= w.lastYear; year += 1) {
    const quota = Math.round(PER_YEAR * (0.96 + rng.next() * 0.08));
    let replaced = 0;
    while (replaced < quota) {
      const pick = pickFixtures(rng, site, bulkFloors, roadLights);
      const first = pick.fixtures[0];
      if (!first) break;
      const k = pick.fixtures.length;
      replaced += k;
      const words = lampWords[first.lampType] ?? { word: '灯具', measure: '套' };
      const watts = replacementWatts(first.lampType, first.watts, year, w);
      const reportedAt = instantInYear(rng, year);
      const fromRequest = pick.street
        ? rng.chance(0.5)
        : pick.bulk
          ? false
          : rng.chance(k <= 3 ? 0.7 : 0.4);
      const crew = pick.street
        ? staff.crews.electric2
        : rng.chance(0.5)
          ? staff.crews.electric1
          : staff.crews.electric2;
      const technician = rng.pick(crew.technicians);
      const dispatcher = rng.pick(staff.dispatchers);
      const verifier = rng.pick(staff.verifiers);
      const fault = rng.pick(pick.street ? streetFaults : lampFaults);
      const requests: DraftRequest[] = [];
      if (fromRequest) {
        const source = pick.street ? 'patrol' : rng.chance(0.65) ? 'phone' : 'walk_in';
        requests.push({
          reportedAt,
          reporter: reporterName(rng, source),
          phone: source === 'patrol' ? '' : phoneNumber(rng),
          source,
          category: 'lighting',
          description: `${pick.label}${fault}，共${k}${words.measure}`,
          priority: 'normal',
          placeId: pick.placeId,
          assetId: k === 1 ? first.id : null,
          createdBy: dispatcher,
        });
      }
      const createdAt = fromRequest ? conversionTime(rng, reportedAt) : reportedAt;
      const priority = pick.bulk ? 'low' : 'normal';
      const estimated = Math.round((0.5 + 0.25 * k) * 2) / 2;
      // Electricians keep lamps in stock, so lamp jobs do not have the long tail other repairs
      // have: few replacements slip into the next year and each year keeps about its 1,000.
      const response: [number, number] = pick.bulk
        ? [24, 240]
        : rng.chance(0.9)
          ? [1, 48]
          : [48, 168];
      const work: [number, number] = [0.2 + 0.15 * k, 0.5 + 0.3 * k];
      const timing: Timing = { response, work };
      timing.hold = rng.chance(pick.street ? 0.1 : 0.03) ? 'short' : 'none';
      const part = lampPartKey(first.lampType, watts);
      orders.push({
        type: 'corrective',
        category: 'lighting',
        title: `${pick.label}${pick.bulk ? '批量' : ''}更换${words.word}${k}${words.measure}`,
        description: pick.bulk
          ? '季度巡检发现整层灯具光衰、发黑严重，统一更换'
          : (requests[0]?.description ?? `巡查发现${pick.label}${fault}`),
        placeId: pick.placeId,
        assetIds: pick.fixtures.map((f) => f.id),
        crewId: crew.id,
        technicianId: technician.id,
        priority,
        dueDate: localDay(createdAt + dueDays(priority) * DAY),
        checklist: [],
        estimatedHours: estimated,
        labourHours: Math.round(estimated * (0.7 + rng.next() * 0.6) * 10) / 10,
        result: `已更换${words.word}${k}${words.measure}（${watts}W），试亮正常`,
        findings: pick.street ? '灯杆内接线端子氧化' : '',
        newLampType: first.lampType,
        newPowerW: watts,
        requester: requests[0]?.reporter ?? '',
        requesterPhone: requests[0]?.phone ?? '',
        reportedAt,
        createdAt,
        createdBy: dispatcher,
        verifiedBy: verifier,
        planId: null,
        occurrence: null,
        people: { dispatcher, technician: technician.name, crewName: crew.name, verifier },
        timing,
        steps: [],
        parts: part ? [{ key: part, quantity: k }] : [],
        requests,
      });
    }
  }
  return orders;
}
