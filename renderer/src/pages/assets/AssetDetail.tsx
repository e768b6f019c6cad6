// One asset in the side panel: its fields by kind, where it is, its work orders and its full
// change history.
import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Asset, HistoryEntry } from '../../../../shared/contract/assets';
import type { PlaceRef } from '../../../../shared/contract/places';
import { useLabel } from '../../labels';
import { fieldsOfKind, formatField, type KindField } from './assetFields';
import { AssetOrders } from './AssetOrders';

export interface AssetDetailData {
  asset: Asset;
  path: PlaceRef[];
  history: HistoryEntry[];
}

interface Props {
  detail: AssetDetailData | null;
  onClose: () => void;
  onEdit: (asset: Asset) => void;
}

export function AssetDetail({ detail, onClose, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const asset = detail?.asset;
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'status' || field === 'kind') return label(field, String(value));
    return formatField(field as KindField, value, label) || String(value);
  };
  return (
    <Drawer
      open={detail !== null}
      onClose={onClose}
      size={560}
      title={asset ? `${asset.code} · ${asset.name}` : ''}
      extra={
        asset && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(asset)}>
            {t('assets.edit')}
          </Button>
        )
      }
    >
      {detail && asset && (
        <Space orientation="vertical" style={{ width: '100%' }} size="large">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('assets.fields.kind')}>
              {label('kind', asset.kind)}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.fields.status')}>
              <Tag
                color={
                  asset.status === 'in_service'
                    ? 'green'
                    : asset.status === 'faulty'
                      ? 'red'
                      : 'default'
                }
              >
                {label('status', asset.status)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.fields.place')}>
              {detail.path.map((p) => p.name).join(' › ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('assets.fields.installDate')}>
              {asset.installDate ?? '—'}
            </Descriptions.Item>
            {fieldsOfKind(asset.kind).map((field) => (
              <Descriptions.Item key={field} label={t(`assets.fields.${field}`)}>
                {formatField(field, asset[field], label) || '—'}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('assets.fields.notes')}>
              {asset.notes || '—'}
            </Descriptions.Item>
            {Object.entries(asset.custom).map(([key, value]) => (
              <Descriptions.Item key={`custom:${key}`} label={key}>
                {value === null ? '—' : String(value)}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <AssetOrders assetId={asset.id} />
          <div>
            <Typography.Title level={5}>{t('assets.history')}</Typography.Title>
            {detail.history.length === 0 ? (
              <Empty description={t('assets.noHistory')} />
            ) : (
              <Timeline
                items={detail.history.map((h) => ({
                  color: h.action === 'create' ? 'green' : h.action === 'delete' ? 'red' : 'blue',
                  content: (
                    <div data-testid="history-entry">
                      <Typography.Text strong>
                        {new Date(h.at).toLocaleString(i18n.language)} · {h.actor} ·{' '}
                        {t(`assets.actions.${h.action}`)}
                      </Typography.Text>
                      {h.note && <Typography.Text type="secondary"> · {h.note}</Typography.Text>}
                      {h.action === 'update' && (
                        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                          {h.changes.map((c) => (
                            <li key={c.field}>
                              {t(`assets.fields.${c.field}`, { defaultValue: c.field })}:{' '}
                              {show(c.field, c.before)} → {show(c.field, c.after)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      )}
    </Drawer>
  );
}
