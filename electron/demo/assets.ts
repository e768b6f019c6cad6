// Demo asset register modelled on the seed college: LED fixtures in every room (8,000+ per campus,
// with realistic types and wattages), street lights, about 40 sprinkler zones totalling ~108,000 m²,
// level-1 water and electricity meters on the supply inlets, a level-2 meter of each on every
// building, and a few hundred pieces of equipment (pumps, valves, sanitary ware, sponge-city works).
import type { LampType } from '../../shared/contract/assets';
import { assetToColumns } from '../services/assetsStore';
import { assetFromInput } from '../services/assets';
import { labelOf } from '../../shared/domain/assetLabels';
import { newId, type Db } from '../store/tx';
import type { Rng } from './random';

interface RoomInfo {
  id: string;
  code: string;
  use: string;
  site_id: string;
}

interface LampSpec {
  type: LampType;
  perRoom: [number, number];
  watts: number;
  previousWatts: number;
  hours: number;
}

const lampsByUse: Record<string, LampSpec[]> = {
  teaching: [{ type: 'led_tube', perRoom: [8, 12], watts: 18, previousWatts: 36, hours: 10 }],
  lab: [{ type: 'panel', perRoom: [12, 18], watts: 36, previousWatts: 72, hours: 9 }],
  dormitory: [{ type: 'downlight', perRoom: [1, 2], watts: 12, previousWatts: 26, hours: 6 }],
  canteen: [{ type: 'panel', perRoom: [20, 30], watts: 36, previousWatts: 72, hours: 12 }],
  library: [{ type: 'panel', perRoom: [16, 24], watts: 36, previousWatts: 72, hours: 12 }],
  gym: [{ type: 'floodlight', perRoom: [16, 24], watts: 200, previousWatts: 400, hours: 6 }],
  office: [{ type: 'led_tube', perRoom: [4, 8], watts: 18, previousWatts: 36, hours: 9 }],
  other: [{ type: 'downlight', perRoom: [8, 14], watts: 12, previousWatts: 26, hours: 8 }],
};

export interface DemoAssets {
  counts: Record<string, number>;
}

function isoDay(year: number, rng: Rng): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function generateAssets(
  db: Db,
  rng: Rng,
  scale: number,
  now: string,
  lastYear: number,
): DemoAssets {
  const insert = db.prepare(
    (() => {
      const cols = Object.keys(
        assetToColumns(
          assetFromInput({ code: 'x', name: 'x', kind: 'fixture', status: 'in_service' }, 'x', now),
        ),
      );
      return `INSERT INTO assets (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`;
    })(),
  );
  const counts: Record<string, number> = { fixture: 0, irrigation_zone: 0, meter: 0, equipment: 0 };
  const add = (input: Parameters<typeof assetFromInput>[0]): string => {
    const id = newId();
    insert.run(assetToColumns(assetFromInput(input, id, now)));
    counts[input.kind] = (counts[input.kind] ?? 0) + 1;
    return id;
  };

  const rooms = db
    .prepare(
      `SELECT r.id, r.code, b.building_use AS use, b.parent_id AS site_id
       FROM places r JOIN places f ON f.id = r.parent_id JOIN places b ON b.id = f.parent_id
       WHERE r.kind = 'room' ORDER BY b.parent_id, r.code`,
    )
    .all() as RoomInfo[];
  const sites = db
    .prepare(`SELECT id, code FROM places WHERE kind = 'site' ORDER BY code`)
    .all() as { id: string; code: string }[];
  const prefixOf = new Map(sites.map((s, i) => [s.id, scale > 1 ? `C${i + 1}-` : '']));

  // Fixtures, room by room.
  for (const room of rooms) {
    const prefix = prefixOf.get(room.site_id) ?? '';
    for (const spec of lampsByUse[room.use] ?? lampsByUse.other ?? []) {
      const n = rng.int(spec.perRoom[0], spec.perRoom[1]);
      for (let i = 1; i <= n; i += 1) {
        const installYear = rng.int(2015, lastYear - 1);
        const replaced = rng.chance(0.35) ? isoDay(rng.int(installYear + 1, lastYear), rng) : null;
        add({
          code: `${prefix}${room.code}-L${String(i).padStart(2, '0')}`,
          name: labelOf('lampType', spec.type, 'zh-CN'),
          kind: 'fixture',
          placeId: room.id,
          status: rng.chance(0.015) ? 'faulty' : 'in_service',
          installDate: isoDay(installYear, rng),
          lampType: spec.type,
          ratedPowerW: spec.watts,
          previousPowerW: spec.previousWatts,
          ratedLifeH: spec.type === 'floodlight' ? 30000 : 50000,
          dailyHours: spec.hours,
          lastReplaced: replaced,
        });
      }
    }
  }

  for (const site of sites) {
    const prefix = prefixOf.get(site.id) ?? '';
    const areas = db
      .prepare(
        `SELECT id, name, code FROM places WHERE parent_id = ? AND kind = 'area' ORDER BY code`,
      )
      .all(site.id) as { id: string; name: string; code: string }[];
    const road = areas.find((a) => a.name === '环校路') ?? areas[0];
    const greens = areas.filter(
      (a) => a.name.includes('绿地') || a.name.includes('广场') || a.name.includes('运动场'),
    );
    const buildings = db
      .prepare(
        `SELECT id, code, name FROM places WHERE parent_id = ? AND kind = 'building' ORDER BY code`,
      )
      .all(site.id) as { id: string; code: string; name: string }[];

    // Street lights along the ring road and in the squares.
    for (let i = 1; i <= 160; i += 1) {
      add({
        code: `${prefix}LD-${String(i).padStart(3, '0')}`,
        name: '路灯',
        kind: 'fixture',
        placeId: (i % 5 === 0 ? rng.pick(greens) : road)?.id ?? null,
        installDate: isoDay(rng.int(2016, lastYear - 1), rng),
        lampType: 'street_light',
        ratedPowerW: 100,
        previousPowerW: 250,
        ratedLifeH: 50000,
        dailyHours: 11,
        notes: i % 40 === 0 ? '灯杆锈蚀，需关注' : '',
      });
    }

    // Meters: level-1 inlets, a level-2 meter per building for water and for electricity.
    const inlets = ['东门', '西门'].map((gate, i) =>
      add({
        code: `${prefix}WM1-${i + 1}`,
        name: `${gate}进水总表`,
        kind: 'meter',
        placeId: road?.id ?? null,
        utility: 'water',
        meterLevel: 1,
        unit: 'm³',
        multiplier: 1,
        registerDigits: 7,
        serial: `SN-W1${site.code}${i + 1}${rng.int(10000, 99999)}`,
        installDate: '2018-06-01',
      }),
    );
    const powerMain = add({
      code: `${prefix}EM1-1`,
      name: '10kV配电房总表',
      kind: 'meter',
      placeId: road?.id ?? null,
      utility: 'electricity',
      meterLevel: 1,
      unit: 'kWh',
      multiplier: 200,
      registerDigits: 8,
      serial: `SN-E1${site.code}${rng.int(10000, 99999)}`,
      installDate: '2018-06-01',
    });
    const reclaimed = add({
      code: `${prefix}RM1-1`,
      name: '再生水绿化总表',
      kind: 'meter',
      placeId: greens[0]?.id ?? null,
      utility: 'reclaimed_water',
      meterLevel: 1,
      unit: 'm³',
      multiplier: 1,
      registerDigits: 6,
      serial: `SN-R1${site.code}${rng.int(10000, 99999)}`,
      installDate: '2020-04-01',
    });
    for (const [i, b] of buildings.entries()) {
      add({
        code: `${prefix}WM2-${b.code}`,
        name: `${b.name}水表`,
        kind: 'meter',
        placeId: b.id,
        utility: 'water',
        meterLevel: 2,
        parentMeterId: inlets[i % 2] ?? null,
        unit: 'm³',
        multiplier: 1,
        registerDigits: i % 6 === 0 ? 5 : 6,
        serial: `SN-W2${rng.int(100000, 999999)}`,
        installDate: isoDay(rng.int(2016, 2020), rng),
      });
      add({
        code: `${prefix}EM2-${b.code}`,
        name: `${b.name}电表`,
        kind: 'meter',
        placeId: b.id,
        utility: 'electricity',
        meterLevel: 2,
        parentMeterId: powerMain,
        unit: 'kWh',
        multiplier: rng.pick([20, 40, 60, 80]),
        registerDigits: 6,
        serial: `SN-E2${rng.int(100000, 999999)}`,
        installDate: isoDay(rng.int(2016, 2020), rng),
      });
    }

    // Irrigation: about 40 sprinkler zones per campus, ~108,000 m² in all.
    const raw = Array.from({ length: 40 }, () => rng.int(1500, 4000));
    const sum = raw.reduce((a, b) => a + b, 0);
    for (const [i, share] of raw.entries()) {
      const method = i % 10 === 9 ? 'drip' : i % 5 === 4 ? 'micro_spray' : 'sprinkler';
      const nightly = i % 8 === 3;
      add({
        code: `${prefix}GZ-${String(i + 1).padStart(2, '0')}`,
        name: `${greens[i % Math.max(1, greens.length)]?.name ?? '绿地'}喷灌${i + 1}区`,
        kind: 'irrigation_zone',
        placeId: greens[i % Math.max(1, greens.length)]?.id ?? null,
        greenAreaM2: Math.round((share / sum) * 108000),
        irrigationMethod: method,
        plantType: rng.pick(['草坪', '灌木', '乔木', '花卉']),
        controllerId: `CTL-${Math.floor(i / 8) + 1}-${(i % 8) + 1}`,
        linkedMeterId: reclaimed,
        scheduleDays: nightly ? ['TU', 'FR'] : ['MO', 'WE', 'FR'],
        scheduleStart: nightly ? '02:30' : rng.pick(['05:00', '05:30', '06:00']),
        scheduleMinutes: method === 'drip' ? 60 : rng.pick([20, 25, 30, 40]),
        precipRateMmH:
          method === 'drip' ? 4 : method === 'micro_spray' ? 8 : rng.pick([10, 12, 15]),
        installDate: isoDay(rng.int(2017, 2021), rng),
      });
    }

    // Equipment: pumps, valves, sanitary ware, pipe segments, sponge-city facilities.
    const equipment: [string, string, number, () => string | undefined][] = [
      ['pump', '供水加压泵', 8, () => road?.id],
      ['valve', '给水阀门', 90, () => rng.pick(buildings).id],
      ['sanitary_ware', '感应式节水小便器', 120, () => rng.pick(buildings).id],
      ['pipe_segment', '供水管段', 40, () => road?.id],
      ['rain_garden', '雨水花园', 6, () => rng.pick(greens)?.id],
      ['permeable_paving', '透水铺装', 10, () => rng.pick(areas)?.id],
      ['sunken_green', '下沉式绿地', 8, () => rng.pick(greens)?.id],
      ['retention_pond', '调蓄池', 2, () => rng.pick(greens)?.id],
    ];
    for (const [type, name, n, place] of equipment) {
      for (let i = 1; i <= n; i += 1) {
        add({
          code: `${prefix}EQ-${type.toUpperCase().replace('_', '')}-${String(i).padStart(3, '0')}`,
          name: `${name}${i}`,
          kind: 'equipment',
          placeId: place() ?? null,
          equipmentType: type,
          installDate: isoDay(rng.int(2012, lastYear - 1), rng),
          ...(type === 'pump'
            ? { ratedPowerW: rng.pick([5500, 7500, 11000]), dailyHours: 16 }
            : {}),
        });
      }
    }
  }
  return { counts };
}
