// What identifies a meter and how its dial turns into consumption: code, name, serial, utility,
// level in the meter tree and its parent, multiplier, register digits, place and the site's zone
// (the zone its days and months are counted in). The parent meter links to its own detail.
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Asset } from '../../../../../shared/contract/assets';
import type { PlaceRef } from '../../../../../shared/contract/places';
import { useLabel } from '../../../labels';
import { formatValue } from './format';

interface Props {
  meter: Asset;
  path: PlaceRef[];
  parent: Pick<Asset, 'id' | 'code' | 'name'> | null;
  timeZone: string;
}

export function MeterHeader({ meter, path, parent, timeZone }: Props) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const none = '—';
  const place = path.length > 0 ? path.map((p) => p.name).join(' › ') : (meter.placeName ?? none);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 3 }}
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="meter-title">
          {meter.code} · {meter.name}
        </Typography.Title>
      }
      items={[
        { key: 'serial', label: t('meterDetail.fields.serial'), children: meter.serial || none },
        {
          key: 'utility',
          label: t('meterDetail.fields.utility'),
          children: meter.utility ? label('utility', meter.utility) : none,
        },
        {
          key: 'level',
          label: t('meterDetail.fields.level'),
          children: meter.meterLevel ? t(`meterDetail.levels.${meter.meterLevel}`) : none,
        },
        {
          key: 'parent',
          label: t('meterDetail.fields.parent'),
          children: parent ? (
            <Link to={`/meters?tab=meters&meter=${parent.id}`}>
              {parent.code} · {parent.name}
            </Link>
          ) : (
            none
          ),
        },
        {
          key: 'multiplier',
          label: t('meterDetail.fields.multiplier'),
          children: formatValue(meter.multiplier ?? 1, i18n.language),
        },
        {
          key: 'digits',
          label: t('meterDetail.fields.digits'),
          children: meter.registerDigits ?? t('meterDetail.fields.digitsUnset'),
        },
        { key: 'unit', label: t('meterDetail.fields.unit'), children: meter.unit || none },
        { key: 'place', label: t('meterDetail.fields.place'), children: place, span: 2 },
        { key: 'zone', label: t('meterDetail.fields.timeZone'), children: timeZone },
      ]}
    />
  );
}
