// Issue a part to a work order (领用) or take unused ones back from it (退回). Refusals the store
// explains with details — not enough stock, more back than went out, a shut order — are shown in
// the UI language with the figures.
import { App, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../../../shared/contract';
import type { Part } from '../../../../../shared/contract/parts';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { formatQty } from './format';
import { WorkOrderPicker } from './WorkOrderPicker';

type Mode = 'issue' | 'return';

interface Values {
  mode: Mode;
  workOrderId?: string;
  quantity?: number | null;
  note?: string;
}

interface RefusalDetails {
  reason?: string;
  onHand?: number;
  requested?: number;
  issued?: number;
  number?: string;
}

interface Props {
  part: Part;
  onDone: (part: Part) => void;
  onCancel: () => void;
}

export function IssueModal({ part, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const mode = Form.useWatch('mode', form) ?? 'issue';
  const qty = (n: number | undefined) => formatQty(n ?? 0, i18n.language);
  const unit = part.unit;

  const refusal = (error: unknown): string => {
    const d =
      error instanceof DeskError ? (error.details as RefusalDetails | undefined) : undefined;
    switch (d?.reason) {
      case 'INSUFFICIENT_STOCK':
        return t('parts.issue.insufficient', {
          name: part.name,
          onHand: qty(d.onHand),
          requested: qty(d.requested),
          unit,
        });
      case 'RETURN_EXCEEDS_ISSUED':
        return t('parts.issue.returnTooMany', {
          issued: qty(d.issued),
          requested: qty(d.requested),
          unit,
        });
      case 'ORDER_CLOSED':
        return t('parts.issue.orderClosed', { number: d.number ?? '' });
      default:
        return errorText(t, error);
    }
  };

  const submit = async (values: Values) => {
    const input = {
      partId: part.id,
      workOrderId: values.workOrderId ?? '',
      quantity: values.quantity ?? 0,
      note: values.note ?? '',
    };
    setSaving(true);
    try {
      const r = await api.call(values.mode === 'issue' ? 'parts.issue' : 'parts.return', input);
      const args = {
        quantity: qty(Math.abs(r.movement.quantity)),
        unit,
        number: r.movement.workOrderNumber ?? '',
      };
      void message.success(
        t(values.mode === 'issue' ? 'parts.issue.issued' : 'parts.issue.returned', args),
      );
      onDone(r.part);
    } catch (error) {
      void message.error(refusal(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('parts.issue.title', part)}
      okText={t('parts.stock.ok')}
      cancelText={t('parts.form.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('parts.stock.onHandNow', { onHand: qty(part.onHand), unit })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="part-issue"
        initialValues={{ mode: 'issue' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="mode">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'issue', label: t('parts.issue.modeIssue') },
              { value: 'return', label: t('parts.issue.modeReturn') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="workOrderId"
          label={t('parts.issue.order')}
          rules={[{ required: true, message: t('parts.issue.orderRequired') }]}
        >
          <WorkOrderPicker issuableOnly={mode === 'issue'} />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t('parts.stock.quantity', { unit })}
          rules={[{ required: true, message: t('parts.stock.quantityRequired') }]}
        >
          <InputNumber min={0.001} max={1e9} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('parts.stock.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
