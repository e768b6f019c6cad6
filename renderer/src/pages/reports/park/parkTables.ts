// The park's tables and charts: the park figures this year against last, quota compliance by
// enterprise (fresh water against its quota), and water per 10,000 CNY of industrial value added
// by enterprise, year on year.
import type { TFunction } from 'i18next';
import type { ParkResult } from '../../../../../shared/contract/analyticsSiteShapes';
import { reportColours } from '../common/chartSetup';
import type { DataTable } from '../common/dataTable';
import type { ChartSpec } from '../common/ReportChart';

export function parkSummaryTable(t: TFunction, r: ParkResult): DataTable {
  const row = (key: string, now: number | null, before: number | null, change: number | null) => [
    t(`analytics.park.${key}`),
    now,
    before,
    change,
  ];
  return {
    columns: [
      { title: t('analytics.col.indicator') },
      { title: t('analytics.yearLabel', { year: r.year }), kind: 'number', digits: 3 },
      { title: t('analytics.yearLabel', { year: r.previous.year }), kind: 'number', digits: 3 },
      { title: t('analytics.col.change'), kind: 'percent', signed: true },
    ],
    rows: [
      row('freshIntake', r.freshIntake, r.previous.freshIntake, r.freshIntakeChange),
      row('reused', r.reused, r.previous.reused, null),
      // The rate is a fraction; the table writes it in % like the other shares.
      row(
        'reuseRatePct',
        r.reuseRate === null ? null : r.reuseRate * 100,
        r.previous.reuseRate === null ? null : r.previous.reuseRate * 100,
        r.reuseRateChange,
      ),
      row('valueAdded', r.valueAdded, r.previous.valueAdded, null),
      row('waterPer10k', r.waterPer10kCny, r.previous.waterPer10kCny, r.waterPer10kCnyChange),
    ],
  };
}

export function quotaTable(t: TFunction, r: ParkResult): DataTable {
  return {
    columns: [
      { title: t('analytics.col.code') },
      { title: t('analytics.park.enterprise') },
      { title: `${t('analytics.park.freshWater')} (m³)`, kind: 'number' },
      { title: `${t('analytics.park.reused')} (m³)`, kind: 'number' },
      { title: `${t('analytics.park.valueAdded')}`, kind: 'number' },
      { title: t('analytics.park.waterPer10k'), kind: 'number', digits: 3 },
      { title: `${t('analytics.park.quota')} (m³)`, kind: 'number' },
      { title: t('analytics.park.quotaUse'), kind: 'percent' },
      { title: t('analytics.park.compliance') },
      { title: t('analytics.park.previousQuotaUse'), kind: 'percent' },
      { title: t('analytics.park.freshWaterChange'), kind: 'percent', signed: true },
    ],
    rows: r.enterprises.map((e) => [
      e.code,
      e.name,
      e.freshWater,
      e.reusedWater,
      e.valueAdded,
      e.waterPer10kCny,
      e.waterQuota,
      e.quotaUse,
      e.withinQuota === null
        ? null
        : t(e.withinQuota ? 'analytics.park.within' : 'analytics.park.over'),
      e.previous.quotaUse,
      e.freshWaterChange,
    ]),
    tones: r.enterprises.map((e) => (e.withinQuota === false ? 'bad' : null)),
  };
}

export function quotaSpec(t: TFunction, r: ParkResult): ChartSpec {
  return {
    labels: r.enterprises.map((e) => e.name),
    unit: 'm³',
    series: [
      {
        label: t('analytics.park.quota'),
        data: r.enterprises.map((e) => e.waterQuota),
        colour: reportColours.previous,
      },
      {
        label: t('analytics.park.freshWater'),
        data: r.enterprises.map((e) => e.freshWater),
        colour: reportColours.current,
        pointColours: r.enterprises.map((e) =>
          e.withinQuota === false ? reportColours.bad : reportColours.current,
        ),
      },
    ],
  };
}

export function intensityTable(t: TFunction, r: ParkResult): DataTable {
  return {
    columns: [
      { title: t('analytics.park.enterprise') },
      { title: t('analytics.yearLabel', { year: r.year }), kind: 'number', digits: 3 },
      { title: t('analytics.yearLabel', { year: r.previous.year }), kind: 'number', digits: 3 },
      { title: t('analytics.col.change'), kind: 'percent', signed: true },
    ],
    rows: r.enterprises.map((e) => [
      e.name,
      e.waterPer10kCny,
      e.previous.waterPer10kCny,
      e.waterPer10kCnyChange,
    ]),
  };
}

export function intensitySpec(t: TFunction, r: ParkResult): ChartSpec {
  return {
    labels: r.enterprises.map((e) => e.name),
    unit: t('analytics.park.per10kUnit'),
    digits: 3,
    series: [
      {
        label: t('analytics.yearLabel', { year: r.previous.year }),
        data: r.enterprises.map((e) => e.previous.waterPer10kCny),
        colour: reportColours.previous,
      },
      {
        label: t('analytics.yearLabel', { year: r.year }),
        data: r.enterprises.map((e) => e.waterPer10kCny),
        colour: reportColours.current,
      },
    ],
  };
}
