// Change the status, the place or one field of every selected asset, in one transaction.
import { Alert, Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetFields, AssetStatus } from '../../../../shared/contract/assets';
import { useLabelOptions } from '../../labels';
import { PlaceSearch } from '../places/PlaceSearch';
import type { KindField } from './assetFields';
import { FieldInput } from './FieldInput';

export interface BulkPatch {
  status?: AssetStatus;
  placeId?: string;
  fields?: Partial<AssetFields>;
}

const bulkFields: KindField[] = [
  'lampType',
  'ratedPowerW',
  'dailyHours',
  'lastReplaced',
  'ratedLifeH',
  'irrigationMethod',
  'equipmentType',
];

interface Props {
  open: boolean;
  count: number;
  saving: boolean;
  onSubmit: (patch: BulkPatch) => void;
  onCancel: () => void;
}

export function BulkEditModal({ open, count, saving, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const options = useLabelOptions();
  const [what, setWhat] = useState<'status' | 'place' | 'field'>('status');
  const [status, setStatus] = useState<AssetStatus | undefined>();
  const [place, setPlace] = useState<{ id: string; name: string } | null>(null);
  const [field, setField] = useState<KindField>('lampType');
  const [value, setValue] = useState<unknown>(null);

  const patch = (): BulkPatch | null => {
    if (what === 'status') return status ? { status } : null;
    if (what === 'place') return place ? { placeId: place.id } : null;
    return { fields: { [field]: value } as Partial<AssetFields> };
  };

  return (
    <Modal
      open={open}
      title={t('assets.bulkTitle', { count })}
      okText={t('assets.bulkApply', { count })}
      cancelText={t('places.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: patch() === null }}
      onOk={() => {
        const p = patch();
        if (p) onSubmit(p);
      }}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('assets.bulkWhat')}>
          <Radio.Group value={what} onChange={(e) => setWhat(e.target.value as typeof what)}>
            <Radio.Button value="status">{t('assets.fields.status')}</Radio.Button>
            <Radio.Button value="place">{t('assets.fields.place')}</Radio.Button>
            <Radio.Button value="field">{t('assets.bulkField')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {what === 'status' && (
          <Form.Item label={t('assets.bulkNewStatus')}>
            <Select
              aria-label={t('assets.bulkNewStatus')}
              value={status}
              options={options('status')}
              onChange={setStatus}
            />
          </Form.Item>
        )}
        {what === 'place' && (
          <Form.Item label={t('assets.bulkNewPlace')}>
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
        )}
        {what === 'field' && (
          <>
            <Form.Item label={t('assets.bulkField')}>
              <Select
                value={field}
                options={bulkFields.map((f) => ({ value: f, label: t(`assets.fields.${f}`) }))}
                onChange={(f) => {
                  setField(f);
                  setValue(null);
                }}
              />
            </Form.Item>
            <Form.Item label={t('assets.bulkNewValue')}>
              <FieldInput field={field} value={value} onChange={setValue} />
            </Form.Item>
          </>
        )}
        <Alert type="warning" showIcon title={t('assets.bulkWarning', { count })} />
      </Form>
    </Modal>
  );
}
