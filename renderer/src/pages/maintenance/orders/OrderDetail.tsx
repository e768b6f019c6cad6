// One work order in a side drawer, loaded by id so any tab (orders, requests, the request form)
// can open it: number, status and priority on top, the legal moves, the fields, covered assets,
// checklist, timeline (with the print log), parts, attachments and linked requests, and 打印. Every
// change it makes is announced with notifyOrdersChanged so lists and KPIs refresh.
import { App, Descriptions, Drawer, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { WorkOrder } from '../../../../../shared/contract/workOrders';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { useLabel } from '../../../labels';
import { AssetDetail, type AssetDetailData } from '../../assets/AssetDetail';
import { notifyOrdersChanged } from '../maintenanceEvents';
import { DueDate } from './orderColumns';
import { OrderChecklist } from './OrderChecklist';
import { OrderMoves } from './OrderMoves';
import { PrintedValue, PrintLog, PrintOrderButton } from './OrderPrints';
import {
  Attachments,
  CoveredAssets,
  LinkedRequests,
  OrderTimeline,
  PartsUsed,
} from './orderSections';
import { priorityColor, statusColor, useOrderText } from './orderText';

interface Props {
  id: string | null;
  onClose: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginTop: 20 }}>
      <Typography.Title level={5} style={{ marginBottom: 8 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

export function OrderDetail({ id, onClose }: Props) {
  const { t, status, type, priority, category, when } = useOrderText();
  const label = useLabel();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [order, setOrder] = useState<WorkOrder | null>(null);
  const [asset, setAsset] = useState<AssetDetailData | null>(null);

  useEffect(() => {
    if (!id) return;
    let current = true;
    api
      .call('workOrders.get', { id })
      .then((o) => current && setOrder(o))
      .catch((e: unknown) => current && void message.error(errorText(t, e)));
    return () => {
      current = false;
      setOrder(null);
    };
  }, [id, message, t]);

  const changed = useCallback((next: WorkOrder) => {
    setOrder(next);
    notifyOrdersChanged();
  }, []);

  const openAsset = async (assetId: string) => {
    try {
      setAsset(await api.call('assets.get', { id: assetId }));
    } catch (e) {
      void message.error(errorText(t, e));
    }
  };

  const o = order && order.id === id ? order : null;
  const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={680}
      extra={o && <PrintOrderButton order={o} />}
      title={
        o ? (
          <Space wrap size={4} data-testid="order-title">
            <span>{o.number}</span>
            <Tag color={statusColor[o.status]}>{status(o.status)}</Tag>
            <Tag color={priorityColor[o.priority]}>{priority(o.priority)}</Tag>
            {o.overdue && <Tag color="red">{t('workOrders.overdue')}</Tag>}
          </Space>
        ) : (
          t('workOrders.loading')
        )
      }
    >
      {!o ? (
        <Spin />
      ) : (
        <div data-testid="order-detail">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {o.title}
          </Typography.Title>
          <OrderMoves order={o} onChanged={changed} />
          <Descriptions size="small" column={2} bordered style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('workOrders.fields.type')}>
              {type(o.type)}
            </Descriptions.Item>
            <Descriptions.Item label={t('workOrders.fields.category')}>
              {category(o.category)}
            </Descriptions.Item>
            <Descriptions.Item label={t('workOrders.fields.place')} span={2}>
              {dash(o.place.map((p) => p.name).join(' › ') || o.placePath)}
            </Descriptions.Item>
            <Descriptions.Item label={t('workOrders.fields.crew')}>
              {dash(o.crewName)}
            </Descriptions.Item>
            <Descriptions.Item label={t('workOrders.fields.technician')}>
              {dash(o.technicianName)}
            </Descriptions.Item>
            <Descriptions.Item label={t('workOrders.fields.dueDate')}>
              {o.dueDate ? <DueDate row={o} /> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('workOrders.fields.reportedAt')}>
              {when(o.reportedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('workOrders.fields.requester')}>
              {dash([o.requester, o.requesterPhone].filter(Boolean).join(' · '))}
            </Descriptions.Item>
            <Descriptions.Item label={t('workOrders.fields.hours')}>
              {dash(o.labourHours ?? o.estimatedHours)}
              {o.labourHours === null &&
                o.estimatedHours !== null &&
                ` (${t('workOrders.estimated')})`}
            </Descriptions.Item>
            {o.category === 'lighting' && (
              <Descriptions.Item label={t('workOrders.fields.newLamp')} span={2}>
                {dash(
                  [label('lampType', o.newLampType), o.newPowerW ? `${o.newPowerW} W` : '']
                    .filter(Boolean)
                    .join(' · '),
                )}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('workOrders.fields.description')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{dash(o.description)}</span>
            </Descriptions.Item>
            {Boolean(o.findings || o.result) && (
              <>
                <Descriptions.Item label={t('workOrders.fields.findings')} span={2}>
                  {dash(o.findings)}
                </Descriptions.Item>
                <Descriptions.Item label={t('workOrders.fields.result')} span={2}>
                  {dash(o.result)}
                </Descriptions.Item>
              </>
            )}
            {Boolean(o.completedAt) && (
              <Descriptions.Item label={t('workOrders.fields.completedAt')}>
                {when(o.completedAt)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('workOrderPrint.detail.printed')}>
              <PrintedValue order={o} />
            </Descriptions.Item>
            {Boolean(o.verifiedBy) && (
              <Descriptions.Item label={t('workOrders.fields.verifiedBy')}>
                {o.verifiedBy}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Section title={t('workOrders.sections.assets', { count: o.assets.length })}>
            <CoveredAssets order={o} onOpen={(assetId) => void openAsset(assetId)} />
          </Section>
          <Section title={t('workOrders.sections.checklist')}>
            <OrderChecklist order={o} onChanged={changed} />
          </Section>
          <Section title={t('workOrders.sections.timeline')}>
            <OrderTimeline order={o} />
            <PrintLog order={o} />
          </Section>
          <Section title={t('workOrders.sections.parts')}>
            <PartsUsed order={o} />
          </Section>
          <Section title={t('workOrders.sections.attachments')}>
            <Attachments order={o} />
          </Section>
          <Section title={t('workOrders.sections.requests')}>
            <LinkedRequests order={o} />
          </Section>
        </div>
      )}
      <AssetDetail
        detail={asset}
        onClose={() => setAsset(null)}
        onEdit={() => void navigate('/assets')}
      />
    </Drawer>
  );
}
