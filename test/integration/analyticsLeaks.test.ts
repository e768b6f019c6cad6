// Minimum night flow and leak alerts through the dispatch table. On the demo (a past year, so its
// dates are fixed): the planted leak (meterReadingsPlan.ts) is alerted from its first night and
// nothing before it — the two term starts, when night use rises as much as a leak's, are told
// apart by the day's demand — and the alert becomes one repair request in one call. On generated
// hourly data: a night with irrigation scheduled in the window, on the inlets' own supply, raises
// no alert, while the same flows with the zones on a reclaimed-water network do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../electron/api';
import { generateDemo } from '../../electron/demo';
import { addDays, localDay } from '../../electron/demo/maintenanceClock';
import {
  LEAK_METER_CODE,
  meterReadingsPlan,
  type MeterReadingsPlan,
} from '../../electron/demo/meterReadingsPlan';
import { localDays, nightWindow } from '../../electron/services/analyticsNightWindow';
import { addReadingsBulk } from '../../electron/services/metersBulk';
import { daysBetween } from '../../shared/domain/analytics';
import { call, callError } from '../support/api';
import { meterInput, zoneInput } from '../support/assets';
import { shMs } from '../support/analytics';
import { openTempApi, type TempApi } from '../support/tempDb';

const PAST = new Date().getFullYear() - 1;
const opened: TempApi[] = [];
afterAll(() => opened.forEach((t) => t.cleanup()));

function siteOf(api: Api, name?: string): string {
  const sql = `SELECT id FROM places WHERE kind = 'site' ${name ? 'AND name = ?' : ''} LIMIT 1`;
  return api.core.db
    .prepare(sql)
    .pluck()
    .get(...(name ? [name] : [])) as string;
}

describe('on the demo', () => {
  let api: Api;
  let plan: MeterReadingsPlan;
  let site: string;
  let from: string;

  beforeAll(() => {
    const t = openTempApi('演示');
    opened.push(t);
    api = t.api;
    generateDemo(api.core.db, { seed: 20261129, lastYear: PAST });
    // A past lastYear ends the history on 31 December, whatever today is: fixed dates.
    plan = meterReadingsPlan(PAST, new Date().toISOString());
    site = siteOf(api);
    from = addDays(localDay(plan.hourlyFromMs), 1);
  }, 60_000);

  it('alerts the planted leak from its first night (±1), raised on the third, and nothing before', () => {
    const r = call(api, 'analytics.leakAlerts', { siteId: site, from, to: plan.endDay });
    const leak = plan.leak.startDay;
    expect(r.inlets.map((i) => i.code).sort()).toEqual(['WM1-1', 'WM1-2']);
    expect(r.items.length).toBeGreaterThan(0);
    for (const a of r.items) expect(a.startNight >= addDays(leak, -1)).toBe(true);
    const alert = r.items.find(
      (a) => a.startNight >= addDays(leak, -1) && a.startNight <= addDays(leak, 1),
    );
    expect(alert, JSON.stringify(r.items)).toBeDefined();
    expect(r.items).toHaveLength(1);
    expect(alert?.raisedNight).toBe(addDays(alert?.startNight ?? '', r.rule.nights - 1));
    const meter = api.core.db
      .prepare('SELECT id FROM assets WHERE code = ?')
      .pluck()
      .get(LEAK_METER_CODE);
    expect(alert?.likelyMeterId).toBe(meter);
    // The leak adds 4 m³/h; the excess seen on its first night is about that.
    expect(alert?.excess).toBeGreaterThan(plan.leak.flowM3PerH * 0.6);
    expect(alert?.meters[0]?.excess).toBeGreaterThan(plan.leak.flowM3PerH * 0.6);
  });

  it('shows the term starts as demand, not as exceeding nights, and every night with data', () => {
    const r = call(api, 'analytics.nightFlow', { siteId: site, from, to: plan.endDay });
    expect(r.nights).toHaveLength(daysBetween(from, plan.endDay));
    expect(r.nights.length).toBeGreaterThan(360);
    const before = r.nights.filter((n) => n.night < addDays(plan.leak.startDay, -1));
    expect(before.filter((n) => n.status === 'alert' || n.status === 'exceeds')).toEqual([]);
    expect(before.filter((n) => n.status === 'demand').length).toBeGreaterThan(5);
    expect(r.nights.filter((n) => n.status === 'no_data')).toEqual([]);
    const first = r.nights.find((n) => n.night === plan.leak.startDay);
    expect(first?.status).toBe('exceeds');
    expect((first?.mnf ?? 0) - (first?.baseline ?? 0)).toBeGreaterThan(0.5);
  });

  it('leaves the demo’s night watering alone: those zones are on the reclaimed-water network', () => {
    // The demo's night zones water in the window on Tuesdays and Fridays from the reclaimed-water
    // main, which the potable inlets never see: their nights are evaluated like any other, and
    // none of them is where an alert was raised.
    const r = call(api, 'analytics.nightFlow', { siteId: site, from, to: plan.endDay });
    const irrigated = new Set(plan.irrigationNights);
    const nights = r.nights.filter((n) => irrigated.has(n.night));
    expect(nights.length).toBeGreaterThan(90);
    for (const n of nights) {
      expect(n.irrigationZones).toEqual([]);
      expect(n.streak === r.rule.nights && n.status === 'alert').toBe(false);
    }
  });

  it('turns the alert into one repair request, source leak_alert, on the leaking inlet', () => {
    const alert = call(api, 'analytics.leakAlerts', { siteId: site, from, to: plan.endDay })
      .items[0];
    if (!alert) throw new Error('no alert');
    const made = call(api, 'analytics.requestFromLeakAlert', {
      siteId: site,
      startNight: alert.startNight,
    });
    expect(made.request).toMatchObject({
      source: 'leak_alert',
      category: 'water_leak',
      priority: 'high',
      status: 'new',
      reporter: '漏损预警',
    });
    expect(made.request.asset?.code).toBe(LEAK_METER_CODE);
    expect(made.request.description).toContain(alert.startNight);
    expect(made.alert.requestNumber).toBe(made.request.number);
    const again = callError(api, 'analytics.requestFromLeakAlert', {
      siteId: site,
      startNight: alert.startNight,
    });
    expect(again.code).toBe('CONFLICT');
    const listed = call(api, 'analytics.leakAlerts', { siteId: site, from, to: plan.endDay });
    expect(listed.items[0]?.requestId).toBe(made.request.id);
    const order = call(api, 'requests.convert', { id: made.request.id });
    expect(order.category).toBe('water_leak');
    expect(
      callError(api, 'analytics.requestFromLeakAlert', { siteId: site, startNight: from }).code,
    ).toBe('NOT_FOUND');
  });
});

describe('on generated hourly data with night irrigation', () => {
  let api: Api;
  /** Nights whose window holds 6 m³/h of watering: Mondays to Thursdays from 22 April. */
  const WATERING_FROM = '2024-04-22';
  const watered = (day: string) =>
    day >= WATERING_FROM && [1, 2, 3, 4].includes(new Date(`${day}T00:00Z`).getUTCDay());

  /** A site with a potable inlet carrying hourly data, and a zone programmed MO–TH 02:00–04:00. */
  function site(name: string, zoneOnInlet: boolean): string {
    const s = call(api, 'places.create', { kind: 'site', parentId: null, name });
    const area = call(api, 'places.create', { kind: 'area', parentId: s.id, name: '绿地' });
    const inlet = call(
      api,
      'assets.create',
      meterInput(`${name}-WM1`, 'water', 1, { placeId: area.id }),
    );
    const reclaimed = call(
      api,
      'assets.create',
      meterInput(`${name}-RM1`, 'reclaimed_water', 1, { placeId: area.id }),
    );
    call(
      api,
      'assets.create',
      zoneInput(`${name}-GZ`, {
        placeId: area.id,
        linkedMeterId: zoneOnInlet ? inlet.id : reclaimed.id,
        scheduleDays: ['MO', 'TU', 'WE', 'TH'],
        scheduleStart: '02:00',
        scheduleMinutes: 120,
      }),
    );
    const readings = [];
    let value = 1000;
    for (let at = shMs('2024-03-01'); at <= shMs('2024-05-10'); at += 3_600_000) {
      readings.push({ at, value: Math.round(value * 1000) / 1000 });
      const local = new Date(at + 8 * 3_600_000);
      const hour = local.getUTCHours();
      const day = local.toISOString().slice(0, 10);
      const wobble = 1 + 0.03 * Math.sin(at / 7_000_000);
      let flow = (hour < 6 ? 2 : 12) * wobble;
      if ((hour === 2 || hour === 3) && watered(day)) flow += 6;
      value += flow;
    }
    addReadingsBulk({ core: api.core, db: api.core.db, actor: '测试员' }, inlet.id, readings, {
      source: 'device',
    });
    return s.id;
  }

  let own: string;
  let other: string;
  beforeAll(() => {
    const t = openTempApi();
    opened.push(t);
    api = t.api;
    own = site('自供喷灌', true);
    other = site('再生水喷灌', false);
  });

  it('a night with irrigation scheduled on the inlets’ supply raises no alert', () => {
    const r = call(api, 'analytics.nightFlow', {
      siteId: own,
      from: '2024-04-01',
      to: '2024-05-09',
    });
    for (const n of r.nights) {
      const scheduled = [1, 2, 3, 4].includes(new Date(`${n.night}T00:00Z`).getUTCDay());
      expect(n.status === 'irrigation', n.night).toBe(scheduled);
      if (scheduled) expect(n.irrigationZones.map((z) => z.code)).toEqual(['自供喷灌-GZ']);
    }
    const alerts = call(api, 'analytics.leakAlerts', {
      siteId: own,
      from: '2024-04-01',
      to: '2024-05-09',
    });
    expect(alerts.items).toEqual([]);
  });

  it('the same flows with the zone on reclaimed water are a leak the rule alerts', () => {
    const alerts = call(api, 'analytics.leakAlerts', {
      siteId: other,
      from: '2024-04-01',
      to: '2024-05-09',
    });
    expect(alerts.items.map((a) => [a.startNight, a.raisedNight])).toContainEqual([
      WATERING_FROM,
      addDays(WATERING_FROM, 2),
    ]);
    const nights = call(api, 'analytics.nightFlow', {
      siteId: other,
      from: WATERING_FROM,
      to: WATERING_FROM,
    });
    expect(nights.nights[0]?.irrigationZones).toEqual([]);
    expect(nights.nights[0]?.mnf).toBeCloseTo(8 * (1 + 0.03 * Math.sin(0)), 0);
  });

  it('sums the inlets before taking the minimum, over the settings’ window', () => {
    call(api, 'settings.update', { leakAlert: { windowStart: '01:00', windowEnd: '03:00' } });
    try {
      const r = call(api, 'analytics.nightFlow', {
        siteId: own,
        from: '2024-04-22',
        to: '2024-04-22',
      });
      // 01:00–02:00 is unwatered: the minimum is there now.
      expect(r.nights[0]?.mnf).toBeLessThan(2.2);
      expect(r.nights[0]?.minimumAt).toBe(new Date(shMs('2024-04-22', '01:00')).toISOString());
    } finally {
      call(api, 'settings.update', { leakAlert: { windowStart: '02:00', windowEnd: '04:00' } });
    }
  });
});

describe('night windows', () => {
  const rule = {
    windowStart: '02:00',
    windowEnd: '04:00',
    baselineNights: 28,
    ratio: 0.3,
    absoluteM3h: 0.5,
    nights: 3,
  };
  const at = (w: [number, number]) => w.map((ms) => new Date(ms).toISOString());

  it('follow the site’s zone through a DST change and across midnight', () => {
    const zone = 'Europe/Berlin';
    const days = localDays('2024-03-29', '2024-04-02', zone);
    expect(days.get('2024-03-31')?.length).toBe(23 * 3_600_000);
    expect(at(nightWindow('2024-03-30', rule, zone, days))).toEqual([
      '2024-03-30T01:00:00.000Z',
      '2024-03-30T03:00:00.000Z',
    ]);
    // 02:00 does not exist that night: the window starts when the clocks jump to 03:00.
    expect(at(nightWindow('2024-03-31', rule, zone, days))).toEqual([
      '2024-03-31T01:00:00.000Z',
      '2024-03-31T02:00:00.000Z',
    ]);
    const late = { ...rule, windowStart: '23:00', windowEnd: '01:00' };
    expect(at(nightWindow('2024-04-02', late, zone, days))).toEqual([
      '2024-04-01T21:00:00.000Z',
      '2024-04-01T23:00:00.000Z',
    ]);
    const sh = localDays('2024-05-01', '2024-05-02', 'Asia/Shanghai');
    expect(at(nightWindow('2024-05-02', rule, 'Asia/Shanghai', sh))).toEqual([
      '2024-05-01T18:00:00.000Z',
      '2024-05-01T20:00:00.000Z',
    ]);
  });
});
