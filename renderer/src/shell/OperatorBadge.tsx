// Shows who is working and lets them change it; the name goes into every audit entry.
import { UserOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../errorText';

const STORAGE_KEY = 'utility-desk.operator';

export function OperatorBadge() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [operator, setOperator] = useState<string>('');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [firstStart, setFirstStart] = useState(false);

  useEffect(() => {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved) {
      api
        .call('system.setOperator', { name: saved })
        .then((r) => setOperator(r.operator))
        .catch(() => undefined);
      return;
    }
    // First start on this PC: every change is signed with this name, so ask for it once,
    // offering the computer's login name.
    api
      .call('system.info', {})
      .then((r) => {
        setOperator(r.operator);
        setDraft(r.operator);
        setFirstStart(true);
        setEditing(true);
      })
      .catch(() => undefined);
  }, []);

  const save = async () => {
    try {
      const r = await api.call('system.setOperator', { name: draft });
      localStorage.setItem(STORAGE_KEY, r.operator);
      setOperator(r.operator);
      setEditing(false);
      setFirstStart(false);
    } catch (error) {
      void message.error(errorText(t, error));
    }
  };

  return (
    <>
      <Button
        type="text"
        icon={<UserOutlined />}
        title={t('app.changeOperator')}
        onClick={() => {
          setDraft(operator);
          setEditing(true);
        }}
      >
        {t('app.operator')}：{operator}
      </Button>
      <Modal
        open={editing}
        title={firstStart ? t('app.operatorFirst') : t('app.changeOperator')}
        onOk={() => void save()}
        onCancel={() => {
          // Dismissing the first-start question keeps the offered name rather than asking again.
          if (firstStart) localStorage.setItem(STORAGE_KEY, operator);
          setFirstStart(false);
          setEditing(false);
        }}
        okText={t('places.save')}
        cancelText={t('places.cancel')}
      >
        <p>{t('app.operatorPrompt')}</p>
        <Input
          autoFocus
          value={draft}
          maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={() => void save()}
        />
      </Modal>
    </>
  );
}
