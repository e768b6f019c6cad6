// 报修登记 as a dialog in two steps: the form, then, once saved, what to do with the request
// (convert to an order or merge into one already open for the same asset or place). The form is
// kept while the page is open, so closing the dialog or a failed save loses nothing typed.
import { Alert, Button, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { RepairRequest, WorkOrder } from '../../../../../shared/contract/workOrders';
import { api } from '../../../api/client';
import { fileToBase64 } from '../../../files';
import { notifyOrdersChanged } from '../maintenanceEvents';
import { useOrderText } from '../orders/orderText';
import { ConvertPanel } from './ConvertPanel';
import { useFieldErrors } from './fieldErrors';
import { RequestForm, type RequestValues } from './RequestForm';

// The core's names for fields the form calls otherwise.
const fieldOf: Record<string, string> = {
  placeId: 'place',
  assetId: 'asset',
  attachments: 'files',
};

interface Props {
  open: boolean;
  shortcut: string;
  onClose: () => void;
  onOrder: (order: WorkOrder, how: 'converted' | 'merged') => void;
}

export function RequestDialog({ open, shortcut, onClose, onOrder }: Props) {
  const { t } = useOrderText();
  const [form] = Form.useForm<RequestValues>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<RepairRequest | null>(null);
  const { error, clear, show } = useFieldErrors(form, fieldOf, 'requests.fields');

  const submit = async (v: RequestValues) => {
    setSaving(true);
    clear();
    try {
      const attachments = await Promise.all(
        (v.files ?? [])
          .filter((f) => f.originFileObj)
          .map(async (f) => ({
            name: f.name,
            mime: f.type || 'application/octet-stream',
            contentBase64: await fileToBase64(f.originFileObj as Blob),
          })),
      );
      const request = await api.call('requests.create', {
        reporter: v.reporter,
        phone: v.phone ?? '',
        placeId: v.place?.value ?? null,
        assetId: v.asset?.value ?? null,
        category: v.category ?? 'other',
        description: v.description,
        priority: v.priority,
        source: v.source,
        attachments,
      });
      form.resetFields();
      setSaved(request);
      notifyOrdersChanged();
    } catch (e) {
      show(e);
    } finally {
      setSaving(false);
    }
  };

  const close = () => {
    setSaved(null);
    onClose();
  };

  const focusFirst = () => document.getElementById('request-form_reporter')?.focus();

  const footer = saved
    ? [
        <Button
          key="again"
          onClick={() => {
            setSaved(null);
            setTimeout(focusFirst);
          }}
        >
          {t('requests.another')}
        </Button>,
        <Button key="done" onClick={close}>
          {t('requests.done')}
        </Button>,
      ]
    : [
        <Typography.Text key="hint" type="secondary" style={{ marginRight: 12 }}>
          {t('requests.saveHint')}
        </Typography.Text>,
        <Button key="cancel" onClick={close}>
          {t('workOrders.close')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={saving}
          title="Ctrl+Enter"
          onClick={() => form.submit()}
        >
          {t('requests.save')}
        </Button>,
      ];

  return (
    <Modal
      open={open}
      title={`${t('requests.formTitle')} (${shortcut})`}
      width={680}
      footer={footer}
      onCancel={close}
      afterOpenChange={(visible) => visible && !saved && focusFirst()}
      forceRender
    >
      <div style={{ display: saved ? 'none' : undefined }}>
        {error}
        <RequestForm form={form} onSubmit={(v) => void submit(v)} />
      </div>
      {saved && (
        <div data-testid="request-saved">
          <Alert
            type="success"
            showIcon
            title={t('requests.savedOne', { number: saved.number })}
            description={[saved.asset?.code, saved.placePath, saved.description]
              .filter(Boolean)
              .join(' · ')}
            style={{ marginBottom: 16 }}
          />
          <ConvertPanel
            request={saved}
            onDone={(order, how) => {
              setSaved(null);
              notifyOrdersChanged();
              onOrder(order, how);
            }}
          />
        </div>
      )}
    </Modal>
  );
}
