// The lists inside an order's drawer: covered assets (each opens its own record), the timeline of
// transitions, parts used, attachments (downloaded on click) and the requests behind the order.
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { WorkOrder } from '../../../../../shared/contract/workOrders';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { saveBase64 } from '../../../files';
import { statusColor, useOrderText } from './orderText';

export function CoveredAssets({
  order,
  onOpen,
}: {
  order: WorkOrder;
  onOpen: (assetId: string) => void;
}) {
  const { t } = useOrderText();
  if (order.assets.length === 0) {
    return <Typography.Text type="secondary">{t('workOrders.noAssets')}</Typography.Text>;
  }
  return (
    // A floor's worth of fixtures is a long list: it scrolls in its own box.
    <Space
      orientation="vertical"
      size={2}
      data-testid="order-assets"
      style={{ maxHeight: 220, overflowY: 'auto', width: '100%' }}
    >
      {order.assets.map((a) => (
        <span key={a.id}>
          <Typography.Link onClick={() => onOpen(a.id)}>{a.code}</Typography.Link> {a.name}
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {a.placePath}
          </Typography.Text>
        </span>
      ))}
    </Space>
  );
}

export function OrderTimeline({ order }: { order: WorkOrder }) {
  const { t, status, when } = useOrderText();
  if (order.events.length === 0) return null;
  return (
    <div data-testid="order-timeline">
      <Timeline
        items={order.events.map((e) => ({
          color: e.to === 'cancelled' ? 'red' : e.to === 'closed' ? 'gray' : 'blue',
          content: (
            <div>
              <Typography.Text strong>
                {e.from ? (
                  <>
                    <Tag color={statusColor[e.from]}>{status(e.from)}</Tag>→{' '}
                  </>
                ) : (
                  <>{t('workOrders.created')} → </>
                )}
                <Tag color={statusColor[e.to]}>{status(e.to)}</Tag>
              </Typography.Text>
              <div style={{ color: '#888', fontSize: 12 }}>
                {when(e.at)} · {e.actor}
              </div>
              {e.note && <div>{e.note}</div>}
            </div>
          ),
        }))}
      />
    </div>
  );
}

export function PartsUsed({ order }: { order: WorkOrder }) {
  const { t, when } = useOrderText();
  if (order.parts.length === 0) {
    return <Typography.Text type="secondary">{t('workOrders.noParts')}</Typography.Text>;
  }
  return (
    <Table
      size="small"
      rowKey="movementId"
      pagination={false}
      dataSource={order.parts}
      columns={[
        { key: 'name', title: t('workOrders.parts.name'), dataIndex: 'name' },
        { key: 'spec', title: t('workOrders.parts.spec'), dataIndex: 'spec' },
        {
          key: 'quantity',
          title: t('workOrders.parts.quantity'),
          align: 'right',
          render: (_v, p) => `${p.quantity} ${p.unit}`,
        },
        { key: 'at', title: t('workOrders.parts.at'), render: (_v, p) => when(p.at) },
      ]}
    />
  );
}

export function Attachments({ order }: { order: WorkOrder }) {
  const { t } = useOrderText();
  const { message } = App.useApp();
  if (order.attachments.length === 0) {
    return <Typography.Text type="secondary">{t('workOrders.noAttachments')}</Typography.Text>;
  }
  const download = async (id: string) => {
    try {
      const file = await api.call('workOrders.attachment', { id });
      saveBase64(file.name, file.contentBase64, file.mime);
    } catch (error) {
      void message.error(errorText(t, error));
    }
  };
  return (
    <Space orientation="vertical" size={2}>
      {order.attachments.map((a) => (
        <Typography.Link key={a.id} onClick={() => void download(a.id)}>
          <PaperClipOutlined /> {a.name}{' '}
          <Typography.Text type="secondary">({Math.ceil(a.bytes / 1024)} KB)</Typography.Text>
        </Typography.Link>
      ))}
    </Space>
  );
}

export function LinkedRequests({ order }: { order: WorkOrder }) {
  const { t } = useOrderText();
  if (order.requests.length === 0) {
    return <Typography.Text type="secondary">{t('workOrders.noRequests')}</Typography.Text>;
  }
  return (
    <Space wrap>
      {order.requests.map((r) => (
        <Tag key={r.id}>
          {r.number} · {r.reporter}
        </Tag>
      ))}
    </Space>
  );
}
