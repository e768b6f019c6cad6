// Free name/value fields an office adds to its assets (supplier, contract number…), edited as rows.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Asset } from '../../../../shared/contract/assets';

type Custom = Asset['custom'];

interface Props {
  value?: Custom;
  onChange?: (value: Custom) => void;
}

export function CustomFieldsInput({ value = {}, onChange }: Props) {
  const { t } = useTranslation();
  const rows = Object.entries(value);
  const emit = (next: [string, Custom[string]][]) => onChange?.(Object.fromEntries(next));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {rows.map(([key, v], i) => (
        <Space.Compact key={i} style={{ width: '100%' }}>
          <Input
            style={{ width: '40%' }}
            placeholder={t('assets.customName')}
            maxLength={60}
            value={key}
            onChange={(e) => emit(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))}
          />
          <Input
            placeholder={t('assets.customValue')}
            maxLength={1000}
            value={v === null ? '' : String(v)}
            onChange={(e) => emit(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('places.delete')}
            onClick={() => emit(rows.filter((_, j) => j !== i))}
          />
        </Space.Compact>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => emit([...rows.filter(([k]) => k !== ''), ['', '']])}
      >
        {t('assets.customAdd')}
      </Button>
    </Space>
  );
}
