// The app's modules, in menu order; Alt+1…7 jump to them.
import {
  AppstoreOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DashboardFilled,
  EnvironmentOutlined,
  SettingOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface NavItem {
  key: string;
  path: string;
  icon: ReactNode;
}

export const navItems: NavItem[] = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined /> },
  { key: 'places', path: '/places', icon: <EnvironmentOutlined /> },
  { key: 'assets', path: '/assets', icon: <AppstoreOutlined /> },
  { key: 'maintenance', path: '/maintenance', icon: <ToolOutlined /> },
  { key: 'meters', path: '/meters', icon: <DashboardFilled /> },
  { key: 'reports', path: '/reports', icon: <BarChartOutlined /> },
  { key: 'settings', path: '/settings', icon: <SettingOutlined /> },
];

export function navKeyOf(pathname: string): string {
  const match = navItems
    .filter((item) => item.path !== '/' && pathname.startsWith(item.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.key ?? 'dashboard';
}
