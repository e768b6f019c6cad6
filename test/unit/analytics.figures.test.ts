// Per-capita figures, reporting periods and the water balance by hand-worked cases: standard
// persons, L/(person·day) and kWh/(person·year), year to date against the same days a year
// earlier (29 February included), the balance flags, and irrigation plans by weekday count.
import { describe, expect, it } from 'vitest';
import {
  balanceOf,
  change,
  perCapita,
  plannedM3,
  previousPeriod,
  runDays,
  seasonSpans,
  standardPersons,
  yearPeriod,
} from '../../shared/domain/analytics';

describe('per-capita figures', () => {
  it('weights the groups and divides as DOMAIN.md says', () => {
    const persons = standardPersons(
      { students: 8000, staff: 600, residents: 200, others: 400 },
      { students: 1, staff: 1, residents: 1, others: 0.5 },
    );
    expect(persons).toBe(9000);
    // 328,500 m³ over 365 days for 9,000 persons: 100 L/(person·day), 36.5 m³/(person·year).
    expect(perCapita('water', 328_500, persons, 365)).toEqual({ perDay: 100, perYear: 36.5 });
    expect(perCapita('electricity', 9_000_000, persons, 365).perYear).toBe(1000);
    expect(perCapita('water', null, persons, 365)).toEqual({ perDay: null, perYear: null });
    expect(perCapita('water', 1, 0, 365).perDay).toBeNull();
    expect(change(90, 100)).toBeCloseTo(-0.1, 12);
    expect(change(1, 0)).toBeNull();
  });

  it('reports a running year to its last day with data, against the same days before', () => {
    expect(yearPeriod(2023, '2026-05-01', null)).toEqual({
      year: 2023,
      from: '2023-01-01',
      to: '2023-12-31',
      days: 365,
      partial: false,
    });
    const running = yearPeriod(2024, '2024-03-10', '2024-02-29');
    expect(running).toMatchObject({ to: '2024-02-29', days: 60, partial: true });
    expect(previousPeriod(running)).toMatchObject({
      from: '2023-01-01',
      to: '2023-02-28',
      days: 59,
    });
    // No data yet this year: up to yesterday.
    expect(yearPeriod(2024, '2024-03-10', null)).toMatchObject({ to: '2024-03-09', days: 69 });
    expect(yearPeriod(2024, '2024-01-01', null)).toMatchObject({ to: '2024-01-01', days: 1 });
  });

  it('starts a year on its first day with data when the history begins inside it', () => {
    const first = yearPeriod(2021, '2026-05-01', null, '2021-12-05');
    expect(first).toEqual({
      year: 2021,
      from: '2021-12-05',
      to: '2021-12-31',
      days: 27,
      partial: true,
    });
    expect(previousPeriod(first)).toMatchObject({ from: '2020-12-05', to: '2020-12-31', days: 27 });
    // Data from the first of January on, or from an earlier year: the whole year.
    expect(yearPeriod(2022, '2026-05-01', null, '2022-01-01')).toMatchObject({ partial: false });
    expect(yearPeriod(2022, '2026-05-01', null, null)).toMatchObject({ days: 365 });
  });
});

describe('balanceOf', () => {
  const m = (amount: number | null, days = 31) => ({
    amount,
    daysWithData: days,
    estimatedDays: 0,
    pendingDays: 0,
  });

  it('computes input, metered, unaccounted and the loss rate, flagged above the threshold', () => {
    const b = balanceOf(m(1000), [m(600), m(250)], 31, 0.12);
    expect(b).toEqual({
      input: 1000,
      metered: 850,
      unaccounted: 150,
      lossRate: 0.15,
      flags: ['loss_above_threshold'],
    });
    expect(balanceOf(m(1000), [m(600), m(300)], 31, 0.12).flags).toEqual([]);
  });

  it('flags children that exceed the parent, gaps and pending reviews; a leaf has no balance', () => {
    const over = balanceOf(m(800), [m(600), m(300, 20)], 31, 0.12);
    expect(over.flags).toEqual(['children_exceed_parent', 'missing_days']);
    expect(over.lossRate).toBeCloseTo(-0.125, 12);
    expect(balanceOf({ ...m(10), pendingDays: 1 }, [], 31, 0.12)).toEqual({
      input: 10,
      metered: null,
      unaccounted: null,
      lossRate: null,
      flags: ['pending_review'],
    });
    expect(balanceOf(m(null, 0), [m(5)], 31, 0.12)).toMatchObject({ metered: 5, lossRate: null });
  });
});

describe('irrigation plans', () => {
  it('counts the programme’s weekdays in a span and plans area × rate × time per run', () => {
    // March 2024 has five Fridays (1, 8, 15, 22, 29) and four Mondays.
    expect(runDays(['MO', 'FR'], '2024-03-01', '2024-03-31')).toBe(9);
    expect(runDays(['MO', 'MO'], '2024-03-01', '2024-03-31')).toBe(4);
    expect(runDays(['MO'], '2024-03-02', '2024-03-01')).toBe(0);
    // 2,000 m² × 12 mm/h × 0.5 h = 12 m³ a run.
    const p = { days: ['MO', 'FR'], start: '05:30', minutes: 30 };
    expect(plannedM3(2000, 12, p, '2024-03-01', '2024-03-31')).toBeCloseTo(108, 9);
    const winter = seasonSpans(2024).find((s) => s.season === 'winter');
    expect(winter?.spans).toEqual([
      ['2024-01-01', '2024-02-29'],
      ['2024-12-01', '2024-12-31'],
    ]);
  });
});
