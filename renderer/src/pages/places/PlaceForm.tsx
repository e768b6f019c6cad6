// Create or edit one place; shows only the fields its kind uses.
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { buildingUses, type Place, type PlaceKind } from '../../../../shared/contract/places';

export interface PlaceFormValues {
  name: string;
  code?: string | null;
  areaM2?: number | null;
  floorNumber?: number | null;
  use?: Place['use'];
  timeZone?: string | null;
  notes?: string;
}

interface Props {
  open: boolean;
  kind: PlaceKind;
  editing: Place | null;
  saving: boolean;
  onSubmit: (values: PlaceFormValues) => void;
  onCancel: () => void;
}

export function PlaceForm({ open, kind, editing, saving, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlaceFormValues>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? {
            name: editing.name,
            code: editing.code,
            areaM2: editing.areaM2,
            floorNumber: editing.floorNumber,
            use: editing.use,
            timeZone: editing.timeZone,
            notes: editing.notes,
          }
        : { timeZone: kind === 'site' ? 'Asia/Shanghai' : null },
    );
  }, [open, editing, kind, form]);

  const title = editing
    ? t('places.editTitle', { name: editing.name })
    : t('places.createTitle', { kind: t(`kinds.${kind}`) });

  return (
    <Modal
      open={open}
      title={title}
      okText={t('places.save')}
      cancelText={t('places.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => onSubmit(values)} name="place-form">
        <Form.Item
          name="name"
          label={t('places.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('places.nameRequired') }]}
        >
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="code" label={t('places.fields.code')}>
          <Input maxLength={40} />
        </Form.Item>
        {kind === 'building' && (
          <Form.Item name="use" label={t('places.fields.use')}>
            <Select
              allowClear
              options={buildingUses.map((u) => ({ value: u, label: t(`uses.${u}`) }))}
            />
          </Form.Item>
        )}
        {kind === 'floor' && (
          <Form.Item name="floorNumber" label={t('places.fields.floorNumber')}>
            <InputNumber min={-10} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind !== 'site' && (
          <Form.Item name="areaM2" label={t('places.fields.areaM2')}>
            <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind === 'site' && (
          <Form.Item name="timeZone" label={t('places.fields.timeZone')}>
            <Input maxLength={64} />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('places.fields.notes')}>
          <Input.TextArea maxLength={5000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
