// Everything the meter detail shows above its readings, loaded together: the asset record with its
// place path, the parent meter's code and name, the lifecycle events, and the newest reading (its
// local day ends the chart's range; the result also names the site's zone and the meter's unit).
import { useEffect, useState } from 'react';
import type { Asset } from '../../../../../shared/contract/assets';
import type { MeterEvent } from '../../../../../shared/contract/meters';
import type { PlaceRef } from '../../../../../shared/contract/places';
import { api } from '../../../api/client';

export interface MeterDetailData {
  meter: Asset;
  path: PlaceRef[];
  parent: Pick<Asset, 'id' | 'code' | 'name'> | null;
  events: MeterEvent[];
  timeZone: string;
  /** Local day ('YYYY-MM-DD') of the newest reading; null when there is none. */
  lastDay: string | null;
}

export type DetailState =
  { status: 'loading' } | { status: 'missing' } | { status: 'ready'; data: MeterDetailData };

async function load(meterId: string): Promise<MeterDetailData | null> {
  const got = await api.call('assets.get', { id: meterId });
  if (got.asset.kind !== 'meter') return null;
  const parentId = got.asset.parentMeterId;
  const [parent, events, newest] = await Promise.all([
    // A parent that was deleted since is shown as none rather than failing the whole detail.
    parentId
      ? api.call('assets.get', { id: parentId }).then(
          (p) => p.asset,
          () => null,
        )
      : Promise.resolve(null),
    api.call('meters.events', { meterId }),
    api.call('meters.readings', { meterId, offset: 0, limit: 1 }),
  ]);
  const last = newest.items[0];
  return {
    meter: got.asset,
    path: got.path,
    parent: parent && { id: parent.id, code: parent.code, name: parent.name },
    events: events.items,
    timeZone: newest.timeZone,
    lastDay: last ? last.local.slice(0, 10) : null,
  };
}

/** The detail is keyed by meter, so a reload (a new generation) keeps showing what it has. */
export function useMeterDetail(meterId: string, generation: number, onError: (e: unknown) => void) {
  const [state, setState] = useState<DetailState>({ status: 'loading' });
  useEffect(() => {
    let stale = false;
    load(meterId)
      .then((data) => {
        if (!stale) setState(data ? { status: 'ready', data } : { status: 'missing' });
      })
      .catch((e: unknown) => {
        if (stale) return;
        setState({ status: 'missing' });
        onError(e);
      });
    return () => {
      stale = true;
    };
  }, [meterId, generation, onError]);
  return state;
}
