// The work-order list: filters, the windowed grid paged from workOrders.query (the same block cache
// as the asset register), the total, 新建工单, and the detail drawer of the order clicked. The list
// refetches whenever any part of the page reports that orders changed. The open order is kept in
// the address (?order=<id>), which is also how the board and calendars open one.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { WorkOrderFilter } from '../../../../shared/contract/workOrders';
import { activeStatuses } from '../../../../shared/domain/workOrderTransitions';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { useBlockPages } from '../assets/useAssetPages';
import { notifyOrdersChanged, useOrdersChanged } from './maintenanceEvents';
import { useOrderColumns, type OrderSort } from './orders/orderColumns';
import { OrderDetail } from './orders/OrderDetail';
import { OrderFilters } from './orders/OrderFilters';
import { OrderForm } from './orders/OrderForm';
import { OrdersGrid } from './orders/OrdersGrid';
import { useOrderText } from './orders/orderText';
import type { Picked } from './orders/pickers';

export function OrdersTab() {
  const { t } = useOrderText();
  const { message } = App.useApp();
  // Opens on the work still to do; 清除筛选 shows every order ever written.
  const [filter, setFilter] = useState<WorkOrderFilter>({ statuses: [...activeStatuses] });
  const [place, setPlace] = useState<Picked | null>(null);
  const [sort, setSort] = useState<OrderSort>({ column: 'dueDate', direction: 'asc' });
  const [params, setParams] = useSearchParams();
  const openId = params.get('order');
  const setOpenId = useCallback(
    (id: string | null) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (id) next.set('order', id);
          else next.delete('order');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const [creating, setCreating] = useState(false);
  const columns = useOrderColumns();
  const changes = useOrdersChanged();
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);

  const key = JSON.stringify({ filter, sort });
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      api.call('workOrders.query', { filter, sort, offset, limit }),
    // The key captures filter and sort by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const pages = useBlockPages(fetchPage, onError);
  const { reload } = pages;

  useEffect(() => {
    if (changes > 0) reload();
  }, [changes, reload]);

  const changeFilter = useCallback((next: WorkOrderFilter, picked?: Picked | null) => {
    setFilter(next);
    if (picked !== undefined) setPlace(picked);
  }, []);

  const filtered = Object.values(filter).some((v) => v !== undefined);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <OrderFilters filter={filter} place={place} onChange={changeFilter} />
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text data-testid="order-total">
          {pages.total === null
            ? t('workOrders.loading')
            : t('workOrders.total', { count: pages.total })}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('workOrders.create')}
        </Button>
      </Space>
      <OrdersGrid
        columns={columns}
        total={pages.total}
        rowAt={pages.rowAt}
        ensure={pages.ensure}
        sort={sort}
        onSort={setSort}
        onOpen={(row) => setOpenId(row.id)}
        emptyText={filtered ? t('workOrders.noMatch') : t('workOrders.empty')}
      />
      <OrderForm
        open={creating}
        onCancel={() => setCreating(false)}
        onCreated={(order) => {
          setCreating(false);
          void message.success(t('workOrders.createdOne', { number: order.number }));
          notifyOrdersChanged();
          setOpenId(order.id);
        }}
      />
      <OrderDetail id={openId} onClose={() => setOpenId(null)} />
    </Space>
  );
}
