// Demo meter readings: five years of monthly manual reads of every meter in the demo register,
// ending in the current month, and a year of hourly device data on the level-1 potable inlets,
// all taken from the consumption model (meterReadingsModel.ts). The first campus also carries the
// story an operator meets in the app (meterReadingsPlan.ts names its fixed facts): a leak on one
// inlet 40-odd days ago, three registers that roll over, one meter swapped mid-history, a few
// estimated reads corrected later, and one keying error waiting in the review queue.
//
// Readings go through the services' bulk path (one addReadingsBulk call per meter and source) so
// the daily rollups and the review queue are what the app itself keeps; the swap is a real
// lifecycle event. Only ids and entry times differ between runs of the same seed and end.
import { metersMethods } from '../../shared/contract/meters';
import type { Core, Ctx } from '../context';
import { addReadingsBulk, type BulkReading } from '../services/metersBulk';
import type { ReadingSource } from '../services/metersReadingStore';
import { eventMethods } from '../services/metersEvents';
import type { Db } from '../store/tx';
import { DAY, HOUR, iso, localMs } from './maintenanceClock';
import { isBuilding, isInlet, loadMeters, modelCampus, type MeterRow } from './meterReadingsCampus';
import { calendar, type Curve } from './meterReadingsModel';
import { LEAK_METER_CODE, meterReadingsPlan } from './meterReadingsPlan';
import {
  dialAt,
  estimate,
  monthsFrom,
  openingFor,
  type Month,
  roundTimes,
  swapAt,
  typoIn,
  type Register,
  type Row,
  type Swap,
} from './meterReadingsRound';
import type { Rng } from './random';

export interface MeterReadingsOptions {
  lastYear: number;
  /** The present (generateDemo's "now"): the history ends here or on 31 December of lastYear. */
  now: string;
  actor: string;
}

/** Sixty monthly intervals: 61 reads from the month five years before the end's month. */
const READS = 61;

/** The services want a Ctx; the demo runs on a bare connection, inside generateDemo's transaction. */
function demoCtx(db: Db, actor: string): Ctx {
  const core: Core = {
    db,
    file: db.name,
    appVersion: 'demo',
    operator: actor,
    readOnly: false,
    backupDir: '',
    reopen: () => {
      throw new Error('the demo generator never reopens its database');
    },
  };
  return { core, db, actor };
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A run of estimated reads: from the first read in `month` (from the second year on), or at `index`. */
interface Estimates {
  month?: number;
  index?: number;
  reads: number;
}

/** The first campus's faults: which meters roll over, get swapped, estimated, mistyped. */
interface Story {
  rolls: Set<string>;
  swapped: string | null;
  estimated: Map<string, Estimates>;
  typoCandidates: string[];
}

function storyOf(rng: Rng, meters: readonly MeterRow[], totals: Map<string, number>): Story {
  const buildings = meters.filter(isBuilding);
  const ratio = (m: MeterRow) => (totals.get(m.id) ?? 0) / 10 ** (m.digits ?? 99);
  const rolls = new Set(
    buildings
      .filter((m) => m.digits !== null)
      .sort((a, b) => ratio(b) - ratio(a))
      .slice(0, 3)
      .map((m) => m.id),
  );
  const plain = shuffled(
    rng,
    buildings.filter((m) => !rolls.has(m.id)),
  );
  const water = plain.filter((m) => m.utility === 'water');
  const swapped = water[0]?.id ?? null;
  const rest = plain.filter((m) => m.id !== swapped);
  const january = rest.find((m) => m.utility === 'water');
  const summer = rest.find((m) => m.utility === 'electricity');
  const other = rest.find((m) => m !== january && m !== summer);
  // A plant room locked over the winter vacation, a whole summer, one month of some other year.
  const estimated = new Map<string, Estimates>();
  if (january) estimated.set(january.id, { month: 1, reads: 1 });
  if (summer) estimated.set(summer.id, { month: 7, reads: 2 });
  if (other) estimated.set(other.id, { index: rng.int(8, READS - 9), reads: 1 });
  const typoCandidates = water
    .filter((m) => m.id !== swapped && !estimated.has(m.id))
    .map((m) => m.id);
  return { rolls, swapped, estimated, typoCandidates };
}

/** Index of the first read from index `from` on in the given month (1–12), else -1. */
function readInMonth(times: readonly number[], month: number, from: number): number {
  return times.findIndex((t, k) => k >= from && new Date(t + 8 * HOUR).getUTCMonth() + 1 === month);
}

/** A swap half-way through the history, on a weekday afternoon between two rounds. */
function planSwap(rng: Rng, months: readonly Month[], curve: Curve, reg: Register) {
  const k = rng.int(Math.floor(READS / 2) - 4, Math.floor(READS / 2) + 4);
  const month = months[k + 1] ?? { year: 2000, month: 1 };
  let day = rng.int(8, 18);
  while ([0, 6].includes(new Date(Date.UTC(month.year, month.month - 1, day)).getUTCDay())) day++;
  const at = localMs(month.year, month.month, day, rng.int(14, 15), rng.int(0, 59));
  return swapAt(rng, curve, reg, at);
}

export function generateMeterReadings(
  db: Db,
  rng: Rng,
  options: MeterReadingsOptions,
): Record<string, number> {
  const plan = meterReadingsPlan(options.lastYear, options.now);
  const ctx = demoCtx(db, options.actor);
  const months = monthsFrom(plan.firstMonth, READS);
  const start = months[0] ?? { year: 2000, month: 1 };
  const startMs = localMs(start.year, start.month, 1);
  const cal = calendar(startMs, Math.ceil((plan.endMs - startMs) / DAY) + 2);
  const bySite = new Map<string | null, MeterRow[]>();
  for (const m of loadMeters(db)) bySite.set(m.site_id, [...(bySite.get(m.site_id) ?? []), m]);
  const leakCode = bySite.size > 1 ? `C1-${LEAK_METER_CODE}` : LEAK_METER_CODE;

  const counts = { meter_readings: 0, meter_events: 0 };
  const write = (
    meterId: string,
    rows: readonly BulkReading[],
    source: ReadingSource,
    note: string,
  ) => {
    counts.meter_readings += addReadingsBulk(ctx, meterId, rows, { source, note }).inserted;
  };
  for (const [siteIndex, meters] of [...bySite.values()].entries()) {
    // The story lives on the first campus; further ones (--scale) only get plain history.
    const leak = siteIndex === 0 ? { ...plan.leak, meterCode: leakCode } : null;
    const curves = modelCampus(rng, db, cal, meters, leak);
    const totals = new Map(
      meters.map((m) => {
        const c = curves.get(m.id);
        return [m.id, (c?.cum[c.cum.length - 1] ?? 0) / (m.multiplier ?? 1)];
      }),
    );
    const faults = siteIndex === 0 ? storyOf(rng, meters, totals) : null;
    // The walk: level-1 meters at the gates and plant rooms first, then building by building.
    const route = [...meters].sort(
      (a, b) => (a.level ?? 9) - (b.level ?? 9) || a.code.localeCompare(b.code),
    );
    const times = roundTimes(rng, months, route.length, plan.endMs);
    let typoPlaced = false;
    for (const [p, m] of route.entries()) {
      const curve = curves.get(m.id);
      if (!curve) continue;
      const size = m.digits === null ? null : 10 ** m.digits;
      const reg: Register = {
        opening: openingFor(rng, size, totals.get(m.id) ?? 0, !!faults?.rolls.has(m.id)),
        multiplier: m.multiplier ?? 1,
        size,
        decimals: isInlet(m) || m.utility === 'electricity' ? 2 : 0,
      };
      let swap: Swap | null = null;
      if (faults?.swapped === m.id) {
        swap = planSwap(rng, months, curve, reg);
        // Recorded as staff record one. The new register keeps the meter's serial: a serial change
        // would update the asset, and the export round trip (dataExportCli.test.ts) compares the
        // search index's pages, which then depend on the order of past writes.
        const input = metersMethods['meters.addEvent'].input.parse({
          meterId: m.id,
          kind: 'replace',
          at: iso(swap.at),
          closing: swap.closing,
          opening: swap.opening,
          note: '水表周期检定到期，更换新表',
        });
        eventMethods['meters.addEvent'](input, ctx);
        counts.meter_events += 1;
      }
      const at = times.map((walk) => walk[p] ?? walk[0] ?? 0);
      const rows: Row[] = at.map((t) => ({
        at: t,
        value: dialAt(curve, reg, swap, t),
        estimated: false,
      }));
      const est = faults?.estimated.get(m.id);
      if (est) {
        const k = est.month === undefined ? (est.index ?? -1) : readInMonth(at, est.month, 12);
        const over = 1.15 + rng.next() * 0.15;
        if (k > 0 && k + est.reads < rows.length) estimate(rows, k - 1, k + est.reads, over);
      }
      if (faults?.typoCandidates.includes(m.id) && !typoPlaced) {
        const typo = typoIn(rng, rows);
        const row = typo ? rows[typo.index] : undefined;
        if (typo && row) row.value = typo.value;
        typoPlaced = row !== undefined;
      }
      // The device's year before the round: a batch that ends before stored readings always
      // takes the general re-spread, whatever shortcuts the bulk path has for appends.
      if (isInlet(m)) {
        const hourly: BulkReading[] = [];
        for (let t = plan.hourlyFromMs; t <= plan.hourlyToMs; t += HOUR) {
          hourly.push({ at: t, value: dialAt(curve, reg, swap, t) });
        }
        const note =
          leak?.meterCode === m.code
            ? `演示数据：远传逐时读数（${leak.startDay} 起管网漏水约 ${leak.flowM3PerH} m³/h）`
            : '演示数据：远传逐时读数';
        write(m.id, hourly, 'device', note);
      }
      write(m.id, rows, 'manual', '演示数据：月度抄表');
    }
  }
  return counts;
}
