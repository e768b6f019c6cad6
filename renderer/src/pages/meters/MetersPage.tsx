// The Meters page (计量抄表): one tab per task with readings — the reading round of a building,
// the meters with their detail (chart and readings), the review queue of negative deltas, and
// imports of interval or manual readings. The open tab is kept in the address (?tab=round).
import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ImportTab } from './ImportTab';
import { MetersTab } from './MetersTab';
import { ReviewsTab } from './ReviewsTab';
import { RoundTab } from './RoundTab';

interface MetersPageTab {
  key: string;
  title: string;
  render: () => ReactNode;
}

export const metersTabs: readonly MetersPageTab[] = [
  { key: 'round', title: 'meters.tabs.round', render: () => <RoundTab /> },
  { key: 'meters', title: 'meters.tabs.meters', render: () => <MetersTab /> },
  { key: 'reviews', title: 'meters.tabs.reviews', render: () => <ReviewsTab /> },
  { key: 'import', title: 'meters.tabs.import', render: () => <ImportTab /> },
];

export function MetersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active = metersTabs.some((tab) => tab.key === requested)
    ? (requested as string)
    : (metersTabs[0]?.key ?? '');
  return (
    <Tabs
      activeKey={active}
      destroyOnHidden
      onChange={(key) => setParams({ tab: key }, { replace: true })}
      items={metersTabs.map((tab) => ({
        key: tab.key,
        label: t(tab.title),
        children: tab.render(),
      }))}
    />
  );
}
