// Move a place (and everything in it: sub-places and assets) under another parent.
import { Alert, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedParents, type Place, type PlaceKind } from '../../../../shared/contract/places';
import { PlaceSearch } from './PlaceSearch';

interface Props {
  place: Place | null;
  saving: boolean;
  onMove: (place: Place, parentId: string) => void;
  onCancel: () => void;
}

export function MoveModal({ place, saving, onMove, onCancel }: Props) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const kinds = place ? allowedParents[place.kind].filter((k): k is PlaceKind => k !== null) : [];
  return (
    <Modal
      open={place !== null}
      title={place ? t('places.moveTitle', { name: place.name }) : ''}
      okText={t('places.move')}
      cancelText={t('places.cancel')}
      okButtonProps={{ disabled: !target }}
      confirmLoading={saving}
      onOk={() => place && target && onMove(place, target.id)}
      onCancel={() => {
        setTarget(null);
        onCancel();
      }}
      destroyOnHidden
    >
      <p>{t('places.moveHint')}</p>
      {target ? (
        <Alert type="info" title={target.name} closable={{ onClose: () => setTarget(null) }} />
      ) : (
        <PlaceSearch
          kinds={kinds}
          onPick={(hit) => setTarget({ id: hit.id, name: hit.path.map((p) => p.name).join(' › ') })}
        />
      )}
    </Modal>
  );
}
