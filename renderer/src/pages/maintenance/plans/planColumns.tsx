// The columns of the plans table, and the one-line summary of a plan's target (its saved filter
// in words, or the size of its explicit list).
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanTarget } from '../../../../../shared/contract/plans';
import { useLabel } from '../../../labels';
import { formatLocal } from './format';

/** Next dates shown in the row; the rest are in the cell's tooltip. */
const UPCOMING_IN_ROW = 3;

type Label = ReturnType<typeof useLabel>;

export function targetSummary(
  target: PlanTarget,
  t: TFunction,
  label: Label,
  placeNames: Map<string, string>,
): string {
  if (target.kind === 'list')
    return t('plans.target.listSummary', { count: target.assetIds.length });
  const { kinds, statuses, lampTypes, placeId } = target.filter;
  const parts = [
    kinds?.map((k) => label('kind', k)).join('、'),
    lampTypes?.map((l) => label('lampType', l)).join('、'),
    statuses?.map((s) => label('status', s)).join('、'),
    placeId ? t('plans.target.inPlace', { name: placeNames.get(placeId) ?? '…' }) : undefined,
  ].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' · ') : t('plans.target.all');
}

interface Options {
  placeNames: Map<string, string>;
  /** Ids of plans whose active switch is being saved. */
  toggling: Set<string>;
  onToggle: (plan: Plan, active: boolean) => void;
  onEdit: (plan: Plan) => void;
  onDelete: (plan: Plan) => void;
}

export function usePlanColumns(o: Options): TableColumnsType<Plan> {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  return [
    {
      key: 'name',
      title: t('plans.columns.name'),
      render: (_v, plan) => (
        <Flex vertical gap={2}>
          <Typography.Link onClick={() => o.onEdit(plan)}>{plan.name}</Typography.Link>
          <span>
            <Tag color={plan.orderType === 'inspection' ? 'blue' : 'purple'}>
              {t(`plans.orderType.${plan.orderType}`)}
            </Tag>
            <Tag>{t(`plans.category.${plan.category}`)}</Tag>
          </span>
        </Flex>
      ),
    },
    {
      key: 'target',
      title: t('plans.columns.target'),
      width: 200,
      render: (_v, plan) => (
        <Flex vertical gap={2}>
          <span>{targetSummary(plan.target, t, label, o.placeNames)}</span>
          <Typography.Text type="secondary">
            {t('plans.assetCount', { count: plan.assetCount })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'rule',
      title: t('plans.columns.rule'),
      width: 190,
      render: (_v, plan) => <span data-testid="plan-description">{plan.description}</span>,
    },
    {
      key: 'crew',
      title: t('plans.columns.crew'),
      width: 100,
      render: (_v, plan) => plan.crewName ?? '—',
    },
    {
      key: 'leadDays',
      title: t('plans.columns.leadDays'),
      width: 80,
      align: 'right',
      render: (_v, plan) => t('plans.leadDaysValue', { count: plan.leadDays }),
    },
    {
      key: 'upcoming',
      title: t('plans.columns.upcoming'),
      width: 160,
      render: (_v, plan) => {
        if (plan.upcoming.length === 0) return t('plans.noUpcoming');
        const all = plan.upcoming.map((u) => formatLocal(u, i18n.language));
        return (
          <Flex vertical title={all.join('\n')} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {all.slice(0, UPCOMING_IN_ROW).map((line) => (
              <span key={line}>{line}</span>
            ))}
          </Flex>
        );
      },
    },
    {
      key: 'openOrders',
      title: t('plans.columns.openOrders'),
      width: 80,
      align: 'right',
      dataIndex: 'openOrders',
    },
    {
      key: 'active',
      title: t('plans.columns.active'),
      width: 60,
      render: (_v, plan) => (
        <Switch
          size="small"
          checked={plan.active}
          loading={o.toggling.has(plan.id)}
          aria-label={`${t('plans.columns.active')} ${plan.name}`}
          onChange={(active) => o.onToggle(plan, active)}
        />
      ),
    },
    {
      key: 'actions',
      title: t('plans.columns.actions'),
      width: 80,
      render: (_v, plan) => (
        <Flex gap={4}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={`${t('plans.edit')} ${plan.name}`}
            title={t('plans.edit')}
            onClick={() => o.onEdit(plan)}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={`${t('plans.delete')} ${plan.name}`}
            title={t('plans.delete')}
            onClick={() => o.onDelete(plan)}
          />
        </Flex>
      ),
    },
  ];
}
