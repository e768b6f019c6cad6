// The order's checklist with ticks. Each tick saves the whole list through workOrders.update (the
// list is short and the core keeps it as one value); once the work is done the list is read-only.
import { App, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import type { WorkOrder } from '../../../../../shared/contract/workOrders';
import { isActive } from '../../../../../shared/domain/workOrderTransitions';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { useOrderText } from './orderText';

interface Props {
  order: WorkOrder;
  onChanged: (order: WorkOrder) => void;
}

export function OrderChecklist({ order, onChanged }: Props) {
  const { t } = useOrderText();
  const { message } = App.useApp();
  const [saving, setSaving] = useState<number | null>(null);
  const editable = isActive(order.status);

  if (order.checklist.length === 0) {
    return <Typography.Text type="secondary">{t('workOrders.noChecklist')}</Typography.Text>;
  }

  const tick = async (index: number, done: boolean) => {
    setSaving(index);
    try {
      const checklist = order.checklist.map((item, i) => (i === index ? { ...item, done } : item));
      onChanged(await api.call('workOrders.update', { id: order.id, patch: { checklist } }));
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setSaving(null);
    }
  };

  const done = order.checklist.filter((c) => c.done).length;
  return (
    <Space orientation="vertical" size={4} data-testid="order-checklist">
      <span style={{ color: '#888' }}>
        {t('workOrders.checklistDone', { done, total: order.checklist.length })}
      </span>
      {order.checklist.map((item, index) => (
        <Checkbox
          key={index}
          checked={item.done}
          disabled={!editable || saving !== null}
          onChange={(e) => void tick(index, e.target.checked)}
        >
          <span style={{ textDecoration: item.done ? 'line-through' : undefined }}>
            {item.text}
          </span>
        </Checkbox>
      ))}
    </Space>
  );
}
