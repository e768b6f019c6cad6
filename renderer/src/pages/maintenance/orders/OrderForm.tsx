// 新建工单: type, category, title, place, assets (several, by type-ahead), crew and technician,
// priority, due date, estimated hours, checklist (one line per item) and, for lighting, the new
// lamp type and power. Ctrl+Enter saves; on an error the form keeps every value and marks the field.
import { DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { lampTypes, type LampType } from '../../../../../shared/contract/assets';
import {
  categories,
  priorities,
  workOrderTypes,
  type Category,
  type Priority,
  type WorkOrder,
  type WorkOrderType,
} from '../../../../../shared/contract/workOrders';
import { api } from '../../../api/client';
import { useLabel } from '../../../labels';
import { useFieldErrors } from '../requests/fieldErrors';
import { useOrderText } from './orderText';
import { AssetsPicker, PlacePicker, type Picked } from './pickers';
import { crewOptions, technicianOptions, useCrews } from './useCrews';

interface Values {
  type: WorkOrderType;
  category: Category;
  title: string;
  place?: Picked | null;
  assets?: Picked[];
  crewId?: string | null;
  technicianId?: string | null;
  priority: Priority;
  dueDate?: Dayjs | null;
  estimatedHours?: number | null;
  checklist?: string;
  newLampType?: LampType | null;
  newPowerW?: number | null;
  description?: string;
}

const initial: Partial<Values> = { type: 'corrective', category: 'other', priority: 'normal' };

// Where the core's field names differ from the form's.
const fieldOf: Record<string, string> = { placeId: 'place', assetIds: 'assets' };

interface Props {
  open: boolean;
  onCreated: (order: WorkOrder) => void;
  onCancel: () => void;
}

export function OrderForm({ open, onCreated, onCancel }: Props) {
  const { t, type, priority, category } = useOrderText();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const crews = useCrews(open);
  const crewId = Form.useWatch('crewId', form);
  const lighting = Form.useWatch('category', form) === 'lighting';
  const { error, clear, show } = useFieldErrors(form, fieldOf, 'workOrders.fields');

  useEffect(() => {
    if (open) clear();
  }, [open, clear]);

  const submit = async (v: Values) => {
    setSaving(true);
    clear();
    try {
      const order = await api.call('workOrders.create', {
        type: v.type,
        category: v.category,
        title: v.title,
        description: v.description ?? '',
        placeId: v.place?.value ?? null,
        assetIds: (v.assets ?? []).map((a) => a.value),
        crewId: v.crewId ?? null,
        technicianId: v.technicianId ?? null,
        priority: v.priority,
        dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
        estimatedHours: v.estimatedHours ?? null,
        checklist: (v.checklist ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((text) => ({ text, done: false })),
        newLampType: lighting ? (v.newLampType ?? null) : null,
        newPowerW: lighting ? (v.newPowerW ?? null) : null,
      });
      form.resetFields();
      onCreated(order);
    } catch (e) {
      show(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('workOrders.createTitle')}
      okText={t('workOrders.save')}
      cancelText={t('workOrders.close')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={720}
      // The form stays mounted (a half-typed order survives closing), so autoFocus fires only once.
      afterOpenChange={(visible) => visible && document.getElementById('order-form_title')?.focus()}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        name="order-form"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
      >
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="type" label={t('workOrders.fields.type')} style={{ width: 140 }}>
            <Select options={workOrderTypes.map((v) => ({ value: v, label: type(v) }))} />
          </Form.Item>
          <Form.Item name="category" label={t('workOrders.fields.category')} style={{ width: 140 }}>
            <Select options={categories.map((v) => ({ value: v, label: category(v) }))} />
          </Form.Item>
          <Form.Item name="priority" label={t('workOrders.fields.priority')} style={{ width: 110 }}>
            <Select options={priorities.map((v) => ({ value: v, label: priority(v) }))} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('workOrders.fields.dueDate')} style={{ width: 150 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="estimatedHours" label={t('workOrders.fields.estimatedHours')}>
            <InputNumber min={0} max={10000} step={0.5} style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="title"
          label={t('workOrders.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('workOrders.titleRequired') }]}
        >
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item name="place" label={t('workOrders.fields.place')}>
          <PlacePicker />
        </Form.Item>
        <Form.Item name="assets" label={t('workOrders.fields.assets')}>
          <AssetsPicker />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="crewId" label={t('workOrders.fields.crew')} style={{ width: 220 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={crewOptions(crews)}
              onChange={() => form.setFieldValue('technicianId', null)}
            />
          </Form.Item>
          <Form.Item
            name="technicianId"
            label={t('workOrders.fields.technician')}
            style={{ width: 200 }}
          >
            <Select allowClear options={technicianOptions(crews, crewId)} />
          </Form.Item>
          {lighting && (
            <>
              <Form.Item
                name="newLampType"
                label={t('workOrders.fields.newLampType')}
                style={{ width: 140 }}
              >
                <Select
                  allowClear
                  options={lampTypes.map((l) => ({ value: l, label: label('lampType', l) }))}
                />
              </Form.Item>
              <Form.Item name="newPowerW" label={t('workOrders.fields.newPowerW')}>
                <InputNumber min={0.1} max={100000} style={{ width: 100 }} />
              </Form.Item>
            </>
          )}
        </Space>
        <Form.Item name="checklist" label={t('workOrders.fields.checklist')}>
          <Input.TextArea rows={3} placeholder={t('workOrders.checklistHint')} />
        </Form.Item>
        <Form.Item name="description" label={t('workOrders.fields.description')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
      {error}
      <Typography.Text type="secondary">{t('workOrders.saveHint')}</Typography.Text>
    </Modal>
  );
}
