// The register's rules for one asset, checked before any write (create, edit, bulk, import):
// fields belong to the asset's kind, places and linked meters exist, meter trees stay trees.
import type { Asset } from '../../shared/contract/assets';
import { DeskError, type FieldIssue } from '../../shared/contract/errors';
import type { Db } from '../store/tx';
import { fieldAppliesTo, fieldNames } from './assetColumns';

interface MeterRow {
  id: string;
  kind: string;
  utility: string | null;
  meter_level: number | null;
  parent_meter_id: string | null;
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    place: db.prepare<[string], { id: string }>('SELECT id FROM places WHERE id = ?'),
    meter: db.prepare<[string], MeterRow>(
      'SELECT id, kind, utility, meter_level, parent_meter_id FROM assets WHERE id = ?',
    ),
    codeOwner: db.prepare<[string], { id: string }>('SELECT id FROM assets WHERE code = ?'),
    childMeters: db.prepare<[string], MeterRow & { code: string }>(
      'SELECT id, code, kind, utility, meter_level, parent_meter_id FROM assets WHERE parent_meter_id = ?',
    ),
  };
}
function sql(db: Db) {
  let s = cache.get(db);
  if (!s) {
    s = prepare(db);
    cache.set(db, s);
  }
  return s;
}

/** Problems with an asset as field issues; empty when it may be written. */
export function assetIssues(db: Db, asset: Asset): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const s = sql(db);
  for (const field of fieldNames) {
    const value = asset[field];
    if (value !== null && value !== undefined && !fieldAppliesTo(field, asset.kind)) {
      issues.push({ path: field, message: `does not apply to a ${asset.kind}` });
    }
  }
  const owner = s.codeOwner.get(asset.code);
  if (owner && owner.id !== asset.id) {
    issues.push({ path: 'code', message: `code ${asset.code} is already used by another asset` });
  }
  if (asset.placeId !== null && !s.place.get(asset.placeId)) {
    issues.push({ path: 'placeId', message: `no place with id ${asset.placeId}` });
  }
  if (asset.linkedMeterId) {
    const meter = s.meter.get(asset.linkedMeterId);
    if (!meter || meter.kind !== 'meter')
      issues.push({ path: 'linkedMeterId', message: 'not a meter' });
  }
  if (asset.parentMeterId) issues.push(...parentMeterIssues(db, asset));
  issues.push(...childMeterIssues(db, asset));
  return issues;
}

function parentMeterIssues(db: Db, asset: Asset): FieldIssue[] {
  const s = sql(db);
  const parent = asset.parentMeterId ? s.meter.get(asset.parentMeterId) : undefined;
  if (!parent || parent.kind !== 'meter')
    return [{ path: 'parentMeterId', message: 'not a meter' }];
  const issues: FieldIssue[] = [];
  if (parent.utility !== asset.utility) {
    issues.push({
      path: 'parentMeterId',
      message: `parent meter measures ${parent.utility ?? 'nothing'}, not ${asset.utility ?? 'nothing'}`,
    });
  }
  if (
    asset.meterLevel !== null &&
    parent.meter_level !== null &&
    parent.meter_level >= asset.meterLevel
  ) {
    issues.push({
      path: 'meterLevel',
      message: `must be below its parent's level ${parent.meter_level}`,
    });
  }
  // Walk up: the new parent must not be the meter itself or one of its descendants.
  let cursor: MeterRow | undefined = parent;
  for (let depth = 0; cursor && depth < 20; depth += 1) {
    if (cursor.id === asset.id) {
      issues.push({ path: 'parentMeterId', message: 'a meter cannot be its own ancestor' });
      break;
    }
    cursor = cursor.parent_meter_id ? s.meter.get(cursor.parent_meter_id) : undefined;
  }
  return issues;
}

/** A meter's own changes must not break the rules its child meters were created under. */
function childMeterIssues(db: Db, asset: Asset): FieldIssue[] {
  const children = sql(db).childMeters.all(asset.id);
  const issues: FieldIssue[] = [];
  for (const child of children) {
    if (asset.kind !== 'meter') {
      issues.push({ path: 'kind', message: `meter ${child.code} hangs from this asset` });
    } else if (child.utility !== asset.utility) {
      issues.push({
        path: 'utility',
        message: `child meter ${child.code} measures ${child.utility ?? 'nothing'}`,
      });
    } else if (
      asset.meterLevel !== null &&
      child.meter_level !== null &&
      child.meter_level <= asset.meterLevel
    ) {
      issues.push({
        path: 'meterLevel',
        message: `must stay above child meter ${child.code} (level ${child.meter_level})`,
      });
    }
  }
  return issues;
}

export function assertAssetValid(db: Db, asset: Asset): void {
  const issues = assetIssues(db, asset);
  if (issues.length === 0) return;
  const conflict = issues.every((i) => i.path === 'code');
  throw new DeskError(
    conflict ? 'CONFLICT' : 'VALIDATION',
    `Asset ${asset.code}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    { issues },
  );
}
