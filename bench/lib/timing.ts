// Wall-clock timing on the monotonic high-resolution clock (process.hrtime.bigint): Date.now() has
// millisecond steps and jumps with the system clock, both too coarse for sub-millisecond API calls.

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function msSince(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e6;
}

/** Runs `fn` once and returns its value with the elapsed milliseconds. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = nowNs();
  const value = fn();
  return { value, ms: msSince(start) };
}

export interface SampleOptions {
  /** Calls made first and thrown away: JIT, prepared-statement caches and the page cache warm up. */
  warmup: number;
  iterations: number;
}

/**
 * Times `fn(i)` once per iteration and returns each call's milliseconds. The index lets a series
 * rotate through inputs so it does not measure one cached row over and over.
 */
export function sample(fn: (i: number) => void, { warmup, iterations }: SampleOptions): number[] {
  for (let i = 0; i < warmup; i += 1) fn(i);
  const out = new Array<number>(iterations);
  for (let i = 0; i < iterations; i += 1) {
    const start = nowNs();
    fn(warmup + i);
    out[i] = msSince(start);
  }
  return out;
}
