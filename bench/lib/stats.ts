// Summary statistics over timing samples, and the p50/p95 result pair every latency series reports.
import type { Result } from './types';

/**
 * The p-th percentile (0–100) with linear interpolation between closest ranks (numpy's default),
 * so p50 of an even-sized sample is the mean of the middle two rather than an arbitrary one of them.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of an empty sample');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be within 0..100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const lo = sorted[lower] as number;
  const hi = sorted[upper] as number;
  return lo + (hi - lo) * (rank - lower);
}

/** `<prefix>.p50_ms` and `<prefix>.p95_ms` from per-call milliseconds. */
export function latencyResults(prefix: string, samplesMs: readonly number[]): Result[] {
  return [
    { name: `${prefix}.p50_ms`, value: percentile(samplesMs, 50), unit: 'ms' },
    { name: `${prefix}.p95_ms`, value: percentile(samplesMs, 95), unit: 'ms' },
  ];
}
