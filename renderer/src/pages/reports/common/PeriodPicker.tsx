// The period of a breakdown or balance inside the page's year: the whole year or one month.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** null: the whole year. */
  month: number | null;
  onChange: (month: number | null) => void;
  testId?: string;
}

export function PeriodPicker({ month, onChange, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Select<number>
      size="small"
      data-testid={testId}
      aria-label={t('analytics.period.label')}
      value={month ?? 0}
      onChange={(m) => onChange(m === 0 ? null : m)}
      options={[
        { value: 0, label: t('analytics.period.year') },
        ...Array.from({ length: 12 }, (_, i) => ({
          value: i + 1,
          label: t('analytics.monthly.month', { month: i + 1 }),
        })),
      ]}
      // Thirteen short options: all rendered (no virtual list), so each can be found and clicked.
      virtual={false}
      listHeight={400}
      style={{ width: 100 }}
    />
  );
}
