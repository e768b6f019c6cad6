// The consumption series behind the meter chart, read from the daily rollups (never from raw
// readings). Short ranges show each local day; five years show monthly sums of those rollups, since
// 1,800 bars would be unreadable on screen and on paper. Every day or month of the range gets a
// slot, so a gap in the data shows as a gap on the axis instead of closing up.
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { addDays, daysBetween, monthOf, monthsBetween } from './format';

export const chartRanges = ['30d', '90d', '1y', '5y'] as const;
export type ChartRange = (typeof chartRanges)[number];

const dailySpan: Record<Exclude<ChartRange, '5y'>, number> = { '30d': 30, '90d': 90, '1y': 365 };

export interface Series {
  monthly: boolean;
  from: string;
  to: string;
  labels: string[];
  /** Amounts resting on actual readings only; null where the slot has no data. */
  measured: (number | null)[];
  /** Amounts that rest partly on estimated readings. */
  estimated: (number | null)[];
  /** Slots touched by a negative delta still in the review queue (its amount not counted yet). */
  pending: number;
  total: number;
  unit: string | null;
}

interface Point {
  key: string;
  amount: number;
  estimated: boolean;
  pending: boolean;
}

function toSeries(monthly: boolean, keys: string[], points: Point[], unit: string | null): Series {
  const byKey = new Map(points.map((p) => [p.key, p]));
  const measured: (number | null)[] = [];
  const estimated: (number | null)[] = [];
  for (const key of keys) {
    const p = byKey.get(key);
    measured.push(p && !p.estimated ? p.amount : null);
    estimated.push(p && p.estimated ? p.amount : null);
  }
  return {
    monthly,
    from: keys[0] ?? '',
    to: keys[keys.length - 1] ?? '',
    labels: keys,
    measured,
    estimated,
    pending: points.filter((p) => p.pending).length,
    total: points.reduce((sum, p) => sum + p.amount, 0),
    unit,
  };
}

async function fetchSeries(meterId: string, range: ChartRange, endDay: string): Promise<Series> {
  if (range === '5y') {
    const from = monthOf(endDay, -59);
    const to = monthOf(endDay);
    const r = await api.call('meters.monthly', { meterId, from, to });
    const points = r.items.map((i) => ({ ...i, key: i.month }));
    return toSeries(true, monthsBetween(from, to), points, r.unit);
  }
  const from = addDays(endDay, 1 - dailySpan[range]);
  const r = await api.call('meters.daily', { meterId, from, to: endDay });
  const points = r.items.map((i) => ({ ...i, key: i.day }));
  return toSeries(false, daysBetween(from, endDay), points, r.unit);
}

/** The series of a range ending on `endDay`; `generation` reloads it after a reading changed. */
export function useConsumption(
  meterId: string,
  range: ChartRange,
  endDay: string | null,
  generation: number,
  onError: (e: unknown) => void,
) {
  const [series, setSeries] = useState<Series | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!endDay) {
      setSeries(null);
      return;
    }
    let stale = false;
    setLoading(true);
    fetchSeries(meterId, range, endDay)
      .then((s) => !stale && setSeries(s))
      .catch((e: unknown) => !stale && onError(e))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [meterId, range, endDay, generation, onError]);
  return { series, loading };
}
