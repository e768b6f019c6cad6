// The stock history of one part, newest first and paged from the store: every receipt, issue
// (with its work order number), return and counted adjustment with its reason.
import { App, Drawer, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Part, PartMovement } from '../../../../../shared/contract/parts';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { formatDelta } from './format';

const kindColor: Record<PartMovement['kind'], string> = {
  receipt: 'green',
  issue: 'blue',
  return: 'cyan',
  adjustment: 'orange',
};

const PAGE_SIZE = 20;

interface Props {
  part: Part | null;
  onClose: () => void;
}

export function MovementsDrawer({ part, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [current, setCurrent] = useState(1);
  const [data, setData] = useState<{ items: PartMovement[]; total: number } | null>(null);
  const partId = part?.id;

  useEffect(() => setCurrent(1), [partId]);

  useEffect(() => {
    if (!partId) return;
    let stale = false;
    api
      .call('parts.movements', { partId, offset: (current - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      .then((r) => !stale && setData(r))
      .catch((error: unknown) => void message.error(errorText(t, error)));
    return () => {
      stale = true;
    };
  }, [partId, current, message, t]);

  return (
    <Drawer
      open={part !== null}
      onClose={onClose}
      size={760}
      title={part ? t('parts.movements.title', part) : ''}
      afterOpenChange={(open) => !open && setData(null)}
    >
      <Table<PartMovement>
        size="small"
        rowKey="id"
        loading={part !== null && data === null}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('parts.movements.empty') }}
        data-testid="part-movements"
        pagination={{
          current,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setCurrent,
        }}
        columns={[
          {
            key: 'at',
            title: t('parts.movements.at'),
            width: 170,
            render: (_v, m) => new Date(m.at).toLocaleString(i18n.language),
          },
          {
            key: 'kind',
            title: t('parts.movements.kind'),
            width: 100,
            render: (_v, m) => (
              <Tag color={kindColor[m.kind]}>{t(`parts.movements.kinds.${m.kind}`)}</Tag>
            ),
          },
          {
            key: 'quantity',
            title: t('parts.movements.quantity'),
            width: 90,
            align: 'right',
            render: (_v, m) => `${formatDelta(m.quantity, i18n.language)} ${part?.unit ?? ''}`,
          },
          {
            key: 'order',
            title: t('parts.movements.order'),
            width: 140,
            render: (_v, m) => m.workOrderNumber ?? '',
          },
          { key: 'actor', title: t('parts.movements.actor'), width: 100, dataIndex: 'actor' },
          { key: 'note', title: t('parts.movements.note'), dataIndex: 'note', ellipsis: true },
        ]}
      />
    </Drawer>
  );
}
