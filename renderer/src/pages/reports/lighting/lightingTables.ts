// The lighting tables and charts: fixtures and estimated energy by lamp type and by building
// (energy = Σ rated power × daily hours × days; retrofit saving = Σ (old W − new W) × hours), and
// replacements and failures per year with the replacement rate (replacements / fixtures).
import type { TFunction } from 'i18next';
import type { LightingResult } from '../../../../../shared/contract/analyticsSiteShapes';
import { reportColours } from '../common/chartSetup';
import type { DataTable } from '../common/dataTable';
import type { ChartSpec } from '../common/ReportChart';

type LampLabel = (value: string | null) => string;

const figureColumns = (t: TFunction): DataTable['columns'] => [
  { title: t('analytics.lighting.fixtures'), kind: 'number', digits: 0 },
  { title: `${t('analytics.lighting.ratedPower')} (kW)`, kind: 'number', digits: 2 },
  { title: `${t('analytics.lighting.energy')} (kWh)`, kind: 'number', digits: 0 },
  { title: `${t('analytics.lighting.saving')} (kWh)`, kind: 'number', digits: 0 },
  { title: t('analytics.lighting.replacements'), kind: 'number', digits: 0 },
];

export function byTypeTable(t: TFunction, r: LightingResult, lamp: LampLabel): DataTable {
  return {
    columns: [{ title: t('analytics.lighting.lampType') }, ...figureColumns(t)],
    rows: r.byType.map((x) => [
      lamp(x.lampType),
      x.fixtures,
      x.ratedKw,
      x.energyKwh,
      x.retrofitSavingKwh,
      x.replacements,
    ]),
  };
}

export function byTypeSpec(t: TFunction, r: LightingResult, lamp: LampLabel): ChartSpec {
  return {
    labels: r.byType.map((x) => lamp(x.lampType)),
    unit: 'kWh',
    digits: 0,
    series: [
      {
        label: t('analytics.lighting.energy'),
        data: r.byType.map((x) => x.energyKwh),
        colour: reportColours.current,
      },
      {
        label: t('analytics.lighting.saving'),
        data: r.byType.map((x) => x.retrofitSavingKwh),
        colour: reportColours.second,
      },
    ],
  };
}

function buildingsByEnergy(r: LightingResult) {
  return [...r.byBuilding].sort((a, b) => b.energyKwh - a.energyKwh);
}

export function byBuildingTable(t: TFunction, r: LightingResult): DataTable {
  return {
    columns: [
      { title: t('analytics.col.code') },
      { title: t('analytics.col.place') },
      ...figureColumns(t),
    ],
    rows: buildingsByEnergy(r).map((b) => [
      b.code,
      b.name,
      b.fixtures,
      b.ratedKw,
      b.energyKwh,
      b.retrofitSavingKwh,
      b.replacements,
    ]),
  };
}

export function byBuildingSpec(t: TFunction, r: LightingResult): ChartSpec {
  const top = buildingsByEnergy(r).slice(0, 15);
  return {
    labels: top.map((b) => b.name),
    unit: 'kWh',
    digits: 0,
    horizontal: true,
    height: Math.max(220, top.length * 24 + 60),
    series: [
      {
        label: t('analytics.lighting.energy'),
        data: top.map((b) => b.energyKwh),
        colour: reportColours.current,
      },
    ],
  };
}

export function yearsTable(t: TFunction, r: LightingResult): DataTable {
  return {
    columns: [
      { title: t('analytics.col.year') },
      { title: t('analytics.lighting.replacements'), kind: 'number', digits: 0 },
      { title: t('analytics.lighting.failures'), kind: 'number', digits: 0 },
      { title: t('analytics.lighting.replacementRate'), kind: 'percent', digits: 2 },
    ],
    rows: r.years.map((y) => [y.year, y.replacements, y.failures, y.replacementRate]),
  };
}

export function yearsSpec(t: TFunction, r: LightingResult): ChartSpec {
  return {
    labels: r.years.map((y) => String(y.year)),
    unit: t('analytics.lighting.count'),
    unit2: t('analytics.lighting.replacementRate'),
    percent2: true,
    digits: 0,
    series: [
      {
        label: t('analytics.lighting.replacements'),
        data: r.years.map((y) => y.replacements),
        colour: reportColours.current,
      },
      {
        label: t('analytics.lighting.failures'),
        data: r.years.map((y) => y.failures),
        colour: reportColours.previous,
      },
      {
        label: t('analytics.lighting.replacementRate'),
        data: r.years.map((y) => y.replacementRate),
        type: 'line',
        axis: 'y1',
        colour: reportColours.target,
      },
    ],
  };
}
