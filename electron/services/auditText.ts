// Audit entries as text for a spreadsheet: object types, actions, field names and coded values in
// Chinese or English. The renderer has its own i18n keys for the screen; this is the core's copy,
// because an export is written here and must read the same whichever window asked for it.
import type { AuditAction, AuditChange } from '../../shared/contract/audit';
import type { SheetLanguage } from '../../shared/contract/assetTransfer';
import { labelOf, type Label } from '../../shared/domain/assetLabels';
import { sheetColumns } from './assetSheetColumns';

const pick = (label: Label, lang: SheetLanguage) => (lang === 'en' ? label.en : label.zh);

const entities: Record<string, Label> = {
  place: { zh: '场所', en: 'Place' },
  asset: { zh: '资产', en: 'Asset' },
  import: { zh: '导入', en: 'Import' },
  demo: { zh: '演示数据', en: 'Demo data' },
  work_order: { zh: '工单', en: 'Work order' },
  repair_request: { zh: '报修', en: 'Repair request' },
  crew: { zh: '班组', en: 'Crew' },
  technician: { zh: '维修人员', en: 'Technician' },
  plan: { zh: '检修计划', en: 'Maintenance plan' },
  part: { zh: '备品备件', en: 'Spare part' },
};

const actions: Record<AuditAction, Label> = {
  create: { zh: '新建', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  delete: { zh: '删除', en: 'Delete' },
};

const placeFields: Record<string, Label> = {
  kind: { zh: '类型', en: 'Kind' },
  parentId: { zh: '上级场所', en: 'Parent' },
  name: { zh: '名称', en: 'Name' },
  code: { zh: '编号', en: 'Code' },
  areaM2: { zh: '面积（m²）', en: 'Area (m²)' },
  floorNumber: { zh: '楼层号', en: 'Floor number' },
  use: { zh: '用途', en: 'Use' },
  timeZone: { zh: '时区', en: 'Time zone' },
  notes: { zh: '备注', en: 'Notes' },
};

const placeValues: Record<string, Record<string, Label>> = {
  kind: {
    site: { zh: '校区/园区', en: 'Site' },
    building: { zh: '建筑', en: 'Building' },
    floor: { zh: '楼层', en: 'Floor' },
    room: { zh: '房间', en: 'Room' },
    area: { zh: '室外区域', en: 'Outdoor area' },
  },
  use: {
    teaching: { zh: '教学楼', en: 'Teaching' },
    lab: { zh: '实训/实验楼', en: 'Lab' },
    dormitory: { zh: '宿舍', en: 'Dormitory' },
    canteen: { zh: '食堂', en: 'Canteen' },
    library: { zh: '图书馆', en: 'Library' },
    gym: { zh: '体育馆', en: 'Gym' },
    office: { zh: '办公楼', en: 'Office' },
    other: { zh: '其他', en: 'Other' },
  },
};

/** What an import entry records about its file. */
const importFields: Record<string, Label> = {
  kind: { zh: '类别', en: 'Kind' },
  fileName: { zh: '文件名', en: 'File name' },
  format: { zh: '格式', en: 'Format' },
  encoding: { zh: '编码', en: 'Encoding' },
  mode: { zh: '方式', en: 'Mode' },
  rows: { zh: '行数', en: 'Rows' },
  created: { zh: '新增', en: 'Created' },
  updated: { zh: '更新', en: 'Updated' },
  unchanged: { zh: '未变', en: 'Unchanged' },
  skipped: { zh: '跳过', en: 'Skipped' },
};

const assetColumns = new Map(sheetColumns.map((c) => [String(c.key), c]));
const customLabel: Label = { zh: '自定义字段', en: 'Custom fields' };

export function entityText(entity: string, lang: SheetLanguage): string {
  const label = entities[entity];
  return label ? pick(label, lang) : entity;
}

export function actionText(action: AuditAction, lang: SheetLanguage): string {
  return pick(actions[action], lang);
}

export function fieldText(entity: string, field: string, lang: SheetLanguage): string {
  if (entity === 'place') {
    const label = placeFields[field];
    if (label) return pick(label, lang);
  } else if (entity === 'asset') {
    const column = assetColumns.get(field);
    if (column) return lang === 'en' ? column.en : column.zh;
    if (field === 'custom') return pick(customLabel, lang);
  } else if (entity === 'import') {
    const label = importFields[field];
    if (label) return pick(label, lang);
  }
  return field;
}

export function valueText(entity: string, field: string, value: unknown, lang: SheetLanguage) {
  if (value === null || value === undefined || value === '') return '—';
  if (entity === 'asset' && field === 'scheduleDays' && Array.isArray(value)) {
    return value.map((d) => labelOf('weekday', String(d), lang)).join(',');
  }
  if (typeof value === 'string') {
    const group = entity === 'asset' ? assetColumns.get(field)?.group : undefined;
    if (group) return labelOf(group, value, lang);
    const placeLabel = entity === 'place' ? placeValues[field]?.[value] : undefined;
    return placeLabel ? pick(placeLabel, lang) : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** "名称: 旧 → 新；面积: 1 → 2": a creation shows the new values, a deletion the old ones. */
export function changesText(
  entity: string,
  action: AuditAction,
  changes: readonly AuditChange[],
  lang: SheetLanguage,
): string {
  const parts = changes.map((c) => {
    const field = fieldText(entity, c.field, lang);
    const before = valueText(entity, c.field, c.before, lang);
    const after = valueText(entity, c.field, c.after, lang);
    if (action === 'create') return `${field}: ${after}`;
    if (action === 'delete') return `${field}: ${before}`;
    return `${field}: ${before} → ${after}`;
  });
  return parts.join(lang === 'en' ? '; ' : '；');
}
