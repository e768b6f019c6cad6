// Correcting one reading's register value or its estimated flag; mounted only while open. The
// instant stays as it is: a reading moved in time is a different reading, entered on the round.
// Saving re-spreads the intervals on both sides, so the table and chart reload afterwards.
import { App, Checkbox, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingItem } from '../../../../../shared/contract/meters';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { formatValue } from './format';

interface Values {
  value: number;
  estimated: boolean;
}

interface Props {
  reading: ReadingItem;
  onDone: () => void;
  onCancel: () => void;
}

export function EditReadingModal({ reading, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const saved = await api.call('meters.editReading', {
        meterId: reading.meterId,
        at: reading.at,
        patch: { value: values.value, estimated: values.estimated },
      });
      void message.success(
        t('meterDetail.edit.saved', {
          at: saved.local,
          value: formatValue(saved.value, i18n.language),
        }),
      );
      onDone();
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('meterDetail.edit.title', { at: reading.local })}
      okText={t('meterDetail.edit.ok')}
      cancelText={t('meterDetail.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('meterDetail.edit.hint', { value: formatValue(reading.value, i18n.language) })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="edit-reading"
        initialValues={{ value: reading.value, estimated: reading.estimated }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="value"
          label={t('meterDetail.edit.value')}
          rules={[{ required: true, message: t('meterDetail.edit.valueRequired') }]}
        >
          <InputNumber autoFocus min={0} max={1e15 - 1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="estimated" valuePropName="checked">
          <Checkbox>{t('meterDetail.edit.estimated')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
