// Setting a site's per-capita (or total) target for a utility and year, which the trend chart
// draws as a line and the headline compares against. Both figures empty removes the target.
import { App, Form, InputNumber, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Target } from '../../../../../shared/contract/analyticsShapes';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { formatNumber } from '../common/format';
import { useApiCall } from '../common/useApiCall';
import type { TrendUtility } from './TrendCard';

interface Props {
  open: boolean;
  siteId: string;
  year: number;
  utility: TrendUtility;
  onClose: (changed: boolean) => void;
}

interface Values {
  utility: TrendUtility;
  year: number;
  perCapitaPerYear: number | null;
  total: number | null;
}

export function TargetModal({ open, siteId, year, utility, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [generation, setGeneration] = useState(0);
  const targets = useApiCall('analytics.targets', open ? { siteId } : null, generation);

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.call('analytics.setTarget', {
        siteId,
        utility: values.utility,
        year: values.year,
        perCapitaPerYear: values.perCapitaPerYear ?? null,
        total: values.total ?? null,
      });
      void message.success(t('analytics.targets.saved'));
      setGeneration((g) => g + 1);
      onClose(true);
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('analytics.targets.title')}
      okText={t('analytics.targets.save')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ utility, year, perCapitaPerYear: null, total: null }}
      >
        <Form.Item name="utility" label={t('analytics.scope.utility')}>
          <Select
            options={(['water', 'electricity'] as const).map((u) => ({
              value: u,
              label: t(`analytics.utility.${u}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('analytics.scope.year')} rules={[{ required: true }]}>
          <InputNumber min={1900} max={2200} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="perCapitaPerYear"
          label={t('analytics.targets.perCapita')}
          extra={t('analytics.targets.perCapitaHint')}
        >
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="total" label={t('analytics.targets.total')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      <Table<Target>
        size="small"
        rowKey={(r) => `${r.utility}-${r.year}`}
        loading={targets.loading}
        dataSource={targets.data?.items ?? []}
        pagination={false}
        onRow={(r) => ({
          // A listed target fills the form, to change or (emptied) remove it.
          onClick: () =>
            form.setFieldsValue({
              utility: r.utility === 'electricity' ? 'electricity' : 'water',
              year: r.year,
              perCapitaPerYear: r.perCapitaPerYear,
              total: r.total,
            }),
        })}
        columns={[
          { title: t('analytics.col.year'), dataIndex: 'year' },
          {
            title: t('analytics.scope.utility'),
            dataIndex: 'utility',
            render: (u: string) => t(`analytics.utility.${u}`),
          },
          {
            title: t('analytics.targets.perCapita'),
            dataIndex: 'perCapitaPerYear',
            align: 'right',
            render: (v: number | null) => formatNumber(v, i18n.language),
          },
          {
            title: t('analytics.targets.total'),
            dataIndex: 'total',
            align: 'right',
            render: (v: number | null) => formatNumber(v, i18n.language),
          },
        ]}
      />
    </Modal>
  );
}
