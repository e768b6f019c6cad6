// The plan editor (a modal, mounted per opening): what to do, to which assets, by whom, on the
// left; when, on the right — start, zone, the plain-language recurrence, the rule it writes, the
// rule in words and the next ten dates, all checked by the core before Save is allowed.
import {
  App,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../../shared/contract/plans';
import { categories, priorities } from '../../../../../shared/contract/workOrders';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { ChecklistField } from './ChecklistField';
import { commonTimeZones } from './format';
import {
  inputOfValues,
  localStart,
  newPlanValues,
  valuesOfPlan,
  type PlanFormValues,
} from './planForm';
import { RecurrenceEditor } from './RecurrenceEditor';
import {
  defaultDraft,
  draftOfRecurrence,
  recurrenceOfDraft,
  ruleOfDraft,
  type RecurrenceDraft,
} from './recurrenceDraft';
import { RulePreview, type RuleCheck } from './RulePreview';
import { TargetField } from './TargetField';
import { useEditorLookups } from './useEditorLookups';

interface Props {
  /** The plan to edit, or null for a new one. */
  plan: Plan | null;
  onClose: () => void;
  onSaved: (plan: Plan) => void;
}

export function PlanEditor({ plan, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const lookups = useEditorLookups(true);
  const [draft, setDraft] = useState<RecurrenceDraft>(() =>
    plan ? draftOfRecurrence(plan.recurrence) : defaultDraft,
  );
  const [check, setCheck] = useState<RuleCheck>({ status: 'checking' });
  const [saving, setSaving] = useState(false);
  // Built once: a default zone that arrives later is applied below, unless a zone was chosen.
  const [initialValues] = useState<PlanFormValues>(() =>
    plan ? valuesOfPlan(plan) : newPlanValues(lookups.defaultZone),
  );
  const start = localStart(Form.useWatch('start', form));
  const timeZone = Form.useWatch('timeZone', form) ?? initialValues.timeZone;
  const rule = ruleOfDraft(draft);
  const afterCompletion = draft.mode === 'afterCompletion';
  const canSave = afterCompletion ? start !== null : check.status === 'ok';

  // The sites' zones arrive after the first render; a new plan takes the default once known.
  useEffect(() => {
    if (!plan && !form.isFieldTouched('timeZone'))
      form.setFieldValue('timeZone', lookups.defaultZone);
  }, [plan, form, lookups.defaultZone]);

  const onSitePicked = useCallback(
    (siteId: string) => {
      const zone = lookups.siteZones.get(siteId);
      if (zone && !form.isFieldTouched('timeZone')) form.setFieldValue('timeZone', zone);
    },
    [form, lookups.siteZones],
  );

  const zoneOptions = useMemo(() => {
    const zones = new Set<string>([...commonTimeZones, ...lookups.siteZones.values(), timeZone]);
    return [...zones].map((z) => ({ value: z, label: z }));
  }, [lookups.siteZones, timeZone]);

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || !canSave) return;
    setSaving(true);
    try {
      const input = inputOfValues(values, recurrenceOfDraft(draft));
      const saved = plan
        ? await api.call('plans.update', { id: plan.id, patch: input })
        : await api.call('plans.create', input);
      void message.success(t('plans.saved'));
      onSaved(saved);
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  const label = (group: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`plans.${group}.${v}`) }));

  return (
    <Modal
      open
      width={1120}
      title={
        plan ? t('plans.editor.editTitle', { name: plan.name }) : t('plans.editor.createTitle')
      }
      okText={t('plans.editor.save')}
      cancelText={t('plans.editor.cancel')}
      okButtonProps={{ disabled: !canSave, loading: saving }}
      onOk={() => void save()}
      onCancel={onClose}
      maskClosable={false}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      <Form<PlanFormValues>
        form={form}
        name="plan"
        layout="vertical"
        initialValues={initialValues}
        requiredMark={false}
      >
        <Row gutter={32}>
          <Col span={13}>
            <Typography.Title level={5}>{t('plans.editor.basics')}</Typography.Title>
            <Form.Item
              name="name"
              label={t('plans.editor.name')}
              rules={[
                { required: true, whitespace: true, message: t('plans.editor.nameRequired') },
              ]}
            >
              <Input maxLength={200} placeholder={t('plans.editor.namePlaceholder')} autoFocus />
            </Form.Item>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="orderType" label={t('plans.editor.orderType')}>
                  <Radio.Group
                    optionType="button"
                    options={label('orderType', ['inspection', 'preventive'])}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="category" label={t('plans.editor.category')}>
                  <Select options={label('category', categories)} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="priority" label={t('plans.editor.priority')}>
                  <Select options={label('priority', priorities)} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="target"
              label={t('plans.editor.target')}
              rules={[
                {
                  validator: (_r, target: PlanFormValues['target']) =>
                    target.kind === 'list' && target.assetIds.length === 0
                      ? Promise.reject(new Error(t('plans.target.listRequired')))
                      : Promise.resolve(),
                },
              ]}
            >
              <TargetField onSitePicked={onSitePicked} />
            </Form.Item>
            <Form.Item label={t('plans.editor.checklist')}>
              <ChecklistField />
            </Form.Item>
            <Row gutter={12}>
              <Col span={10}>
                <Form.Item name="crewId" label={t('plans.editor.crew')}>
                  <Select
                    allowClear
                    placeholder={t('plans.editor.crewNone')}
                    options={lookups.crews.map((c) => ({ value: c.id, label: c.name }))}
                    onClear={() => form.setFieldValue('crewId', null)}
                  />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name="estimatedHours" label={t('plans.editor.estimatedHours')}>
                  <InputNumber min={0} max={10_000} step={0.5} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item
                  name="leadDays"
                  label={t('plans.editor.leadDays')}
                  tooltip={t('plans.editor.leadDaysHelp')}
                >
                  <InputNumber min={0} max={366} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={18}>
                <Form.Item name="notes" label={t('plans.editor.notes')}>
                  <Input.TextArea maxLength={5000} autoSize={{ minRows: 1, maxRows: 4 }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="active" label={t('plans.editor.active')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
          </Col>
          <Col span={11}>
            <Typography.Title level={5}>{t('plans.editor.schedule')}</Typography.Title>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item
                  name="start"
                  label={t('plans.editor.start')}
                  rules={[{ required: true, message: t('plans.editor.startRequired') }]}
                >
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="timeZone"
                  label={t('plans.editor.timeZone')}
                  tooltip={t('plans.editor.timeZoneHelp')}
                >
                  <Select showSearch options={zoneOptions} />
                </Form.Item>
              </Col>
            </Row>
            <RecurrenceEditor value={draft} onChange={setDraft} />
            <div style={{ marginTop: 16 }}>
              {afterCompletion ? (
                <Typography.Text type="secondary">
                  {t('plans.rule.afterExplain', { days: draft.days })}
                </Typography.Text>
              ) : (
                <RulePreview
                  rule={rule}
                  start={start}
                  timeZone={timeZone}
                  check={check}
                  onCheck={setCheck}
                />
              )}
            </div>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
