// The Settings page: one tab per concern. The open tab is kept in the address (?tab=audit) so a
// reload or a link lands on it. Hidden tabs are unmounted: each loads its own data when shown.
import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AuditTab } from './AuditTab';
import { BackupTab } from './BackupTab';
import { DataTab } from './DataTab';
import { OrganisationTab } from './organisation/OrganisationTab';
import { PeopleTab } from './people/PeopleTab';

interface SettingsTab {
  /** In the address as ?tab=<key>. */
  key: string;
  /** i18n key of the tab's title. */
  title: string;
  render: () => ReactNode;
}

/**
 * The tabs in display order. A new tab is one entry here (and its title in both i18n files);
 * nothing else on this page needs to change.
 */
export const settingsTabs: readonly SettingsTab[] = [
  {
    key: 'organisation',
    title: 'people.tabs.organisation',
    render: () => <OrganisationTab />,
  },
  { key: 'people', title: 'people.tabs.people', render: () => <PeopleTab /> },
  { key: 'backup', title: 'settings.tabs.backup', render: () => <BackupTab /> },
  { key: 'audit', title: 'settings.tabs.audit', render: () => <AuditTab /> },
  { key: 'data', title: 'settings.tabs.data', render: () => <DataTab /> },
];

export function SettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active = settingsTabs.some((tab) => tab.key === requested)
    ? (requested as string)
    : (settingsTabs[0]?.key ?? '');
  return (
    <Tabs
      activeKey={active}
      destroyOnHidden
      onChange={(key) => setParams({ tab: key }, { replace: true })}
      items={settingsTabs.map((tab) => ({
        key: tab.key,
        label: t(tab.title),
        children: tab.render(),
      }))}
    />
  );
}
