// A year-on-year change with its arrow: green when the figure moves the good way (consumption
// falling, a reuse rate rising), red when it moves the bad way, grey when there is no change.
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportColours } from './chartSetup';
import { formatChange } from './format';

interface Props {
  value: number | null | undefined;
  /** Rising is good (reuse rate); consumption and intensity figures are good when falling. */
  risingIsGood?: boolean;
  /** Neither way is good or bad (a headcount): no colour. */
  neutral?: boolean;
  testId?: string;
}

export function Change({ value, risingIsGood = false, neutral = false, testId }: Props) {
  const { i18n } = useTranslation();
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  const good = value === 0 || neutral ? null : value < 0 !== risingIsGood;
  const colour = good === null ? reportColours.text : good ? reportColours.good : reportColours.bad;
  const Icon = value > 0 ? ArrowUpOutlined : value < 0 ? ArrowDownOutlined : MinusOutlined;
  return (
    <span style={{ color: colour, whiteSpace: 'nowrap' }} data-testid={testId}>
      <Icon /> {formatChange(value, i18n.language)}
    </span>
  );
}
