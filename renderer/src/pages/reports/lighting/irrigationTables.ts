// Irrigation against plan: water per m² of green space by season and by zone, actual against
// planned (area × precipitation rate × scheduled minutes). The API answers m³ per m²; shown as
// L/m² (= mm of water), the unit irrigation plans are written in.
import type { TFunction } from 'i18next';
import type { IrrigationResult } from '../../../../../shared/contract/analyticsSiteShapes';
import { reportColours } from '../common/chartSetup';
import type { DataTable } from '../common/dataTable';
import type { ChartSpec } from '../common/ReportChart';

const litres = (m3PerM2: number | null) => (m3PerM2 === null ? null : m3PerM2 * 1000);
const perM2 = (m3: number | null, area: number | null) =>
  m3 === null || !area ? null : (m3 / area) * 1000;

export function seasonTable(t: TFunction, r: IrrigationResult): DataTable {
  return {
    columns: [
      { title: t('analytics.irrigation.season') },
      { title: `${t('analytics.irrigation.planned')} (m³)`, kind: 'number', digits: 1 },
      { title: `${t('analytics.irrigation.actual')} (m³)`, kind: 'number', digits: 1 },
      { title: `${t('analytics.irrigation.planned')} (L/m²)`, kind: 'number', digits: 1 },
      { title: `${t('analytics.irrigation.actual')} (L/m²)`, kind: 'number', digits: 1 },
      { title: t('analytics.irrigation.ratio'), kind: 'percent' },
    ],
    rows: r.seasons.map((s) => [
      t(`analytics.irrigation.seasons.${s.season}`),
      s.plannedM3,
      s.actualM3,
      litres(s.plannedPerM2),
      litres(s.actualPerM2),
      s.ratio,
    ]),
    tones: r.seasons.map((s) => ((s.ratio ?? 0) > 1.1 ? 'bad' : null)),
  };
}

export function seasonSpec(t: TFunction, r: IrrigationResult): ChartSpec {
  return {
    labels: r.seasons.map((s) => t(`analytics.irrigation.seasons.${s.season}`)),
    unit: 'L/m²',
    digits: 1,
    series: [
      {
        label: t('analytics.irrigation.planned'),
        data: r.seasons.map((s) => litres(s.plannedPerM2)),
        colour: reportColours.previous,
      },
      {
        label: t('analytics.irrigation.actual'),
        data: r.seasons.map((s) => litres(s.actualPerM2)),
        colour: reportColours.irrigation,
      },
    ],
  };
}

export function zoneTable(
  t: TFunction,
  r: IrrigationResult,
  method: (v: string | null) => string,
): DataTable {
  return {
    columns: [
      { title: t('analytics.col.code') },
      { title: t('analytics.irrigation.zone') },
      { title: t('analytics.irrigation.method') },
      { title: `${t('analytics.col.area')} (m²)`, kind: 'number', digits: 0 },
      { title: `${t('analytics.irrigation.planned')} (m³)`, kind: 'number', digits: 1 },
      { title: `${t('analytics.irrigation.actual')} (m³)`, kind: 'number', digits: 1 },
      { title: `${t('analytics.irrigation.planned')} (L/m²)`, kind: 'number', digits: 1 },
      { title: `${t('analytics.irrigation.actual')} (L/m²)`, kind: 'number', digits: 1 },
      { title: t('analytics.irrigation.ratio'), kind: 'percent' },
      { title: t('analytics.irrigation.sharedMeter'), kind: 'number', digits: 0 },
    ],
    rows: r.zones.map((z) => [
      z.code,
      z.name,
      method(z.method),
      z.areaM2,
      z.plannedM3,
      z.actualM3,
      perM2(z.plannedM3, z.areaM2),
      perM2(z.actualM3, z.areaM2),
      z.actualM3 === null || !z.plannedM3 ? null : z.actualM3 / z.plannedM3,
      z.zonesOnMeter,
    ]),
  };
}

export function zoneSpec(t: TFunction, r: IrrigationResult): ChartSpec {
  return {
    labels: r.zones.map((z) => z.code),
    unit: 'L/m²',
    digits: 1,
    series: [
      {
        label: t('analytics.irrigation.planned'),
        data: r.zones.map((z) => perM2(z.plannedM3, z.areaM2)),
        colour: reportColours.previous,
      },
      {
        label: t('analytics.irrigation.actual'),
        data: r.zones.map((z) => perM2(z.actualM3, z.areaM2)),
        colour: reportColours.irrigation,
      },
    ],
  };
}
