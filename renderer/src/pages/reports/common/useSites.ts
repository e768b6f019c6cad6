// The sites (campuses and parks) the reports can be about: the roots of the place tree.
import { useEffect, useState } from 'react';
import type { Place } from '../../../../../shared/contract/places';
import { api } from '../../../api/client';

export function useSites(): { sites: Place[] | null; error: unknown } {
  const [sites, setSites] = useState<Place[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.call('places.list', { parentId: null }).then(
      ({ items }) => setSites(items.filter((p) => p.kind === 'site')),
      (e: unknown) => setError(e),
    );
  }, []);
  return { sites, error };
}
