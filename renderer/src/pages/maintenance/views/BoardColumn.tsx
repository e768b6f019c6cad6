// One column of the today board: a crew (or 未派工) with its orders due by the chosen day, overdue
// first. The header counts the work and, in red, how much of it is late.
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderRow } from '../../../../../shared/contract/workOrders';
import { OrderCard } from './OrderCard';

interface Props {
  crewId: string | null;
  title: string;
  items: WorkOrderRow[];
  onOpen: (id: string) => void;
}

export function BoardColumn({ crewId, title, items, onOpen }: Props) {
  const { t } = useTranslation();
  const overdue = items.filter((o) => o.overdue).length;
  return (
    <Card
      size="small"
      title={title}
      data-testid={`board-column-${crewId ?? 'unassigned'}`}
      aria-label={title}
      role="region"
      style={{ flex: '0 0 300px', width: 300 }}
      styles={{
        header: crewId === null ? { background: '#fffbe6' } : undefined,
        body: { maxHeight: 'calc(100vh - 300px)', overflowY: 'auto', padding: 8 },
      }}
      extra={
        <Space size={4}>
          <Tag>{t('board.count', { count: items.length })}</Tag>
          {overdue > 0 && <Tag color="error">{t('board.overdueCount', { count: overdue })}</Tag>}
        </Space>
      }
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('board.columnEmpty')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {items.map((order) => (
            <OrderCard key={order.id} order={order} onOpen={onOpen} />
          ))}
        </Space>
      )}
    </Card>
  );
}
