// Create or edit one asset: the core record plus the fields of its kind.
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset, AssetKind } from '../../../../shared/contract/assets';
import { useLabelOptions } from '../../labels';
import { PlaceSearch } from '../places/PlaceSearch';
import { fieldsOfKind } from './assetFields';
import { CustomFieldsInput } from './CustomFieldsInput';
import { FieldInput } from './FieldInput';

export type AssetFormValues = Record<string, unknown> & {
  code: string;
  name: string;
  kind: AssetKind;
  status: Asset['status'];
};

interface Props {
  open: boolean;
  editing: Asset | null;
  saving: boolean;
  onSubmit: (values: AssetFormValues, placeId: string | null) => void;
  onCancel: () => void;
}

export function AssetForm({ open, editing, saving, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const options = useLabelOptions();
  const [form] = Form.useForm<AssetFormValues>();
  const kind = (Form.useWatch('kind', form) as AssetKind | undefined) ?? editing?.kind ?? 'fixture';
  const [place, setPlace] = useState<{ id: string; name: string } | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        ...editing,
        installDate: editing.installDate ? dayjs(editing.installDate) : null,
      } as AssetFormValues);
      setPlace(editing.placeId ? { id: editing.placeId, name: editing.placeName ?? '' } : null);
    } else {
      form.setFieldsValue({ kind: 'fixture', status: 'in_service' } as AssetFormValues);
      setPlace(null);
    }
  }, [open, editing, form]);

  return (
    <Modal
      open={open}
      title={editing ? t('assets.editTitle', { code: editing.code }) : t('assets.create')}
      okText={t('places.save')}
      cancelText={t('places.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="asset-form"
        onFinish={(values) => {
          const installDate = values.installDate as dayjs.Dayjs | null | undefined;
          const custom = Object.fromEntries(
            Object.entries((values.custom ?? {}) as Record<string, unknown>).filter(([k]) =>
              k.trim(),
            ),
          );
          onSubmit(
            {
              ...values,
              custom,
              installDate: installDate ? installDate.format('YYYY-MM-DD') : null,
            },
            place?.id ?? null,
          );
        }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item
            name="code"
            label={t('assets.fields.code')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={40} autoFocus />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('assets.fields.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label={t('assets.fields.kind')}>
            <Select options={options('kind')} disabled={editing !== null} />
          </Form.Item>
          <Form.Item name="status" label={t('assets.fields.status')}>
            <Select options={options('status')} />
          </Form.Item>
          <Form.Item label={t('assets.fields.place')}>
            {place ? (
              <Input
                value={place.name}
                readOnly
                addonAfter={<a onClick={() => setPlace(null)}>×</a>}
              />
            ) : (
              <PlaceSearch
                onPick={(hit) =>
                  setPlace({ id: hit.id, name: hit.path.map((p) => p.name).join(' › ') })
                }
              />
            )}
          </Form.Item>
          <Form.Item name="installDate" label={t('assets.fields.installDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          {fieldsOfKind(kind).map((field) => (
            <Form.Item key={field} name={field} label={t(`assets.fields.${field}`)}>
              <FieldInput field={field} />
            </Form.Item>
          ))}
        </div>
        <Form.Item name="notes" label={t('assets.fields.notes')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item name="custom" label={t('assets.fields.custom')}>
          <CustomFieldsInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
