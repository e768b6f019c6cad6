// Demo headcounts: five years of students, staff, residents and others per campus, growing slowly.
import { newId, type Db } from '../store/tx';
import type { Rng } from './random';

export function generateHeadcounts(
  db: Db,
  rng: Rng,
  siteIds: readonly string[],
  lastYear: number,
): number {
  const insert = db.prepare(
    `INSERT INTO headcounts (id, site_id, year, students, staff, residents, others) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  let rows = 0;
  for (const siteId of siteIds) {
    let students = rng.int(8200, 8800);
    for (let year = lastYear - 4; year <= lastYear; year += 1) {
      students = Math.round(students * (1 + (rng.next() * 0.05 - 0.01)));
      const staff = Math.round(students * 0.075);
      insert.run(newId(), siteId, year, students, staff, rng.int(150, 260), rng.int(250, 400));
      rows += 1;
    }
  }
  return rows;
}
