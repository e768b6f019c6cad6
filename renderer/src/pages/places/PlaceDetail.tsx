// One place: its fields, its location path and its children, with the actions on them.
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  allowedParents,
  placeKinds,
  type Place,
  type PlaceKind,
  type PlaceRef,
} from '../../../../shared/contract/places';

interface Props {
  detail: { place: Place; path: PlaceRef[] };
  childrenList: Place[];
  onCreateChild: (kind: PlaceKind) => void;
  onEdit: (place: Place) => void;
  onDelete: (place: Place) => void;
  onMove: (place: Place) => void;
  onOpen: (id: string) => void;
}

export function PlaceDetail({
  detail,
  childrenList,
  onCreateChild,
  onEdit,
  onDelete,
  onMove,
  onOpen,
}: Props) {
  const { t } = useTranslation();
  const { place, path } = detail;
  const childKinds = placeKinds.filter((k) => allowedParents[k].includes(place.kind));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={
          <Breadcrumb
            items={path.map((p) => ({
              title: p.id === place.id ? p.name : <a onClick={() => onOpen(p.id)}>{p.name}</a>,
            }))}
          />
        }
        extra={
          <Space>
            <Button icon={<EditOutlined />} onClick={() => onEdit(place)}>
              {t('places.edit')}
            </Button>
            {place.kind !== 'site' && (
              <Button icon={<DragOutlined />} onClick={() => onMove(place)}>
                {t('places.move')}
              </Button>
            )}
            <Button danger icon={<DeleteOutlined />} onClick={() => onDelete(place)}>
              {t('places.delete')}
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('places.fields.name')}>{place.name}</Descriptions.Item>
          <Descriptions.Item label={t('places.fields.kind')}>
            {t(`kinds.${place.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('places.fields.code')}>{place.code ?? '—'}</Descriptions.Item>
          {place.kind === 'site' ? (
            <Descriptions.Item label={t('places.fields.timeZone')}>
              {place.timeZone}
            </Descriptions.Item>
          ) : (
            <Descriptions.Item label={t('places.fields.areaM2')}>
              {place.areaM2 === null ? '—' : place.areaM2.toLocaleString()}
            </Descriptions.Item>
          )}
          {place.kind === 'building' && (
            <Descriptions.Item label={t('places.fields.use')}>
              {place.use ? t(`uses.${place.use}`) : '—'}
            </Descriptions.Item>
          )}
          {place.kind === 'floor' && (
            <Descriptions.Item label={t('places.fields.floorNumber')}>
              {place.floorNumber ?? '—'}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('places.fields.notes')} span={2}>
            {place.notes || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={`${t('places.children')} (${place.childCount})`}
        extra={
          <Space>
            {childKinds.map((kind) => (
              <Button key={kind} icon={<PlusOutlined />} onClick={() => onCreateChild(kind)}>
                {t('places.createTitle', { kind: t(`kinds.${kind}`) })}
              </Button>
            ))}
          </Space>
        }
      >
        <Table<Place>
          size="small"
          rowKey="id"
          dataSource={childrenList}
          pagination={childrenList.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('places.noChildren') }}
          onRow={(row) => ({ onDoubleClick: () => onOpen(row.id) })}
          columns={[
            {
              title: t('places.fields.name'),
              dataIndex: 'name',
              render: (name: string, row) => <a onClick={() => onOpen(row.id)}>{name}</a>,
            },
            {
              title: t('places.fields.kind'),
              dataIndex: 'kind',
              render: (k: PlaceKind) => t(`kinds.${k}`),
            },
            { title: t('places.fields.code'), dataIndex: 'code' },
            {
              title: t('places.fields.areaM2'),
              dataIndex: 'areaM2',
              align: 'right',
              render: (a: number | null) => (a === null ? '' : a.toLocaleString()),
            },
            { title: t('places.fields.childCount'), dataIndex: 'childCount', align: 'right' },
            {
              title: t('places.actions'),
              key: 'actions',
              render: (_v, row) => (
                <Space>
                  <Button size="small" type="link" onClick={() => onEdit(row)}>
                    {t('places.edit')}
                  </Button>
                  <Button size="small" type="link" danger onClick={() => onDelete(row)}>
                    {t('places.delete')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
