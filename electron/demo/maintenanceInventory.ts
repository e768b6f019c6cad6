// What the maintenance history works on, read once from the demo register just written: per campus
// its buildings, floors and rooms with their fixtures, street lights, equipment, zones and meters.
// Everything is ordered by code so the seeded choices made over it are the same on every run.
import type { Db } from '../store/tx';

export interface Fixture {
  id: string;
  code: string;
  placeId: string;
  lampType: string;
  watts: number;
  installDate: string | null;
}

export interface Room {
  id: string;
  /** Building and room name, for titles: 学生宿舍3号楼101. */
  label: string;
  fixtures: Fixture[];
}

export interface Floor {
  id: string;
  /** Building and floor name: 第一教学楼3层. */
  label: string;
  rooms: Room[];
  fixtures: Fixture[];
}

export interface Building {
  id: string;
  name: string;
  code: string;
  floors: Floor[];
  fixtureIds: string[];
}

export interface Located {
  id: string;
  placeId: string;
  name: string;
}

export interface SiteInventory {
  id: string;
  name: string;
  index: number;
  buildings: Building[];
  rooms: Room[];
  roadId: string;
  streetLights: Fixture[];
  equipment: Record<string, Located[]>;
  zones: Located[];
  meterIds: string[];
}

interface FixtureRow {
  id: string;
  code: string;
  place_id: string;
  site_id: string;
  room_name: string | null;
  floor_id: string | null;
  floor_name: string | null;
  building_id: string | null;
  building_name: string | null;
  lamp_type: string;
  rated_power_w: number;
  install_date: string | null;
}

interface AssetRow {
  id: string;
  name: string;
  kind: string;
  equipment_type: string | null;
  place_id: string;
  site_id: string;
}

/**
 * The site above an asset's place, at most three levels up (room › floor › building › site), by
 * plain joins: a recursive walk of the tree joined to 100,000 fixtures was ten times slower.
 */
const SITE_JOINS = `
  JOIN places p1 ON p1.id = a.place_id
  LEFT JOIN places p2 ON p2.id = p1.parent_id
  LEFT JOIN places p3 ON p3.id = p2.parent_id
  LEFT JOIN places p4 ON p4.id = p3.parent_id`;
const SITE_ID = `CASE 'site' WHEN p1.kind THEN p1.id WHEN p2.kind THEN p2.id WHEN p3.kind THEN p3.id
  ELSE p4.id END AS site_id`;

export function loadInventory(db: Db): SiteInventory[] {
  const sites = db
    .prepare(`SELECT id, name FROM places WHERE kind = 'site' ORDER BY code`)
    .all() as { id: string; name: string }[];
  const buildingsOf = db.prepare(
    `SELECT id, name, code FROM places WHERE parent_id = ? AND kind = 'building' ORDER BY code`,
  );
  const areasOf = db.prepare(
    `SELECT id, name FROM places WHERE parent_id = ? AND kind = 'area' ORDER BY code`,
  );
  // Fixtures in rooms carry their floor and building; street lights sit directly in areas.
  const fixtures = db
    .prepare(
      `SELECT a.id, a.code, a.place_id, ${SITE_ID}, p1.name AS room_name,
              CASE p1.kind WHEN 'room' THEN p2.id END AS floor_id, p2.name AS floor_name,
              CASE p1.kind WHEN 'room' THEN p3.id END AS building_id, p3.name AS building_name,
              a.lamp_type, a.rated_power_w, a.install_date
       FROM assets a ${SITE_JOINS}
       WHERE a.kind = 'fixture'
       ORDER BY a.code`,
    )
    .all() as FixtureRow[];
  const others = db
    .prepare(
      `SELECT a.id, a.name, a.kind, a.equipment_type, a.place_id, ${SITE_ID}
       FROM assets a ${SITE_JOINS}
       WHERE a.kind IN ('equipment','irrigation_zone','meter') ORDER BY a.code`,
    )
    .all() as AssetRow[];

  return sites.map((site, index) => {
    const buildings = (
      buildingsOf.all(site.id) as { id: string; name: string; code: string }[]
    ).map((b) => ({ ...b, floors: [] as Floor[], fixtureIds: [] as string[] }));
    const byBuilding = new Map(buildings.map((b) => [b.id, b]));
    const floors = new Map<string, Floor>();
    const rooms = new Map<string, Room>();
    const streetLights: Fixture[] = [];
    for (const row of fixtures) {
      if (row.site_id !== site.id) continue;
      const fixture: Fixture = {
        id: row.id,
        code: row.code,
        placeId: row.place_id,
        lampType: row.lamp_type,
        watts: row.rated_power_w,
        installDate: row.install_date,
      };
      const building = row.building_id ? byBuilding.get(row.building_id) : undefined;
      if (!building || !row.floor_id) {
        streetLights.push(fixture);
        continue;
      }
      let floor = floors.get(row.floor_id);
      if (!floor) {
        const label = `${row.building_name ?? ''}${row.floor_name ?? ''}`;
        floor = { id: row.floor_id, label, rooms: [], fixtures: [] };
        floors.set(row.floor_id, floor);
        building.floors.push(floor);
      }
      let room = rooms.get(row.place_id);
      if (!room) {
        const label = `${row.building_name ?? ''}${row.room_name ?? ''}`;
        room = { id: row.place_id, label, fixtures: [] };
        rooms.set(row.place_id, room);
        floor.rooms.push(room);
      }
      room.fixtures.push(fixture);
      floor.fixtures.push(fixture);
      building.fixtureIds.push(fixture.id);
    }
    const equipment: Record<string, Located[]> = {};
    const zones: Located[] = [];
    const meterIds: string[] = [];
    for (const a of others) {
      if (a.site_id !== site.id) continue;
      const located = { id: a.id, placeId: a.place_id, name: a.name };
      if (a.kind === 'meter') meterIds.push(a.id);
      else if (a.kind === 'irrigation_zone') zones.push(located);
      else (equipment[a.equipment_type ?? 'other'] ??= []).push(located);
    }
    const areas = areasOf.all(site.id) as { id: string; name: string }[];
    const road = areas.find((a) => a.name === '环校路') ?? areas[0];
    if (!road) throw new Error(`demo campus ${site.name} has no outdoor area`);
    return {
      id: site.id,
      name: site.name,
      index,
      buildings,
      rooms: [...rooms.values()],
      roadId: road.id,
      streetLights,
      equipment,
      zones,
      meterIds,
    };
  });
}
