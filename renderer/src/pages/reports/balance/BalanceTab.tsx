// 水平衡: for a parent water meter and a period, the balance tree (input, metered, unaccounted,
// loss rate, flags) that opens level by level; the same meter's balance month by month; and the
// site's metering coverage. Parent meters are the water meters that have children.
import { Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '../common/ChartCard';
import { EmptyHint } from '../common/EmptyHint';
import { formatPercent, periodOf } from '../common/format';
import { LoadError } from '../common/LoadError';
import { PeriodPicker } from '../common/PeriodPicker';
import { useApiCall } from '../common/useApiCall';
import { useSiteMeters } from '../common/usePlaces';
import type { ReportScope } from '../scope';
import { balanceTable } from './balanceTable';
import { BalanceTree } from './BalanceTree';
import { CoverageCard } from './CoverageCard';
import { LossByMonthCard } from './LossByMonthCard';

export function BalanceTab({ scope }: { scope: ReportScope }) {
  const { t, i18n } = useTranslation();
  const { site, year } = scope;
  const [picked, setPicked] = useState<string | null>(null);
  const [month, setMonth] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const meters = useSiteMeters(site.id, 'water', year);
  const parents = useMemo(() => {
    const all = meters.data?.meters ?? [];
    const withChildren = new Set(all.map((m) => m.parentMeterId));
    return all
      .filter((m) => withChildren.has(m.meterId))
      .sort((a, b) => (a.level ?? 9) - (b.level ?? 9) || a.code.localeCompare(b.code));
  }, [meters.data]);
  const meterId = picked ?? parents[0]?.meterId ?? null;
  const period = periodOf(year, month);
  const balance = useApiCall(
    'analytics.waterBalance',
    meterId ? { meterId, ...period } : null,
    generation,
  );
  const coverage = useApiCall('analytics.coverage', { siteId: site.id, utility: 'water' });
  const r = balance.data;
  const table = useMemo(() => (r ? balanceTable(t, r) : null), [t, r]);
  const parent = parents.find((p) => p.meterId === meterId);

  const tree = () => {
    if (balance.error) {
      return <LoadError error={balance.error} onRetry={() => setGeneration((g) => g + 1)} />;
    }
    if (!r || !table) return <Spin />;
    if (r.input === null) return <EmptyHint reason="readings" />;
    return (
      <Spin spinning={balance.loading}>
        <ChartCard
          title={t('analytics.balance.treeTitle', {
            name: `${r.code} ${r.name}`,
            from: r.from,
            to: r.to,
          })}
          fileContext={`${site.name}_${r.code}_${r.from}_${r.to}`}
          table={table}
          tableView={<BalanceTree result={r} />}
          testId="balance-card"
          footer={t('analytics.balance.thresholdNote', {
            threshold: formatPercent(r.lossThreshold, i18n.language),
          })}
        />
      </Spin>
    );
  };

  if (meters.error) return <LoadError error={meters.error} />;
  if (!meters.data) return <Spin />;
  if (parents.length === 0) return <EmptyHint reason="meters" />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Text>{t('analytics.balance.parent')}</Typography.Text>
        <Select
          data-testid="balance-parent"
          aria-label={t('analytics.balance.parent')}
          showSearch={{ optionFilterProp: 'label' }}
          value={meterId ?? undefined}
          onChange={(id: string) => setPicked(id)}
          options={parents.map((p) => ({ value: p.meterId, label: `${p.code} ${p.name}` }))}
          style={{ minWidth: 260 }}
        />
        <PeriodPicker month={month} onChange={setMonth} testId="balance-period" />
      </Space>
      {tree()}
      <div className="report-grid">
        {meterId && (
          <LossByMonthCard
            meterId={meterId}
            meterName={parent ? `${parent.code} ${parent.name}` : ''}
            year={year}
            fileContext={`${site.name}_${parent?.code ?? ''}_${year}`}
          />
        )}
        {coverage.error ? (
          <LoadError error={coverage.error} />
        ) : coverage.data ? (
          <CoverageCard coverage={coverage.data} fileContext={site.name} />
        ) : (
          <Spin />
        )}
      </div>
    </Space>
  );
}
