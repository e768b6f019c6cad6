// The work orders that cover one asset, newest report first, in its detail panel: what was done to
// this fixture or pump and when. Each opens on the Maintenance page.
import { Empty, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkOrderRow } from '../../../../shared/contract/workOrders';
import { api } from '../../api/client';
import { errorText } from '../../errorText';

const SHOWN = 20;

export function AssetOrders({ assetId }: { assetId: string }) {
  const { t, i18n } = useTranslation();
  const [orders, setOrders] = useState<{ items: WorkOrderRow[]; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api
      .call('workOrders.query', {
        filter: { assetId },
        sort: { column: 'reportedAt', direction: 'desc' },
        limit: SHOWN,
      })
      .then(
        (page) => current && setOrders(page),
        (e: unknown) => current && setFailure(errorText(t, e)),
      );
    return () => {
      current = false;
    };
  }, [assetId, t]);

  return (
    <div data-testid="asset-orders">
      <Typography.Title level={5}>
        {t('assets.orders')}
        {orders && orders.total > 0 ? ` (${orders.total})` : ''}
      </Typography.Title>
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
      {orders && orders.items.length === 0 && <Empty description={t('assets.noOrders')} />}
      {orders && orders.items.length > 0 && (
        <List
          size="small"
          dataSource={orders.items}
          renderItem={(order) => (
            <List.Item>
              <Link to={`/maintenance?tab=orders&order=${order.id}`}>{order.number}</Link>
              <Typography.Text ellipsis style={{ flex: 1, marginInline: 8 }}>
                {order.title}
              </Typography.Text>
              <Tag color={order.overdue ? 'red' : undefined}>
                {t(`workOrders.status.${order.status}`)}
              </Tag>
              <Typography.Text type="secondary">
                {new Date(order.completedAt ?? order.reportedAt).toLocaleDateString(i18n.language)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {orders && orders.total > SHOWN && (
        <Link to={`/maintenance?tab=orders`}>
          {t('assets.moreOrders', { count: orders.total })}
        </Link>
      )}
    </div>
  );
}
