// "Add N fixtures of type T in room R", with codes generated from the room's code.
import { Alert, DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LampType } from '../../../../shared/contract/assets';
import { useLabelOptions } from '../../labels';
import { PlaceSearch } from '../places/PlaceSearch';

export interface AddFixturesValues {
  placeId: string;
  count: number;
  lampType: LampType;
  ratedPowerW: number;
  installDate?: string;
}

interface Props {
  open: boolean;
  saving: boolean;
  onSubmit: (values: AddFixturesValues) => void;
  onCancel: () => void;
}

export function AddFixturesModal({ open, saving, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const options = useLabelOptions();
  const [place, setPlace] = useState<{ id: string; name: string } | null>(null);
  const [count, setCount] = useState(10);
  const [lampType, setLampType] = useState<LampType>('led_tube');
  const [watts, setWatts] = useState(18);
  const [date, setDate] = useState<Dayjs | null>(null);

  return (
    <Modal
      open={open}
      title={t('assets.addFixtures')}
      okText={t('assets.addFixturesOk', { count })}
      cancelText={t('places.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: !place }}
      onOk={() =>
        place &&
        onSubmit({
          placeId: place.id,
          count,
          lampType,
          ratedPowerW: watts,
          ...(date ? { installDate: date.format('YYYY-MM-DD') } : {}),
        })
      }
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('assets.fields.place')} required>
          {place ? (
            <Alert type="info" title={place.name} closable={{ onClose: () => setPlace(null) }} />
          ) : (
            <PlaceSearch
              onPick={(hit) =>
                setPlace({ id: hit.id, name: hit.path.map((p) => p.name).join(' › ') })
              }
            />
          )}
        </Form.Item>
        <Form.Item label={t('assets.count')}>
          <InputNumber
            min={1}
            max={5000}
            precision={0}
            value={count}
            onChange={(v) => setCount(v ?? 1)}
          />
        </Form.Item>
        <Form.Item label={t('assets.fields.lampType')}>
          <Select value={lampType} options={options('lampType')} onChange={setLampType} />
        </Form.Item>
        <Form.Item label={t('assets.fields.ratedPowerW')}>
          <InputNumber min={0} max={100000} value={watts} onChange={(v) => setWatts(v ?? 0)} />
        </Form.Item>
        <Form.Item label={t('assets.fields.installDate')}>
          <DatePicker value={date} onChange={setDate} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
