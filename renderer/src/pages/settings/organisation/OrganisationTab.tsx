// Settings → 单位信息: the organisation's name and logo, the standard-person weights, the water-loss
// threshold and the leak-alert rule. Saving lists what changed and asks first (these values move
// every per-capita figure and alert), then sends only the changed fields. Ctrl+S saves from
// anywhere on the tab, as it does in office software.
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../../shared/contract/settings';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { IdentityCard, LeakCard, LossCard, WeightsCard } from './OrganisationSections';
import { diff, toForm, type Change, type OrgForm } from './settingsForm';

const barStyle = {
  position: 'sticky',
  bottom: 0,
  zIndex: 2,
  padding: '12px 0',
  background: 'var(--ant-color-bg-layout, #f5f5f5)',
} as const;

/** The confirmation's body: one line per changed field, old value → new value. */
function ChangeList({ changes }: { changes: Change[] }) {
  const { t } = useTranslation();
  const shown = (v: string) => (v === '' ? t('people.org.empty') : v);
  return (
    <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid="org-changes">
      {changes.map((c) => (
        <li key={c.label}>
          {t('people.org.change', {
            field: t(c.label),
            before: shown(c.before),
            after: shown(c.after),
          })}
        </li>
      ))}
    </ul>
  );
}

export function OrganisationTab() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<OrgForm>();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  // A second Ctrl+S while the confirmation is open must not stack another dialog.
  const confirming = useRef(false);

  useEffect(() => {
    api.call('settings.get', {}).then(
      (s) => {
        setSaved(s);
        form.setFieldsValue(toForm(s));
      },
      (e: unknown) => setLoadError(errorText(t, e)),
    );
  }, [form, t]);

  const logoText = useCallback(
    (set: boolean) => t(set ? 'people.org.logoSet' : 'people.org.logoUnset'),
    [t],
  );

  const save = useCallback(async () => {
    if (!saved || confirming.current) return;
    let values: OrgForm;
    try {
      values = await form.validateFields();
    } catch {
      void message.error(t('people.org.invalid'));
      return;
    }
    // validateFields answers only the registered fields; the full form has them all.
    const { changes, update } = diff(saved, { ...toForm(saved), ...values }, logoText);
    if (changes.length === 0) {
      void message.info(t('people.org.noChanges'));
      return;
    }
    confirming.current = true;
    modal.confirm({
      title: t('people.org.confirmTitle', { count: changes.length }),
      content: <ChangeList changes={changes} />,
      okText: t('people.org.save'),
      cancelText: t('people.cancel'),
      width: 520,
      afterClose: () => {
        confirming.current = false;
      },
      onOk: async () => {
        setSaving(true);
        try {
          const next = await api.call('settings.update', update);
          setSaved(next);
          form.setFieldsValue(toForm(next));
          setDirty(false);
          void message.success(t('people.org.saved', { count: changes.length }));
        } catch (e) {
          void message.error(errorText(t, e));
        } finally {
          setSaving(false);
        }
      },
    });
  }, [saved, form, message, modal, t, logoText]);

  // The latest save, for the one keydown listener the tab installs.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        // Without this the browser offers to save the page as HTML.
        event.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (loadError) return <Alert type="error" showIcon title={loadError} />;
  return (
    <Spin spinning={!saved}>
      <Form<OrgForm>
        form={form}
        layout="vertical"
        style={{ maxWidth: 920 }}
        onValuesChange={() => {
          if (saved) setDirty(diff(saved, form.getFieldsValue(true), logoText).changes.length > 0);
        }}
        data-testid="org-form"
      >
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <IdentityCard />
          <WeightsCard />
          <LossCard />
          <LeakCard />
        </Space>
        <div style={barStyle}>
          <Space>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              disabled={!saved}
              onClick={() => void save()}
            >
              {t('people.org.save')}
            </Button>
            <Button
              icon={<UndoOutlined />}
              disabled={!dirty}
              onClick={() => {
                if (!saved) return;
                form.setFieldsValue(toForm(saved));
                setDirty(false);
              }}
            >
              {t('people.org.discard')}
            </Button>
            <Typography.Text type={dirty ? 'warning' : 'secondary'}>
              {dirty ? t('people.org.unsaved') : t('people.org.saveHint')}
            </Typography.Text>
          </Space>
        </div>
      </Form>
    </Spin>
  );
}
