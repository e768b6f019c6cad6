// SQL of the assets table: the select with the place label, row mapping, insert and update.
import type { Asset, AssetFields, AssetKind, AssetStatus } from '../../shared/contract/assets';
import type { Db } from '../store/tx';
import { fieldColumns, fieldNames, fromColumnValue, toColumnValue } from './assetColumns';

export type AssetRow = Record<string, unknown> & {
  rowid: number;
  id: string;
  code: string;
  name: string;
  kind: AssetKind;
  place_id: string | null;
  place_label: string | null;
  status: AssetStatus;
  install_date: string | null;
  notes: string;
  custom_json: string;
  created_at: string;
  updated_at: string;
};

/** "Building › Floor › Room", leaving out the site (every list is within one or few sites). */
export const PLACE_LABEL = `CASE WHEN p1.id IS NULL THEN NULL ELSE
  (CASE WHEN p3.kind IN ('building','floor') THEN p3.name || ' › ' ELSE '' END) ||
  (CASE WHEN p2.kind IN ('building','floor') THEN p2.name || ' › ' ELSE '' END) || p1.name END`;

export const ASSET_FROM = `assets a
  LEFT JOIN places p1 ON p1.id = a.place_id
  LEFT JOIN places p2 ON p2.id = p1.parent_id
  LEFT JOIN places p3 ON p3.id = p2.parent_id`;

export const ASSET_SELECT = `SELECT a.rowid AS rowid, a.*, ${PLACE_LABEL} AS place_label FROM ${ASSET_FROM}`;

export function toAsset(row: AssetRow): Asset {
  const fields = {} as Record<keyof AssetFields, unknown>;
  for (const field of fieldNames) {
    fields[field] = fromColumnValue(field, row[fieldColumns[field].column]);
  }
  return {
    ...(fields as AssetFields),
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    placeId: row.place_id,
    placeName: row.place_label,
    status: row.status,
    installDate: row.install_date,
    notes: row.notes,
    custom: JSON.parse(row.custom_json) as Asset['custom'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const fieldCols = fieldNames.map((f) => fieldColumns[f].column);
const allCols = [
  'id',
  'code',
  'name',
  'kind',
  'place_id',
  'status',
  'install_date',
  'notes',
  'custom_json',
  ...fieldCols,
  'created_at',
  'updated_at',
];

/** Values keyed by column for the insert and update statements. */
export function assetToColumns(asset: Asset): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: asset.id,
    code: asset.code,
    name: asset.name,
    kind: asset.kind,
    place_id: asset.placeId,
    status: asset.status,
    install_date: asset.installDate,
    notes: asset.notes,
    custom_json: JSON.stringify(asset.custom),
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
  };
  for (const field of fieldNames)
    out[fieldColumns[field].column] = toColumnValue(field, asset[field]);
  return out;
}

export function assetStatements(db: Db) {
  return {
    byId: db.prepare<[string], AssetRow>(`${ASSET_SELECT} WHERE a.id = ?`),
    /** Many rows by id in one statement (ids as a JSON array); order is the caller's to restore. */
    byIds: db.prepare<[string], AssetRow>(
      `${ASSET_SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`,
    ),
    byCode: db.prepare<[string], AssetRow>(`${ASSET_SELECT} WHERE a.code = ?`),
    insert: db.prepare(
      `INSERT INTO assets (${allCols.join(', ')}) VALUES (${allCols.map((c) => '@' + c).join(', ')})`,
    ),
    update: db.prepare(
      `UPDATE assets SET ${allCols
        .filter((c) => c !== 'id' && c !== 'created_at')
        .map((c) => `${c} = @${c}`)
        .join(', ')} WHERE id = @id`,
    ),
    remove: db.prepare(`DELETE FROM assets WHERE id = ?`),
  };
}

export type AssetStatements = ReturnType<typeof assetStatements>;
const cache = new WeakMap<Db, AssetStatements>();

export function assetsSql(db: Db): AssetStatements {
  let s = cache.get(db);
  if (!s) {
    s = assetStatements(db);
    cache.set(db, s);
  }
  return s;
}

/** Rows for the given ids, in the order of the ids; unknown ids are left out. */
export function assetsByIds(db: Db, ids: readonly string[]): Asset[] {
  const rows = assetsSql(db).byIds.all(JSON.stringify(ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toAsset(row)] : [];
  });
}
