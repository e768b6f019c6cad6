// The crews and their technicians, loaded once per form that needs them: a few dozen rows at most.
import { useEffect, useState } from 'react';
import type { Crew } from '../../../../../shared/contract/crews';
import { api } from '../../../api/client';

export function useCrews(active = true): Crew[] {
  const [crews, setCrews] = useState<Crew[]>([]);
  useEffect(() => {
    if (!active) return;
    let current = true;
    api
      .call('crews.list', { includeInactive: false })
      .then((r) => current && setCrews(r.items))
      // A missing crew list leaves the picker empty; the form still saves without a crew.
      .catch(() => current && setCrews([]));
    return () => {
      current = false;
    };
  }, [active]);
  return crews;
}

export function crewOptions(crews: Crew[]) {
  return crews.map((c) => ({ value: c.id, label: c.name }));
}

export function technicianOptions(crews: Crew[], crewId: string | null | undefined) {
  const crew = crews.find((c) => c.id === crewId);
  return (crew?.technicians ?? [])
    .filter((tech) => tech.active)
    .map((tech) => ({ value: tech.id, label: tech.name }));
}
