// The park's enterprises (tenants): each with its latest year's industrial value added and water
// quota and the meters that measure it; a click opens the dialog with every year. Campus sites
// have none, so the empty state says this list is for parks and how to fill it.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../../shared/contract/people';
import type { Place } from '../../../../../shared/contract/places';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { useLabel } from '../../../labels';
import { EnterpriseModal } from './EnterpriseModal';

interface Props {
  sites: Place[];
  siteId: string | null;
  version: number;
}

export function EnterprisesCard({ sites, siteId, version }: Props) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const label = useLabel();
  const [items, setItems] = useState<Enterprise[] | null>(null);
  const [target, setTarget] = useState<Enterprise | 'new' | null>(null);
  const locale = i18n.language === 'en' ? 'en-US' : 'zh-CN';

  const load = useCallback(() => {
    api.call('people.enterprises', siteId ? { siteId } : {}).then(
      (r) => setItems(r.items),
      (e: unknown) => void message.error(errorText(t, e)),
    );
  }, [siteId, message, t]);
  useEffect(load, [load, version]);

  const remove = (e: Enterprise) =>
    modal.confirm({
      title: t('people.enterprises.confirmDelete', { name: e.name }),
      content: t('people.enterprises.confirmDeleteHint'),
      okText: t('people.delete'),
      okButtonProps: { danger: true },
      cancelText: t('people.cancel'),
      onOk: async () => {
        try {
          await api.call('people.deleteEnterprise', { id: e.id });
          void message.success(t('people.enterprises.deleted', { name: e.name }));
          load();
        } catch (error) {
          void message.error(errorText(t, error));
        }
      },
    });

  const latestText = (e: Enterprise) => {
    const y = e.years[e.years.length - 1];
    if (!y)
      return <Typography.Text type="secondary">{t('people.enterprises.noYears')}</Typography.Text>;
    const amount = (v: number | null) => (v === null ? '–' : v.toLocaleString(locale));
    return t('people.enterprises.latest', {
      year: y.year,
      valueAdded: amount(y.valueAdded),
      waterQuota: amount(y.waterQuota),
    });
  };

  const columns: ColumnsType<Enterprise> = [
    {
      title: t('people.enterprises.name'),
      dataIndex: 'name',
      render: (name: string, e) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => setTarget(e)}>{name}</Typography.Link>
          {e.code && <Typography.Text type="secondary">{e.code}</Typography.Text>}
        </Space>
      ),
    },
    ...(siteId ? [] : [{ title: t('people.site'), dataIndex: 'siteName', width: 140 }]),
    {
      title: t('people.enterprises.latestTitle'),
      key: 'latest',
      render: (_: unknown, e) => latestText(e),
    },
    {
      title: t('people.enterprises.meters'),
      key: 'meters',
      render: (_: unknown, e) =>
        e.meters.length === 0 ? (
          <Typography.Text type="secondary">
            {t('people.enterprises.noMetersLinked')}
          </Typography.Text>
        ) : (
          e.meters.map((m) => (
            <Tag key={m.meterId} title={m.name}>
              {m.code}
              {m.utility ? ` · ${label('utility', m.utility)}` : ''}
            </Tag>
          ))
        ),
    },
    {
      title: t('people.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, e) => (
        <Space size={0}>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setTarget(e)}>
            {t('people.edit')}
          </Button>
          <Button
            size="small"
            type="link"
            danger
            icon={<DeleteOutlined />}
            onClick={() => remove(e)}
          >
            {t('people.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('people.enterprises.title')}
      extra={
        <Button
          icon={<PlusOutlined />}
          disabled={sites.length === 0}
          onClick={() => setTarget('new')}
        >
          {t('people.enterprises.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('people.enterprises.hint')}</Typography.Paragraph>
      <Table<Enterprise>
        size="small"
        data-testid="enterprises"
        rowKey="id"
        loading={items === null}
        columns={columns}
        dataSource={items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('people.enterprises.empty')}
            />
          ),
        }}
      />
      <EnterpriseModal
        target={target}
        sites={sites}
        defaultSiteId={siteId}
        onClose={(changed) => {
          setTarget(null);
          if (changed) load();
        }}
      />
    </Card>
  );
}
