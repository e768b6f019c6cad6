// The line of numbers above every Maintenance tab: open and overdue orders, mean time to repair,
// preventive-maintenance compliance over 12 months, the backlog by age and new requests, plus the
// 报修登记 button (Alt+N / F2). Refetched whenever any tab reports that orders changed.
import { Card, Divider, Statistic, Tooltip, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Kpis } from '../../../../shared/contract/workOrders';
import { api } from '../../api/client';
import { useOrdersChanged } from './maintenanceEvents';
import { useOrderText } from './orders/orderText';
import { RequestLauncher } from './requests/RequestLauncher';

const bucketColor: Record<string, string> = {
  '0-7': '#52c41a',
  '8-30': '#faad14',
  '31-90': '#fa8c16',
  '90+': '#cf1322',
};

function Kpi(props: { id: string; title: string; children: ReactNode; hint?: string }) {
  return (
    <div data-testid={`kpi-${props.id}`} style={{ minWidth: 96 }} title={props.hint}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {props.title}
      </Typography.Text>
      <div>{props.children}</div>
    </div>
  );
}

/** The 12-month compliance as a percentage; the core may send a share (0–1) or a percentage. */
function percent(value: number): number {
  return Math.round((value <= 1 ? value * 100 : value) * 10) / 10;
}

function Backlog({ kpis }: { kpis: Kpis }) {
  const { t } = useOrderText();
  const max = Math.max(1, ...kpis.backlog.map((b) => b.count));
  return (
    <div>
      {kpis.backlog.map((b) => (
        <Tooltip key={b.bucket} title={t('kpi.bucketHint', { bucket: b.bucket, count: b.count })}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 6, lineHeight: '14px' }}>
            <span style={{ fontSize: 12, color: '#888', width: 56 }}>
              {t(`kpi.bucket.${b.bucket}`)}
            </span>
            <span style={{ width: 90 }}>
              <span
                style={{
                  display: 'block',
                  height: 8,
                  width: `${Math.max(b.count ? 4 : 0, (b.count / max) * 100)}%`,
                  background: bucketColor[b.bucket],
                  borderRadius: 2,
                }}
              />
            </span>
            <span style={{ fontSize: 12, width: 28, textAlign: 'right' }}>{b.count}</span>
          </div>
        </Tooltip>
      ))}
    </div>
  );
}

export function KpiStrip() {
  const { t } = useOrderText();
  const [, setParams] = useSearchParams();
  const changes = useOrdersChanged();
  const [kpis, setKpis] = useState<Kpis | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    api
      .call('workOrders.kpis', {})
      .then((k) => {
        if (!current) return;
        setKpis(k);
        setFailed(false);
      })
      // The strip is a summary: if it cannot load it says so quietly and the tabs still work.
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [changes]);

  const value = (v: string | number, color?: string) => (
    <Statistic value={v} styles={{ content: { fontSize: 22, color } }} />
  );

  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="kpi-strip">
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        {kpis ? (
          <>
            <Kpi id="open" title={t('kpi.open')}>
              {value(kpis.open)}
            </Kpi>
            <Kpi id="overdue" title={t('kpi.overdue')}>
              {value(kpis.overdue, kpis.overdue > 0 ? '#cf1322' : undefined)}
            </Kpi>
            <Divider orientation="vertical" style={{ height: 40 }} />
            <Kpi id="mttr" title={t('kpi.mttr')} hint={t('kpi.mttrHint')}>
              {value(kpis.mttrHours === null ? '—' : `${kpis.mttrHours.toFixed(1)} h`)}
            </Kpi>
            <Kpi id="completed" title={t('kpi.completed')}>
              {value(kpis.completedLast12Months)}
            </Kpi>
            <Kpi
              id="pm"
              title={t('kpi.pm')}
              hint={t('kpi.pmHint', { onTime: kpis.pmOnTime, due: kpis.pmDue })}
            >
              {value(kpis.pmCompliance === null ? '—' : `${percent(kpis.pmCompliance)}%`)}
            </Kpi>
            <Divider orientation="vertical" style={{ height: 40 }} />
            <Kpi id="backlog" title={t('kpi.backlog')}>
              <Backlog kpis={kpis} />
            </Kpi>
            <Divider orientation="vertical" style={{ height: 40 }} />
            <Kpi id="requests" title={t('kpi.requestsNew')}>
              <Typography.Link onClick={() => setParams({ tab: 'requests' }, { replace: true })}>
                {value(kpis.requestsNew, kpis.requestsNew > 0 ? '#1f6fb2' : undefined)}
              </Typography.Link>
            </Kpi>
          </>
        ) : (
          <Typography.Text type="secondary">
            {failed ? t('kpi.unavailable') : t('workOrders.loading')}
          </Typography.Text>
        )}
        <div style={{ marginLeft: 'auto' }}>
          <RequestLauncher />
        </div>
      </div>
    </Card>
  );
}
