// 打印工单: what to print (the ticked orders, or one crew's open orders due by a day — the morning
// batch), the layout (A4, or two A5 sheets a page) and copies; 预览 opens the print route, which
// shows the pages, counts them and prints. The batch is sorted into a walking route there.
import { DatePicker, Form, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  MAX_PRINT_COPIES,
  MAX_PRINT_ORDERS,
  printLayouts,
  type PrintLayout,
} from '../../../../../shared/contract/workOrderPrint';
import { printPath } from '../../print/workOrders/printSpec';
import { crewOptions, useCrews } from './useCrews';

interface Props {
  open: boolean;
  /** Ticked order ids (may be empty: then only the crew batch is offered). */
  selected: readonly string[];
  onCancel: () => void;
}

interface Values {
  source: 'selection' | 'crew';
  crewId?: string;
  dueBy: Dayjs;
  layout: PrintLayout;
  copies: number;
}

export function PrintDialog({ open, selected, onCancel }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const crews = useCrews(open);
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const l = (key: string, options?: Record<string, unknown>) =>
    t(`workOrderPrint.list.${key}`, options);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      source: selected.length > 0 ? 'selection' : 'crew',
      dueBy: dayjs(),
      layout: 'a4',
      copies: 1,
    });
  }, [open, selected.length, form]);

  const preview = (values: Values) => {
    const batch =
      values.source === 'selection'
        ? { ids: [...selected] }
        : { crewId: values.crewId ?? '', dueBy: values.dueBy.format('YYYY-MM-DD') };
    void navigate(printPath({ batch, layout: values.layout, copies: values.copies }));
  };

  return (
    <Modal
      open={open}
      title={l('dialogTitle')}
      okText={l('preview')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={preview}>
        <Form.Item name="source" label={l('source')}>
          <Radio.Group>
            <Space orientation="vertical">
              <Radio
                value="selection"
                disabled={selected.length === 0 || selected.length > MAX_PRINT_ORDERS}
              >
                {l('selection', { count: selected.length })}
              </Radio>
              <Radio value="crew">{l('crewDue')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {selected.length > MAX_PRINT_ORDERS && (
          <Typography.Text type="warning">
            {l('tooMany', { max: MAX_PRINT_ORDERS })}
          </Typography.Text>
        )}
        {source === 'crew' && (
          <Space wrap>
            <Form.Item
              name="crewId"
              label={l('crew')}
              rules={[{ required: true, message: l('needCrew') }]}
            >
              <Select
                options={crewOptions(crews)}
                style={{ width: 200 }}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
            <Form.Item name="dueBy" label={l('dueBy')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
          </Space>
        )}
        <Space wrap>
          <Form.Item name="layout" label={l('layout')}>
            <Select
              style={{ width: 220 }}
              options={printLayouts.map((value) => ({
                value,
                label: t(`workOrderPrint.toolbar.layouts.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="copies" label={l('copies')}>
            <Select
              style={{ width: 110 }}
              options={Array.from({ length: MAX_PRINT_COPIES }, (_, i) => ({
                value: i + 1,
                label: t('workOrderPrint.toolbar.copiesValue', { count: i + 1 }),
              }))}
            />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {l('hint')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
