// Deleting a crew: asked for first; refused with CONFLICT while orders or plans name the crew, in
// which case the refusal is shown with the way out — deactivating the crew, which keeps history.
import { App, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError } from '../../../../../shared/contract';
import type { Crew } from '../../../../../shared/contract/crews';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';

export function useCrewDelete(onChanged: () => void): (crew: Crew) => void {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();

  const offerDeactivate = useCallback(
    (crew: Crew, error: DeskError) => {
      const detail = (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {errorText(t, error)}
        </Typography.Paragraph>
      );
      if (!crew.active) {
        modal.warning({
          title: t('crews.inUseTitle', { name: crew.name }),
          content: detail,
          okText: t('crews.close'),
        });
        return;
      }
      modal.confirm({
        title: t('crews.inUseTitle', { name: crew.name }),
        content: (
          <>
            <Typography.Paragraph>{t('crews.inUseHint')}</Typography.Paragraph>
            {detail}
          </>
        ),
        okText: t('crews.deactivate'),
        cancelText: t('crews.cancel'),
        onOk: async () => {
          try {
            await api.call('crews.update', { id: crew.id, patch: { active: false } });
            void message.success(t('crews.deactivated', { name: crew.name }));
            onChanged();
          } catch (e) {
            void message.error(errorText(t, e));
          }
        },
      });
    },
    [t, modal, message, onChanged],
  );

  return useCallback(
    (crew: Crew) => {
      modal.confirm({
        title: t('crews.confirmDelete', { name: crew.name }),
        content: t('crews.confirmDeleteHint'),
        okText: t('crews.delete'),
        okButtonProps: { danger: true },
        cancelText: t('crews.cancel'),
        onOk: async () => {
          try {
            await api.call('crews.delete', { id: crew.id });
            void message.success(t('crews.deleted', { name: crew.name }));
            onChanged();
          } catch (e) {
            if (e instanceof DeskError && e.code === 'CONFLICT') offerDeactivate(crew, e);
            else void message.error(errorText(t, e));
          }
        },
      });
    },
    [t, modal, message, onChanged, offerDeactivate],
  );
}
