// The small form a move needs before it happens: assigning names a crew (and a technician),
// completing records the hours, findings and result (and, for lighting, the new lamp), verifying
// names who checked, holding, sending back and cancelling take a reason. Errors keep the values.
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { lampTypes } from '../../../../../shared/contract/assets';
import type { WorkOrder } from '../../../../../shared/contract/workOrders';
import type { WorkOrderStatus } from '../../../../../shared/domain/workOrderTransitions';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { useLabel } from '../../../labels';
import { isSaveKey } from '../requests/RequestForm';
import { operatorName, useOrderText, type MoveAction } from './orderText';
import { crewOptions, technicianOptions, useCrews } from './useCrews';

export interface PendingMove {
  action: MoveAction;
  to: WorkOrderStatus;
}

interface Values {
  crewId?: string;
  technicianId?: string | null;
  labourHours?: number;
  findings?: string;
  result?: string;
  verifiedBy?: string;
  newLampType?: WorkOrder['newLampType'];
  newPowerW?: number | null;
  note?: string;
}

interface Props {
  order: WorkOrder;
  move: PendingMove | null;
  onDone: (order: WorkOrder) => void;
  onCancel: () => void;
}

export function MoveDialog({ order, move, onDone, onCancel }: Props) {
  const { t } = useOrderText();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action = move?.action;
  const assigning = action === 'assign' || action === 'reassign';
  const crews = useCrews(assigning);
  const crewId = Form.useWatch('crewId', form);
  const lamp = action === 'complete' && order.category === 'lighting';

  // OrderMoves mounts a fresh dialog for each opening, so the form starts from the order as it is
  // then; nothing resets it while open (a reset during a save would drop the save).
  const [initial] = useState<Values>(() => ({
    crewId: order.crewId ?? undefined,
    technicianId: order.technicianId,
    labourHours: order.labourHours ?? undefined,
    findings: order.findings,
    result: order.result,
    verifiedBy: order.verifiedBy || operatorName(),
    newLampType: order.newLampType,
    newPowerW: order.newPowerW,
  }));

  const submit = async (values: Values) => {
    if (!move) return;
    setSaving(true);
    setError(null);
    try {
      // The new lamp belongs to the order, not the move: save it first, while it may still change.
      if (
        lamp &&
        (values.newLampType !== order.newLampType || values.newPowerW !== order.newPowerW)
      ) {
        await api.call('workOrders.update', {
          id: order.id,
          patch: { newLampType: values.newLampType ?? null, newPowerW: values.newPowerW ?? null },
        });
      }
      const updated = await api.call('workOrders.transition', {
        id: order.id,
        to: move.to,
        note: values.note ?? '',
        ...(assigning ? { crewId: values.crewId, technicianId: values.technicianId ?? null } : {}),
        ...(action === 'complete'
          ? {
              labourHours: values.labourHours,
              findings: values.findings ?? '',
              result: values.result ?? '',
            }
          : {}),
        ...(action === 'verify' ? { verifiedBy: values.verifiedBy } : {}),
      });
      onDone(updated);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  const verb = action ? t(`workOrders.move.${action}`) : '';
  return (
    <Modal
      open={move !== null}
      title={`${verb} · ${order.number}`}
      okText={verb}
      okButtonProps={{ danger: action === 'cancel' }}
      cancelText={t('workOrders.close')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {action === 'cancel' && (
        <Alert type="warning" showIcon title={t('workOrders.confirmCancel')} />
      )}
      <Form
        form={form}
        initialValues={initial}
        layout="vertical"
        name="move-form"
        onFinish={(v) => void submit(v)}
        // As in the request form: Ctrl+Enter, or Enter in a one-line field, confirms the move.
        onKeyDown={(e) => {
          if (isSaveKey(e)) {
            e.preventDefault();
            form.submit();
          }
        }}
        style={{ marginTop: 12 }}
      >
        {assigning && (
          <>
            <Form.Item
              name="crewId"
              label={t('workOrders.fields.crew')}
              rules={[{ required: true, message: t('workOrders.crewRequired') }]}
            >
              <Select
                autoFocus
                showSearch={{ optionFilterProp: 'label' }}
                options={crewOptions(crews)}
                onChange={() => form.setFieldValue('technicianId', null)}
              />
            </Form.Item>
            <Form.Item name="technicianId" label={t('workOrders.fields.technician')}>
              <Select allowClear options={technicianOptions(crews, crewId)} />
            </Form.Item>
          </>
        )}
        {action === 'complete' && (
          <>
            <Form.Item
              name="labourHours"
              label={t('workOrders.fields.labourHours')}
              rules={[{ required: true, message: t('workOrders.hoursRequired') }]}
            >
              <InputNumber autoFocus min={0} max={10000} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="findings" label={t('workOrders.fields.findings')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
            <Form.Item name="result" label={t('workOrders.fields.result')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
            {lamp && (
              <>
                <Form.Item name="newLampType" label={t('workOrders.fields.newLampType')}>
                  <Select
                    allowClear
                    options={lampTypes.map((l) => ({ value: l, label: label('lampType', l) }))}
                  />
                </Form.Item>
                <Form.Item name="newPowerW" label={t('workOrders.fields.newPowerW')}>
                  <InputNumber min={0.1} max={100000} style={{ width: '100%' }} />
                </Form.Item>
              </>
            )}
          </>
        )}
        {action === 'verify' && (
          <Form.Item
            name="verifiedBy"
            label={t('workOrders.fields.verifiedBy')}
            rules={[
              { required: true, whitespace: true, message: t('workOrders.verifierRequired') },
            ]}
          >
            <Input autoFocus maxLength={100} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t(
            action === 'hold' || action === 'back' || action === 'cancel'
              ? 'workOrders.reason'
              : 'workOrders.note',
          )}
        >
          <Input.TextArea
            rows={2}
            maxLength={1000}
            autoFocus={!assigning && action !== 'complete' && action !== 'verify'}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
