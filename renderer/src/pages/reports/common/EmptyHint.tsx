// Empty states that say what to do next rather than just "no data": readings missing → import
// or key them in; headcount missing → enter it under Settings › 人员与企业; and so on. Each offers
// the button that goes there.
import { Button, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export type EmptyReason =
  | 'readings'
  | 'headcount'
  | 'enterprises'
  | 'interval'
  | 'fixtures'
  | 'irrigation'
  | 'meters'
  | 'sites'
  | 'alerts';

/** Where each reason's remedy is done: the first is the main button. */
const remedies: Record<EmptyReason, { key: string; path: string }[]> = {
  readings: [
    { key: 'importReadings', path: '/meters?tab=import' },
    { key: 'enterReadings', path: '/meters?tab=round' },
  ],
  headcount: [{ key: 'enterHeadcount', path: '/settings?tab=people' }],
  enterprises: [{ key: 'enterEnterprises', path: '/settings?tab=people' }],
  interval: [{ key: 'importReadings', path: '/meters?tab=import' }],
  fixtures: [{ key: 'addFixtures', path: '/assets' }],
  irrigation: [{ key: 'addZones', path: '/assets' }],
  meters: [{ key: 'addMeters', path: '/assets' }],
  sites: [{ key: 'addSite', path: '/places' }],
  alerts: [],
};

export function EmptyHint({ reason, testId }: { reason: EmptyReason; testId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Empty
      data-testid={testId ?? `empty-${reason}`}
      description={t(`analytics.empty.${reason}`)}
      style={{ padding: '24px 0' }}
    >
      <Space>
        {remedies[reason].map((r, i) => (
          <Button
            key={r.key}
            type={i === 0 ? 'primary' : 'default'}
            onClick={() => void navigate(r.path)}
          >
            {t(`analytics.remedy.${r.key}`)}
          </Button>
        ))}
      </Space>
    </Empty>
  );
}
