// The crews tab (班组): every crew with its trade, phone, state and open orders; its technicians in
// an expanded row. Crews and technicians are created and edited in dialogs; deleting a crew that
// work still names is refused, and the dialog offers to deactivate it instead.
import { DeleteOutlined, EditOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crew, Technician } from '../../../../shared/contract/crews';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { CrewForm, type CrewFormValues } from './views/CrewForm';
import {
  TechnicianForm,
  type TechnicianFormValues,
  type TechnicianTarget,
} from './views/TechnicianForm';
import { TechnicianTable } from './views/TechnicianTable';
import { useCrewDelete } from './views/useCrewDelete';

export function CrewsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [crews, setCrews] = useState<Crew[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [crewForm, setCrewForm] = useState<{ editing: Crew | null } | null>(null);
  const [techForm, setTechForm] = useState<TechnicianTarget | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);
  const remove = useCrewDelete(reload);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    api
      .call('crews.list', { includeInactive: true })
      .then((r) => !stale && setCrews(r.items))
      .catch((e: unknown) => !stale && onError(e))
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [generation, onError]);

  const saveCrew = async (values: CrewFormValues) => {
    if (!crewForm) return;
    setSaving(true);
    try {
      const input = { ...values, phone: values.phone ?? '', notes: values.notes ?? '' };
      if (crewForm.editing)
        await api.call('crews.update', { id: crewForm.editing.id, patch: input });
      else await api.call('crews.create', input);
      void message.success(t('crews.saved', { name: values.name.trim() }));
      setCrewForm(null);
      reload();
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };

  const saveTechnician = async (values: TechnicianFormValues) => {
    if (!techForm) return;
    setSaving(true);
    try {
      const input = { ...values, phone: values.phone ?? '' };
      if (techForm.editing) {
        await api.call('crews.updateTechnician', { id: techForm.editing.id, patch: input });
      } else {
        await api.call('crews.addTechnician', input);
      }
      void message.success(t('crews.technicianSaved', { name: values.name.trim() }));
      // Show the crew the technician now belongs to, so the result is visible.
      setExpanded((keys) => [...new Set([...keys, values.crewId])]);
      setTechForm(null);
      reload();
    } catch (e) {
      onError(e);
    } finally {
      setSaving(false);
    }
  };

  const addTechnician = (crew: Crew) => setTechForm({ crew, editing: null });
  const editTechnician = (crew: Crew, tech: Technician) => setTechForm({ crew, editing: tech });
  const newCrew = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCrewForm({ editing: null })}>
      {t('crews.create')}
    </Button>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('crews.intro')}</Typography.Text>
        {newCrew}
      </Space>
      <Table<Crew>
        size="middle"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={crews ?? []}
        aria-label={t('crews.tableLabel')}
        locale={{
          emptyText:
            crews === null ? (
              t('app.loading')
            ) : (
              <Empty description={t('crews.empty')}>{newCrew}</Empty>
            ),
        }}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
          expandedRowRender: (crew) => (
            <TechnicianTable crew={crew} onAdd={addTechnician} onEdit={editTechnician} />
          ),
        }}
        columns={[
          {
            key: 'name',
            title: t('crews.fields.name'),
            render: (_v, crew) => (
              <Space size={4}>
                <Typography.Text strong>{crew.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('crews.members', { count: crew.technicians.length })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'trade',
            title: t('crews.fields.trade'),
            width: 120,
            render: (_v, crew) => t(`crews.trade.${crew.trade}`),
          },
          { key: 'phone', title: t('crews.fields.phone'), dataIndex: 'phone', width: 160 },
          {
            key: 'active',
            title: t('crews.fields.active'),
            width: 100,
            render: (_v, crew) =>
              crew.active ? (
                <Tag color="green">{t('crews.active')}</Tag>
              ) : (
                <Tag>{t('crews.inactive')}</Tag>
              ),
          },
          {
            key: 'openOrders',
            title: t('crews.fields.openOrders'),
            width: 110,
            align: 'right',
            dataIndex: 'openOrders',
          },
          {
            key: 'actions',
            title: t('crews.fields.actions'),
            width: 300,
            render: (_v, crew) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('crews.editTitle', { name: crew.name })}
                  onClick={() => setCrewForm({ editing: crew })}
                >
                  {t('crews.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<UserAddOutlined />}
                  aria-label={t('crews.addTechnicianTitle', { crew: crew.name })}
                  onClick={() => addTechnician(crew)}
                >
                  {t('crews.addTechnician')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('crews.deleteLabel', { name: crew.name })}
                  onClick={() => remove(crew)}
                >
                  {t('crews.delete')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <CrewForm
        open={crewForm !== null}
        editing={crewForm?.editing ?? null}
        saving={saving}
        onSubmit={(v) => void saveCrew(v)}
        onCancel={() => setCrewForm(null)}
      />
      <TechnicianForm
        target={techForm}
        crews={crews ?? []}
        saving={saving}
        onSubmit={(v) => void saveTechnician(v)}
        onCancel={() => setTechForm(null)}
      />
    </Space>
  );
}
