// What the plan editor looks up once when it opens: the crews to assign, and the sites' time zones
// (a new plan takes its site's zone; with one site, or none chosen yet, the first site's).
import { useEffect, useState } from 'react';
import type { Crew } from '../../../../../shared/contract/crews';
import { api } from '../../../api/client';
import { DEFAULT_TIME_ZONE } from './format';

export interface EditorLookups {
  crews: Crew[];
  /** Site id → its IANA zone (sites without one use the default). */
  siteZones: Map<string, string>;
  defaultZone: string;
}

export function useEditorLookups(open: boolean): EditorLookups {
  const [crews, setCrews] = useState<Crew[]>([]);
  const [siteZones, setSiteZones] = useState<Map<string, string>>(() => new Map());

  useEffect(() => {
    if (!open) return;
    let stale = false;
    // The crew is optional, so a failing crew list leaves the select empty rather than blocking.
    api
      .call('crews.list', { includeInactive: false })
      .then((r) => !stale && setCrews(r.items))
      .catch(() => !stale && setCrews([]));
    api
      .call('places.list', { parentId: null })
      .then((r) => {
        if (stale) return;
        const sites = r.items.filter((p) => p.kind === 'site');
        setSiteZones(new Map(sites.map((s) => [s.id, s.timeZone ?? DEFAULT_TIME_ZONE])));
      })
      .catch(() => !stale && setSiteZones(new Map()));
    return () => {
      stale = true;
    };
  }, [open]);

  const first = siteZones.values().next();
  return { crews, siteZones, defaultZone: first.done ? DEFAULT_TIME_ZONE : first.value };
}
