// The 报修登记 button and its shortcut (Alt+N or F2 anywhere on the Maintenance page). It lives
// beside the KPI strip, which every tab shows, so the form is one key away whatever tab is open;
// other tabs open it through openRequestForm(). After a convert or merge the order opens.
import { PhoneOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useOpenRequestForm } from '../maintenanceEvents';
import { OrderDetail } from '../orders/OrderDetail';
import { useOrderText } from '../orders/orderText';
import { RequestDialog } from './RequestDialog';

export const REQUEST_SHORTCUT = 'Alt+N / F2';

export function RequestLauncher() {
  const { t } = useOrderText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [orderId, setOrderId] = useState<string | null>(null);
  const show = useCallback(() => setOpen(true), []);
  useOpenRequestForm(show);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const altN = event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN';
      if (altN || event.key === 'F2') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <Button
        type="primary"
        icon={<PhoneOutlined />}
        title={`${t('requests.formTitle')} (${REQUEST_SHORTCUT})`}
        onClick={show}
      >
        {t('requests.new')}
      </Button>
      <RequestDialog
        open={open}
        shortcut={REQUEST_SHORTCUT}
        onClose={() => setOpen(false)}
        onOrder={(order, how) => {
          setOpen(false);
          void message.success(
            t(how === 'merged' ? 'requests.mergedInto' : 'requests.convertedTo', {
              number: order.number,
            }),
          );
          setOrderId(order.id);
        }}
      />
      <OrderDetail id={orderId} onClose={() => setOrderId(null)} />
    </>
  );
}
