// 漏损报警: alerts raised from the minimum night flow on the site's potable inlets (DOMAIN.md:
// sum the inlets first, then the minimum over the night window; alert on N nights in a row above
// the baseline by a ratio and an absolute flow), the night-flow chart around the chosen alert with
// irrigation nights marked, and the one-click repair request.
import { Empty, Segmented, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '../common/ChartCard';
import { shiftDay } from '../common/format';
import { LoadError } from '../common/LoadError';
import { useApiCall } from '../common/useApiCall';
import type { ReportScope } from '../scope';
import { AlertTable, alertsTable } from './AlertTable';
import { NightFlowCard } from './NightFlowCard';

type Range = 'recent' | 'year';

/** Nights shown before an alert's first night (covers its 28-night baseline in part). */
const BEFORE = 21;
const AFTER = 7;

export function LeaksTab({ scope }: { scope: ReportScope }) {
  const { t } = useTranslation();
  const { site, year } = scope;
  const [range, setRange] = useState<Range>('recent');
  const [selected, setSelected] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const input =
    range === 'recent'
      ? { siteId: site.id }
      : { siteId: site.id, from: `${year}-01-01`, to: `${year}-12-31` };
  const alerts = useApiCall('analytics.leakAlerts', input, generation);
  const r = alerts.data;
  const table = useMemo(() => (r ? alertsTable(t, r) : null), [t, r]);
  const alert = r?.items.find((a) => a.id === selected) ?? r?.items[0] ?? null;
  // The chart never runs past the period's last night: there is nothing after it.
  const span = alert
    ? {
        from: shiftDay(alert.startNight, -BEFORE),
        to: minDay(shiftDay(alert.lastNight, AFTER), r?.to),
      }
    : r && { from: maxDay(shiftDay(r.to, -59), r.from), to: r.to };

  const list = () => {
    if (alerts.error) {
      return <LoadError error={alerts.error} onRetry={() => setGeneration((g) => g + 1)} />;
    }
    if (!r || !table) return <Spin />;
    return (
      <Spin spinning={alerts.loading}>
        <ChartCard
          title={t('analytics.leaks.listTitle', { from: r.from, to: r.to })}
          fileContext={`${site.name}_${r.from}_${r.to}`}
          table={table}
          testId="leak-card"
          tableView={
            r.items.length === 0 ? (
              <Empty description={t('analytics.empty.alerts')} data-testid="empty-alerts" />
            ) : (
              <AlertTable
                result={r}
                selected={alert?.id ?? null}
                onSelect={setSelected}
                onConverted={() => setGeneration((g) => g + 1)}
              />
            )
          }
        />
      </Spin>
    );
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Segmented<Range>
        size="small"
        value={range}
        aria-label={t('analytics.period.label')}
        onChange={(v) => {
          setRange(v);
          setSelected(null);
        }}
        options={[
          { value: 'recent', label: t('analytics.leaks.recent') },
          { value: 'year', label: t('analytics.yearLabel', { year }) },
        ]}
      />
      {list()}
      {span && r && (
        <NightFlowCard siteId={site.id} siteName={site.name} from={span.from} to={span.to} />
      )}
    </Space>
  );
}

function minDay(a: string, b: string | undefined): string {
  return b !== undefined && b < a ? b : a;
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
