// Printing in an order's drawer: the 打印 button (this one order, A4, one copy, through the print
// preview), "已打印 time / who" among the facts, and the print log under the timeline — every
// print with its copies, layout and printer or PDF. Printing never changes the status, so the log
// is kept apart from the status timeline.
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PrintRecord } from '../../../../../shared/contract/workOrderPrint';
import type { WorkOrder } from '../../../../../shared/contract/workOrders';
import { api } from '../../../api/client';
import { printPath } from '../../print/workOrders/printSpec';
import { useOrderText } from './orderText';

export function PrintOrderButton({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button
      icon={<PrinterOutlined />}
      onClick={() =>
        void navigate(printPath({ batch: { ids: [order.id] }, layout: 'a4', copies: 1 }))
      }
    >
      {t('workOrderPrint.detail.print')}
    </Button>
  );
}

export function PrintedValue({ order }: { order: WorkOrder }) {
  const { t, when } = useOrderText();
  if (!order.printedAt) return <>{t('workOrderPrint.detail.notPrinted')}</>;
  return (
    <span data-testid="order-printed">
      {t('workOrderPrint.detail.printedValue', {
        at: when(order.printedAt),
        by: order.printedBy ?? '',
      })}
    </span>
  );
}

export function PrintLog({ order }: { order: WorkOrder }) {
  const { t, when } = useOrderText();
  const [items, setItems] = useState<PrintRecord[]>([]);
  useEffect(() => {
    let current = true;
    api
      .call('workOrders.prints', { id: order.id })
      .then((r) => current && setItems(r.items))
      // The log is a footnote to the order: without it the drawer still shows "已打印".
      .catch(() => current && setItems([]));
    return () => {
      current = false;
    };
  }, [order.id, order.printedAt]);
  if (items.length === 0) return null;
  return (
    <div data-testid="order-print-log" style={{ marginTop: 8 }}>
      <Timeline
        items={items.map((p) => ({
          color: 'gray',
          icon: <PrinterOutlined />,
          content: (
            <div>
              <Typography.Text>
                {t('workOrderPrint.detail.logEntry', {
                  copies: p.copies,
                  layout: t(`workOrderPrint.toolbar.layouts.${p.layout}`),
                  output: t(`workOrderPrint.detail.outputs.${p.output}`),
                })}
              </Typography.Text>
              <div style={{ color: '#888', fontSize: 12 }}>
                {when(p.at)} · {p.actor}
              </div>
            </div>
          ),
        }))}
      />
    </div>
  );
}
