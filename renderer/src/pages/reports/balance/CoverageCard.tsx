// Metering coverage: the share of the site's buildings with a level-2 water meter, and the ones
// without, which is where a water balance cannot see.
import { Progress, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageResult } from '../../../../../shared/contract/analyticsShapes';
import { ChartCard } from '../common/ChartCard';
import type { DataTable } from '../common/dataTable';

export function CoverageCard({
  coverage,
  fileContext,
}: {
  coverage: CoverageResult;
  fileContext: string;
}) {
  const { t } = useTranslation();
  const table: DataTable = useMemo(
    () => ({
      columns: [
        { title: t('analytics.coverage.buildings'), kind: 'number', digits: 0 },
        { title: t('analytics.coverage.metered'), kind: 'number', digits: 0 },
        { title: t('analytics.coverage.rate'), kind: 'percent' },
        { title: t('analytics.coverage.unmetered') },
      ],
      rows: [
        [
          coverage.buildings,
          coverage.metered,
          coverage.coverage,
          coverage.unmetered.map((b) => b.name).join('、'),
        ],
      ],
    }),
    [t, coverage],
  );
  return (
    <ChartCard
      title={t('analytics.coverage.title')}
      fileContext={fileContext}
      table={table}
      testId="coverage-card"
      tableView={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space align="center" size="large">
            <Progress
              type="circle"
              size={88}
              percent={Math.round((coverage.coverage ?? 0) * 1000) / 10}
              strokeColor="#2e7d32"
            />
            <Typography.Text data-testid="coverage-text">
              {t('analytics.coverage.summary', {
                metered: coverage.metered,
                buildings: coverage.buildings,
              })}
            </Typography.Text>
          </Space>
          {coverage.unmetered.length > 0 ? (
            <Typography.Text type="warning">
              {t('analytics.coverage.missing', {
                names: coverage.unmetered.map((b) => b.name).join('、'),
              })}
            </Typography.Text>
          ) : (
            <Typography.Text type="success">{t('analytics.coverage.all')}</Typography.Text>
          )}
        </Space>
      }
    />
  );
}
