// The 统计报表 module: consumption analytics of issue 7, one tab per view (per capita, monthly,
// breakdown, water balance, leak alerts, park indicators, lighting and irrigation). The open tab,
// the site and the year are kept in the address (?tab=…&site=…&year=…) as on the Maintenance
// page, so a reload or a shared link lands on the same figures; hidden tabs are unmounted and
// load their own data when shown.
import { Select, Space, Spin, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BalanceTab } from './balance/BalanceTab';
import { BreakdownTab } from './breakdown/BreakdownTab';
import { EmptyHint } from './common/EmptyHint';
import { currentYear } from './common/format';
import { LoadError } from './common/LoadError';
import { useSites } from './common/useSites';
import { LeaksTab } from './leaks/LeaksTab';
import { LightingTab } from './lighting/LightingTab';
import { MonthlyTab } from './monthly/MonthlyTab';
import { ParkTab } from './park/ParkTab';
import { PerCapitaTab } from './perCapita/PerCapitaTab';
import './reports.css';
import { yearOptions, type ReportScope } from './scope';

interface ReportTab {
  key: string;
  render: (scope: ReportScope) => ReactNode;
}

export const reportTabs: readonly ReportTab[] = [
  { key: 'perCapita', render: (s) => <PerCapitaTab scope={s} /> },
  { key: 'monthly', render: (s) => <MonthlyTab scope={s} /> },
  { key: 'breakdown', render: (s) => <BreakdownTab scope={s} /> },
  { key: 'balance', render: (s) => <BalanceTab scope={s} /> },
  { key: 'leaks', render: (s) => <LeaksTab scope={s} /> },
  { key: 'park', render: (s) => <ParkTab scope={s} /> },
  { key: 'lighting', render: (s) => <LightingTab scope={s} /> },
];

export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { sites, error } = useSites();
  const requested = params.get('tab');
  const active = reportTabs.some((tab) => tab.key === requested)
    ? (requested as string)
    : (reportTabs[0]?.key ?? '');
  const thisYear = currentYear();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 1900 ? yearParam : thisYear;
  const site = sites?.find((s) => s.id === params.get('site')) ?? sites?.[0] ?? null;

  // Changing one of tab, site or year keeps the other two in the address.
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setParams(next, { replace: true });
  };

  if (error) return <LoadError error={error} />;
  if (!sites) return <Spin />;
  if (!site) return <EmptyHint reason="sites" />;
  const scope: ReportScope = { site, year, fileContext: `${site.name}_${year}` };
  const years = yearOptions(thisYear);
  if (!years.includes(year)) years.push(year);

  return (
    <div className="reports-page" data-testid="reports-page">
      <Typography.Title level={4} className="report-print-only">
        {`${t('nav.reports')} · ${t(`analytics.tabs.${active}`)} · ${site.name} · ${t('analytics.yearLabel', { year })}`}
      </Typography.Title>
      <Space wrap className="report-toolbar" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('analytics.scope.site')}</Typography.Text>
        <Select
          aria-label={t('analytics.scope.site')}
          data-testid="report-site"
          value={site.id}
          onChange={(id: string) => update({ site: id })}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          style={{ minWidth: 220 }}
        />
        <Typography.Text strong>{t('analytics.scope.year')}</Typography.Text>
        <Select
          aria-label={t('analytics.scope.year')}
          data-testid="report-year"
          value={year}
          onChange={(y: number) => update({ year: String(y) })}
          options={years.map((y) => ({ value: y, label: t('analytics.yearLabel', { year: y }) }))}
          style={{ width: 110 }}
        />
      </Space>
      <Tabs
        activeKey={active}
        destroyOnHidden
        onChange={(key) => update({ tab: key })}
        items={reportTabs.map((tab) => ({
          key: tab.key,
          label: t(`analytics.tabs.${tab.key}`),
          children: tab.render(scope),
        }))}
      />
    </div>
  );
}
