// The minimum night flow around an alert (three weeks before its first night to a week after its
// last), or over the last nights of the period when no alert is chosen.
import { Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '../common/ChartCard';
import { EmptyHint } from '../common/EmptyHint';
import { LoadError } from '../common/LoadError';
import { useApiCall } from '../common/useApiCall';
import { nightFlowSpec, nightFlowTable } from './nightFlowTable';

interface Props {
  siteId: string;
  siteName: string;
  from: string;
  to: string;
}

export function NightFlowCard({ siteId, siteName, from, to }: Props) {
  const { t } = useTranslation();
  const call = useApiCall('analytics.nightFlow', { siteId, from, to });
  const r = call.data;
  const table = useMemo(() => (r ? nightFlowTable(t, r) : null), [t, r]);
  const spec = useMemo(() => (r ? nightFlowSpec(t, r) : undefined), [t, r]);
  if (call.error) return <LoadError error={call.error} />;
  if (!r || !table) return <Spin />;
  const noData = r.nights.every((n) => n.mnf === null);
  return (
    <Spin spinning={call.loading}>
      <ChartCard
        title={t('analytics.leaks.nightFlowTitle', { from: r.from, to: r.to })}
        fileContext={siteName}
        table={table}
        spec={noData ? undefined : spec}
        tableView={noData ? <EmptyHint reason="interval" /> : undefined}
        testId="night-flow-card"
        footer={t('analytics.leaks.inlets', {
          inlets: r.inlets.map((m) => `${m.code} ${m.name}`).join('、') || '—',
          start: r.rule.windowStart,
          end: r.rule.windowEnd,
          ratio: Math.round(r.rule.ratio * 100),
          absolute: r.rule.absoluteM3h,
          nights: r.rule.nights,
          baseline: r.rule.baselineNights,
        })}
      />
    </Spin>
  );
}
