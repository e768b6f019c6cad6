// Lists the report pickers need: a site's buildings (places.list) and its meters of a utility.
// The meter list comes from analytics.breakdown over a single day, which names every meter of the
// utility in the site with its level and parent; assets.list cannot filter by utility.
import { useEffect, useState } from 'react';
import type { Utility } from '../../../../../shared/contract/assets';
import type { Place } from '../../../../../shared/contract/places';
import { api } from '../../../api/client';
import { useApiCall } from './useApiCall';

export function useBuildings(siteId: string): Place[] | null {
  const [state, setState] = useState<{ siteId: string; items: Place[] } | null>(null);
  useEffect(() => {
    let live = true;
    api.call('places.list', { parentId: siteId }).then(
      ({ items }) =>
        live && setState({ siteId, items: items.filter((p) => p.kind === 'building') }),
      () => live && setState({ siteId, items: [] }),
    );
    return () => {
      live = false;
    };
  }, [siteId]);
  return state?.siteId === siteId ? state.items : null;
}

export function useSiteMeters(siteId: string, utility: Utility, year: number) {
  const day = `${year}-01-01`;
  return useApiCall('analytics.breakdown', { siteId, utility, from: day, to: day });
}
