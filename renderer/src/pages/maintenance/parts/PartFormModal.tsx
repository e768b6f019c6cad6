// Create or edit a spare part. Creating also takes the opening stock (recorded as a receipt);
// editing never touches stock, which moves only through receipts, issues and counts. Enter in any
// field submits.
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Part } from '../../../../../shared/contract/parts';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { StoragePlaceSelect } from './StoragePlaceSelect';

interface Values {
  name: string;
  spec?: string;
  unit: string;
  onHand?: number | null;
  reorderPoint?: number | null;
  storagePlaceId?: string | null;
  storageNote?: string;
  notes?: string;
}

interface Props {
  open: boolean;
  /** The part being edited; null to create one. */
  editing: Part | null;
  onDone: (part: Part) => void;
  onCancel: () => void;
}

export function PartFormModal({ open, editing, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        spec: editing.spec,
        unit: editing.unit,
        reorderPoint: editing.reorderPoint,
        storagePlaceId: editing.storagePlaceId,
        storageNote: editing.storageNote,
        notes: editing.notes,
      });
    }
  }, [open, editing, form]);

  const submit = async (values: Values) => {
    // Every field is sent on edit, so the saved part is exactly what the form shows.
    const fields = {
      name: values.name,
      spec: values.spec ?? '',
      unit: values.unit,
      reorderPoint: values.reorderPoint ?? 0,
      storagePlaceId: values.storagePlaceId ?? null,
      storageNote: values.storageNote ?? '',
      notes: values.notes ?? '',
    };
    setSaving(true);
    try {
      const part = editing
        ? await api.call('parts.update', { id: editing.id, patch: fields })
        : await api.call('parts.create', { ...fields, onHand: values.onHand ?? 0 });
      void message.success(t(editing ? 'parts.form.saved' : 'parts.form.created', part));
      onDone(part);
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={
        editing ? t('parts.form.editTitle', { name: editing.name }) : t('parts.form.createTitle')
      }
      okText={t('parts.form.save')}
      cancelText={t('parts.form.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" name="part-form" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="name"
          label={t('parts.form.name')}
          rules={[{ required: true, whitespace: true, message: t('parts.form.nameRequired') }]}
        >
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="spec" label={t('parts.form.spec')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('parts.form.unit')}
          rules={[{ required: true, whitespace: true, message: t('parts.form.unitRequired') }]}
        >
          <Input maxLength={20} placeholder={t('parts.form.unitPlaceholder')} />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="onHand"
            label={t('parts.form.onHand')}
            extra={t('parts.form.onHandHelp')}
          >
            <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          name="reorderPoint"
          label={t('parts.form.reorderPoint')}
          extra={t('parts.form.reorderPointHelp')}
        >
          <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="storagePlaceId" label={t('parts.form.storagePlace')}>
          <StoragePlaceSelect initialLabel={editing?.storagePlacePath ?? ''} />
        </Form.Item>
        <Form.Item name="storageNote" label={t('parts.form.storageNote')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t('parts.form.notes')}>
          <Input.TextArea maxLength={5000} rows={2} />
        </Form.Item>
        {/* Lets Enter in a field submit the form (the Modal's OK button is outside it). */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
