// Receive stock (入库) or set counted stock (盘点调整) for one part; mounted only while open. A count needs its reason: the
// difference goes into the history with it, and it is the only way stock goes down without a
// work order.
import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Part } from '../../../../../shared/contract/parts';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { formatDelta, formatQty } from './format';

export type StockMode = 'receive' | 'adjust';

interface Values {
  quantity?: number | null;
  note?: string;
  counted?: number | null;
  reason?: string;
}

interface Props {
  mode: StockMode;
  part: Part;
  onDone: (part: Part) => void;
  onCancel: () => void;
}

export function StockModal({ mode, part, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const counted = Form.useWatch('counted', form);
  const lang = i18n.language;

  const unit = part.unit;
  const qty = (n: number) => formatQty(n, lang);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      if (mode === 'receive') {
        const r = await api.call('parts.receive', {
          partId: part.id,
          quantity: values.quantity ?? 0,
          note: values.note ?? '',
        });
        const args = { quantity: qty(r.movement.quantity), onHand: qty(r.part.onHand), unit };
        void message.success(t('parts.stock.received', args));
        onDone(r.part);
      } else {
        const r = await api.call('parts.adjust', {
          partId: part.id,
          countedOnHand: values.counted ?? 0,
          reason: values.reason ?? '',
        });
        if (r.movement) {
          const diff = formatDelta(r.movement.quantity, lang);
          void message.success(
            t('parts.stock.adjusted', { diff, onHand: qty(r.part.onHand), unit }),
          );
        } else {
          void message.info(t('parts.stock.unchanged'));
        }
        onDone(r.part);
      }
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  const diff = typeof counted === 'number' ? counted - part.onHand : null;
  return (
    <Modal
      open
      title={t(mode === 'receive' ? 'parts.stock.receiveTitle' : 'parts.stock.adjustTitle', part)}
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
      <Form form={form} layout="vertical" name={`part-${mode}`} onFinish={(v) => void submit(v)}>
        {mode === 'receive' ? (
          <>
            <Form.Item
              name="quantity"
              label={t('parts.stock.quantity', { unit })}
              rules={[{ required: true, message: t('parts.stock.quantityRequired') }]}
            >
              <InputNumber autoFocus min={0.001} max={1e9} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label={t('parts.stock.note')}>
              <Input maxLength={500} placeholder={t('parts.stock.notePlaceholder')} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="counted"
              label={t('parts.stock.counted', { unit })}
              rules={[{ required: true, message: t('parts.stock.countedRequired') }]}
              extra={
                diff !== null && Math.abs(diff) >= 0.0005
                  ? t('parts.stock.difference', { diff: formatDelta(diff, lang), unit })
                  : undefined
              }
            >
              <InputNumber autoFocus min={0} max={1e9} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('parts.stock.reason')}
              rules={[
                { required: true, whitespace: true, message: t('parts.stock.reasonRequired') },
              ]}
            >
              <Input maxLength={500} placeholder={t('parts.stock.reasonPlaceholder')} />
            </Form.Item>
          </>
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
