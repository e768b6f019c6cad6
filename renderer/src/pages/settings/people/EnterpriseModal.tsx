// The dialog of one park enterprise: its name, code, notes and the meters that measure it, then its
// yearly figures. A new enterprise is created first (the years hang on its id), after which the
// same dialog stays open on it so the years can be entered straight away.
import { Alert, App, Button, Divider, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../../shared/contract/people';
import type { Place } from '../../../../../shared/contract/places';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { EnterpriseYears } from './EnterpriseYears';
import { MeterSelect } from './MeterSelect';

interface Props {
  /** The enterprise to edit, 'new' to create one, null when closed. */
  target: Enterprise | 'new' | null;
  sites: Place[];
  defaultSiteId: string | null;
  onClose: (changed: boolean) => void;
}

interface Fields {
  siteId: string;
  name: string;
  code?: string;
  notes?: string;
  meterIds: string[];
}

const sameIds = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function EnterpriseModal({ target, sites, defaultSiteId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [current, setCurrent] = useState<Enterprise | null>(null);
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const siteId = Form.useWatch('siteId', form);

  useEffect(() => {
    if (target === null) return;
    const e = target === 'new' ? null : target;
    setCurrent(e);
    setChanged(false);
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      siteId: e?.siteId ?? defaultSiteId ?? (sites.length === 1 ? sites[0]?.id : undefined),
      name: e?.name ?? '',
      code: e?.code ?? '',
      notes: e?.notes ?? '',
      meterIds: e?.meters.map((m) => m.meterId) ?? [],
    });
  }, [target, defaultSiteId, sites, form]);

  const save = async (fields: Fields) => {
    setBusy(true);
    setError(null);
    const base = { name: fields.name.trim(), code: fields.code?.trim() || null };
    try {
      let next = current
        ? await api.call('people.updateEnterprise', {
            id: current.id,
            patch: { ...base, notes: fields.notes ?? '' },
          })
        : await api.call('people.createEnterprise', {
            ...base,
            siteId: fields.siteId,
            notes: fields.notes ?? '',
          });
      const before = next.meters.map((m) => m.meterId);
      if (!sameIds(before, fields.meterIds)) {
        next = await api.call('people.setEnterpriseMeters', {
          enterpriseId: next.id,
          meterIds: fields.meterIds,
        });
      }
      setChanged(true);
      if (current) {
        void message.success(t('people.enterprises.saved', { name: next.name }));
        onClose(true);
      } else {
        // Stay open on the new enterprise: its years are the next thing to enter.
        setCurrent(next);
        void message.success(t('people.enterprises.created', { name: next.name }));
      }
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={current ? current.name : t('people.enterprises.add')}
      width={760}
      onCancel={() => onClose(changed)}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={() => onClose(changed)}>
          {t('people.close')}
        </Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => form.submit()}>
          {current ? t('people.save') : t('people.enterprises.create')}
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Fields>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        data-testid="enterprise-form"
      >
        <Form.Item
          name="siteId"
          label={t('people.site')}
          rules={[{ required: true, message: t('people.chooseSite') }]}
        >
          <Select
            disabled={current !== null}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
            placeholder={t('people.chooseSite')}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('people.enterprises.name')}
          rules={[
            { required: true, whitespace: true, message: t('people.enterprises.nameRequired') },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="code" label={t('people.enterprises.code')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="meterIds"
          label={t('people.enterprises.meters')}
          extra={t('people.enterprises.metersHint')}
        >
          {siteId ? (
            <MeterSelect siteId={siteId} current={current?.meters ?? []} />
          ) : (
            <Select disabled placeholder={t('people.chooseSite')} />
          )}
        </Form.Item>
        <Form.Item name="notes" label={t('people.enterprises.notes')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
      {current && (
        <>
          <Divider />
          <EnterpriseYears
            enterprise={current}
            onChange={(next) => {
              setCurrent(next);
              setChanged(true);
            }}
          />
        </>
      )}
    </Modal>
  );
}
