// The columns of the headcount table, read-only or as inputs for the one row being edited (the
// new row is a placeholder with no site id). Kept apart from the card, which owns loading and
// saving, so each stays readable.
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Headcount } from '../../../../../shared/contract/people';
import type { Place } from '../../../../../shared/contract/places';
import {
  formatPersons,
  groupKeys,
  standardPersons,
  type Groups,
  type Weights,
} from './headcountMath';

export type Draft = Partial<Groups> & { siteId?: string; year?: number };
/** The editing key of the new row; stored rows use keyOf. */
export const NEW = 'new';
export const keyOf = (h: Pick<Headcount, 'siteId' | 'year'>) => `${h.siteId}:${h.year}`;

/** The edited row's standard persons, following the inputs as they change. */
function LivePersons({ weights }: { weights: Weights }) {
  const { i18n } = useTranslation();
  const form = Form.useFormInstance<Draft>();
  const groups = Form.useWatch([], form) ?? {};
  return <strong>{formatPersons(standardPersons(groups, weights), i18n.language)}</strong>;
}

interface Options {
  sites: Place[];
  siteId: string | null;
  weights: Weights;
  /** NEW, a row's keyOf, or null when no row is being edited. */
  editingKey: string | null;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
  onEdit: (h: Headcount) => void;
  onDelete: (h: Headcount) => void;
}

export function useHeadcountColumns({
  sites,
  siteId,
  weights,
  editingKey,
  busy,
  onSave,
  onCancel,
  onEdit,
  onDelete,
}: Options): ColumnsType<Headcount> {
  const { t, i18n } = useTranslation();
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Enter') onSave();
    if (event.key === 'Escape') onCancel();
  };
  const isEditing = (h: Headcount) =>
    editingKey !== null && (h.siteId === '' ? editingKey === NEW : editingKey === keyOf(h));
  // Only the site and year are required: an empty group is saved as 0.
  const number = (name: keyof Draft, label: string, min: number, max: number) => (
    <Form.Item name={name} noStyle rules={name === 'year' ? [{ required: true }] : []}>
      <InputNumber
        aria-label={label}
        min={min}
        max={max}
        precision={0}
        onKeyDown={keys}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );

  return [
    {
      title: t('people.site'),
      dataIndex: 'siteName',
      render: (name: string, h) =>
        isEditing(h) && h.siteId === '' && !siteId ? (
          <Form.Item name="siteId" noStyle rules={[{ required: true }]}>
            <Select
              aria-label={t('people.site')}
              placeholder={t('people.chooseSite')}
              options={sites.map((s) => ({ value: s.id, label: s.name }))}
              style={{ width: '100%' }}
            />
          </Form.Item>
        ) : (
          name || sites.find((s) => s.id === siteId)?.name
        ),
    },
    {
      title: t('people.year'),
      dataIndex: 'year',
      width: 110,
      render: (year: number, h) =>
        isEditing(h) && h.siteId === '' ? number('year', t('people.year'), 1900, 2200) : year,
    },
    ...groupKeys.map((key) => ({
      title: t(`people.groups.${key}`),
      dataIndex: key,
      width: 130,
      align: 'right' as const,
      render: (value: number, h: Headcount) =>
        isEditing(h)
          ? number(key, t(`people.groups.${key}`), 0, 10_000_000)
          : formatPersons(value, i18n.language),
    })),
    {
      title: t('people.standardPersons'),
      dataIndex: 'standardPersons',
      width: 120,
      align: 'right',
      render: (value: number, h) =>
        isEditing(h) ? <LivePersons weights={weights} /> : formatPersons(value, i18n.language),
    },
    {
      title: t('people.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, h) =>
        isEditing(h) ? (
          <Space size={4}>
            <Button type="primary" size="small" loading={busy} onClick={onSave}>
              {t('people.save')}
            </Button>
            <Button size="small" onClick={onCancel}>
              {t('people.cancel')}
            </Button>
          </Space>
        ) : (
          <Space size={4}>
            <Button
              size="small"
              type="link"
              icon={<EditOutlined />}
              disabled={editingKey !== null}
              onClick={() => onEdit(h)}
            >
              {t('people.edit')}
            </Button>
            <Button
              size="small"
              type="link"
              danger
              icon={<DeleteOutlined />}
              disabled={editingKey !== null}
              onClick={() => onDelete(h)}
            >
              {t('people.delete')}
            </Button>
          </Space>
        ),
    },
  ];
}
