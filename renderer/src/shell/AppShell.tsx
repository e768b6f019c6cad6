// The window frame: navigation, header with operator and language, and the routed page.
import { Alert, Layout, Menu, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { DeskError, type ApiErrorBody } from '../../../shared/contract';
import { api, readToken, transport } from '../api/client';
import { setLanguage, type Language } from '../i18n';
import { AssetsPage } from '../pages/assets/AssetsPage';
import { DashboardPage } from '../pages/DashboardPage';
import { MaintenancePage } from '../pages/maintenance/MaintenancePage';
import { MetersPage } from '../pages/meters/MetersPage';
import { LabelSheetPage } from '../pages/print/LabelSheetPage';
import { RoundSheetPage } from '../pages/print/RoundSheetPage';
import { WorkOrderPrintPage } from '../pages/print/workOrders/WorkOrderPrintPage';
import { YearlyReportPage } from '../pages/print/yearlyReport/YearlyReportPage';
import { PlacesPage } from '../pages/places/PlacesPage';
import { PlaceholderPage } from '../pages/PlaceholderPage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { navItems, navKeyOf } from './navigation';
import { OperatorBadge } from './OperatorBadge';
import { isStartupRefusal, StartupRefusal } from './StartupRefusal';

const { Header, Sider, Content } = Layout;

export function AppShell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const missingToken = transport() === 'http' && !readToken();
  const printing = location.pathname.startsWith('/print/');
  const [readOnly, setReadOnly] = useState(false);
  const [refusal, setRefusal] = useState<ApiErrorBody | null>(null);

  useEffect(() => {
    if (missingToken) return;
    api.call('system.info', {}).then(
      (info) => setReadOnly(info.readOnly),
      (error: unknown) => {
        // A damaged database or one from a newer app: the whole window says so and offers a way back.
        if (error instanceof DeskError && isStartupRefusal(error.toBody())) {
          setRefusal(error.toBody());
        }
      },
    );
  }, [missingToken]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const item = navItems[index];
      if (item) {
        event.preventDefault();
        void navigate(item.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  useEffect(() => {
    document.title = `${t('nav.' + navKeyOf(location.pathname))} · ${t('app.title')}`;
  }, [location.pathname, t]);

  if (refusal) return <StartupRefusal error={refusal} />;

  if (printing && !missingToken) {
    // Print pages are paper: no navigation around them.
    return (
      <Routes>
        <Route path="/print/labels" element={<LabelSheetPage />} />
        <Route path="/print/yearly-report" element={<YearlyReportPage />} />
        <Route path="/print/round-sheet" element={<RoundSheetPage />} />
        <Route path="/print/work-orders" element={<WorkOrderPrintPage />} />
      </Routes>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[navKeyOf(location.pathname)]}
          items={navItems.map((item, i) => ({
            key: item.key,
            icon: item.icon,
            label: t(`nav.${item.key}`),
            title: `${t(`nav.${item.key}`)} (Alt+${i + 1})`,
          }))}
          onClick={({ key }) => {
            const item = navItems.find((n) => n.key === key);
            if (item) void navigate(item.path);
          }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            paddingInline: 24,
          }}
        >
          <Space size="large">
            <OperatorBadge />
            <Select<Language>
              aria-label={t('app.language')}
              size="small"
              value={i18n.language === 'en' ? 'en' : 'zh-CN'}
              onChange={setLanguage}
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
              style={{ width: 100 }}
            />
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>
          {readOnly && (
            <Alert
              type="warning"
              showIcon
              banner
              title={t('app.readOnly')}
              style={{ marginBottom: 16 }}
              data-testid="read-only-banner"
            />
          )}
          {missingToken ? (
            <Alert type="error" showIcon title={t('app.noToken')} />
          ) : (
            <Routes>
              <Route path="/" element={<DashboardPage />} />
              <Route path="/places" element={<PlacesPage />} />
              <Route path="/places/:placeId" element={<PlacesPage />} />
              <Route path="/assets" element={<AssetsPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="/maintenance" element={<MaintenancePage />} />
              <Route path="/meters" element={<MetersPage />} />
              <Route path="/reports" element={<ReportsPage />} />
              {navItems
                .filter(
                  (n) =>
                    ![
                      'dashboard',
                      'places',
                      'assets',
                      'settings',
                      'maintenance',
                      'meters',
                      'reports',
                    ].includes(n.key),
                )
                .map((n) => (
                  <Route key={n.key} path={n.path} element={<PlaceholderPage navKey={n.key} />} />
                ))}
              <Route path="*" element={<PlaceholderPage navKey="dashboard" />} />
            </Routes>
          )}
        </Content>
      </Layout>
    </Layout>
  );
}
