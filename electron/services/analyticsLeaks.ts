// analytics.nightFlow, analytics.leakAlerts and analytics.requestFromLeakAlert: the night series
// for the chart around an alert, the alerts (runs of exceeding nights that reached the rule's
// count, from shared/domain/analytics/nightFlow.ts) with the inlet that rose most, and turning an
// alert into a repair request in one call. Alerts are computed, not stored: an alert is named by
// its site and first night, and leak_alert_requests remembers the request it became, so the same
// alert never makes two requests and the list shows which already have one.
import type { LeakAlert, Night } from '../../shared/contract/analyticsSiteShapes';
import { DeskError } from '../../shared/contract/errors';
import { requestsMethods } from '../../shared/contract/workOrders';
import { addDays, alertRuns, median, type AlertRun } from '../../shared/domain/analytics';
import type { Handlers } from '../api';
import type { Ctx } from '../context';
import { prepared } from '../store/statementCache';
import { inTransaction, nowIso, writeAudit, type Db } from '../store/tx';
import { nightSeries, MAX_NIGHTS, type NightSeries } from './analyticsNightFlow';
import type { Rule } from './analyticsNightWindow';
import { checkSpan, requireSite, type ScopeMeter, type Site } from './analyticsScope';
import { requestsHandlers } from './requests';
import { readSettings } from './settings';

type Method = 'analytics.nightFlow' | 'analytics.leakAlerts' | 'analytics.requestFromLeakAlert';

/** Nights looked at before the first asked for: a full baseline even past irrigation nights. */
const lookbackOf = (rule: Rule) => 2 * rule.baselineNights + rule.nights;

const refOf = (m: ScopeMeter) => ({ meterId: m.id, code: m.code, name: m.name });

function context(site: Site, series: NightSeries) {
  return {
    siteId: site.id,
    unit: 'm³/h' as const,
    inlets: series.inlets.map(refOf),
    rule: series.rule,
    timeZone: site.zone,
  };
}

/** Each inlet's rise at the minimum over its own median on the baseline nights before the run. */
function meterExcess(series: NightSeries, run: AlertRun): LeakAlert['meters'] {
  const at = series.all.findIndex((n) => n.night === run.startNight);
  const start = series.all[at];
  const before = series.all
    .slice(0, Math.max(0, at))
    .filter((n) => n.mnf !== null && n.irrigationZones.length === 0)
    .slice(-series.rule.baselineNights);
  return series.inlets
    .map((m) => {
      const flowOf = (n: Night | undefined) => n?.byMeter.find((b) => b.meterId === m.id)?.flow;
      const usual = median(before.map(flowOf).filter((f): f is number => f !== undefined));
      const now = flowOf(start);
      return { ...refOf(m), excess: now === undefined || usual === null ? 0 : now - usual };
    })
    .sort((a, b) => b.excess - a.excess);
}

function requestOf(db: Db, siteId: string, startNight: string) {
  return prepared(
    db,
    `SELECT r.id, r.number FROM leak_alert_requests l JOIN repair_requests r ON r.id = l.request_id
     WHERE l.site_id = ? AND l.start_night = ?`,
  ).get(siteId, startNight) as { id: string; number: string } | undefined;
}

function alertsOf(db: Db, site: Site, series: NightSeries, from: string): LeakAlert[] {
  return alertRuns(series.all, series.rule)
    .filter((run) => run.lastNight >= from)
    .map((run): LeakAlert => {
      const meters = meterExcess(series, run);
      const top = meters[0];
      const request = requestOf(db, site.id, run.startNight);
      return {
        id: `${site.id}/${run.startNight}`,
        siteId: site.id,
        ...run,
        excess: run.startMnf - run.baseline,
        meters,
        likelyMeterId: top && top.excess > 0 ? top.meterId : null,
        requestId: request?.id ?? null,
        requestNumber: request?.number ?? null,
      };
    })
    .reverse();
}

function leakAlerts(db: Db, siteId: string, from: string | undefined, to: string | undefined) {
  const site = requireSite(db, siteId);
  const end = to ?? site.today;
  const start = from ?? addDays(end, -89);
  checkSpan(start, end, MAX_NIGHTS);
  const series = nightSeries(db, site, start, end, lookbackOf(readSettings(db).leakAlert));
  return { site, series, items: alertsOf(db, site, series, start), from: start, to: end };
}

const fmt = (n: number) => n.toFixed(2);

function describe(alert: LeakAlert, unitName: string): string {
  const lines = [
    `漏损预警：${unitName}进水总表夜间最小流量自 ${alert.startNight} 夜起连续 ${alert.exceedingNights} 夜超过基线` +
      `（${alert.raisedNight} 夜触发${alert.ongoing ? '，仍在持续' : `，至 ${alert.lastNight}`}）。`,
    `基线 ${fmt(alert.baseline)} m³/h，首夜 ${fmt(alert.startMnf)} m³/h（+${fmt(alert.excess)} m³/h），` +
      `峰值 ${fmt(alert.peakMnf)} m³/h。`,
    ...alert.meters.map(
      (m) => `${m.name}（${m.code}）较平常 ${m.excess >= 0 ? '+' : ''}${fmt(m.excess)} m³/h`,
    ),
    '请安排巡检供水管网，排查跑冒滴漏。',
  ];
  return lines.join('\n');
}

function requestFromAlert(ctx: Ctx, siteId: string, startNight: string, reporter?: string) {
  checkSpan(startNight, startNight, 1);
  const site = requireSite(ctx.db, siteId);
  const end =
    site.today < addDays(startNight, MAX_NIGHTS - 1)
      ? site.today
      : addDays(startNight, MAX_NIGHTS - 1);
  const found = end >= startNight ? leakAlerts(ctx.db, site.id, startNight, end) : null;
  const alert = found?.items.find((a) => a.startNight === startNight);
  if (!alert) {
    throw new DeskError(
      'NOT_FOUND',
      `No leak alert of this site starts on the night of ${startNight}`,
      {
        siteId,
        startNight,
      },
    );
  }
  if (alert.requestId !== null) {
    throw new DeskError(
      'CONFLICT',
      `该预警已生成报修 ${alert.requestNumber ?? ''} / this alert already became request ${alert.requestNumber ?? ''}`,
      { requestId: alert.requestId, requestNumber: alert.requestNumber },
    );
  }
  const meter = alert.likelyMeterId
    ? (prepared(ctx.db, 'SELECT id, place_id FROM assets WHERE id = ?').get(
        alert.likelyMeterId,
      ) as {
        id: string;
        place_id: string | null;
      })
    : null;
  const input = requestsMethods['requests.create'].input.parse({
    reporter: reporter ?? '漏损预警',
    placeId: meter?.place_id ?? site.id,
    assetId: meter?.id ?? null,
    category: 'water_leak',
    description: describe(alert, site.name),
    priority: 'high',
    source: 'leak_alert',
  });
  const request = requestsHandlers['requests.create'](input, ctx);
  prepared(
    ctx.db,
    `INSERT INTO leak_alert_requests (site_id, start_night, request_id, created_at) VALUES (?, ?, ?, ?)`,
  ).run(site.id, startNight, request.id, nowIso());
  writeAudit(ctx.db, {
    actor: ctx.actor,
    entity: 'leak_alert',
    entityId: alert.id,
    action: 'update',
    after: { startNight, requestNumber: request.number },
    note: `漏损预警转报修 ${request.number} / leak alert turned into request ${request.number}`,
  });
  return { alert: { ...alert, requestId: request.id, requestNumber: request.number }, request };
}

export const leakCalls: Handlers<Method> = {
  'analytics.nightFlow': ({ siteId, from, to }, ctx) => {
    checkSpan(from, to, MAX_NIGHTS);
    const site = requireSite(ctx.db, siteId);
    const series = nightSeries(ctx.db, site, from, to, lookbackOf(readSettings(ctx.db).leakAlert));
    return {
      ...context(site, series),
      from,
      to,
      nights: series.all.filter((n) => n.night >= from),
    };
  },

  'analytics.leakAlerts': ({ siteId, from, to }, ctx) => {
    const found = leakAlerts(ctx.db, siteId, from, to);
    return {
      ...context(found.site, found.series),
      from: found.from,
      to: found.to,
      items: found.items,
    };
  },

  'analytics.requestFromLeakAlert': ({ siteId, startNight, reporter }, ctx) =>
    inTransaction(ctx.db, () => requestFromAlert(ctx, siteId, startNight, reporter)),
};
