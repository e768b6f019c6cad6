// 人均用量: the year's per-capita water and electricity as headline figures with their change on a
// year earlier, and the per-capita trend by year with the target line. The year and site are the
// page's; the trend shows up to ten years ending at the chosen one.
import { AimOutlined } from '@ant-design/icons';
import { Button, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../common/EmptyHint';
import { LoadError } from '../common/LoadError';
import { useApiCall } from '../common/useApiCall';
import type { ReportScope } from '../scope';
import { HeadlineCards } from './HeadlineCards';
import { TargetModal } from './TargetModal';
import { TrendCard, type TrendUtility } from './TrendCard';

export function PerCapitaTab({ scope }: { scope: ReportScope }) {
  const { t } = useTranslation();
  const [utility, setUtility] = useState<TrendUtility>('water');
  const [generation, setGeneration] = useState(0);
  const [targetsOpen, setTargetsOpen] = useState(false);
  const siteId = scope.site.id;
  const { year } = scope;
  const water = useApiCall('analytics.yearly', { siteId, utility: 'water', year }, generation);
  const power = useApiCall(
    'analytics.yearly',
    { siteId, utility: 'electricity', year },
    generation,
  );
  const trend = useApiCall(
    'analytics.trend',
    { siteId, utility, fromYear: year - 9, toYear: year },
    generation,
  );
  const error = water.error ?? power.error ?? trend.error;
  const retry = () => setGeneration((g) => g + 1);

  if (error) return <LoadError error={error} onRetry={retry} />;
  if (!water.data || !power.data) return <Spin />;
  const noReadings = water.data.total === null && power.data.total === null;
  const noHeadcount = water.data.standardPersons === null;
  return (
    <Spin spinning={water.loading || power.loading || trend.loading}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {noReadings ? (
          <EmptyHint reason="readings" />
        ) : noHeadcount ? (
          <EmptyHint reason="headcount" />
        ) : (
          <HeadlineCards water={water.data} power={power.data} />
        )}
        <TrendCard
          trend={trend.data}
          utility={utility}
          onUtility={setUtility}
          fileContext={`${scope.site.name}_${year - 9}-${year}`}
          headcountHinted={noHeadcount && !noReadings}
        />
        <Space className="report-no-print">
          <Button icon={<AimOutlined />} onClick={() => setTargetsOpen(true)}>
            {t('analytics.targets.open')}
          </Button>
        </Space>
      </Space>
      <TargetModal
        open={targetsOpen}
        siteId={siteId}
        year={year}
        utility={utility}
        onClose={(changed) => {
          setTargetsOpen(false);
          if (changed) retry();
        }}
      />
    </Spin>
  );
}
