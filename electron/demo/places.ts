// Demo place tree modelled on the seed college: per campus about 30 buildings (teaching, labs,
// dormitories, canteens, library, gym, offices) with floors, rooms and floor areas, plus outdoor areas.
import type { BuildingUse } from '../../shared/contract/places';
import { newId, type Db } from '../store/tx';
import type { Rng } from './random';

interface BuildingPlan {
  name: string;
  code: string;
  use: BuildingUse;
  floors: number;
  roomsPerFloor: number;
  roomName: (floor: number, room: number) => string;
  floorAreaM2: number;
}

function campusBuildings(): BuildingPlan[] {
  const plans: BuildingPlan[] = [];
  const room = (prefix: string) => (f: number, r: number) =>
    `${prefix}${f}${String(r).padStart(2, '0')}`;
  for (const [i, letter] of ['A', 'B', 'C', 'D', 'E', 'F'].entries()) {
    plans.push({
      name: `第${'一二三四五六'[i]}教学楼`,
      code: `JX-${letter}`,
      use: 'teaching',
      floors: 5,
      roomsPerFloor: 12,
      roomName: room(`${letter}`),
      floorAreaM2: 1800,
    });
  }
  for (let i = 1; i <= 4; i += 1) {
    plans.push({
      name: `${['机电', '汽修', '电子信息', '建筑工程'][i - 1]}实训楼`,
      code: `SX-${i}`,
      use: 'lab',
      floors: 4,
      roomsPerFloor: 8,
      roomName: room(`S${i}-`),
      floorAreaM2: 2200,
    });
  }
  for (let i = 1; i <= 12; i += 1) {
    plans.push({
      name: `学生宿舍${i}号楼`,
      code: `SS-${String(i).padStart(2, '0')}`,
      use: 'dormitory',
      floors: 6,
      roomsPerFloor: 20,
      roomName: room(''),
      floorAreaM2: 1500,
    });
  }
  plans.push({
    name: '第一食堂',
    code: 'ST-1',
    use: 'canteen',
    floors: 2,
    roomsPerFloor: 4,
    roomName: (f, r) => `${f}楼${['大厅', '后厨', '餐厅', '仓库'][r - 1] ?? r}`,
    floorAreaM2: 3000,
  });
  plans.push({
    name: '第二食堂',
    code: 'ST-2',
    use: 'canteen',
    floors: 3,
    roomsPerFloor: 4,
    roomName: (f, r) => `${f}楼${['大厅', '后厨', '餐厅', '仓库'][r - 1] ?? r}`,
    floorAreaM2: 2600,
  });
  plans.push({
    name: '图书馆',
    code: 'TSG',
    use: 'library',
    floors: 6,
    roomsPerFloor: 6,
    roomName: (f, r) => `${f}层阅览室${r}`,
    floorAreaM2: 2500,
  });
  plans.push({
    name: '体育馆',
    code: 'TYG',
    use: 'gym',
    floors: 2,
    roomsPerFloor: 5,
    roomName: (f, r) => `${f}层场馆${r}`,
    floorAreaM2: 4000,
  });
  plans.push({
    name: '行政楼',
    code: 'XZ',
    use: 'office',
    floors: 8,
    roomsPerFloor: 10,
    roomName: room(''),
    floorAreaM2: 1200,
  });
  plans.push({
    name: '后勤服务中心',
    code: 'HQ',
    use: 'office',
    floors: 3,
    roomsPerFloor: 8,
    roomName: room('H'),
    floorAreaM2: 900,
  });
  plans.push({
    name: '大学生活动中心',
    code: 'HD',
    use: 'other',
    floors: 3,
    roomsPerFloor: 6,
    roomName: room('D'),
    floorAreaM2: 1600,
  });
  return plans;
}

const outdoorAreas = [
  '中心广场',
  '东区绿地',
  '西区绿地',
  '南区绿地',
  '北区绿地',
  '田径运动场',
  '环校路',
  '停车场',
];

export interface DemoPlaces {
  siteIds: string[];
  buildingIds: string[];
  roomIds: string[];
  counts: Record<string, number>;
}

export function generatePlaces(db: Db, rng: Rng, scale: number, now: string): DemoPlaces {
  const insert = db.prepare(
    `INSERT INTO places (id, kind, parent_id, name, code, area_m2, floor_number, building_use,
                         time_zone, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const out: DemoPlaces = { siteIds: [], buildingIds: [], roomIds: [], counts: {} };
  const bump = (kind: string) => (out.counts[kind] = (out.counts[kind] ?? 0) + 1);
  const add = (
    kind: string,
    parent: string | null,
    name: string,
    code: string | null,
    area: number | null,
    floor: number | null,
    use: string | null,
    zone: string | null,
  ) => {
    const id = newId();
    insert.run(id, kind, parent, name, code, area, floor, use, zone, now, now);
    bump(kind);
    return id;
  };

  for (let s = 1; s <= scale; s += 1) {
    const siteName = scale === 1 ? '职业技术学院主校区' : `职业技术学院第${s}校区`;
    const siteId = add('site', null, siteName, `XQ-${s}`, null, null, null, 'Asia/Shanghai');
    out.siteIds.push(siteId);
    for (const plan of campusBuildings()) {
      const floorArea = Math.round(plan.floorAreaM2 * (0.85 + rng.next() * 0.3));
      const buildingId = add(
        'building',
        siteId,
        plan.name,
        plan.code,
        floorArea * plan.floors,
        null,
        plan.use,
        null,
      );
      out.buildingIds.push(buildingId);
      for (let f = 1; f <= plan.floors; f += 1) {
        const floorId = add(
          'floor',
          buildingId,
          `${f}层`,
          `${plan.code}-${f}F`,
          floorArea,
          f,
          null,
          null,
        );
        for (let r = 1; r <= plan.roomsPerFloor; r += 1) {
          const roomArea = Math.round((floorArea / plan.roomsPerFloor) * 0.8);
          out.roomIds.push(
            add(
              'room',
              floorId,
              plan.roomName(f, r),
              `${plan.code}-${f}${String(r).padStart(2, '0')}`,
              roomArea,
              null,
              null,
              null,
            ),
          );
        }
      }
    }
    for (const [i, name] of outdoorAreas.entries()) {
      add('area', siteId, name, `WS-${i + 1}`, rng.int(3000, 20000), null, null, null);
    }
  }
  return out;
}
