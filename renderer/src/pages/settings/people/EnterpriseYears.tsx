// An enterprise's yearly figures inside its dialog: value added (10,000 CNY) and water quota (m³)
// per year, and one entry line that adds a year or replaces one (修改 fills it in). Each change is
// saved at once through people.setEnterpriseYear, which answers the whole enterprise; removing a
// year asks first, since the park's per-10,000-CNY figure for that year goes with it.
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise, EnterpriseYear } from '../../../../../shared/contract/people';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';

interface Props {
  enterprise: Enterprise;
  onChange: (next: Enterprise) => void;
}

interface Entry {
  year?: number;
  valueAdded?: number | null;
  waterQuota?: number | null;
}

export function EnterpriseYears({ enterprise, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Entry>();
  const number = (v: number | null) =>
    v === null ? '–' : v.toLocaleString(i18n.language === 'en' ? 'en-US' : 'zh-CN');

  const save = async (entry: Entry) => {
    if (!entry.year) return;
    const valueAdded = entry.valueAdded ?? null;
    const waterQuota = entry.waterQuota ?? null;
    // Both empty would delete the year: that is the delete button's job, with its confirmation.
    if (valueAdded === null && waterQuota === null) {
      void message.error(t('people.enterprises.yearEmpty'));
      return;
    }
    try {
      const next = await api.call('people.setEnterpriseYear', {
        enterpriseId: enterprise.id,
        year: entry.year,
        valueAdded,
        waterQuota,
      });
      onChange(next);
      form.resetFields();
      void message.success(t('people.enterprises.yearSaved', { year: entry.year }));
    } catch (e) {
      void message.error(errorText(t, e));
    }
  };

  const remove = (y: EnterpriseYear) =>
    modal.confirm({
      title: t('people.enterprises.confirmDeleteYear', { name: enterprise.name, year: y.year }),
      okText: t('people.delete'),
      okButtonProps: { danger: true },
      cancelText: t('people.cancel'),
      onOk: async () => {
        try {
          const next = await api.call('people.setEnterpriseYear', {
            enterpriseId: enterprise.id,
            year: y.year,
            valueAdded: null,
            waterQuota: null,
          });
          onChange(next);
        } catch (e) {
          void message.error(errorText(t, e));
        }
      },
    });

  // Newest first: the year being entered is usually the last one.
  const years = [...enterprise.years].sort((a, b) => b.year - a.year);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>{t('people.enterprises.years')}</Typography.Text>
      <Form<Entry> form={form} layout="inline" onFinish={(v) => void save(v)}>
        <Form.Item name="year" rules={[{ required: true, message: t('people.yearRequired') }]}>
          <InputNumber
            aria-label={t('people.year')}
            placeholder={t('people.year')}
            min={1900}
            max={2200}
            precision={0}
            style={{ width: 100 }}
          />
        </Form.Item>
        <Form.Item name="valueAdded">
          <InputNumber
            aria-label={t('people.enterprises.valueAdded')}
            placeholder={t('people.enterprises.valueAdded')}
            min={0}
            style={{ width: 190 }}
          />
        </Form.Item>
        <Form.Item name="waterQuota">
          <InputNumber
            aria-label={t('people.enterprises.waterQuota')}
            placeholder={t('people.enterprises.waterQuota')}
            min={0}
            style={{ width: 170 }}
          />
        </Form.Item>
        <Button htmlType="submit">{t('people.enterprises.saveYear')}</Button>
      </Form>
      <Table<EnterpriseYear>
        size="small"
        rowKey="year"
        dataSource={years}
        pagination={false}
        locale={{ emptyText: t('people.enterprises.noYears') }}
        columns={[
          { title: t('people.year'), dataIndex: 'year', width: 90 },
          {
            title: t('people.enterprises.valueAdded'),
            dataIndex: 'valueAdded',
            align: 'right',
            render: number,
          },
          {
            title: t('people.enterprises.waterQuota'),
            dataIndex: 'waterQuota',
            align: 'right',
            render: number,
          },
          {
            key: 'actions',
            width: 150,
            render: (_: unknown, y) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => form.setFieldsValue(y)}
                >
                  {t('people.edit')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(y)}
                >
                  {t('people.delete')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
