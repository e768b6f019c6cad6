// The way to the yearly report from the start page: pick a site and a year (the last full year by
// default, since a running year is only partial) and 生成年度报告 opens the print route. It lives
// here with the report rather than with the dashboard, so the start page only places it.
import { FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Place } from '../../../../../shared/contract/places';
import { api, transport } from '../../../api/client';
import { errorText } from '../../../errorText';
import { lastFullYear, reportPath } from './reportFormat';

/** Years offered: the running one and the nine before it (the demo keeps five of history). */
const YEARS_OFFERED = 10;

export function YearlyReportCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sites, setSites] = useState<Place[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [year, setYear] = useState(lastFullYear());

  useEffect(() => {
    api.call('places.list', { parentId: null }).then(
      ({ items }) => {
        const found = items.filter((p) => p.kind === 'site');
        setSites(found);
        setSiteId((chosen) => chosen ?? found[0]?.id ?? null);
      },
      (e: unknown) => setError(errorText(t, e)),
    );
  }, [t]);

  const open = () => {
    if (!siteId) return;
    const url = reportPath(siteId, year);
    // The desktop window refuses new windows (setWindowOpenHandler), so it shows the report in
    // place, as the other print pages do; a browser opens it beside the app.
    if (transport() === 'ipc') void navigate(url);
    else window.open(url, '_blank');
  };

  const thisYear = new Date().getFullYear();
  return (
    <Card title={t('yearlyReport.card.title')} data-testid="yearly-report-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('yearlyReport.card.hint')}</Typography.Text>
        <Space wrap>
          <Select<string>
            aria-label={t('yearlyReport.card.site')}
            style={{ width: 240 }}
            loading={sites === null && error === null}
            value={siteId ?? undefined}
            placeholder={t('yearlyReport.card.noSites')}
            options={(sites ?? []).map((s) => ({ value: s.id, label: s.name }))}
            onChange={setSiteId}
          />
          <Select<number>
            aria-label={t('yearlyReport.card.year')}
            style={{ width: 120 }}
            value={year}
            options={Array.from({ length: YEARS_OFFERED }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: t('yearlyReport.card.yearOption', { year: y }),
            }))}
            onChange={setYear}
          />
          <Button type="primary" icon={<FileTextOutlined />} disabled={!siteId} onClick={open}>
            {t('yearlyReport.card.generate')}
          </Button>
        </Space>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Space>
    </Card>
  );
}
