// The minimum-night-flow rule by hand-worked cases: sum the inlets first then take the minimum,
// the median baseline of previous evaluated nights, the ratio AND the absolute margin, N nights in
// a row, irrigation and missing nights skipped, demand-explained nights kept out of alerts, and
// irrigation programmes against a night's window (one that runs past midnight included).
import { describe, expect, it } from 'vitest';
import {
  alertRuns,
  evaluateNights,
  median,
  minimumSummedFlow,
  watersInWindow,
  type LeakRule,
  type NightInput,
} from '../../shared/domain/analytics';

const H = 3_600_000;
const rule: LeakRule = { baselineNights: 6, ratio: 0.3, absoluteM3h: 0.5, nights: 3 };
const night = (i: number) => `2024-05-${String(i + 1).padStart(2, '0')}`;
const nights = (mnfs: (number | null)[], extra: Partial<NightInput>[] = []): NightInput[] =>
  mnfs.map((mnf, i) => ({ night: night(i), mnf, irrigation: false, demand: null, ...extra[i] }));

describe('minimumSummedFlow', () => {
  it('sums the inlets hour by hour before taking the minimum', () => {
    // A: 1 then 5; B: 5 then 1. Each meter's own minimum is 1 (sum 2), the summed flow never is.
    const a = {
      meterId: 'a',
      pieces: [
        { from: 0, to: H, flow: 1 },
        { from: H, to: 2 * H, flow: 5 },
      ],
    };
    const b = {
      meterId: 'b',
      pieces: [
        { from: 0, to: H, flow: 5 },
        { from: H, to: 2 * H, flow: 1 },
      ],
    };
    expect(minimumSummedFlow([a, b], 0, 2 * H)?.mnf).toBe(6);
  });

  it('cuts at every meter’s interval ends and finds where the minimum lies', () => {
    const a = { meterId: 'a', pieces: [{ from: 0, to: 2 * H, flow: 3 }] };
    const b = {
      meterId: 'b',
      pieces: [
        { from: 0, to: 0.5 * H, flow: 2 },
        { from: 0.5 * H, to: 2 * H, flow: 0.5 },
      ],
    };
    const m = minimumSummedFlow([a, b], 0, 2 * H);
    expect(m).toEqual({
      mnf: 3.5,
      at: 0.5 * H,
      byMeter: [
        { meterId: 'a', flow: 3 },
        { meterId: 'b', flow: 0.5 },
      ],
    });
  });

  it('refuses a window any inlet leaves uncovered', () => {
    const a = { meterId: 'a', pieces: [{ from: 0, to: 2 * H, flow: 3 }] };
    const gap = { meterId: 'b', pieces: [{ from: 0, to: H, flow: 1 }] };
    expect(minimumSummedFlow([a, gap], 0, 2 * H)).toBeNull();
    expect(minimumSummedFlow([], 0, 2 * H)).toBeNull();
  });
});

describe('evaluateNights', () => {
  it('takes the median of the previous nights and needs both margins', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    // Baseline 2 after six nights: 2.5 is +25% (< 30%), 2.7 is +35% but only +0.7 ≥ 0.5 → exceeds.
    const r = evaluateNights(nights([2, 2, 2, 2, 2, 2, 2.5, 2.7]), rule);
    expect(r.slice(0, 3).map((n) => n.status)).toEqual(['warming_up', 'warming_up', 'warming_up']);
    expect(r[6]).toMatchObject({ baseline: 2, threshold: 2.6, status: 'normal' });
    expect(r[7]).toMatchObject({ status: 'exceeds', streak: 1 });
    // A big baseline: +30% is the binding margin; a small one: +0.5 m³/h is.
    const small = evaluateNights(nights([1, 1, 1, 1, 1, 1, 1.4]), rule);
    expect(small[6]).toMatchObject({ threshold: 1.5, status: 'normal' });
  });

  it('raises on the Nth exceeding night in a row, skipping irrigation and missing nights', () => {
    const flows = [2, 2, 2, 2, 2, 2, 5, 5, null, 5, 5, 2, 9];
    const r = evaluateNights(nights(flows), rule);
    expect(r.map((n) => n.status).slice(6)).toEqual([
      'exceeds',
      'exceeds',
      'no_data',
      'alert',
      'alert',
      'normal',
      'exceeds',
    ]);
    const runs = alertRuns(r, rule);
    expect(runs).toEqual([
      {
        startNight: night(6),
        raisedNight: night(9),
        lastNight: night(10),
        ongoing: false,
        exceedingNights: 4,
        baseline: 2,
        startMnf: 5,
        peakMnf: 5,
      },
    ]);
    const irrigated = evaluateNights(
      nights([2, 2, 2, 2, 2, 2, 5, 5, 5], [{}, {}, {}, {}, {}, {}, {}, { irrigation: true }]),
      rule,
    );
    expect(irrigated.map((n) => n.status).slice(6)).toEqual(['exceeds', 'irrigation', 'exceeds']);
    // Irrigation nights do not enter the baseline either.
    expect(irrigated[8]?.baseline).toBe(2);
  });

  it('keeps nights whose day demand rose as much out of alerts, but in the baseline', () => {
    const demand = (d: number) => ({ demand: d });
    const extra = [
      ...Array(6).fill(demand(100)),
      demand(200),
      demand(210),
      demand(190),
      demand(100),
    ];
    const r = evaluateNights(nights([2, 2, 2, 2, 2, 2, 4, 4, 4, 6], extra), rule);
    expect(r.map((n) => n.status).slice(6)).toEqual(['demand', 'demand', 'demand', 'exceeds']);
    expect(r[9]).toMatchObject({ baseline: 3, demandBaseline: 145 });
    expect(alertRuns(r, rule)).toEqual([]);
  });

  it('reports a run still going at the last night as ongoing', () => {
    const r = evaluateNights(nights([2, 2, 2, 2, 2, 2, 5, 5, 5]), rule);
    expect(alertRuns(r, rule)[0]).toMatchObject({ raisedNight: night(8), ongoing: true });
  });
});

describe('watersInWindow', () => {
  const p = { days: ['TU', 'FR'], start: '02:30', minutes: 30 };
  it('matches a programme inside the window on its weekdays only', () => {
    expect(watersInWindow(p, '2024-05-07', '02:00', '04:00')).toBe(true); // Tuesday
    expect(watersInWindow(p, '2024-05-08', '02:00', '04:00')).toBe(false);
    expect(watersInWindow({ ...p, start: '04:00' }, '2024-05-07', '02:00', '04:00')).toBe(false);
  });

  it('sees a run that began the evening before and a window across midnight', () => {
    const late = { days: ['MO'], start: '23:30', minutes: 180 };
    expect(watersInWindow(late, '2024-05-07', '02:00', '04:00')).toBe(true);
    expect(watersInWindow({ ...p, start: '23:30' }, '2024-05-08', '23:00', '01:00')).toBe(true);
    expect(watersInWindow({ ...p, minutes: 0 }, '2024-05-07', '02:00', '04:00')).toBe(false);
  });
});
