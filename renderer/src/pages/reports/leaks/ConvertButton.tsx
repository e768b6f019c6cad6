// 转为报修: turns a leak alert into a repair request in one click (the API names the likely inlet
// and writes the nights and flows into the text), then links to it. An alert already turned into
// a request shows that request instead; the API refuses a second one.
import { ToolOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { LeakAlert } from '../../../../../shared/contract/analyticsSiteShapes';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';

export const REQUESTS_PATH = '/maintenance?tab=requests';

interface Props {
  alert: LeakAlert;
  onConverted: () => void;
}

export function ConvertButton({ alert, onConverted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (alert.requestId) {
    return (
      <Link to={REQUESTS_PATH} data-testid="leak-request-link">
        {t('analytics.leaks.requestLink', { number: alert.requestNumber ?? '' })}
      </Link>
    );
  }
  const convert = async () => {
    setBusy(true);
    try {
      const { request } = await api.call('analytics.requestFromLeakAlert', {
        siteId: alert.siteId,
        startNight: alert.startNight,
      });
      void message.success({
        content: (
          <span>
            {t('analytics.leaks.converted', { number: request.number })}{' '}
            {/* The message renders outside the router, so no <Link> here: navigate() is ours. */}
            <Typography.Link onClick={() => void navigate(REQUESTS_PATH)}>
              {t('analytics.leaks.openRequests')}
            </Typography.Link>
          </span>
        ),
        duration: 6,
      });
      onConverted();
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      icon={<ToolOutlined />}
      loading={busy}
      onClick={(e) => {
        // The row click selects the alert for the chart; the button only converts.
        e.stopPropagation();
        void convert();
      }}
    >
      {t('analytics.leaks.convert')}
    </Button>
  );
}
