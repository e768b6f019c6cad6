// The start page: what the register holds, the way to the yearly report, and on an empty database
// an offer to load demo data.
import { Button, Card, Empty, Progress, Space, Statistic, Typography, App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SystemInfo } from '../../../shared/contract/system';
import { assetKinds } from '../../../shared/contract/assets';
import { placeKinds } from '../../../shared/contract/places';
import { api } from '../api/client';
import { errorText } from '../errorText';
import { useLabel } from '../labels';
import { YearlyReportCard } from './print/yearlyReport/YearlyReportCard';

export function DashboardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const label = useLabel();
  const [info, setInfo] = useState<SystemInfo | null>(null);
  const [loadingDemo, setLoadingDemo] = useState(false);

  const refresh = useCallback(() => {
    api.call('system.info', {}).then(setInfo, (e: unknown) => void message.error(errorText(t, e)));
  }, [message, t]);

  useEffect(refresh, [refresh]);

  const loadDemo = async () => {
    setLoadingDemo(true);
    try {
      await api.call('system.loadDemo', { scale: 1 });
      void message.success(t('dashboard.demoLoaded'));
      refresh();
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setLoadingDemo(false);
    }
  };

  if (!info) return <Typography.Text>{t('app.loading')}</Typography.Text>;

  if (info.empty) {
    return (
      <Card>
        <Empty
          description={
            <Space orientation="vertical">
              <Typography.Title level={4}>{t('dashboard.emptyTitle')}</Typography.Title>
              <Typography.Text type="secondary">{t('dashboard.emptyHint')}</Typography.Text>
            </Space>
          }
        >
          {loadingDemo ? (
            <Space orientation="vertical" style={{ width: 320 }}>
              <Typography.Text>{t('dashboard.loadingDemo')}</Typography.Text>
              <Progress percent={99} status="active" showInfo={false} />
            </Space>
          ) : (
            <Space>
              <Button type="primary" onClick={() => void loadDemo()}>
                {t('dashboard.loadDemo')}
              </Button>
              <Button onClick={() => void navigate('/places')}>{t('dashboard.goPlaces')}</Button>
            </Space>
          )}
        </Empty>
      </Card>
    );
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('dashboard.welcome')}</Typography.Title>
      <Card
        title={t('dashboard.counts')}
        extra={t('dashboard.schema', { version: info.schemaVersion })}
      >
        <Space size={48} wrap>
          {placeKinds.map((kind) => (
            <Statistic key={kind} title={t(`kinds.${kind}`)} value={info.counts[kind] ?? 0} />
          ))}
        </Space>
      </Card>
      <Card title={t('dashboard.assets')}>
        <Space size={48} wrap>
          {assetKinds.map((kind) => (
            <Statistic key={kind} title={label('kind', kind)} value={info.counts[kind] ?? 0} />
          ))}
        </Space>
      </Card>
      <YearlyReportCard />
      <Typography.Text type="secondary">{t('app.shortcuts')}</Typography.Text>
    </Space>
  );
}
