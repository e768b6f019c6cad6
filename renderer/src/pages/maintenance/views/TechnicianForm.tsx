// Add a technician to a crew or edit one (and move them to another crew).
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crew, Technician, Trade } from '../../../../../shared/contract/crews';
import { PHONE_PATTERN } from './CrewForm';
import { useTradeOptions } from './workLabels';

export interface TechnicianFormValues {
  crewId: string;
  name: string;
  trade: Trade;
  phone: string;
  active: boolean;
}

/** Which crew a new technician joins, or which technician is edited. */
export type TechnicianTarget = { crew: Crew; editing: Technician | null };

interface Props {
  target: TechnicianTarget | null;
  crews: Crew[];
  saving: boolean;
  onSubmit: (values: TechnicianFormValues) => void;
  onCancel: () => void;
}

export function TechnicianForm({ target, crews, saving, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TechnicianFormValues>();
  const tradeOptions = useTradeOptions();
  const editing = target?.editing ?? null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    const tech = target.editing;
    form.setFieldsValue(
      tech
        ? {
            crewId: tech.crewId,
            name: tech.name,
            trade: tech.trade,
            phone: tech.phone,
            active: tech.active,
          }
        : // A new member usually shares the crew's trade.
          { crewId: target.crew.id, trade: target.crew.trade, phone: '', active: true },
    );
  }, [target, form]);

  return (
    <Modal
      open={target !== null}
      title={
        editing
          ? t('crews.editTechnicianTitle', { name: editing.name })
          : t('crews.addTechnicianTitle', { crew: target?.crew.name ?? '' })
      }
      okText={t('crews.save')}
      cancelText={t('crews.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" name="technician-form" onFinish={onSubmit}>
        <Form.Item
          name="name"
          label={t('crews.fields.technicianName')}
          rules={[{ required: true, whitespace: true, message: t('crews.nameRequired') }]}
        >
          <Input autoFocus maxLength={100} />
        </Form.Item>
        {/* Moving someone to another crew is an edit; a new member joins the crew they were added to. */}
        <Form.Item name="crewId" label={t('crews.fields.crew')} hidden={!editing}>
          <Select options={crews.map((c) => ({ value: c.id, label: c.name }))} />
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
      </Form>
    </Modal>
  );
}
