// Small factories and readers for the asset register tests: a campus of places with Chinese names,
// asset inputs of each kind, paging through the whole register, and the audit rows of one asset.
import type { Api } from '../../electron/api';
import type { InputOf } from '../../shared/contract';
import type { Asset, AssetFilter, SortColumn } from '../../shared/contract/assets';
import type { Place } from '../../shared/contract/places';
import { call, createTree, type Tree } from './api';

export type NewAsset = InputOf<'assets.create'>;

export interface Campus extends Tree {
  /** A second room on the tree's floor. */
  room2: Place;
  floor2: Place;
  room201: Place;
  building2: Place;
  floorB: Place;
  roomB: Place;
  /** An outdoor area directly under the site. */
  green: Place;
}

/**
 * createTree's site → 第一教学楼 → 1层 → 多媒体教室A101, plus A102, a 2层 with A201, a second
 * building 第二教学楼 → 1层 → B101, and an outdoor area 东区绿地 under the site.
 */
export function createCampus(api: Api): Campus {
  const tree = createTree(api);
  const place = (input: InputOf<'places.create'>) => call(api, 'places.create', input);
  const room2 = place({
    kind: 'room',
    parentId: tree.floor.id,
    name: '多媒体教室A102',
    code: 'A102',
  });
  const floor2 = place({
    kind: 'floor',
    parentId: tree.building.id,
    name: '2层',
    code: 'JX-A-2F',
    floorNumber: 2,
  });
  const room201 = place({ kind: 'room', parentId: floor2.id, name: '计算机房A201', code: 'A201' });
  const building2 = place({
    kind: 'building',
    parentId: tree.site.id,
    name: '第二教学楼',
    code: 'JX-B',
    use: 'teaching',
  });
  const floorB = place({
    kind: 'floor',
    parentId: building2.id,
    name: '1层',
    code: 'JX-B-1F',
    floorNumber: 1,
  });
  const roomB = place({ kind: 'room', parentId: floorB.id, name: '阶梯教室B101', code: 'B101' });
  const green = place({
    kind: 'area',
    parentId: tree.site.id,
    name: '东区绿地',
    code: 'WS-1',
    areaM2: 12000,
  });
  return { ...tree, room2, floor2, room201, building2, floorB, roomB, green };
}

export function fixtureInput(code: string, extra: Partial<NewAsset> = {}): NewAsset {
  return {
    code,
    name: 'LED灯管',
    kind: 'fixture',
    lampType: 'led_tube',
    ratedPowerW: 18,
    ...extra,
  };
}

export function meterInput(
  code: string,
  utility: 'water' | 'reclaimed_water' | 'electricity',
  meterLevel: number | null,
  extra: Partial<NewAsset> = {},
): NewAsset {
  return {
    code,
    name: utility === 'electricity' ? '电表' : '水表',
    kind: 'meter',
    utility,
    meterLevel,
    unit: utility === 'electricity' ? 'kWh' : 'm³',
    ...extra,
  };
}

export function zoneInput(code: string, extra: Partial<NewAsset> = {}): NewAsset {
  return {
    code,
    name: '喷灌分区',
    kind: 'irrigation_zone',
    greenAreaM2: 2500,
    irrigationMethod: 'sprinkler',
    scheduleDays: ['MO', 'WE', 'FR'],
    scheduleStart: '05:30',
    scheduleMinutes: 30,
    ...extra,
  };
}

export function equipmentInput(code: string, extra: Partial<NewAsset> = {}): NewAsset {
  return { code, name: '供水加压泵', kind: 'equipment', equipmentType: 'pump', ...extra };
}

export function createAsset(api: Api, input: NewAsset): Asset {
  return call(api, 'assets.create', input);
}

export interface ListAllResult {
  items: Asset[];
  /** The total reported by every page; a stable count gives one value repeated. */
  totals: number[];
}

/** Every asset a filter matches, in the given order, fetched page by page through assets.list. */
export function listAll(
  api: Api,
  filter: AssetFilter = {},
  sort: { column: SortColumn; direction: 'asc' | 'desc' } = { column: 'code', direction: 'asc' },
  pageSize = 500,
): ListAllResult {
  const items: Asset[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = call(api, 'assets.list', { filter, sort, offset, limit: pageSize });
    totals.push(page.total);
    items.push(...page.items);
    if (page.items.length < pageSize) break;
    if (offset > 1_000_000) throw new Error('listAll: runaway paging');
  }
  return { items, totals };
}

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  note: string | null;
}

/** Audit rows of one entity, oldest first. */
export function auditRowsFor(api: Api, entityId: string): AuditRow[] {
  return api.core.db
    .prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY rowid')
    .all(entityId);
}

export function countWhere(api: Api, sql: string, ...params: unknown[]): number {
  const row = api.core.db.prepare<unknown[], { n: number }>(sql).get(...params);
  return row?.n ?? 0;
}
