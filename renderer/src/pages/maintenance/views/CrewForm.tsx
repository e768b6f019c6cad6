// Create or edit a crew (班组): name, trade, phone, active and notes.
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crew, Trade } from '../../../../../shared/contract/crews';
import { useTradeOptions } from './workLabels';

export interface CrewFormValues {
  name: string;
  trade: Trade;
  phone: string;
  active: boolean;
  notes: string;
}

interface Props {
  open: boolean;
  editing: Crew | null;
  saving: boolean;
  onSubmit: (values: CrewFormValues) => void;
  onCancel: () => void;
}

/** The characters the contract allows in a phone number. */
export const PHONE_PATTERN = /^[0-9+\-() ]*$/;

export function CrewForm({ open, editing, saving, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CrewFormValues>();
  const tradeOptions = useTradeOptions();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? {
            name: editing.name,
            trade: editing.trade,
            phone: editing.phone,
            active: editing.active,
            notes: editing.notes,
          }
        : { active: true, phone: '', notes: '' },
    );
  }, [open, editing, form]);

  return (
    <Modal
      open={open}
      title={editing ? t('crews.editTitle', { name: editing.name }) : t('crews.createTitle')}
      okText={t('crews.save')}
      cancelText={t('crews.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" name="crew-form" onFinish={onSubmit}>
        <Form.Item
          name="name"
          label={t('crews.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('crews.nameRequired') }]}
        >
          <Input autoFocus maxLength={100} placeholder={t('crews.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="trade"
          label={t('crews.fields.trade')}
          rules={[{ required: true, message: t('crews.tradeRequired') }]}
        >
          <Select options={tradeOptions} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('crews.fields.phone')}
          rules={[{ pattern: PHONE_PATTERN, message: t('crews.phoneInvalid') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="active" label={t('crews.fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="notes" label={t('crews.fields.notes')}>
          <Input.TextArea maxLength={5000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
