// The parent meter's balance month by month: input and metered volumes as bars, the loss rate as
// a line against the threshold (dashed), so a month where water starts to go missing shows.
import { Spin } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '../common/ChartCard';
import { reportColours } from '../common/chartSetup';
import type { DataTable } from '../common/dataTable';
import { LoadError } from '../common/LoadError';
import type { ChartSpec } from '../common/ReportChart';
import { hasAlarm } from './balanceTable';
import { useMonthlyBalance, type MonthBalance } from './useMonthlyBalance';

function lossTable(t: TFunction, months: MonthBalance[], unit: string): DataTable {
  return {
    columns: [
      { title: t('analytics.col.month') },
      { title: `${t('analytics.balance.input')} (${unit})`, kind: 'number' },
      { title: `${t('analytics.balance.metered')} (${unit})`, kind: 'number' },
      { title: `${t('analytics.balance.unaccounted')} (${unit})`, kind: 'number' },
      { title: t('analytics.balance.lossRate'), kind: 'percent' },
      { title: t('analytics.balance.threshold'), kind: 'percent' },
    ],
    rows: months.map(({ result: r }) => [
      r.from.slice(0, 7),
      r.input,
      r.metered,
      r.unaccounted,
      r.lossRate,
      r.lossThreshold,
    ]),
    tones: months.map(({ result }) => (hasAlarm(result) ? 'bad' : null)),
  };
}

function lossSpec(t: TFunction, months: MonthBalance[], unit: string): ChartSpec {
  return {
    labels: months.map((m) => t('analytics.monthly.month', { month: m.month })),
    unit,
    unit2: t('analytics.balance.lossRate'),
    percent2: true,
    series: [
      {
        label: t('analytics.balance.input'),
        data: months.map((m) => m.result.input),
        colour: reportColours.previous,
      },
      {
        label: t('analytics.balance.metered'),
        data: months.map((m) => m.result.metered),
        colour: reportColours.current,
      },
      {
        label: t('analytics.balance.lossRate'),
        data: months.map((m) => m.result.lossRate),
        type: 'line',
        axis: 'y1',
        colour: reportColours.bad,
      },
      {
        label: t('analytics.balance.threshold'),
        data: months.map((m) => m.result.lossThreshold),
        type: 'line',
        axis: 'y1',
        dashed: true,
        colour: reportColours.target,
      },
    ],
  };
}

interface Props {
  meterId: string;
  meterName: string;
  year: number;
  fileContext: string;
}

export function LossByMonthCard({ meterId, meterName, year, fileContext }: Props) {
  const { t } = useTranslation();
  const { months, error } = useMonthlyBalance(meterId, year);
  const unit = months?.[0]?.result.unit ?? 'm³';
  const table = useMemo(() => (months ? lossTable(t, months, unit) : null), [t, months, unit]);
  const spec = useMemo(() => (months ? lossSpec(t, months, unit) : undefined), [t, months, unit]);
  if (error) return <LoadError error={error} />;
  if (!table) return <Spin />;
  return (
    <ChartCard
      title={t('analytics.balance.byMonth', { name: meterName, year })}
      fileContext={fileContext}
      table={table}
      spec={spec}
      testId="balance-months"
    />
  );
}
