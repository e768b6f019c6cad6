// Exports the register (or the part a filter selects) as CSV or XLSX, and writes blank import
// templates. Headers and coded values are written in the chosen language; places as their path,
// linked and parent meters by code: exactly what the importer reads, so an exported file imports
// back unchanged.
import type { Asset, AssetFilter, AssetKind } from '../../shared/contract/assets';
import { assetKinds } from '../../shared/contract/assets';
import type { SheetLanguage, TableFormat } from '../../shared/contract/assetTransfer';
import { assetLabels, labelOf, type Lang } from '../../shared/domain/assetLabels';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { assetWhere } from './assetQuery';
import { columnsForKinds, headerOf, sheetColumns, type SheetColumn } from './assetSheetColumns';
import { toAsset, type AssetRow } from './assetsStore';
import { PlaceIndex } from './placePaths';
import { tableBytes, type OutCell } from './tableWrite';

type ExportRow = AssetRow & { linked_meter_code: string | null; parent_meter_code: string | null };

interface Exported {
  fileName: string;
  contentBase64: string;
}

/** What a row holds besides the asset itself: its place's path and its meters' codes. */
interface RowContext {
  placeLabel: string;
  linkedMeterCode: string | null;
  parentMeterCode: string | null;
}

function cellOf(column: SheetColumn, asset: Asset, extra: RowContext, lang: Lang): OutCell {
  switch (column.key) {
    case 'place':
      return extra.placeLabel;
    case 'linkedMeterId':
      return extra.linkedMeterCode;
    case 'parentMeterId':
      return extra.parentMeterCode;
    case 'scheduleDays':
      return asset.scheduleDays
        ? asset.scheduleDays.map((d) => labelOf('weekday', d, lang)).join(',')
        : null;
  }
  const value = (asset as unknown as Record<string, unknown>)[column.key];
  if (value === null || value === undefined) return null;
  if (column.group) return labelOf(column.group, String(value), lang);
  return typeof value === 'number' ? value : String(value);
}

function widths(columns: SheetColumn[], lang: SheetLanguage): number[] {
  return columns.map((c) =>
    Math.max(10, [...headerOf(c, lang)].length * (lang === 'en' ? 1.1 : 2.2) + 2),
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

export function exportAssets(
  ctx: Ctx,
  input: { filter: AssetFilter; format: TableFormat; language: SheetLanguage },
): Exported & { rows: number } {
  const { filter, format, language } = input;
  const lang: Lang = language;
  const where = assetWhere(filter);
  const rows = prepared(
    ctx.db,
    `SELECT a.rowid AS rowid, a.*, NULL AS place_label,
       (SELECT m.code FROM assets m WHERE m.id = a.linked_meter_id) AS linked_meter_code,
       (SELECT m.code FROM assets m WHERE m.id = a.parent_meter_id) AS parent_meter_code
     FROM assets a ${where.sql} ORDER BY a.code`,
  ).all(...where.params) as ExportRow[];
  const columns = columnsForKinds(
    filter.kinds && filter.kinds.length > 0 ? filter.kinds : assetKinds,
  );
  const places = new PlaceIndex(ctx.db);
  const out: OutCell[][] = [columns.map((c) => headerOf(c, language))];
  for (const row of rows) {
    const asset = toAsset(row);
    const extra: RowContext = {
      placeLabel: asset.placeId ? places.label(asset.placeId) : '',
      linkedMeterCode: row.linked_meter_code,
      parentMeterCode: row.parent_meter_code,
    };
    out.push(columns.map((c) => cellOf(c, asset, extra, lang)));
  }
  const bytes = tableBytes(format, {
    name: language === 'en' ? 'Assets' : '资产台账',
    rows: out,
    widths: widths(columns, language),
  });
  return {
    fileName: `${language === 'en' ? 'assets' : '资产台账'}_${today()}.${format}`,
    contentBase64: bytes.toString('base64'),
    rows: rows.length,
  };
}

// ------------------------------------------------------------------------------- template

type Example = Partial<Record<SheetColumn['key'], OutCell>>;

/** One plausible row per kind; coded values are given as codes and written as labels. */
function examples(lang: Lang, place: string): Record<AssetKind, Example> {
  const zh = lang === 'zh-CN';
  return {
    fixture: {
      code: 'LT-0001',
      name: zh ? 'T8 LED灯管 18W' : 'T8 LED tube 18W',
      place,
      status: 'in_service',
      installDate: '2024-09-01',
      lampType: 'led_tube',
      ratedPowerW: 18,
      previousPowerW: 36,
      ratedLifeH: 50000,
      dailyHours: 10,
      lastReplaced: '2024-09-01',
    },
    irrigation_zone: {
      code: 'IR-01',
      name: zh ? '北区草坪喷灌1区' : 'North lawn zone 1',
      place,
      status: 'in_service',
      greenAreaM2: 2600,
      irrigationMethod: 'sprinkler',
      plantType: zh ? '草坪' : 'Lawn',
      controllerId: 'V-01',
      linkedMeterId: 'WM-IR-01',
      scheduleDays: 'MO,WE,FR',
      scheduleStart: '06:00',
      scheduleMinutes: 30,
      precipRateMmH: 12,
    },
    meter: {
      code: 'WM-IR-01',
      name: zh ? '北区绿化用水表' : 'North irrigation water meter',
      place,
      status: 'in_service',
      installDate: '2023-05-10',
      utility: 'water',
      meterLevel: 2,
      unit: 'm³',
      multiplier: 1,
      registerDigits: 6,
      serial: 'SN-2023-0518',
    },
    equipment: {
      code: 'PU-01',
      name: zh ? '生活水泵1号' : 'Domestic water pump 1',
      place,
      status: 'standby',
      equipmentType: 'pump',
      ratedPowerW: 7500,
      dailyHours: 8,
      serial: 'P-7500-01',
      notes: zh ? '备用泵，每月试运行' : 'Standby pump, test-run monthly',
    },
  };
}

function exampleCell(column: SheetColumn, kind: AssetKind, example: Example, lang: Lang): OutCell {
  if (column.key === 'kind') return labelOf('kind', kind, lang);
  const value = example[column.key] ?? null;
  if (typeof value !== 'string') return value;
  if (column.key === 'scheduleDays')
    return value
      .split(',')
      .map((d) => labelOf('weekday', d, lang))
      .join(',');
  if (column.group && value in assetLabels[column.group]) return labelOf(column.group, value, lang);
  return value;
}

export function assetTemplate(
  ctx: Ctx,
  input: { format: TableFormat; language: SheetLanguage },
): Exported {
  const { format, language } = input;
  // A real room of this register, if there is one, so the example rows import as written.
  const roomId = ctx.db
    .prepare<[], { id: string }>(
      `SELECT id FROM places WHERE kind = 'room' ORDER BY created_at, id LIMIT 1`,
    )
    .get()?.id;
  const place = roomId ? new PlaceIndex(ctx.db).label(roomId) : '';
  const byKind = examples(language, place);
  const out: OutCell[][] = [sheetColumns.map((c) => headerOf(c, language))];
  for (const kind of assetKinds)
    out.push(sheetColumns.map((c) => exampleCell(c, kind, byKind[kind], language)));
  const bytes = tableBytes(format, {
    name: language === 'en' ? 'Assets' : '资产台账',
    rows: out,
    widths: widths([...sheetColumns], language),
  });
  return {
    fileName: `${language === 'en' ? 'asset-import-template' : '资产导入模板'}.${format}`,
    contentBase64: bytes.toString('base64'),
  };
}
