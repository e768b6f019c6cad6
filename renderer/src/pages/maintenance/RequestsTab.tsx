// The repair requests (报修), newest first, one page at a time from the store: who reported what
// where, its status and the order it became. New ones can be converted or merged from here; the
// order number opens the order. 报修登记 opens the page's request form (Alt+N / F2).
import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { RepairRequest } from '../../../../shared/contract/workOrders';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { notifyOrdersChanged, openRequestForm, useOrdersChanged } from './maintenanceEvents';
import { OrderDetail } from './orders/OrderDetail';
import { priorityColor, useOrderText } from './orders/orderText';
import { ConvertPanel } from './requests/ConvertPanel';
import { REQUEST_SHORTCUT } from './requests/RequestLauncher';

type StatusFilter = 'all' | RepairRequest['status'];
const requestStatusColor = { new: 'blue', converted: 'green', merged: 'cyan' } as const;

export function RequestsTab() {
  const { t, priority, category, when } = useOrderText();
  const { message } = App.useApp();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const [data, setData] = useState<{ items: RepairRequest[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [acting, setActing] = useState<RepairRequest | null>(null);
  const [orderId, setOrderId] = useState<string | null>(null);
  const changes = useOrdersChanged();
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);

  useEffect(() => {
    // An answer for a page or filter already left is dropped, not shown late.
    let stale = false;
    setLoading(true);
    api
      .call('requests.list', {
        ...(status === 'all' ? {} : { status }),
        offset: (page.current - 1) * page.pageSize,
        limit: page.pageSize,
      })
      .then((r) => !stale && setData(r))
      .catch(onError)
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [status, page, changes, onError]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Segmented<StatusFilter>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage((p) => ({ ...p, current: 1 }));
            }}
            options={(['all', 'new', 'converted', 'merged'] as const).map((v) => ({
              value: v,
              label: t(`requests.status.${v}`),
            }))}
          />
          <Typography.Text data-testid="request-total">
            {data === null ? t('workOrders.loading') : t('requests.total', { count: data.total })}
          </Typography.Text>
        </Space>
        <Button
          icon={<PhoneOutlined />}
          title={`${t('requests.formTitle')} (${REQUEST_SHORTCUT})`}
          onClick={openRequestForm}
        >
          {t('requests.new')}
        </Button>
      </Space>
      <Table<RepairRequest>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('requests.empty') }}
        aria-label={t('requests.tableLabel')}
        tableLayout="fixed"
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
        }}
        onChange={(p) => setPage({ current: p.current ?? 1, pageSize: p.pageSize ?? 50 })}
        columns={[
          { key: 'number', title: t('requests.fields.number'), width: 125, dataIndex: 'number' },
          {
            key: 'reportedAt',
            title: t('requests.fields.reportedAt'),
            width: 130,
            render: (_v, r) => when(r.reportedAt),
          },
          {
            key: 'reporter',
            title: t('requests.fields.reporter'),
            width: 100,
            ellipsis: true,
            dataIndex: 'reporter',
          },
          { key: 'phone', title: t('requests.fields.phone'), width: 110, dataIndex: 'phone' },
          {
            key: 'where',
            title: t('requests.fields.where'),
            width: 190,
            ellipsis: true,
            render: (_v, r) => [r.asset?.code, r.placePath].filter(Boolean).join(' · '),
          },
          {
            key: 'fault',
            title: t('requests.fields.fault'),
            ellipsis: true,
            render: (_v, r) => (
              <span title={r.description}>
                <Tag>{category(r.category)}</Tag>
                {r.description}
              </span>
            ),
          },
          {
            key: 'priority',
            title: t('requests.fields.priority'),
            width: 64,
            render: (_v, r) => <Tag color={priorityColor[r.priority]}>{priority(r.priority)}</Tag>,
          },
          {
            key: 'source',
            title: t('requests.fields.source'),
            width: 80,
            render: (_v, r) => t(`requests.source.${r.source}`),
          },
          {
            key: 'status',
            title: t('requests.fields.status'),
            width: 84,
            render: (_v, r) => (
              <Tag color={requestStatusColor[r.status]}>{t(`requests.status.${r.status}`)}</Tag>
            ),
          },
          {
            key: 'order',
            title: t('requests.fields.order'),
            width: 150,
            render: (_v, r) =>
              r.workOrderId ? (
                <Typography.Link onClick={() => setOrderId(r.workOrderId)}>
                  {r.workOrderNumber}
                </Typography.Link>
              ) : r.status === 'new' ? (
                <Button size="small" onClick={() => setActing(r)}>
                  {t('requests.convertOrMerge')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={acting !== null}
        title={acting ? t('requests.actTitle', { number: acting.number }) : ''}
        footer={null}
        onCancel={() => setActing(null)}
        destroyOnHidden
        width={640}
      >
        {acting && (
          <Typography.Paragraph type="secondary">
            {[acting.reporter, acting.asset?.code, acting.placePath, acting.description]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Paragraph>
        )}
        {acting && (
          <ConvertPanel
            request={acting}
            onDone={(order, how) => {
              setActing(null);
              void message.success(
                t(how === 'merged' ? 'requests.mergedInto' : 'requests.convertedTo', {
                  number: order.number,
                }),
              );
              notifyOrdersChanged();
              setOrderId(order.id);
            }}
          />
        )}
      </Modal>
      <OrderDetail id={orderId} onClose={() => setOrderId(null)} />
    </Space>
  );
}
