// Backups and restore: the backups the app keeps (one a day, rotated), "back up now" into the
// folder or to a chosen file, and restoring one — after a confirmation, and with the current
// database kept as a backup first, so a restore is itself undoable.
import { CloudDownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupItem } from '../../../../shared/contract/backup';
import { api } from '../../api/client';
import { errorText } from '../../errorText';

function size(bytes: number): string {
  return bytes > 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

export function BackupTab() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [folder, setFolder] = useState('');
  const [items, setItems] = useState<BackupItem[] | null>(null);
  const [target, setTarget] = useState('');
  const [restorePath, setRestorePath] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    api.call('backup.list', {}).then(
      (r) => {
        setFolder(r.folder);
        setItems(r.items);
      },
      (e: unknown) => void message.error(errorText(t, e)),
    );
  }, [message, t]);

  useEffect(refresh, [refresh]);

  const backupNow = async () => {
    setBusy(true);
    try {
      const r = await api.call('backup.now', target.trim() ? { file: target.trim() } : {});
      void message.success(t('backup.done', { name: r.name, size: size(r.bytes) }));
      refresh();
    } catch (e) {
      void message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const restore = (file: string) =>
    modal.confirm({
      title: t('backup.confirmRestore'),
      content: t('backup.confirmRestoreHint', { file }),
      okText: t('backup.restore'),
      okButtonProps: { danger: true },
      cancelText: t('places.cancel'),
      onOk: async () => {
        try {
          const r = await api.call('backup.restore', { file });
          void message.success(t('backup.restored', { previous: r.previous.name }), 8);
          refresh();
        } catch (e) {
          void message.error(errorText(t, e));
        }
      },
    });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('backup.nowTitle')}>
        <Typography.Paragraph type="secondary">
          {t('backup.nowHint', { folder })}
        </Typography.Paragraph>
        <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
          <Input
            aria-label={t('backup.target')}
            placeholder={t('backup.targetPlaceholder')}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={busy}
            onClick={() => void backupNow()}
          >
            {t('backup.now')}
          </Button>
        </Space.Compact>
      </Card>
      <Card title={t('backup.listTitle')}>
        <Table<BackupItem>
          size="small"
          rowKey="file"
          loading={items === null}
          dataSource={items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('backup.empty') }}
          columns={[
            { title: t('backup.name'), dataIndex: 'name' },
            {
              title: t('backup.at'),
              dataIndex: 'at',
              render: (at: string) => new Date(at).toLocaleString(i18n.language),
            },
            { title: t('backup.size'), dataIndex: 'bytes', align: 'right', render: size },
            { title: t('backup.schema'), dataIndex: 'schemaVersion' },
            {
              title: t('backup.tag'),
              dataIndex: 'tag',
              render: (tag?: string) =>
                tag ? <Tag>{t(`backup.tags.${tag}`, { defaultValue: tag })}</Tag> : null,
            },
            {
              title: t('places.actions'),
              key: 'restore',
              render: (_v, row) => (
                <Button
                  size="small"
                  icon={<CloudDownloadOutlined />}
                  onClick={() => restore(row.file)}
                >
                  {t('backup.restore')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('backup.fromFileTitle')}>
        <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
          <Input
            aria-label={t('backup.fromFile')}
            placeholder={t('backup.fromFilePlaceholder')}
            value={restorePath}
            onChange={(e) => setRestorePath(e.target.value)}
          />
          <Button danger disabled={!restorePath.trim()} onClick={() => restore(restorePath.trim())}>
            {t('backup.restore')}
          </Button>
        </Space.Compact>
      </Card>
    </Space>
  );
}
