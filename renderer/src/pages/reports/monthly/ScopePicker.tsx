// What the monthly view is about: the whole site, one building, or one meter, of one utility.
import { Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { utilities, type Utility } from '../../../../../shared/contract/assets';
import { useBuildings, useSiteMeters } from '../common/usePlaces';

export type ScopeKind = 'site' | 'building' | 'meter';

export interface MonthlyScope {
  utility: Utility;
  kind: ScopeKind;
  /** The building or meter; ignored for the site. */
  id: string | null;
}

interface Props {
  siteId: string;
  year: number;
  value: MonthlyScope;
  onChange: (scope: MonthlyScope) => void;
}

export function ScopePicker({ siteId, year, value, onChange }: Props) {
  const { t } = useTranslation();
  const buildings = useBuildings(siteId);
  const meters = useSiteMeters(siteId, value.utility, year);
  const options =
    value.kind === 'building'
      ? (buildings ?? []).map((b) => ({ value: b.id, label: b.name }))
      : (meters.data?.meters ?? []).map((m) => ({
          value: m.meterId,
          label: `${m.code} ${m.name}`,
        }));
  return (
    <Space wrap>
      <Segmented<Utility>
        size="small"
        value={value.utility}
        aria-label={t('analytics.scope.utility')}
        onChange={(utility) =>
          onChange({ ...value, utility, id: value.kind === 'meter' ? null : value.id })
        }
        options={utilities.map((u) => ({ value: u, label: t(`analytics.utility.${u}`) }))}
      />
      <Segmented<ScopeKind>
        size="small"
        value={value.kind}
        aria-label={t('analytics.scope.kind')}
        onChange={(kind) => onChange({ ...value, kind, id: null })}
        options={(['site', 'building', 'meter'] as const).map((k) => ({
          value: k,
          label: t(`analytics.scope.kinds.${k}`),
        }))}
      />
      {value.kind !== 'site' && (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="monthly-scope-select"
          aria-label={t(`analytics.scope.kinds.${value.kind}`)}
          placeholder={t(`analytics.scope.choose.${value.kind}`)}
          loading={value.kind === 'building' ? !buildings : meters.loading}
          value={value.id ?? undefined}
          onChange={(id: string) => onChange({ ...value, id })}
          options={options}
          style={{ minWidth: 240 }}
        />
      )}
    </Space>
  );
}
