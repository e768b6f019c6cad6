// The breakdown's tables and charts: buildings by consumption and by consumption per m² of floor
// area, and meters by consumption. Charts show the top fifteen (more bars are unreadable, in print
// above all); the tables list every building and meter.
import type { TFunction } from 'i18next';
import type { BreakdownResult } from '../../../../../shared/contract/analyticsShapes';
import { reportColours } from '../common/chartSetup';
import type { DataTable } from '../common/dataTable';
import type { ChartSpec } from '../common/ReportChart';

const TOP = 15;

function flags(t: TFunction, estimated: boolean, pending: boolean): string {
  return [estimated && t('analytics.note.estimated'), pending && t('analytics.note.pending')]
    .filter(Boolean)
    .join('；');
}

export function buildingTable(t: TFunction, r: BreakdownResult): DataTable {
  return {
    columns: [
      { title: t('analytics.col.rank') },
      { title: t('analytics.col.code') },
      { title: t('analytics.col.building') },
      { title: t('analytics.col.use') },
      { title: `${t('analytics.col.area')} (m²)`, kind: 'number', digits: 0 },
      { title: `${t('analytics.col.amount')} (${r.unit})`, kind: 'number' },
      { title: `${t('analytics.col.perArea')} (${r.perAreaUnit})`, kind: 'number', digits: 3 },
      { title: t('analytics.col.share'), kind: 'percent' },
      { title: t('analytics.col.note') },
    ],
    rows: r.buildings.map((b, i) => [
      b.amount === null ? null : i + 1,
      b.code,
      b.name,
      b.use ? t(`uses.${b.use}`) : null,
      b.areaM2,
      b.amount,
      b.perArea,
      b.share,
      b.meterIds.length === 0 ? t('analytics.note.noMeter') : flags(t, b.estimated, b.pending),
    ]),
  };
}

export function buildingSpec(t: TFunction, r: BreakdownResult): ChartSpec {
  const top = r.buildings.filter((b) => b.amount !== null).slice(0, TOP);
  return {
    labels: top.map((b) => b.name),
    unit: r.unit,
    horizontal: true,
    height: Math.max(220, top.length * 24 + 60),
    series: [
      {
        label: t('analytics.col.amount'),
        data: top.map((b) => b.amount),
        colour: reportColours.current,
      },
    ],
  };
}

function byPerArea(r: BreakdownResult) {
  return r.buildings
    .filter((b) => b.perArea !== null)
    .sort((a, b) => (b.perArea ?? 0) - (a.perArea ?? 0));
}

export function perAreaTable(t: TFunction, r: BreakdownResult): DataTable {
  return {
    columns: [
      { title: t('analytics.col.rank') },
      { title: t('analytics.col.building') },
      { title: `${t('analytics.col.area')} (m²)`, kind: 'number', digits: 0 },
      { title: `${t('analytics.col.amount')} (${r.unit})`, kind: 'number' },
      { title: `${t('analytics.col.perArea')} (${r.perAreaUnit})`, kind: 'number', digits: 3 },
    ],
    rows: byPerArea(r).map((b, i) => [i + 1, b.name, b.areaM2, b.amount, b.perArea]),
  };
}

export function perAreaSpec(t: TFunction, r: BreakdownResult): ChartSpec {
  const top = byPerArea(r).slice(0, TOP);
  return {
    labels: top.map((b) => b.name),
    unit: r.perAreaUnit,
    horizontal: true,
    digits: 3,
    height: Math.max(220, top.length * 24 + 60),
    series: [
      {
        label: t('analytics.col.perArea'),
        data: top.map((b) => b.perArea),
        colour: reportColours.second,
      },
    ],
  };
}

function meterRows(r: BreakdownResult) {
  return [...r.meters].sort((a, b) => (b.amount ?? -1) - (a.amount ?? -1));
}

export function meterTable(t: TFunction, r: BreakdownResult): DataTable {
  return {
    columns: [
      { title: t('analytics.col.code') },
      { title: t('analytics.col.meter') },
      { title: t('analytics.col.level'), kind: 'number', digits: 0 },
      { title: t('analytics.col.place') },
      { title: `${t('analytics.col.amount')} (${r.unit})`, kind: 'number' },
      { title: `${t('analytics.col.perArea')} (${r.perAreaUnit})`, kind: 'number', digits: 3 },
      { title: t('analytics.col.daysWithData'), kind: 'number', digits: 0 },
      { title: t('analytics.col.estimatedDays'), kind: 'number', digits: 0 },
      { title: t('analytics.col.pendingDays'), kind: 'number', digits: 0 },
    ],
    rows: meterRows(r).map((m) => [
      m.code,
      m.name,
      m.level,
      m.placeName,
      m.amount,
      m.perArea,
      m.daysWithData,
      m.estimatedDays,
      m.pendingDays,
    ]),
    tones: meterRows(r).map((m) => (m.daysWithData < r.days ? 'warn' : null)),
  };
}

export function meterSpec(t: TFunction, r: BreakdownResult): ChartSpec {
  // Level-1 inlets dwarf the building meters; the chart ranks the meters below them.
  const top = meterRows(r)
    .filter((m) => m.amount !== null && m.level !== 1)
    .slice(0, TOP);
  return {
    labels: top.map((m) => `${m.code} ${m.name}`),
    unit: r.unit,
    horizontal: true,
    height: Math.max(220, top.length * 24 + 60),
    series: [
      {
        label: t('analytics.col.amount'),
        data: top.map((m) => m.amount),
        colour: reportColours.current,
      },
    ],
  };
}
