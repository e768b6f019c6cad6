// The Maintenance page: the KPI strip on top, then one tab per view of the work. The open tab is
// kept in the address (?tab=orders) so a reload or a link lands on it; hidden tabs are unmounted
// and load their own data when shown.
import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BoardTab } from './BoardTab';
import { CalendarTab } from './CalendarTab';
import { CrewsTab } from './CrewsTab';
import { KpiStrip } from './KpiStrip';
import { OrdersTab } from './OrdersTab';
import { PartsTab } from './PartsTab';
import { PlansTab } from './PlansTab';
import { RequestsTab } from './RequestsTab';

interface MaintenanceTab {
  key: string;
  title: string;
  render: () => ReactNode;
}

export const maintenanceTabs: readonly MaintenanceTab[] = [
  { key: 'orders', title: 'maintenance.tabs.orders', render: () => <OrdersTab /> },
  { key: 'requests', title: 'maintenance.tabs.requests', render: () => <RequestsTab /> },
  { key: 'board', title: 'maintenance.tabs.board', render: () => <BoardTab /> },
  { key: 'calendar', title: 'maintenance.tabs.calendar', render: () => <CalendarTab /> },
  { key: 'plans', title: 'maintenance.tabs.plans', render: () => <PlansTab /> },
  { key: 'crews', title: 'maintenance.tabs.crews', render: () => <CrewsTab /> },
  { key: 'parts', title: 'maintenance.tabs.parts', render: () => <PartsTab /> },
];

export function MaintenancePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active = maintenanceTabs.some((tab) => tab.key === requested)
    ? (requested as string)
    : (maintenanceTabs[0]?.key ?? '');
  return (
    <>
      <KpiStrip />
      <Tabs
        activeKey={active}
        destroyOnHidden
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={maintenanceTabs.map((tab) => ({
          key: tab.key,
          label: t(tab.title),
          children: tab.render(),
        }))}
      />
    </>
  );
}
