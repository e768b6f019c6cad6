// What the review queue does not carry but staff need to judge a pair: whether each end reading was
// estimated, and the site's zone to show its instants in. For each item on the page, each end that
// is a reading is looked up at its exact instant (one row each); the answer also names the zone.
// Lifecycle ends (install or replacement values) are not readings and are marked as such.
import { useEffect, useState } from 'react';
import type { ReviewItem } from '../../../../../shared/contract/meters';
import { api } from '../../../api/client';

export interface EndInfo {
  /** null while unknown, or when the end is a lifecycle value rather than a reading. */
  estimated: boolean | null;
}

export interface PairInfo {
  zone: string;
  from: EndInfo;
  to: EndInfo;
}

async function endInfo(item: ReviewItem, end: 'from' | 'to') {
  const point = item[end];
  if (!point.reading) return { estimated: null, zone: null };
  const r = await api.call('meters.readings', {
    meterId: item.meterId,
    from: point.at,
    to: point.at,
    offset: 0,
    limit: 1,
  });
  return { estimated: r.items[0]?.estimated ?? null, zone: r.timeZone };
}

async function pairInfo(item: ReviewItem, knownZone: string | undefined): Promise<PairInfo> {
  const [from, to] = await Promise.all([endInfo(item, 'from'), endInfo(item, 'to')]);
  let zone = from.zone ?? to.zone ?? knownZone;
  // Both ends lifecycle values (rare): the events answer names the zone as well.
  zone ??= (await api.call('meters.events', { meterId: item.meterId })).timeZone;
  return { zone, from: { estimated: from.estimated }, to: { estimated: to.estimated } };
}

/** Review id → its pair's details, filled in as the answers arrive. */
export function useReviewEnds(items: readonly ReviewItem[]): Map<string, PairInfo> {
  const [infos, setInfos] = useState<Map<string, PairInfo>>(() => new Map());
  useEffect(() => {
    let stale = false;
    const zones = new Map<string, string>();
    void Promise.all(
      items.map(async (item) => {
        try {
          const info = await pairInfo(item, zones.get(item.meterId));
          zones.set(item.meterId, info.zone);
          if (!stale) setInfos((prev) => new Map(prev).set(item.id, info));
        } catch {
          // A reading deleted meanwhile: the row still shows its values, without the flag.
        }
      }),
    );
    return () => {
      stale = true;
    };
  }, [items]);
  return infos;
}
