// The preventive-maintenance plans tab: every plan with its target, rule in words, crew, lead days,
// next dates and open orders; switch a plan on or off; create, edit and delete plans; and generate
// the due work orders now (otherwise the core generates them on its own schedule).
import { PlusOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../shared/contract/plans';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { notifyOrdersChanged, useOrdersChanged } from './maintenanceEvents';
import { usePlanColumns } from './plans/planColumns';
import { PlanEditor } from './plans/PlanEditor';

/** Names of the places the plans' filters point at, for the target column. */
function usePlaceNames(plans: Plan[] | null): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  const ids = [
    ...new Set(
      (plans ?? []).flatMap((p) =>
        p.target.kind === 'filter' && p.target.filter.placeId ? [p.target.filter.placeId] : [],
      ),
    ),
  ]
    .sort()
    .join(',');
  useEffect(() => {
    if (!ids) return;
    let stale = false;
    Promise.all(
      ids.split(',').map((id) =>
        api
          .call('places.get', { id })
          .then((r) => [id, r.path.map((p) => p.name).join(' › ')] as const)
          .catch(() => [id, '?'] as const),
      ),
    ).then((pairs) => !stale && setNames(new Map(pairs)));
    return () => {
      stale = true;
    };
  }, [ids]);
  return names;
}

export function PlansTab() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [generating, setGenerating] = useState(false);
  const [toggling, setToggling] = useState<Set<string>>(() => new Set());
  // null: closed; { plan: null }: a new plan.
  const [editor, setEditor] = useState<{ plan: Plan | null } | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);
  const placeNames = usePlaceNames(plans);
  // Open-order counts change when any tab completes or cancels an order.
  const ordersVersion = useOrdersChanged();

  useEffect(() => {
    let stale = false;
    setLoading(true);
    api
      .call('plans.list', { language })
      .then((r) => !stale && setPlans(r.items))
      .catch(onError)
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
  }, [language, generation, ordersVersion, onError]);

  const toggle = async (plan: Plan, active: boolean) => {
    setToggling((s) => new Set(s).add(plan.id));
    try {
      await api.call('plans.update', { id: plan.id, patch: { active } });
      void message.success(t(active ? 'plans.activated' : 'plans.deactivated'));
      reload();
    } catch (error) {
      onError(error);
    } finally {
      setToggling((s) => {
        const next = new Set(s);
        next.delete(plan.id);
        return next;
      });
    }
  };

  const confirmDelete = (plan: Plan) =>
    modal.confirm({
      title: t('plans.deleteTitle', { name: plan.name }),
      content: t('plans.deleteBody'),
      okText: t('plans.delete'),
      okButtonProps: { danger: true },
      cancelText: t('plans.editor.cancel'),
      onOk: async () => {
        try {
          await api.call('plans.delete', { id: plan.id });
          void message.success(t('plans.deleted'));
          reload();
        } catch (error) {
          onError(error);
        }
      },
    });

  const generate = async () => {
    setGenerating(true);
    try {
      const r = await api.call('plans.generate', {});
      if (r.created === 0 && r.missed === 0) void message.info(t('plans.generatedNone'));
      else void message.success(t('plans.generated', r));
      if (r.created > 0) notifyOrdersChanged();
      reload();
    } catch (error) {
      onError(error);
    } finally {
      setGenerating(false);
    }
  };

  const columns = usePlanColumns({
    placeNames,
    toggling,
    onToggle: (plan, active) => void toggle(plan, active),
    onEdit: (plan) => setEditor({ plan }),
    onDelete: confirmDelete,
  });

  const editorModal = editor && (
    <PlanEditor
      plan={editor.plan}
      onClose={() => setEditor(null)}
      onSaved={() => {
        setEditor(null);
        reload();
      }}
    />
  );

  if (plans !== null && plans.length === 0) {
    return (
      <>
        <Empty
          data-testid="plans-empty"
          style={{ margin: '48px auto', maxWidth: 560 }}
          description={
            <Space orientation="vertical">
              <Typography.Text strong>{t('plans.emptyTitle')}</Typography.Text>
              <Typography.Text type="secondary">{t('plans.intro')}</Typography.Text>
            </Space>
          }
        >
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ plan: null })}>
            {t('plans.createFirst')}
          </Button>
        </Empty>
        {editorModal}
      </>
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditor({ plan: null })}>
            {t('plans.create')}
          </Button>
          <Button
            icon={<ThunderboltOutlined />}
            loading={generating}
            onClick={() => void generate()}
          >
            {t('plans.generate')}
          </Button>
        </Space>
        <Space>
          <Typography.Text data-testid="plans-total">
            {plans === null ? t('app.loading') : t('plans.total', { count: plans.length })}
          </Typography.Text>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('plans.refresh')}
          </Button>
        </Space>
      </Space>
      <Table<Plan>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={plans ?? []}
        columns={columns}
        aria-label={t('plans.tableLabel')}
        pagination={false}
        scroll={{ x: 1100 }}
      />
      {editorModal}
    </Space>
  );
}
