// A plan's target as one form control: a saved asset filter (kind, place subtree, statuses, lamp
// types — the same choices and labels as the asset page's filter bar, re-evaluated at each
// generation) or an explicit list of assets. Shows how many assets the filter matches today.
import { Flex, Radio, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetFilter } from '../../../../../shared/contract/assets';
import type { PlanTarget } from '../../../../../shared/contract/plans';
import { api } from '../../../api/client';
import { useLabelOptions } from '../../../labels';
import { PlaceSearch } from '../../places/PlaceSearch';
import { AssetPicker } from './AssetPicker';

interface Props {
  /** Forwarded by Form.Item so its label points at the control. */
  id?: string;
  value?: PlanTarget;
  onChange?: (target: PlanTarget) => void;
  /** Called with the site of a place picked for the filter (its zone is the plan's default). */
  onSitePicked?: (siteId: string) => void;
}

const emptyFilter: PlanTarget = { kind: 'filter', filter: {} };

/** Empty choices are left out, so a saved filter holds only what narrows it. */
function tidy(filter: AssetFilter): AssetFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length)),
  );
}

export function TargetField({ id, value = emptyFilter, onChange, onSitePicked }: Props) {
  const { t } = useTranslation();
  const options = useLabelOptions();
  const [placeName, setPlaceName] = useState<string | null>(null);
  const [matching, setMatching] = useState<number | null>(null);
  // The list survives switching to a filter and back within one edit.
  const [lastList, setLastList] = useState<string[]>([]);
  const filter = value.kind === 'filter' ? value.filter : null;
  const placeId = filter?.placeId;

  useEffect(() => {
    if (!placeId) return;
    let stale = false;
    api
      .call('places.get', { id: placeId })
      .then((r) => !stale && setPlaceName(r.path.map((p) => p.name).join(' › ')))
      .catch(() => !stale && setPlaceName(placeId));
    return () => {
      stale = true;
    };
  }, [placeId]);

  const filterKey = filter ? JSON.stringify(filter) : null;
  useEffect(() => {
    if (filterKey === null) return;
    let stale = false;
    api
      .call('assets.list', { filter: JSON.parse(filterKey) as AssetFilter, limit: 1 })
      .then((r) => !stale && setMatching(r.total))
      .catch(() => !stale && setMatching(null));
    return () => {
      stale = true;
    };
  }, [filterKey]);

  const setFilter = (patch: Partial<AssetFilter>) =>
    onChange?.({ kind: 'filter', filter: tidy({ ...(filter ?? {}), ...patch }) });

  const multi = (
    key: 'kinds' | 'statuses' | 'lampTypes',
    group: 'kind' | 'status' | 'lampType',
  ) => (
    <Select
      mode="multiple"
      allowClear
      aria-label={t(`plans.target.${key}`)}
      placeholder={t(`plans.target.${key}`)}
      style={{ minWidth: 160, flex: 1 }}
      value={filter?.[key] ?? []}
      options={options(group)}
      onChange={(chosen: string[]) => setFilter({ [key]: chosen })}
    />
  );

  return (
    <Flex vertical gap={8} id={id}>
      <Radio.Group
        value={value.kind}
        onChange={(e) => {
          if (e.target.value === 'filter') {
            if (value.kind === 'list') setLastList(value.assetIds);
            onChange?.(emptyFilter);
          } else onChange?.({ kind: 'list', assetIds: lastList });
        }}
        options={[
          { value: 'filter', label: t('plans.target.filter') },
          { value: 'list', label: t('plans.target.list') },
        ]}
      />
      {filter && (
        <>
          <Flex gap={8} wrap>
            {multi('kinds', 'kind')}
            {multi('statuses', 'status')}
            {multi('lampTypes', 'lampType')}
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {t('plans.target.place')}
            </Typography.Text>
            {placeId ? (
              <Tag closable color="blue" onClose={() => setFilter({ placeId: undefined })}>
                {placeName ?? '…'}
              </Tag>
            ) : (
              <div style={{ flex: 1 }}>
                <PlaceSearch
                  onPick={(hit) => {
                    setPlaceName(hit.path.map((p) => p.name).join(' › '));
                    setFilter({ placeId: hit.id });
                    onSitePicked?.(hit.path[0]?.id ?? hit.id);
                  }}
                />
              </div>
            )}
          </Flex>
          {matching !== null && (
            <Typography.Text type="secondary" data-testid="plan-target-matching">
              {t('plans.target.matching', { count: matching })}
            </Typography.Text>
          )}
        </>
      )}
      {value.kind === 'list' && (
        <AssetPicker
          value={value.assetIds}
          onChange={(assetIds) => onChange?.({ kind: 'list', assetIds })}
        />
      )}
    </Flex>
  );
}
