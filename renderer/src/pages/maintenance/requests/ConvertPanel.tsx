// What to do with a new request: turn it into a work order (optionally naming a crew and a due
// date), or, when active orders already cover its asset or place, add it to one of them so the
// same fault is not dispatched twice. The convert button takes the focus: Enter converts.
import { App, Button, DatePicker, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type {
  RepairRequest,
  WorkOrder,
  WorkOrderRow,
} from '../../../../../shared/contract/workOrders';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { DueDate } from '../orders/orderColumns';
import { statusColor, useOrderText } from '../orders/orderText';
import { crewOptions, useCrews } from '../orders/useCrews';

interface Props {
  request: RepairRequest;
  onDone: (order: WorkOrder, how: 'converted' | 'merged') => void;
}

export function ConvertPanel({ request, onDone }: Props) {
  const { t, status } = useOrderText();
  const { message } = App.useApp();
  const crews = useCrews();
  const [crewId, setCrewId] = useState<string | null>(null);
  const [due, setDue] = useState<Dayjs | null>(null);
  const [candidates, setCandidates] = useState<WorkOrderRow[]>([]);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api
      .call('requests.openOrdersFor', { assetId: request.assetId, placeId: request.placeId })
      .then((r) => current && setCandidates(r.items))
      // No candidates shown is safe: converting is always possible.
      .catch(() => current && setCandidates([]));
    return () => {
      current = false;
    };
  }, [request.assetId, request.placeId]);

  const run = async (key: string, how: 'converted' | 'merged', work: () => Promise<WorkOrder>) => {
    setBusy(key);
    try {
      onDone(await work(), how);
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setBusy(null);
    }
  };

  const convert = () =>
    run('convert', 'converted', () =>
      api.call('requests.convert', {
        id: request.id,
        crewId,
        dueDate: due ? due.format('YYYY-MM-DD') : null,
      }),
    );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap align="end">
        <Select
          allowClear
          placeholder={t('requests.crewOptional')}
          aria-label={t('workOrders.fields.crew')}
          style={{ width: 180 }}
          value={crewId}
          options={crewOptions(crews)}
          onChange={(v: string | null | undefined) => setCrewId(v ?? null)}
        />
        <DatePicker
          placeholder={t('requests.dueOptional')}
          aria-label={t('workOrders.fields.dueDate')}
          value={due}
          style={{ width: 180 }}
          onChange={(d: Dayjs | null) => setDue(d)}
        />
        <Button
          type="primary"
          autoFocus
          loading={busy === 'convert'}
          onClick={() => void convert()}
        >
          {t('requests.convert')}
        </Button>
      </Space>
      {candidates.length > 0 && (
        <div data-testid="merge-candidates">
          <Typography.Text strong>
            {t('requests.mergeInto', { count: candidates.length })}
          </Typography.Text>
          {candidates.map((o) => (
            <div
              key={o.id}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 8,
                padding: '6px 0',
                borderBottom: '1px solid #f0f0f0',
              }}
            >
              <Space size={6} wrap style={{ flex: 1 }}>
                <span>{o.number}</span>
                <Tag color={statusColor[o.status]}>{status(o.status)}</Tag>
                <span>{o.title}</span>
                <DueDate row={o} />
              </Space>
              <Button
                size="small"
                loading={busy === o.id}
                onClick={() =>
                  void run(o.id, 'merged', () =>
                    api.call('requests.merge', { id: request.id, workOrderId: o.id }),
                  )
                }
              >
                {t('requests.merge')}
              </Button>
            </div>
          ))}
        </div>
      )}
    </Space>
  );
}
