// Demo crews (班组): each campus keeps its own five crews of 2–4 technicians, since crews work on
// site and a dispatcher assigns within the campus. Crew names are unique in the schema, so at
// --scale above 1 they carry the campus (第2校区电工一班); at scale 1 they are the plain names.
// The people who dispatch and verify (后勤值班, 后勤管理科) are named here too.
import { newId, type Db } from '../store/tx';
import type { Rng } from './random';
import { crewDefs, personName, phoneNumber, type CrewRole } from './maintenanceText';

export interface Crew {
  id: string;
  name: string;
  technicians: { id: string; name: string }[];
}

export interface SiteStaff {
  crews: Record<CrewRole, Crew>;
  dispatchers: string[];
  verifiers: string[];
  storekeeper: string;
}

export function generateCrews(
  db: Db,
  rng: Rng,
  siteCount: number,
  createdAt: string,
): { staff: SiteStaff[]; counts: Record<string, number> } {
  const insertCrew = db.prepare(
    `INSERT INTO crews (id, name, trade, phone, active, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const insertTech = db.prepare(
    `INSERT INTO technicians (id, crew_id, name, trade, phone, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const staff: SiteStaff[] = [];
  let technicians = 0;
  for (let s = 1; s <= siteCount; s += 1) {
    const prefix = siteCount > 1 ? `第${s}校区` : '';
    const crews = {} as Record<CrewRole, Crew>;
    for (const def of crewDefs) {
      const id = newId();
      const name = `${prefix}${def.name}`;
      insertCrew.run(id, name, def.trade, phoneNumber(rng), '', createdAt, createdAt);
      const crew: Crew = { id, name, technicians: [] };
      const size = rng.int(2, 4);
      const used = new Set<string>();
      while (crew.technicians.length < size) {
        const person = personName(rng);
        if (used.has(person)) continue;
        used.add(person);
        const techId = newId();
        insertTech.run(techId, id, person, def.trade, phoneNumber(rng), createdAt, createdAt);
        crew.technicians.push({ id: techId, name: person });
        technicians += 1;
      }
      crews[def.role] = crew;
    }
    staff.push({
      crews,
      dispatchers: [personName(rng), personName(rng)],
      verifiers: [`后勤管理科${personName(rng)}`, `后勤管理科${personName(rng)}`],
      storekeeper: `仓管${personName(rng)}`,
    });
  }
  return { staff, counts: { crews: siteCount * crewDefs.length, technicians } };
}
