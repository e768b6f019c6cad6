// The technicians of one crew, shown when its row is expanded, with add and edit.
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Crew, Technician } from '../../../../../shared/contract/crews';

interface Props {
  crew: Crew;
  onAdd: (crew: Crew) => void;
  onEdit: (crew: Crew, technician: Technician) => void;
}

export function TechnicianTable({ crew, onAdd, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <Table<Technician>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={crew.technicians}
      aria-label={t('crews.techniciansOf', { crew: crew.name })}
      locale={{ emptyText: t('crews.noTechnicians') }}
      footer={() => (
        <Button size="small" icon={<UserAddOutlined />} onClick={() => onAdd(crew)}>
          {t('crews.addTechnician')}
        </Button>
      )}
      columns={[
        { key: 'name', title: t('crews.fields.technicianName'), dataIndex: 'name', width: 200 },
        {
          key: 'trade',
          title: t('crews.fields.trade'),
          width: 120,
          render: (_v, tech) => t(`crews.trade.${tech.trade}`),
        },
        { key: 'phone', title: t('crews.fields.phone'), dataIndex: 'phone', width: 160 },
        {
          key: 'active',
          title: t('crews.fields.active'),
          width: 100,
          render: (_v, tech) =>
            tech.active ? (
              <Tag color="green">{t('crews.active')}</Tag>
            ) : (
              <Tag>{t('crews.inactive')}</Tag>
            ),
        },
        {
          key: 'actions',
          title: '',
          render: (_v, tech) => (
            <Button
              size="small"
              type="link"
              icon={<EditOutlined />}
              aria-label={t('crews.editTechnicianTitle', { name: tech.name })}
              onClick={() => onEdit(crew, tech)}
            >
              {t('crews.edit')}
            </Button>
          ),
        },
      ]}
    />
  );
}
