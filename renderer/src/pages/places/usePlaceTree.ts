// Lazily loaded place tree state: children per parent, fetched on expand and refreshed after edits.
import { useCallback, useEffect, useState } from 'react';
import type { Place } from '../../../../shared/contract/places';
import { api } from '../../api/client';

export const ROOT = '__root__';

export function usePlaceTree(onError: (error: unknown) => void) {
  const [childrenOf, setChildrenOf] = useState<Record<string, Place[]>>({});
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(
    async (parentKey: string) => {
      try {
        const { items } = await api.call('places.list', {
          parentId: parentKey === ROOT ? null : parentKey,
        });
        setChildrenOf((prev) => ({ ...prev, [parentKey]: items }));
      } catch (error) {
        onError(error);
      }
    },
    [onError],
  );

  useEffect(() => {
    void load(ROOT).then(() => setLoaded(true));
  }, [load]);

  /** Reloads the given parents' children (after a create, edit, move or delete). */
  const refresh = useCallback(
    async (...parentKeys: (string | null)[]) => {
      const keys = new Set(parentKeys.map((k) => k ?? ROOT));
      await Promise.all([...keys].map((k) => load(k)));
    },
    [load],
  );

  return { childrenOf, loaded, load, refresh };
}
