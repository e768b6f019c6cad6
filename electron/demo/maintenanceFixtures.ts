// Brings the fixture register in line with the demo's lamp replacements: each fixture a completed
// lighting order covered gets that order's date, lamp type and wattage (the latest completion
// wins), and the wattage it had before when the lamp changed — the rule of completing an order in
// workOrderTransition.ts: previous_power_w is "power before the retrofit" (改造前功率), so a
// like-for-like lamp leaves it alone.
// A last_replaced date inside the history window that no order explains is cleared: the history
// is the record of those five years. Fixtures on a still-open lighting order are marked faulty.
import type { Db } from '../store/tx';
import { localDay, type Window } from './maintenanceClock';
import type { Written } from './maintenanceWrite';

interface FixtureState {
  id: string;
  lamp_type: string | null;
  rated_power_w: number | null;
  previous_power_w: number | null;
  last_replaced: string | null;
  status: string;
}

/** One replacement applied to a fixture's record: the rule the demo and its test share. */
export function applyReplacement(
  f: Pick<FixtureState, 'lamp_type' | 'rated_power_w' | 'previous_power_w' | 'last_replaced'>,
  lampType: string,
  watts: number,
  day: string,
): void {
  const already = f.lamp_type === lampType && f.rated_power_w === watts;
  if (!already) f.previous_power_w = f.rated_power_w;
  f.lamp_type = lampType;
  f.rated_power_w = watts;
  f.last_replaced = day;
}

export function updateFixtures(db: Db, written: readonly Written[], w: Window): void {
  const fixtures = new Map(
    (
      db
        .prepare(
          `SELECT id, lamp_type, rated_power_w, previous_power_w, last_replaced, status
           FROM assets WHERE kind = 'fixture'`,
        )
        .all() as FixtureState[]
    ).map((f) => [f.id, f]),
  );
  // Only rows that change are written back: at --scale 10 the register holds 80,000+ fixtures.
  const dirty = new Set<FixtureState>();
  const windowStart = `${w.firstYear}-01-01`;
  for (const f of fixtures.values()) {
    if (f.last_replaced !== null && f.last_replaced >= windowStart) {
      f.last_replaced = null;
      dirty.add(f);
    }
  }
  const lighting = written.filter(
    (o) => o.draft.newLampType !== null && o.draft.newPowerW !== null,
  );
  const done = lighting
    .filter((o) => o.state.completedAt !== null)
    .sort((a, b) => (a.state.completedAt ?? 0) - (b.state.completedAt ?? 0));
  for (const o of done) {
    const day = localDay(o.state.completedAt ?? 0);
    for (const id of o.draft.assetIds) {
      const f = fixtures.get(id);
      if (!f) continue;
      applyReplacement(f, o.draft.newLampType ?? '', o.draft.newPowerW ?? 0, day);
      if (f.status === 'faulty') f.status = 'in_service';
      dirty.add(f);
    }
  }
  for (const o of lighting) {
    if (o.state.completedAt !== null || o.state.status === 'cancelled') continue;
    for (const id of o.draft.assetIds) {
      const f = fixtures.get(id);
      if (!f) continue;
      f.status = 'faulty';
      dirty.add(f);
    }
  }
  const update = db.prepare(
    `UPDATE assets SET lamp_type = ?, rated_power_w = ?, previous_power_w = ?, last_replaced = ?,
       status = ? WHERE id = ?`,
  );
  for (const f of dirty) {
    update.run(f.lamp_type, f.rated_power_w, f.previous_power_w, f.last_replaced, f.status, f.id);
  }
}
