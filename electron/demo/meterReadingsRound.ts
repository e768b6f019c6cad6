// The demo's monthly reading round and what the readers wrote down: when each meter was read
// (a weekday between the 25th and the 28th, one campus walk from about 09:00, meter after meter),
// the register value the dial showed (opening + amount ÷ multiplier, wrapped at 10^digits, cut to
// the dial's decimals), and the deliberate faults of the story: estimated reads that ran high and
// are corrected by the next actual read, one meter swapped mid-history, and one keying error.
// Dial values are floored from a non-decreasing curve, so no other pair of readings ever drops.
import { DAY, HOUR, localMs } from './maintenanceClock';
import { amountAt, type Curve } from './meterReadingsModel';
import type { Rng } from './random';

const MINUTE = 60_000;

export interface Register {
  /** Dial value when the model starts. */
  opening: number;
  multiplier: number;
  /** 10^digits, or null for a register of unknown size. */
  size: number | null;
  /** Decimals the dial shows: whole m³ on mechanical water meters, hundredths on electronic ones. */
  decimals: number;
}

export interface Swap {
  at: number;
  closing: number;
  opening: number;
}

/** The dial at an instant; after a swap, the new register counting from its opening. */
export function dialAt(curve: Curve, reg: Register, swap: Swap | null, at: number): number {
  const scale = 10 ** reg.decimals;
  const raw =
    swap && at >= swap.at
      ? swap.opening + (amountAt(curve, at) - amountAt(curve, swap.at)) / reg.multiplier
      : reg.opening + amountAt(curve, at) / reg.multiplier;
  const units = Math.floor(raw * scale);
  return (reg.size === null ? units : units % (reg.size * scale)) / scale;
}

/** A swap at `at`: the old register's closing, a new one of the same size fitted near zero. */
export function swapAt(rng: Rng, curve: Curve, reg: Register, at: number): Swap {
  return { at, closing: dialAt(curve, reg, null, at), opening: rng.int(0, 5) };
}

/**
 * An opening that makes the register roll over once, mid-history (`rolls`), or one that leaves it
 * room for the whole history and a margin, so that it never does.
 */
export function openingFor(rng: Rng, size: number | null, units: number, rolls: boolean): number {
  if (size === null) return rng.int(1000, 500_000);
  if (rolls) return Math.floor(size - units * (0.3 + rng.next() * 0.4));
  return Math.floor((0.05 + rng.next() * 0.8) * Math.max(0, size - 1.15 * units));
}

export interface Month {
  year: number;
  /** 1–12 */
  month: number;
}

/** The months from `first` ('YYYY-MM') on, `count` of them. */
export function monthsFrom(first: string, count: number): Month[] {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, k) => {
    const t = new Date(Date.UTC(y, m - 1 + k, 1));
    return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1 };
  });
}

function isWeekday(year: number, month: number, day: number): boolean {
  const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * Reading instants, [month][position on the route]: one walk a month on a weekday from the 25th
 * to the 28th, starting a little after 09:00, a minute or two per meter. Never on the hour, where
 * an inlet's interval device has its own reading. The last walk, if planned after the end, is
 * moved to the end's day (or the day before it) so every reading lies in the past.
 */
export function roundTimes(rng: Rng, months: readonly Month[], stops: number, endMs: number) {
  return months.map(({ year, month }, k) => {
    let day = rng.int(25, 28);
    for (const d of [day, day + 1, day - 1, day + 2, day - 2, day + 3, day - 3]) {
      if (d >= 25 && d <= 28 && isWeekday(year, month, d)) {
        day = d;
        break;
      }
    }
    let start = localMs(year, month, day, 9, rng.int(3, 20));
    const steps = Array.from({ length: stops }, () => rng.int(1, 2) * MINUTE);
    const length = steps.reduce((a, b) => a + b, 0);
    if (k === months.length - 1 && start + length > endMs) {
      const today = new Date(endMs + 8 * HOUR);
      const y = today.getUTCFullYear();
      const morning = localMs(y, today.getUTCMonth() + 1, today.getUTCDate(), 9, 5);
      start = morning + length <= endMs ? morning : morning - DAY;
    }
    let t = start;
    return steps.map((step) => {
      t += step;
      if ((t / MINUTE) % 60 === 0) t += MINUTE;
      return t;
    });
  });
}

export interface Row {
  at: number;
  value: number;
  estimated: boolean;
}

/**
 * Readings [a+1 … b−1] estimated from the last actual one on a rate that ran high (`over` > 1), so
 * the actual read at b comes in lower than the last estimate: a negative correction month.
 */
export function estimate(rows: Row[], a: number, b: number, over: number): void {
  const from = rows[a];
  const to = rows[b];
  if (!from || !to || b - a < 2) return;
  const span = to.value - from.value;
  for (let j = a + 1; j < b; j += 1) {
    const row = rows[j];
    if (!row) continue;
    row.value = Math.floor(from.value + (over * span * (j - a)) / (b - a - 1));
    row.estimated = true;
  }
}

/** Values one swap of adjacent digits away from a whole number (never a leading zero). */
function transpositions(value: number): number[] {
  const digits = [...String(value)];
  const out: number[] = [];
  for (let i = 0; i + 1 < digits.length; i += 1) {
    const [x, y] = [digits[i], digits[i + 1]];
    if (x === y || (i === 0 && y === '0')) continue;
    const next = [...digits];
    next[i] = y ?? '';
    next[i + 1] = x ?? '';
    out.push(Number(next.join('')));
  }
  return out;
}

/**
 * A keying error that drops below the reading before it: two adjacent digits swapped, on the
 * first reading (from a random month on) where one such swap does it. Whole-number dials only.
 */
export function typoIn(rng: Rng, rows: readonly Row[]): { index: number; value: number } | null {
  const n = rows.length;
  const start = rng.int(Math.floor(n / 6), Math.floor((5 * n) / 6));
  for (let step = 0; step < n - 2; step += 1) {
    const k = 1 + ((start - 1 + step) % (n - 2));
    const prev = rows[k - 1];
    const row = rows[k];
    if (!prev || !row || prev.estimated || row.estimated || !Number.isInteger(row.value)) continue;
    const drop = transpositions(row.value).find((v) => v < prev.value);
    if (drop !== undefined) return { index: k, value: drop };
  }
  return null;
}
