// Choosing how a review item is resolved when the proposal is not the answer (or needs values):
// a typo (which reading, and its corrected value), a rollover (the register's digits), an
// unrecorded replacement (closing of the old register, opening of the new), or accepting the drop
// as real; with an optional note. Prefilled from the proposal; the core refuses a decision that
// does not fit the pair, and its message is shown here with the form kept open.
import { App, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem } from '../../../../../shared/contract/meters';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { formatSigned, formatValue } from '../detail/format';
import { proposalText, type Resolution } from './proposal';

type As = Resolution['as'];

interface Values {
  as: As;
  reading?: 'from' | 'to';
  value?: number | null;
  digits?: number | null;
  closing?: number | null;
  opening?: number | null;
  note?: string;
}

interface Props {
  item: ReviewItem;
  onDone: (item: ReviewItem) => void;
  onCancel: () => void;
}

function resolutionOf(v: Values): Resolution {
  switch (v.as) {
    case 'typo':
      return { as: 'typo', reading: v.reading ?? 'to', value: v.value ?? 0 };
    case 'rollover':
      return v.digits ? { as: 'rollover', digits: v.digits } : { as: 'rollover' };
    case 'replacement':
      return { as: 'replacement', closing: v.closing ?? 0, opening: v.opening ?? 0 };
    case 'accept':
      return { as: 'accept' };
  }
}

const MAX_VALUE = 1e15 - 1;

export function ResolveModal({ item, onDone, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const as = Form.useWatch('as', form) ?? item.proposed;
  const reading = Form.useWatch('reading', form) ?? item.suggestion?.reading ?? 'to';
  const num = (v: number) => formatValue(v, i18n.language);
  const required = (key: string) => [{ required: true, message: t(`meterReviews.form.${key}`) }];

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const resolved = await api.call('meters.resolveReview', {
        id: item.id,
        resolution: resolutionOf(values),
        note: values.note?.trim() ?? '',
      });
      onDone(resolved);
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('meterReviews.form.title', { code: item.meterCode, name: item.meterName })}
      okText={t('meterReviews.form.ok')}
      cancelText={t('meterReviews.form.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('meterReviews.form.pair', {
          from: num(item.from.value),
          to: num(item.to.value),
          delta: formatSigned(item.delta, i18n.language),
        })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {proposalText(t, item, i18n.language)}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="resolve-review"
        initialValues={{
          as: item.proposed,
          reading: item.suggestion?.reading ?? 'to',
          value: item.suggestion?.value ?? null,
          digits: item.proposedDigits,
          note: '',
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="as" label={t('meterReviews.form.as')}>
          <Radio.Group
            optionType="button"
            options={(['typo', 'rollover', 'replacement', 'accept'] as const).map((k) => ({
              value: k,
              label: t(`meterReviews.kinds.${k}`),
            }))}
          />
        </Form.Item>
        {as === 'typo' && (
          <>
            <Form.Item name="reading" label={t('meterReviews.form.reading')}>
              <Radio.Group
                options={(['from', 'to'] as const).map((end) => ({
                  value: end,
                  disabled: !item[end].reading,
                  label: t(`meterReviews.form.end.${end}`, { value: num(item[end].value) }),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="value"
              label={t('meterReviews.form.value', { current: num(item[reading].value) })}
              rules={required('valueRequired')}
            >
              <InputNumber autoFocus min={0} max={MAX_VALUE} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {as === 'rollover' && (
          <Form.Item
            name="digits"
            label={t('meterReviews.form.digits')}
            extra={t('meterReviews.form.digitsHint')}
          >
            <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {as === 'replacement' && (
          <>
            <Form.Item
              name="closing"
              label={t('meterReviews.form.closing')}
              rules={required('closingRequired')}
            >
              <InputNumber autoFocus min={0} max={MAX_VALUE} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="opening"
              label={t('meterReviews.form.opening')}
              rules={required('openingRequired')}
            >
              <InputNumber min={0} max={MAX_VALUE} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {as === 'accept' && (
          <Typography.Paragraph type="warning">
            {t('meterReviews.form.acceptHint')}
          </Typography.Paragraph>
        )}
        <Form.Item name="note" label={t('meterReviews.form.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
