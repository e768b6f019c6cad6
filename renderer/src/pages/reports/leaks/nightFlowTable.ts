// The night-flow chart and table: each night's minimum flow as a bar coloured by its status
// (normal, exceeding, alert, irrigation scheduled, no data), the baseline as a line and the alert
// threshold dashed. Bars of one status are one dataset, so the legend explains the colours.
import type { TFunction } from 'i18next';
import type { Night, NightFlowResult } from '../../../../../shared/contract/analyticsSiteShapes';
import { localTime } from '../../meters/detail/format';
import { reportColours } from '../common/chartSetup';
import type { DataTable } from '../common/dataTable';
import type { ChartSeries, ChartSpec } from '../common/ReportChart';

type Status = Night['status'];

/** Irrigation is drawn even on a night that also exceeds: it is the likely cause then. */
function shownStatus(n: Night): Status {
  return n.irrigationZones.length > 0 ? 'irrigation' : n.status;
}

const statusColour: Record<Status, string> = {
  normal: reportColours.current,
  warming_up: reportColours.previous,
  demand: reportColours.demand,
  exceeds: reportColours.warn,
  alert: reportColours.bad,
  irrigation: reportColours.irrigation,
  no_data: reportColours.missing,
};

export function nightFlowSpec(t: TFunction, r: NightFlowResult): ChartSpec {
  const statuses = (Object.keys(statusColour) as Status[]).filter((s) =>
    r.nights.some((n) => shownStatus(n) === s),
  );
  const bars: ChartSeries[] = statuses.map((s) => ({
    label: t(`analytics.leaks.status.${s}`),
    data: r.nights.map((n) => (shownStatus(n) === s ? n.mnf : null)),
    colour: statusColour[s],
    stack: 'mnf',
  }));
  return {
    labels: r.nights.map((n) => n.night.slice(5)),
    unit: r.unit,
    series: [
      ...bars,
      {
        label: t('analytics.leaks.baseline'),
        data: r.nights.map((n) => n.baseline),
        type: 'line',
        colour: reportColours.text,
      },
      {
        label: t('analytics.leaks.threshold'),
        data: r.nights.map((n) => n.threshold),
        type: 'line',
        dashed: true,
        colour: reportColours.bad,
      },
    ],
  };
}

export function nightFlowTable(t: TFunction, r: NightFlowResult): DataTable {
  const codeOf = new Map(r.inlets.map((m) => [m.meterId, m.code]));
  return {
    columns: [
      { title: t('analytics.leaks.night') },
      { title: `${t('analytics.leaks.mnf')} (${r.unit})`, kind: 'number', digits: 3 },
      { title: `${t('analytics.leaks.baseline')} (${r.unit})`, kind: 'number', digits: 3 },
      { title: `${t('analytics.leaks.threshold')} (${r.unit})`, kind: 'number', digits: 3 },
      { title: t('analytics.leaks.statusCol') },
      { title: t('analytics.leaks.streak'), kind: 'number', digits: 0 },
      { title: `${t('analytics.leaks.demand')} (m³)`, kind: 'number', digits: 1 },
      { title: t('analytics.leaks.minimumAt') },
      { title: t('analytics.leaks.byMeter') },
      { title: t('analytics.leaks.irrigationZones') },
    ],
    rows: r.nights.map((n) => [
      n.night,
      n.mnf,
      n.baseline,
      n.threshold,
      t(`analytics.leaks.status.${n.status}`),
      n.streak,
      n.demand,
      n.minimumAt ? localTime(n.minimumAt, r.timeZone) : null,
      n.byMeter.map((m) => `${codeOf.get(m.meterId) ?? m.meterId} ${m.flow}`).join('；'),
      n.irrigationZones.map((z) => `${z.code} ${z.name}`).join('；'),
    ]),
    tones: r.nights.map((n) =>
      n.status === 'alert' ? 'bad' : n.status === 'exceeds' ? 'warn' : null,
    ),
  };
}
