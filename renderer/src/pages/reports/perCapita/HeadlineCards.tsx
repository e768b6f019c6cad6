// The per-capita headline: big numbers for water per person per day and per year and electricity
// per person per year, each with its change on the same days a year earlier (arrow green when
// falling) and, where a target is set, the gap to it. A year still running says up to which day.
import { Card, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { YearlyResult } from '../../../../../shared/contract/analyticsShapes';
import { Change } from '../common/Change';
import { formatNumber } from '../common/format';
import { unitText } from '../common/units';

interface Figure {
  key: string;
  label: string;
  value: number | null;
  unit: string;
  digits: number;
  change: number | null;
  result: YearlyResult;
  /** Actual − target, in the figure's unit (per year only). */
  gap?: number | null;
  target?: number | null;
}

function Headline({ figure }: { figure: Figure }) {
  const { t, i18n } = useTranslation();
  const { result } = figure;
  return (
    <Card size="small" className="report-card" data-testid={`headline-${figure.key}`}>
      <Typography.Text type="secondary">{figure.label}</Typography.Text>
      <div>
        <span className="report-big" data-testid={`headline-${figure.key}-value`}>
          {formatNumber(figure.value, i18n.language, figure.digits)}
        </span>{' '}
        <Typography.Text>{figure.unit}</Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary">{t('analytics.perCapita.vsLastYear')} </Typography.Text>
        <Change value={figure.change} testId={`headline-${figure.key}-change`} />
      </div>
      {figure.target !== undefined && figure.target !== null && (
        <div>
          <Typography.Text type="secondary">
            {t('analytics.perCapita.target', {
              target: formatNumber(figure.target, i18n.language, figure.digits),
            })}
          </Typography.Text>{' '}
          {figure.gap !== null && figure.gap !== undefined && (
            <Typography.Text type={figure.gap > 0 ? 'danger' : 'success'}>
              {t(
                figure.gap > 0
                  ? 'analytics.perCapita.overTarget'
                  : 'analytics.perCapita.underTarget',
                {
                  gap: formatNumber(Math.abs(figure.gap), i18n.language, figure.digits),
                },
              )}
            </Typography.Text>
          )}
        </div>
      )}
      {result.partial && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('analytics.perCapita.partial', { to: result.to })}
        </Typography.Text>
      )}
    </Card>
  );
}

export function HeadlineCards({ water, power }: { water: YearlyResult; power: YearlyResult }) {
  const { t, i18n } = useTranslation();
  const figures: Figure[] = [
    {
      key: 'waterDay',
      label: t('analytics.perCapita.waterPerDay'),
      value: water.perCapitaPerDay,
      unit: unitText(t, water.perCapitaUnits.perDay),
      digits: 1,
      change: water.previousYearChange,
      result: water,
    },
    {
      key: 'waterYear',
      label: t('analytics.perCapita.waterPerYear'),
      value: water.perCapitaPerYear,
      unit: unitText(t, water.perCapitaUnits.perYear),
      digits: 2,
      change: water.previousYearChange,
      result: water,
      target: water.target?.perCapitaPerYear ?? null,
      gap: water.target?.perCapitaGap ?? null,
    },
    {
      key: 'powerYear',
      label: t('analytics.perCapita.powerPerYear'),
      value: power.perCapitaPerYear,
      unit: unitText(t, power.perCapitaUnits.perYear),
      digits: 1,
      change: power.previousYearChange,
      result: power,
      target: power.target?.perCapitaPerYear ?? null,
      gap: power.target?.perCapitaGap ?? null,
    },
  ];
  const persons = water.standardPersons;
  const before = water.previous.standardPersons;
  const h = water.headcount;
  return (
    <div className="report-headline">
      {figures.map((f) => (
        <Headline key={f.key} figure={f} />
      ))}
      <Card size="small" className="report-card" data-testid="headline-persons">
        <Typography.Text type="secondary">
          {t('analytics.perCapita.standardPersons')}
        </Typography.Text>
        <Tooltip title={h && t('analytics.perCapita.headcount', h)}>
          <div>
            <span className="report-big">{formatNumber(persons, i18n.language, 1)}</span>{' '}
            <Typography.Text>{t('analytics.units.persons')}</Typography.Text>
          </div>
        </Tooltip>
        <div>
          <Typography.Text type="secondary">{t('analytics.perCapita.vsLastYear')} </Typography.Text>
          <Change value={persons !== null && before ? (persons - before) / before : null} neutral />
        </div>
      </Card>
    </div>
  );
}
