// The columns of an asset spreadsheet (import, export, template): their order, their headers in
// Chinese and English (the Chinese ones match the Assets page), the other spellings an import
// accepts, and how a cell is read. Headers are matched ignoring case, spaces, brackets and
// punctuation, so "额定功率（W）", "Rated power (W)", "rated power W" and "ratedPowerW" all match.
import type { AssetKind } from '../../shared/contract/assets';
import type { SheetLanguage } from '../../shared/contract/assetTransfer';
import type { LabelGroup } from '../../shared/domain/assetLabels';
import { fieldAppliesTo, type FieldName } from './assetColumns';

export type SheetKey =
  'code' | 'name' | 'kind' | 'place' | 'status' | 'installDate' | 'notes' | FieldName;

/**
 * How a cell is read: text as written; a number; a date or time of day; a coded value given as
 * code or label (enum), or a free value where known labels still map to codes (freeEnum); a place
 * path or code; another asset's code; a list of weekdays.
 */
export type CellType =
  'text' | 'number' | 'date' | 'time' | 'enum' | 'freeEnum' | 'place' | 'meterCode' | 'days';

export interface SheetColumn {
  key: SheetKey;
  zh: string;
  en: string;
  aliases: readonly string[];
  type: CellType;
  group?: LabelGroup;
}

const col = (
  key: SheetKey,
  zh: string,
  en: string,
  type: CellType,
  aliases: string[] = [],
  group?: LabelGroup,
): SheetColumn => (group ? { key, zh, en, type, aliases, group } : { key, zh, en, type, aliases });

export const sheetColumns: readonly SheetColumn[] = [
  col('code', '编号', 'Code', 'text', ['资产编号', '编码', '资产编码', 'asset code']),
  col('name', '名称', 'Name', 'text', ['资产名称']),
  col('kind', '类别', 'Kind', 'enum', ['类型', '资产类别', '资产类型'], 'kind'),
  col('place', '位置', 'Place', 'place', ['安装位置', '所在位置', 'location']),
  col('status', '状态', 'Status', 'enum', [], 'status'),
  col('installDate', '安装日期', 'Install date', 'date', ['installed']),
  col('notes', '备注', 'Notes', 'text'),
  col('lampType', '灯具类型', 'Lamp type', 'enum', [], 'lampType'),
  col('ratedPowerW', '额定功率(W)', 'Rated power (W)', 'number', ['额定功率']),
  col('previousPowerW', '改造前功率(W)', 'Previous power (W)', 'number', ['改造前功率', '原功率']),
  col('ratedLifeH', '额定寿命(h)', 'Rated life (h)', 'number', ['额定寿命']),
  col('dailyHours', '日运行时长(h)', 'Daily hours', 'number', ['日运行时长', 'hours per day']),
  col('lastReplaced', '最近更换', 'Last replaced', 'date', ['最近更换日期', '上次更换日期']),
  col('greenAreaM2', '绿地面积(m²)', 'Green area (m²)', 'number', ['绿地面积']),
  col('irrigationMethod', '灌溉方式', 'Irrigation method', 'enum', ['method'], 'irrigationMethod'),
  col('plantType', '植物类型', 'Plant type', 'text'),
  col('controllerId', '阀门/控制器编号', 'Controller ID', 'text', [
    '控制器编号',
    'valve/controller',
  ]),
  col('linkedMeterId', '关联水表编号', 'Linked meter code', 'meterCode', [
    '关联水表',
    '关联计量表编号',
    'linked meter',
  ]),
  col('scheduleDays', '灌溉日', 'Schedule days', 'days', ['watering days']),
  col('scheduleStart', '开始时间', 'Start time', 'time', ['start', 'schedule start']),
  col('scheduleMinutes', '灌溉时长(分钟)', 'Minutes', 'number', ['灌溉时长', 'schedule minutes']),
  col('precipRateMmH', '喷灌强度(mm/h)', 'Precipitation (mm/h)', 'number', [
    '降水强度(mm/h)',
    '喷灌强度',
    'precipitation rate',
  ]),
  col('utility', '计量类别', 'Utility', 'enum', ['介质'], 'utility'),
  col('meterLevel', '表级', 'Meter level', 'number', ['level', '级别']),
  col('parentMeterId', '上级表编号', 'Parent meter code', 'meterCode', [
    '上级表',
    '上级表编码',
    'parent meter',
  ]),
  col('unit', '单位', 'Unit', 'text'),
  col('multiplier', '倍率', 'Multiplier', 'number'),
  col('registerDigits', '表盘位数', 'Register digits', 'number', ['digits', '位数']),
  col('serial', '出厂编号', 'Serial', 'text', ['序列号', 'serial number']),
  col('equipmentType', '设备类型', 'Equipment type', 'freeEnum', [], 'equipmentType'),
];

export const requiredKeys: readonly SheetKey[] = ['code', 'name', 'kind'];

const coreKeys = new Set<SheetKey>([
  'code',
  'name',
  'kind',
  'place',
  'status',
  'installDate',
  'notes',
]);

export function headerOf(column: SheetColumn, language: SheetLanguage): string {
  return language === 'en' ? column.en : column.zh;
}

/** The core columns and the kind columns of any of `kinds`, in sheet order. */
export function columnsForKinds(kinds: readonly AssetKind[]): SheetColumn[] {
  return sheetColumns.filter(
    (c) => coreKeys.has(c.key) || kinds.some((k) => fieldAppliesTo(c.key as FieldName, k)),
  );
}

export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()[\]{}<>·.,:;*'"/\\|#]+/g, '');
}

const byHeader = new Map<string, SheetColumn>();
for (const c of sheetColumns) {
  for (const spelling of [c.key, c.zh, c.en, ...c.aliases])
    byHeader.set(normaliseHeader(spelling), c);
}

export interface MatchedColumn {
  /** Position in the row. */
  index: number;
  column: SheetColumn;
  /** The header exactly as the file writes it, for problem reports. */
  header: string;
}

export interface HeaderMatch {
  matched: MatchedColumn[];
  unknown: string[];
  missing: SheetColumn[];
  /** Columns that two headers map to. */
  twice: { column: SheetColumn; headers: string[] }[];
}

export function matchHeaders(headerRow: readonly string[]): HeaderMatch {
  const matched: MatchedColumn[] = [];
  const unknown: string[] = [];
  const seen = new Map<SheetKey, MatchedColumn>();
  const twice: HeaderMatch['twice'] = [];
  headerRow.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') return;
    const column = byHeader.get(normaliseHeader(header));
    if (!column) {
      unknown.push(header);
      return;
    }
    const first = seen.get(column.key);
    if (first) {
      twice.push({ column, headers: [first.header, header] });
      return;
    }
    const m = { index, column, header };
    seen.set(column.key, m);
    matched.push(m);
  });
  const missing = sheetColumns.filter((c) => requiredKeys.includes(c.key) && !seen.has(c.key));
  return { matched, unknown, missing, twice };
}
