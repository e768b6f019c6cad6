// The work-order list: filters, the windowed grid paged from workOrders.query (the same block cache
// as the asset register), the total, 新建工单, and the detail drawer of the order clicked. The list
// refetches whenever any part of the page reports that orders changed. The open order is kept in
// the address (?order=<id>), which is also how the board and calendars open one. Ticked orders (or
// a crew's open orders due by a day) go to the print dialog.
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { WorkOrderFilter, WorkOrderRow } from '../../../../shared/contract/workOrders';
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
import { PrintDialog } from './orders/PrintDialog';
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
  const { reload, rowAt } = pages;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [printing, setPrinting] = useState(false);
  // Where the last tick was, for Shift: the rows between are ticked too (those loaded, which are
  // all those a person can see to shift-click between).
  const anchor = useRef<number | null>(null);
  useEffect(() => {
    anchor.current = null;
  }, [key]);
  const onSelect = useCallback(
    (row: WorkOrderRow, index: number, range: boolean) => {
      setSelected((before) => {
        const next = new Set(before);
        const from = anchor.current;
        if (range && from !== null) {
          for (let i = Math.min(from, index); i <= Math.max(from, index); i += 1) {
            const r = rowAt(i);
            if (r) next.add(r.id);
          }
        } else if (before.has(row.id)) next.delete(row.id);
        else next.add(row.id);
        return next;
      });
      anchor.current = index;
    },
    [rowAt],
  );

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
        <Space wrap>
          {selected.size > 0 && (
            <>
              <Typography.Text data-testid="order-selected">
                {t('workOrderPrint.list.selected', { count: selected.size })}
              </Typography.Text>
              <Button type="link" onClick={() => setSelected(new Set())}>
                {t('workOrderPrint.list.clear')}
              </Button>
            </>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>
            {selected.size > 0
              ? `${t('workOrderPrint.list.printSelected')} (${selected.size})`
              : t('workOrderPrint.list.batch')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('workOrders.create')}
          </Button>
        </Space>
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
        selected={selected}
        onSelect={onSelect}
      />
      <PrintDialog open={printing} selected={[...selected]} onCancel={() => setPrinting(false)} />
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
