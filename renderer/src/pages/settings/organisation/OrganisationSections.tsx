// The cards of the organisation form: name and logo, the standard-person weights (with what
// 标准人数 means, since every per-capita figure depends on them), the water-balance loss threshold
// and the night-flow leak alert. Each field carries its unit and the default the domain gives,
// so a reader can tell a changed value from the standard one.
import { Card, Col, Form, Input, InputNumber, Row, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LeakAlertSettings, StandardPersonWeights } from '../../../../../shared/contract/settings';
import { LogoField } from './LogoField';
import { weightKeys, type OrgForm, type Weights } from './settingsForm';

const WEIGHT_DEFAULTS = StandardPersonWeights.parse({});
const LEAK_DEFAULTS = LeakAlertSettings.parse({});

/** The window is stored as 'HH:mm'; the picker works in dayjs values. */
const timeProps = {
  getValueProps: (value: string) => ({ value: value ? dayjs(value, 'HH:mm') : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('HH:mm') : ''),
};

export function IdentityCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('people.org.identityTitle')}>
      <Typography.Paragraph type="secondary">{t('people.org.identityHint')}</Typography.Paragraph>
      <Form.Item<OrgForm> name="organisationName" label={t('people.org.name')}>
        <Input maxLength={100} showCount placeholder={t('people.org.namePlaceholder')} />
      </Form.Item>
      <Form.Item<OrgForm> name="logoDataUrl" label={t('people.org.logo')}>
        <LogoField />
      </Form.Item>
    </Card>
  );
}

export function WeightsCard() {
  const { t } = useTranslation();
  const weights = Form.useWatch<Weights | undefined>('weights');
  return (
    <Card title={t('people.org.weightsTitle')}>
      <Typography.Paragraph type="secondary">{t('people.org.weightsHint')}</Typography.Paragraph>
      <Row gutter={16}>
        {weightKeys.map((key) => (
          <Col key={key} xs={12} lg={6}>
            <Form.Item<OrgForm>
              name={['weights', key]}
              label={t(`people.groups.${key}`)}
              tooltip={t(`people.groups.${key}Hint`)}
              extra={t('people.org.defaultValue', { value: WEIGHT_DEFAULTS[key] })}
              rules={[{ required: true, message: t('people.org.required') }]}
            >
              <InputNumber min={0} max={10} step={0.1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text data-testid="org-formula">
        {t('people.formula', {
          students: weights?.students ?? '–',
          staff: weights?.staff ?? '–',
          residents: weights?.residents ?? '–',
          others: weights?.others ?? '–',
        })}
      </Typography.Text>
    </Card>
  );
}

export function LossCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('people.org.lossTitle')}>
      <Form.Item<OrgForm>
        name="lossPercent"
        label={t('people.org.lossThreshold')}
        extra={t('people.org.lossHint')}
        rules={[{ required: true, message: t('people.org.required') }]}
      >
        <InputNumber min={0} max={100} step={0.5} suffix="%" style={{ width: 160 }} />
      </Form.Item>
    </Card>
  );
}

export function LeakCard() {
  const { t } = useTranslation();
  const required = { required: true, message: t('people.org.required') };
  const numberField = (
    key: 'baselineNights' | 'ratioPercent' | 'absoluteM3h' | 'nights',
    input: { min: number; max: number; step: number; precision?: number; suffix: string },
    fallback: number,
  ) => (
    <Col xs={12} lg={6}>
      <Form.Item<OrgForm>
        name={['leak', key]}
        label={t(`people.org.leakForm.${key}`)}
        extra={t('people.org.defaultValue', {
          // '30%' but '28 晚', '0.5 m³/h'.
          value: input.suffix === '%' ? `${fallback}%` : `${fallback} ${input.suffix}`,
        })}
        rules={[required]}
      >
        <InputNumber {...input} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <Card title={t('people.org.leakTitle')}>
      <Typography.Paragraph type="secondary">{t('people.org.leakHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={12} lg={6}>
          <Form.Item<OrgForm>
            name={['leak', 'windowStart']}
            label={t('people.org.leakForm.windowStart')}
            extra={t('people.org.defaultValue', { value: LEAK_DEFAULTS.windowStart })}
            rules={[required]}
            {...timeProps}
          >
            <TimePicker
              format="HH:mm"
              minuteStep={5}
              allowClear={false}
              needConfirm={false}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item<OrgForm>
            name={['leak', 'windowEnd']}
            label={t('people.org.leakForm.windowEnd')}
            extra={t('people.org.defaultValue', { value: LEAK_DEFAULTS.windowEnd })}
            dependencies={[['leak', 'windowStart']]}
            rules={[
              required,
              ({ getFieldValue }) => ({
                // An empty window would find no flow at all, so no night could ever alert.
                validator: (_, value: string) =>
                  value && value === getFieldValue(['leak', 'windowStart'])
                    ? Promise.reject(new Error(t('people.org.windowSame')))
                    : Promise.resolve(),
              }),
            ]}
            {...timeProps}
          >
            <TimePicker
              format="HH:mm"
              minuteStep={5}
              allowClear={false}
              needConfirm={false}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        {numberField(
          'baselineNights',
          { min: 7, max: 90, step: 1, precision: 0, suffix: t('people.org.nightsUnit') },
          LEAK_DEFAULTS.baselineNights,
        )}
        {numberField(
          'nights',
          { min: 1, max: 14, step: 1, precision: 0, suffix: t('people.org.nightsUnit') },
          LEAK_DEFAULTS.nights,
        )}
        {numberField(
          'ratioPercent',
          { min: 0, max: 100, step: 5, suffix: '%' },
          Math.round(LEAK_DEFAULTS.ratio * 100),
        )}
        {numberField(
          'absoluteM3h',
          { min: 0, max: 1000, step: 0.1, suffix: 'm³/h' },
          LEAK_DEFAULTS.absoluteM3h,
        )}
      </Row>
    </Card>
  );
}
