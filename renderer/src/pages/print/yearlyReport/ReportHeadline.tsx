// The top of the yearly report and its figures that are not tables: the header (organisation name
// and logo from settings, title, site, year, period) and the three headline per-capita figures
// with their year-on-year change; and, for a park, its reuse rate and water per 10,000 CNY of
// value added. Every number goes through reportFormat.ts, as the acceptance test expects.
import type { TFunction } from 'i18next';
import type { ResultOf } from '../../../../../shared/contract';
import type { ReportData } from './loadReport';
import {
  formatChange,
  formatNumber,
  formatShare,
  headlineFigures,
  headlinePrevious,
  headlineValue,
} from './reportFormat';

interface Props {
  data: ReportData;
  t: TFunction;
  language: string;
}

/** (current − previous) / previous of the very two figures printed, so the line adds up. */
function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/**
 * Falling consumption is the goal, so a fall reads as good (green) and a rise as a warning (red);
 * for the reuse rate it is the other way round.
 */
function trendClass(value: number | null, higherIsBetter = false): string {
  if (value === null || Math.abs(value) < 0.0005) return 'yr-flat';
  const fell = value < 0;
  return fell !== higherIsBetter ? 'yr-good' : 'yr-bad';
}

export function ReportHeader({ data, t }: Props) {
  const { settings, siteName, year, yearly } = data;
  const water = yearly.water;
  return (
    <header className="yr-header">
      {settings.logoDataUrl && <img className="yr-logo" src={settings.logoDataUrl} alt="" />}
      <div className="yr-header-text">
        {settings.organisationName && <div className="yr-org">{settings.organisationName}</div>}
        <h1>{t('yearlyReport.title', { year })}</h1>
        <div className="yr-meta">
          <span>{t('yearlyReport.meta.site', { name: siteName })}</span>
          <span>{t('yearlyReport.meta.year', { year })}</span>
          <span>{t('yearlyReport.meta.period', { from: water.from, to: water.to })}</span>
        </div>
        {water.partial && <div className="yr-note">{t('yearlyReport.meta.partial')}</div>}
      </div>
    </header>
  );
}

export function HeadlineSection({ data, t, language }: Props) {
  const { yearly } = data;
  const persons = yearly.water.standardPersons ?? yearly.electricity.standardPersons;
  return (
    <section className="yr-section" data-section="headline">
      <h2>{t('yearlyReport.section.headline')}</h2>
      <div className="yr-headline">
        {headlineFigures.map((figure) => {
          const result = yearly[figure.utility];
          const value = headlineValue(figure, result);
          const previous = headlinePrevious(figure, result);
          const yoy = change(value, previous);
          return (
            <div key={figure.key} className="yr-figure" data-figure={figure.key}>
              <div className="yr-figure-label">{t(`yearlyReport.headline.${figure.key}`)}</div>
              <div className="yr-figure-value">
                <span data-value={figure.key}>{formatNumber(value, figure.digits, language)}</span>
                <span className="yr-figure-unit">{t(`yearlyReport.units.${figure.key}`)}</span>
              </div>
              <div className={`yr-figure-change ${trendClass(yoy)}`} data-change={figure.key}>
                {t('yearlyReport.headline.change', { change: formatChange(yoy, language) })}
              </div>
              <div className="yr-figure-sub">
                {t('yearlyReport.headline.lastYear', {
                  value: formatNumber(previous, figure.digits, language),
                })}
              </div>
            </div>
          );
        })}
      </div>
      <table className="yr-table yr-compact">
        <tbody>
          {(['water', 'electricity'] as const).map((utility) => {
            const y = yearly[utility];
            return (
              <tr key={utility}>
                <th>{t(`yearlyReport.utility.${utility}`)}</th>
                <td>
                  {t('yearlyReport.headline.total', {
                    value: formatNumber(y.total, 0, language),
                    unit: y.unit,
                  })}
                </td>
                <td>
                  {t('yearlyReport.headline.totalChange', {
                    change: formatChange(y.totalChange, language),
                  })}
                </td>
                <td>
                  {t('yearlyReport.headline.previousTotal', {
                    value: formatNumber(y.previous.total, 0, language),
                    unit: y.unit,
                  })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {yearly.water.total === null && yearly.electricity.total === null && (
        <p className="yr-note">{t('yearlyReport.headline.noReadings')}</p>
      )}
      <p className="yr-note">
        {persons === null
          ? t('yearlyReport.headline.noHeadcount')
          : t('yearlyReport.headline.persons', { value: formatNumber(persons, 1, language) })}
      </p>
    </section>
  );
}

type Park = ResultOf<'analytics.park'>;

export function ParkSection({ park, t, language }: { park: Park; t: TFunction; language: string }) {
  const figures = [
    ['reuseRate', formatShare(park.reuseRate, language), park.reuseRateChange, true],
    ['waterPer10k', formatNumber(park.waterPer10kCny, 2, language), park.waterPer10kCnyChange],
    ['freshIntake', formatNumber(park.freshIntake, 0, language), park.freshIntakeChange],
    ['reused', formatNumber(park.reused, 0, language), null],
    ['valueAdded', formatNumber(park.valueAdded, 1, language), null],
  ] as const;
  return (
    <section className="yr-section" data-section="park">
      <h2>{t('yearlyReport.section.park')}</h2>
      <table className="yr-table yr-compact yr-wide-head">
        <tbody>
          {figures.map(([key, text, yoy, higherIsBetter]) => (
            <tr key={key}>
              <th>{t(`yearlyReport.park.${key}`)}</th>
              <td className="yr-num">{text}</td>
              <td className={trendClass(yoy, higherIsBetter)}>
                {yoy === null
                  ? ''
                  : t('yearlyReport.headline.change', { change: formatChange(yoy, language) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="yr-table">
        <thead>
          <tr>
            {['enterprise', 'fresh', 'quota', 'quotaUse', 'per10k', 'change'].map((c) => (
              <th key={c}>{t(`yearlyReport.park.col.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {park.enterprises.map((e) => (
            <tr key={e.enterpriseId} className={e.withinQuota === false ? 'yr-flagged' : ''}>
              <td>{e.name}</td>
              <td className="yr-num">{formatNumber(e.freshWater, 0, language)}</td>
              <td className="yr-num">{formatNumber(e.waterQuota, 0, language)}</td>
              <td className="yr-num">{formatShare(e.quotaUse, language)}</td>
              <td className="yr-num">{formatNumber(e.waterPer10kCny, 2, language)}</td>
              <td className="yr-num">{formatChange(e.freshWaterChange, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
