// One work order as a small card on the board and in the week calendar: number, title, priority,
// place path, assets and due day. Overdue cards carry a red edge and a red due date so they stand
// out at a glance; the whole card is one button that opens the order.
import { EnvironmentOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Space, theme, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderRow } from '../../../../../shared/contract/workOrders';
import { priorityRank, PriorityTag, StatusTag } from './workLabels';

interface Props {
  order: WorkOrderRow;
  onOpen: (id: string) => void;
  /**
   * In the week calendar the column is the due day, so only a late due day is repeated, and the
   * crew is named (on the board the column already names it).
   */
  inWeek?: boolean;
}

/** Overdue first, then by priority, then by due day: the order a crew should work through. */
export function byUrgency(a: WorkOrderRow, b: WorkOrderRow): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const rank = priorityRank[a.priority] - priorityRank[b.priority];
  if (rank !== 0) return rank;
  return (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');
}

export function OrderCard({ order, onOpen, inWeek = false }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(order.id);
    }
  };
  return (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      aria-label={`${order.number} ${order.title}`}
      data-testid="order-card"
      data-overdue={order.overdue ? 'true' : 'false'}
      onClick={() => onOpen(order.id)}
      onKeyDown={onKeyDown}
      style={{
        borderLeft: `4px solid ${order.overdue ? token.colorError : token.colorBorderSecondary}`,
        background: order.overdue ? token.colorErrorBg : undefined,
      }}
      styles={{ body: { padding: '8px 10px' } }}
    >
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <PriorityTag priority={order.priority} />
          <StatusTag status={order.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {order.number}
          </Typography.Text>
        </Space>
        <Typography.Text strong ellipsis={{ tooltip: order.title }}>
          {order.title}
        </Typography.Text>
        {order.placePath && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            <EnvironmentOutlined /> {order.placePath}
          </Typography.Text>
        )}
        <Space size={8} style={{ fontSize: 12 }} wrap>
          {order.dueDate && (order.overdue || !inWeek) && (
            <Typography.Text
              style={{ fontSize: 12 }}
              type={order.overdue ? 'danger' : 'secondary'}
              strong={order.overdue}
            >
              {order.overdue
                ? t('board.overdueSince', { date: order.dueDate })
                : t('board.due', { date: order.dueDate })}
            </Typography.Text>
          )}
          {order.assetCount > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <ToolOutlined /> {t('board.assets', { count: order.assetCount })}
            </Typography.Text>
          )}
          {inWeek && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {order.crewName ?? t('board.unassigned')}
            </Typography.Text>
          )}
        </Space>
      </Space>
    </Card>
  );
}
