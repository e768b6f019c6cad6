// Minimum night flow per night on a site's potable inlets (its level-1 'water' meters), from the
// readings themselves. Why not from a rollup: the daily rollups have no hours, and an hourly
// rollup table would have to be kept in the same transaction as every reading write — 24 more
// rows per meter-day on the import path of tens of millions of readings — for a figure that
// needs two hours a night. So each night reads only the readings inside its window (plus the one
// either side) of each inlet, one primary-key range seek per inlet and night: the cost is
// nights × inlets × the few readings of a window, never the meter's whole history.
//
// The readings are turned into consumption by the engine (intervalsOf: rollovers, replacements,
// resolved reviews), and an interval counts as interval data only when it is at most
// MAX_INTERVAL_MS long: a monthly manual read spanning the night says nothing about 03:00.
// A night is "no data" unless every inlet covers the whole window with such intervals.
//
// Irrigation: a zone of the site whose programme waters inside the window and whose water can
// pass the inlets (linked to a potable-water meter, or to no meter at all: unknown supply) makes
// the night an irrigation night, left out of the baseline and the alert rule and shown with its
// zones. Zones on another supply (a reclaimed-water network) cannot raise the potable inlets'
// flow, so they neither exclude nor explain a night.
//
// Each night also carries its day's demand (the inlets' daily rollup − 24 h × MNF): the rule in
// shared/domain/analytics/nightFlow.ts tells a rise in occupancy (students back from a vacation)
// from a leak by it.
import type { Night } from '../../shared/contract/analyticsSiteShapes';
import {
  addDays,
  daysBetween,
  evaluateNights,
  minimumSummedFlow,
  watersInWindow,
  type FlowPiece,
  type NightMinimum,
} from '../../shared/domain/analytics';
import { intervalsOf } from '../../shared/domain/consumption';
import { prepared } from '../store/statementCache';
import type { Db } from '../store/tx';
import { metersIn, type ScopeMeter, type Site } from './analyticsScope';
import { covers, localDays, nightWindow, type LocalDay, type Rule } from './analyticsNightWindow';
import { eventsOf, type EventRow } from './metersEventStore';
import { meterKey, toEngine, type ReadingRow } from './metersReadingStore';
import { reviewRowsIn, type ReviewRow } from './metersReviewStore';
import { engineEvents, resolutionsFor, startSpec } from './metersSpread';
import { iso, requireMeter, type Meter } from './metersStore';
import { readSettings } from './settings';

/** Longest interval read as interval data: hourly with a few minutes of device clock slack. */
export const MAX_INTERVAL_MS = 65 * 60_000;
/** At most this many nights in one call (a year and a month). */
export const MAX_NIGHTS = 400;

interface Inlet {
  ref: ScopeMeter;
  meter: Meter;
  key: number | null;
  events: EventRow[];
  reviews: ReviewRow[];
}

/** The site's potable inlets: level-1 water meters not retired. */
export function inletsOf(db: Db, site: Site): ScopeMeter[] {
  return metersIn(db, site.id, 'water', 1).filter((m) => m.status !== 'retired');
}

function loadInlet(db: Db, ref: ScopeMeter): Inlet {
  const meter = requireMeter(db, ref.id);
  return {
    ref,
    meter,
    key: meterKey(db, ref.id),
    events: eventsOf(db, ref.id),
    reviews: reviewRowsIn(db, ref.id, { from: null, to: null }).filter(
      (r) => r.status === 'resolved',
    ),
  };
}

/** The readings of [start, end] and the nearest one outside each end. */
function readingsAround(db: Db, key: number, start: number, end: number): ReadingRow[] {
  return prepared(
    db,
    `SELECT at, value, estimated FROM meter_readings
     WHERE meter = @key
       AND at >= coalesce((SELECT max(at) FROM meter_readings WHERE meter = @key AND at <= @start), @start)
       AND at <= coalesce((SELECT min(at) FROM meter_readings WHERE meter = @key AND at >= @end), @end)
     ORDER BY at`,
  ).all({ key, start, end }) as ReadingRow[];
}

/** An inlet's flow pieces (m³/h) over a window, from the engine's intervals of its readings. */
function flowsOf(db: Db, inlet: Inlet, start: number, end: number): FlowPiece[] {
  if (inlet.key === null) return [];
  const rows = readingsAround(db, inlet.key, start, end);
  if (rows.length < 2) return [];
  const readings = rows.map(toEngine);
  const state = { readings, events: inlet.events };
  const history = intervalsOf(readings, engineEvents(inlet.events), {
    spec: startSpec(inlet.meter, inlet.events),
    within: {
      from: iso((rows[0] as ReadingRow).at),
      to: iso((rows[rows.length - 1] as ReadingRow).at),
    },
    resolutions: resolutionsFor(inlet.reviews, state),
  });
  const pieces: FlowPiece[] = [];
  for (const i of history.intervals) {
    const from = Date.parse(i.from);
    const to = Date.parse(i.to);
    if (i.amount === null || !(to > from) || to - from > MAX_INTERVAL_MS) continue;
    pieces.push({ from, to, flow: i.amount / ((to - from) / 3_600_000) });
  }
  return pieces.sort((a, b) => a.from - b.from);
}

interface ZoneRow {
  id: string;
  code: string;
  name: string;
  days: string;
  start: string;
  minutes: number;
}

/** Scheduled zones of the site whose water can pass the potable inlets (see the header). */
function irrigationZones(db: Db, siteId: string): ZoneRow[] {
  return prepared(
    db,
    `SELECT z.id, z.code, z.name, z.schedule_days AS days, z.schedule_start AS start,
            z.schedule_minutes AS minutes
     FROM assets z
     LEFT JOIN assets m ON m.id = z.linked_meter_id
     LEFT JOIN places p1 ON p1.id = z.place_id
     LEFT JOIN places p2 ON p2.id = p1.parent_id
     LEFT JOIN places p3 ON p3.id = p2.parent_id
     LEFT JOIN places p4 ON p4.id = p3.parent_id
     WHERE z.kind = 'irrigation_zone' AND z.status NOT IN ('retired', 'standby')
       AND z.schedule_days IS NOT NULL AND z.schedule_start IS NOT NULL AND z.schedule_minutes > 0
       AND (m.id IS NULL OR m.utility = 'water')
       AND @siteId IN (p1.id, p2.id, p3.id, p4.id)
     ORDER BY z.code`,
  ).all({ siteId }) as ZoneRow[];
}

export interface NightSeries {
  inlets: ScopeMeter[];
  rule: Rule;
  /** Every night evaluated, the look-back ones first. */
  all: Night[];
}

/**
 * Nights from..to (local dates) with their MNF, baseline, threshold and status. The rule is
 * evaluated from `lookback` nights earlier, so the first nights asked for have a baseline and a
 * run that began before them is counted.
 */
export function nightSeries(
  db: Db,
  site: Site,
  from: string,
  to: string,
  lookback: number,
): NightSeries {
  const rule = readSettings(db).leakAlert;
  const refs = inletsOf(db, site);
  const inlets = refs.map((r) => loadInlet(db, r));
  const zones = irrigationZones(db, site.id);
  const first = addDays(from, -lookback);
  // From the day before the first night: a window may begin the evening before.
  const days = localDays(addDays(first, -1), to, site.zone);
  const volumes = dayVolumes(
    db,
    site,
    inlets.map((i) => i.ref.id),
    { first, to, days },
  );
  const raw: (Omit<Night, 'baseline' | 'threshold' | 'status' | 'streak' | 'demandBaseline'> & {
    min: NightMinimum | null;
  })[] = [];
  // Counted, not compared as text: the caller checked the span (analyticsScope.checkSpan).
  const count = daysBetween(first, to);
  for (let i = 0, night = first; i < count; i += 1, night = addDays(night, 1)) {
    const [start, end] = nightWindow(night, rule, site.zone, days);
    const flows = inlets.map((i) => ({ meterId: i.ref.id, pieces: flowsOf(db, i, start, end) }));
    const missing = flows.filter((f) => !covers(f.pieces, start, end));
    const min = missing.length === 0 ? minimumSummedFlow(flows, start, end) : null;
    const volume = volumes.get(night);
    raw.push({
      night,
      mnf: min ? min.mnf : null,
      demand: min && volume ? volume.m3 - volume.hours * min.mnf : null,
      minimumAt: min ? new Date(min.at).toISOString() : null,
      byMeter: min ? min.byMeter : [],
      missingMeterIds: inlets.length === 0 ? [] : missing.map((f) => f.meterId),
      irrigationZones: zones
        .filter((z) =>
          watersInWindow(
            { days: z.days.split(','), start: z.start, minutes: z.minutes },
            night,
            rule.windowStart,
            rule.windowEnd,
          ),
        )
        .map((z) => ({ zoneId: z.id, code: z.code, name: z.name })),
      min,
    });
  }
  const evaluated = evaluateNights(
    raw.map((n) => ({
      night: n.night,
      mnf: n.mnf,
      irrigation: n.irrigationZones.length > 0,
      demand: n.demand,
    })),
    rule,
  );
  const nights = raw.map(({ min: _min, ...n }, i): Night => {
    const e = evaluated[i] as (typeof evaluated)[number];
    return {
      ...n,
      baseline: e.baseline,
      threshold: e.threshold,
      status: e.status,
      streak: e.streak,
      demandBaseline: e.demandBaseline,
    };
  });
  return { inlets: refs, rule, all: nights };
}

/**
 * The inlets' summed volume per local day from the daily rollups, with the day's length in hours
 * (23 or 25 on a DST change), for the days before the site's today that every inlet has a row for.
 */
function dayVolumes(
  db: Db,
  site: Site,
  ids: string[],
  span: { first: string; to: string; days: ReadonlyMap<string, LocalDay> },
) {
  const out = new Map<string, { m3: number; hours: number }>();
  if (ids.length === 0) return out;
  const rows = prepared(
    db,
    `SELECT day, sum(amount) AS m3, count(*) AS meters FROM meter_daily
     WHERE meter_id IN (SELECT value FROM json_each(@ids)) AND day >= @from AND day <= @to
     GROUP BY day`,
  ).all({ ids: JSON.stringify(ids), from: span.first, to: span.to }) as {
    day: string;
    m3: number;
    meters: number;
  }[];
  for (const r of rows) {
    const local = span.days.get(r.day);
    if (r.meters < ids.length || r.day >= site.today || !local) continue;
    out.set(r.day, { m3: r.m3, hours: local.length / 3_600_000 });
  }
  return out;
}
