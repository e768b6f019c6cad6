// Factories and independent references for the meter-reading tests: a meter on the test campus,
// Shanghai wall times as instants, the raw rollup table, and a consumption reference computed
// here by plain arithmetic (UTC+8 has no DST, so a local day is [k·24h − 8h, (k+1)·24h − 8h)),
// independent of the engine, to compare monthly and yearly sums against.
import type { Api } from '../../electron/api';
import type { InputOf } from '../../shared/contract';
import type { Asset } from '../../shared/contract/assets';
import { call } from './api';
import { createCampus, meterInput, type Campus } from './assets';

export const SH = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
const SH_OFFSET_MS = 8 * 3_600_000;

/** '2024-03-01 10:00' (Shanghai wall time) → '2024-03-01T10:00+08:00'. */
export function sh(local: string): string {
  return `${local.replace(' ', 'T')}+08:00`;
}

/** The UTC ISO form the API answers with. */
export function utc(local: string): string {
  return new Date(Date.parse(sh(local))).toISOString();
}

export interface MeterSetup {
  campus: Campus;
  meter: Asset;
}

export function createMeter(
  api: Api,
  code = 'SB-001',
  extra: Partial<InputOf<'assets.create'>> = {},
  campus: Campus = createCampus(api),
): MeterSetup {
  const meter = call(
    api,
    'assets.create',
    meterInput(code, 'water', 2, { placeId: campus.room.id, serial: `SN-${code}`, ...extra }),
  );
  return { campus, meter };
}

export function addReading(
  api: Api,
  meterId: string,
  local: string,
  value: number,
  extra: Partial<InputOf<'meters.addReading'>> = {},
) {
  return call(api, 'meters.addReading', { meterId, at: sh(local), value, ...extra });
}

export interface DailyRow {
  day: string;
  amount: number;
  intervals: number;
  estimated: number;
  pending: number;
}

/** Every rollup row of a meter, by day. */
export function dailyTable(api: Api, meterId: string): DailyRow[] {
  return api.core.db
    .prepare<[string], DailyRow>(
      `SELECT day, amount, intervals, estimated, pending FROM meter_daily
       WHERE meter_id = ? ORDER BY day`,
    )
    .all(meterId);
}

export function dailyMap(api: Api, meterId: string): Map<string, number> {
  return new Map(dailyTable(api, meterId).map((r) => [r.day, r.amount]));
}

function shanghaiDay(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Reference daily amounts of a plain reading series (no events, no drops) by elapsed time over
 * Shanghai days: each interval's (v2 − v1) × multiplier in proportion to the ms in each day.
 */
export function referenceDaily(
  readings: readonly { local: string; value: number }[],
  multiplier = 1,
): Map<string, number> {
  const out = new Map<string, number>();
  const sorted = [...readings].sort((a, b) => Date.parse(sh(a.local)) - Date.parse(sh(b.local)));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const from = Date.parse(sh(a.local));
    const to = Date.parse(sh(b.local));
    const amount = (b.value - a.value) * multiplier;
    for (let t = from; t < to;) {
      const dayIndex = Math.floor((t + SH_OFFSET_MS) / DAY_MS);
      const end = Math.min((dayIndex + 1) * DAY_MS - SH_OFFSET_MS, to);
      const day = shanghaiDay(dayIndex);
      out.set(day, (out.get(day) ?? 0) + (amount * (end - t)) / (to - from));
      t = end;
    }
  }
  return out;
}

/** Sums of a day map by the first `width` characters of the day (7: month, 4: year). */
export function sumBy(days: ReadonlyMap<string, number>, width: 4 | 7): Map<string, number> {
  const out = new Map<string, number>();
  for (const [day, amount] of days) {
    const key = day.slice(0, width);
    out.set(key, (out.get(key) ?? 0) + amount);
  }
  return out;
}

export function reviewRows(api: Api, meterId: string) {
  return call(api, 'meters.reviews', { meterId, status: 'open' }).items;
}
