// The filter bar of the work-order list: text search (Ctrl+F), statuses, type, crew, place subtree,
// due-date range and "overdue only". Every change goes straight to the store query.
import { Button, Checkbox, DatePicker, Input, Select, Space, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { memo, useEffect, useRef } from 'react';
import type { WorkOrderFilter } from '../../../../../shared/contract/workOrders';
import { workOrderTypes } from '../../../../../shared/contract/workOrders';
import { workOrderStatuses } from '../../../../../shared/domain/workOrderTransitions';
import { useOrderText } from './orderText';
import { PlacePicker, type Picked } from './pickers';
import { crewOptions, useCrews } from './useCrews';

interface Props {
  filter: WorkOrderFilter;
  place: Picked | null;
  onChange: (filter: WorkOrderFilter, place?: Picked | null) => void;
}

export const OrderFilters = memo(function OrderFilters({ filter, place, onChange }: Props) {
  const { t, status, type } = useOrderText();
  const crews = useCrews();
  const searchRef = useRef<InputRef>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const set = (patch: Partial<WorkOrderFilter>) => onChange({ ...filter, ...patch });
  const active = Object.values(filter).some((v) => v !== undefined);

  return (
    <Space wrap>
      <Input.Search
        ref={searchRef}
        allowClear
        value={filter.q ?? ''}
        // Stale answers are dropped by the grid's generation counter, so each keystroke may ask.
        onChange={(e) => set({ q: e.target.value || undefined })}
        placeholder={`${t('workOrders.search')} (Ctrl+F)`}
        aria-label={t('workOrders.search')}
        style={{ width: 240 }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount={1}
        placeholder={t('workOrders.fields.status')}
        aria-label={t('workOrders.fields.status')}
        style={{ minWidth: 150 }}
        value={filter.statuses ?? []}
        options={workOrderStatuses.map((s) => ({ value: s, label: status(s) }))}
        onChange={(statuses) => set({ statuses: statuses.length ? statuses : undefined })}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount={1}
        placeholder={t('workOrders.fields.type')}
        aria-label={t('workOrders.fields.type')}
        style={{ minWidth: 130 }}
        value={filter.types ?? []}
        options={workOrderTypes.map((s) => ({ value: s, label: type(s) }))}
        onChange={(types) => set({ types: types.length ? types : undefined })}
      />
      <Select
        allowClear
        placeholder={t('workOrders.fields.crew')}
        aria-label={t('workOrders.fields.crew')}
        style={{ width: 140 }}
        value={filter.crewId ?? null}
        options={crewOptions(crews)}
        onChange={(crewId: string | null | undefined) => set({ crewId: crewId ?? undefined })}
      />
      <div style={{ width: 220 }}>
        <PlacePicker
          value={place}
          placeholder={t('workOrders.filterPlace')}
          onChange={(picked) => onChange({ ...filter, placeId: picked?.value }, picked)}
        />
      </div>
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('workOrders.dueFrom'), t('workOrders.dueTo')]}
        value={[
          filter.dueFrom ? dayjs(filter.dueFrom) : null,
          filter.dueTo ? dayjs(filter.dueTo) : null,
        ]}
        onChange={(range) =>
          set({
            dueFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
            dueTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
      />
      <Checkbox
        checked={filter.overdue === true}
        onChange={(e) => set({ overdue: e.target.checked || undefined })}
      >
        {t('workOrders.overdueOnly')}
      </Checkbox>
      {active && (
        <Button type="link" onClick={() => onChange({}, null)}>
          {t('workOrders.clearFilters')}
        </Button>
      )}
    </Space>
  );
});
