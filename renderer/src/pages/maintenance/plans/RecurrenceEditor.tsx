// The plain-language recurrence editor: 每天/每周/每月(按日期)/每月(按星期)/每月最后一个工作日/
// 每年 or "N days after completion", the interval, the days, the end; under it the RRULE it
// writes, read-only unless "高级" is on, when the raw rule is edited directly.
import {
  Alert,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayNames } from './format';
import {
  leaveAdvanced,
  modes,
  ordinals,
  ruleOfDraft,
  type EndKind,
  type Ordinal,
  type RecurrenceDraft,
} from './recurrenceDraft';

interface Props {
  value: RecurrenceDraft;
  onChange: (next: RecurrenceDraft) => void;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function RecurrenceEditor({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  // A saved rule the simple editor cannot say opens in advanced mode, with the reason shown.
  const [beyond, setBeyond] = useState(() => value.advanced && leaveAdvanced(value) === null);
  const set = (patch: Partial<RecurrenceDraft>) => onChange({ ...value, ...patch });
  const weekdays = useMemo(() => weekdayNames(i18n.language, 'long'), [i18n.language]);
  const weekdayOptions = weekdays.map((label, i) => ({ value: i, label }));
  const rule = ruleOfDraft(value);
  const simple = !value.advanced;

  const toggleAdvanced = (on: boolean) => {
    if (on) {
      setBeyond(false);
      set({ advanced: true, rawRule: rule });
      return;
    }
    const back = leaveAdvanced(value);
    if (back) {
      setBeyond(false);
      onChange(back);
    } else setBeyond(true);
  };

  const every = (
    <Flex gap={8} align="center">
      <span>{t('plans.rule.everyPrefix')}</span>
      <InputNumber
        aria-label={t('plans.rule.every')}
        min={1}
        max={999}
        precision={0}
        value={value.every}
        onChange={(n) => set({ every: n ?? 1 })}
        style={{ width: 80 }}
      />
      <span>{value.mode !== 'afterCompletion' && t(`plans.rule.units.${value.mode}`)}</span>
    </Flex>
  );

  return (
    <Flex vertical gap={12}>
      <Form.Item label={t('plans.rule.mode')} style={{ marginBottom: 0 }}>
        <Select
          aria-label={t('plans.rule.mode')}
          value={value.mode}
          disabled={value.advanced}
          onChange={(mode) => set({ mode })}
          options={modes.map((m) => ({ value: m, label: t(`plans.rule.modes.${m}`) }))}
          style={{ maxWidth: 260 }}
        />
      </Form.Item>

      {simple && value.mode === 'afterCompletion' && (
        <Flex gap={8} align="center">
          <span>{t('plans.rule.afterPrefix')}</span>
          <InputNumber
            aria-label={t('plans.rule.afterDays')}
            min={1}
            max={3660}
            precision={0}
            value={value.days}
            onChange={(n) => set({ days: n ?? 1 })}
            style={{ width: 90 }}
          />
          <span>{t('plans.rule.afterSuffix')}</span>
        </Flex>
      )}

      {simple && value.mode !== 'afterCompletion' && every}

      {simple && value.mode === 'weekly' && (
        <div>
          <Checkbox.Group
            aria-label={t('plans.rule.weekdays')}
            value={value.weekdays}
            onChange={(days) => set({ weekdays: days })}
            options={weekdayNames(i18n.language, 'short').map((label, i) => ({ value: i, label }))}
          />
          {value.weekdays.length === 0 && (
            <Typography.Text type="danger">{t('plans.rule.weekdaysRequired')}</Typography.Text>
          )}
        </div>
      )}

      {simple && value.mode === 'monthlyByDay' && (
        <Select
          mode="multiple"
          aria-label={t('plans.rule.monthDays')}
          value={value.monthDays}
          onChange={(days) => set({ monthDays: days })}
          options={[
            ...range(1, 31).map((day) => ({
              value: day,
              label: t('plans.rule.monthDay', { day }),
            })),
            { value: -1, label: t('plans.rule.lastDay') },
          ]}
          status={value.monthDays.length === 0 ? 'error' : undefined}
          placeholder={t('plans.rule.monthDaysRequired')}
          style={{ maxWidth: 420 }}
        />
      )}

      {simple && value.mode === 'monthlyByWeekday' && (
        <Flex gap={8} align="center">
          <Select<Ordinal>
            aria-label={t('plans.rule.ordinal')}
            value={value.ordinal}
            onChange={(ordinal) => set({ ordinal })}
            options={ordinals.map((o) => ({ value: o, label: t(`plans.rule.ordinals.${o}`) }))}
            style={{ width: 120 }}
          />
          <Select
            aria-label={t('plans.rule.weekday')}
            value={value.weekday}
            onChange={(weekday) => set({ weekday })}
            options={weekdayOptions}
            style={{ width: 120 }}
          />
        </Flex>
      )}

      {simple && value.mode === 'yearly' && (
        <Flex gap={8} align="center">
          <Select
            aria-label={t('plans.rule.month')}
            value={value.month}
            onChange={(month) => set({ month })}
            options={range(1, 12).map((m) => ({
              value: m,
              label: t('plans.rule.monthName', { month: m }),
            }))}
            style={{ width: 110 }}
          />
          <Select
            aria-label={t('plans.rule.day')}
            value={value.monthDay}
            onChange={(monthDay) => set({ monthDay })}
            options={range(1, 31).map((day) => ({
              value: day,
              label: t('plans.rule.monthDay', { day }),
            }))}
            style={{ width: 110 }}
          />
        </Flex>
      )}

      {simple && value.mode !== 'afterCompletion' && (
        <Form.Item label={t('plans.rule.end')} style={{ marginBottom: 0 }}>
          <Radio.Group
            aria-label={t('plans.rule.end')}
            value={value.end}
            onChange={(e) => set({ end: e.target.value as EndKind })}
          >
            <Flex vertical gap={6}>
              <Radio value="never">{t('plans.rule.endNever')}</Radio>
              <Radio value="count">
                <Flex gap={8} align="center">
                  {t('plans.rule.endCount')}
                  <InputNumber
                    aria-label={t('plans.rule.count')}
                    size="small"
                    min={1}
                    max={9999}
                    precision={0}
                    value={value.count}
                    onChange={(n) => set({ count: n ?? 1, end: 'count' })}
                    style={{ width: 80 }}
                  />
                  {t('plans.rule.endCountSuffix')}
                </Flex>
              </Radio>
              <Radio value="until">
                <Flex gap={8} align="center">
                  {t('plans.rule.endUntil')}
                  <DatePicker
                    aria-label={t('plans.rule.until')}
                    size="small"
                    value={value.until ? dayjs(value.until) : null}
                    onChange={(d) => set({ until: d?.format('YYYY-MM-DD') ?? null, end: 'until' })}
                  />
                </Flex>
              </Radio>
            </Flex>
          </Radio.Group>
        </Form.Item>
      )}

      {value.mode !== 'afterCompletion' && (
        <div>
          <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
            <Typography.Text type="secondary">{t('plans.rule.ruleText')}</Typography.Text>
            <Flex gap={6} align="center">
              <Typography.Text type="secondary">{t('plans.rule.advanced')}</Typography.Text>
              <Switch
                size="small"
                aria-label={t('plans.rule.advanced')}
                checked={value.advanced}
                onChange={toggleAdvanced}
              />
            </Flex>
          </Flex>
          {value.advanced ? (
            <Input.TextArea
              aria-label={t('plans.rule.ruleText')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={value.rawRule}
              placeholder={t('plans.rule.advancedHelp')}
              onChange={(e) => set({ rawRule: e.target.value })}
              style={{ fontFamily: 'monospace' }}
            />
          ) : (
            <Input
              readOnly
              aria-label={t('plans.rule.ruleText')}
              data-testid="plan-rule-text"
              value={rule}
              style={{ fontFamily: 'monospace' }}
            />
          )}
          {beyond && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 8 }}
              title={t('plans.rule.beyondEditor')}
            />
          )}
        </div>
      )}
    </Flex>
  );
}
