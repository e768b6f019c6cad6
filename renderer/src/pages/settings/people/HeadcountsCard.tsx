// Yearly headcounts by site as an editable table: one row per site and year, edited in place (one
// row at a time, Enter saves, Esc cancels), with the standard persons beside the four groups under
// the current weights. A new row starts from the site's latest year, since headcounts change
// little from one year to the next. Deleting asks first: the year's per-capita figures go with it.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Headcount } from '../../../../../shared/contract/people';
import type { Place } from '../../../../../shared/contract/places';
import { api } from '../../../api/client';
import { errorText } from '../../../errorText';
import { keyOf, NEW, useHeadcountColumns, type Draft } from './headcountColumns';
import { groupKeys, type Weights } from './headcountMath';

interface Props {
  sites: Place[];
  /** The site chosen above the tables; null shows every site. */
  siteId: string | null;
  weights: Weights;
  /** Bumped by the page after an import, to reload. */
  version: number;
}

export function HeadcountsCard({ sites, siteId, weights, version }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Draft>();
  const [items, setItems] = useState<Headcount[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.call('people.headcounts', siteId ? { siteId } : {}).then(
      // Newest year first within each site: the year being entered is usually the latest.
      (r) =>
        setItems(
          [...r.items].sort((a, b) => a.siteName.localeCompare(b.siteName) || b.year - a.year),
        ),
      (e: unknown) => void message.error(errorText(t, e)),
    );
  }, [siteId, message, t]);
  useEffect(load, [load, version]);

  const startNew = () => {
    const site = siteId ?? (sites.length === 1 ? (sites[0]?.id ?? undefined) : undefined);
    const latest = items?.find((h) => h.siteId === site);
    form.resetFields();
    form.setFieldsValue({
      siteId: site,
      year: latest ? latest.year + 1 : new Date().getFullYear(),
      ...(latest ? Object.fromEntries(groupKeys.map((k) => [k, latest[k]])) : {}),
    });
    setEditing(NEW);
  };

  const startEdit = (h: Headcount) => {
    form.resetFields();
    form.setFieldsValue({
      siteId: h.siteId,
      year: h.year,
      ...Object.fromEntries(groupKeys.map((k) => [k, h[k]])),
    });
    setEditing(keyOf(h));
  };

  const save = async () => {
    let draft: Draft;
    try {
      draft = await form.validateFields();
    } catch {
      void message.error(t('people.headcounts.incomplete'));
      return;
    }
    const row = { ...form.getFieldsValue(true), ...draft } as Draft;
    if (!row.siteId || !row.year) return;
    const siteName = sites.find((s) => s.id === row.siteId)?.name ?? '';
    // setHeadcount replaces silently; a new row must not overwrite a year already on record.
    if (editing === NEW && items?.some((h) => h.siteId === row.siteId && h.year === row.year)) {
      void message.error(t('people.headcounts.duplicate', { site: siteName, year: row.year }));
      return;
    }
    setBusy(true);
    try {
      const saved = await api.call('people.setHeadcount', {
        siteId: row.siteId,
        year: row.year,
        students: row.students ?? 0,
        staff: row.staff ?? 0,
        residents: row.residents ?? 0,
        others: row.others ?? 0,
      });
      void message.success(
        t('people.headcounts.saved', { site: saved.siteName, year: saved.year }),
      );
      setEditing(null);
      load();
    } catch (e) {
      void message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const remove = (h: Headcount) =>
    modal.confirm({
      title: t('people.headcounts.confirmDelete', { site: h.siteName, year: h.year }),
      content: t('people.headcounts.confirmDeleteHint'),
      okText: t('people.delete'),
      okButtonProps: { danger: true },
      cancelText: t('people.cancel'),
      onOk: async () => {
        try {
          await api.call('people.deleteHeadcount', { siteId: h.siteId, year: h.year });
          void message.success(t('people.headcounts.deleted', { site: h.siteName, year: h.year }));
          load();
        } catch (e) {
          void message.error(errorText(t, e));
        }
      },
    });

  const columns = useHeadcountColumns({
    sites,
    siteId,
    weights,
    editingKey: editing,
    busy,
    onSave: () => void save(),
    onCancel: () => setEditing(null),
    onEdit: startEdit,
    onDelete: remove,
  });

  // The new row is a placeholder with no site id; its cells render as inputs.
  const blank: Headcount = {
    siteId: '',
    siteName: '',
    year: 0,
    students: 0,
    staff: 0,
    residents: 0,
    others: 0,
    standardPersons: 0,
  };
  const rows = editing === NEW ? [blank, ...(items ?? [])] : (items ?? []);
  return (
    <Card
      title={t('people.headcounts.title')}
      extra={
        <Button
          icon={<PlusOutlined />}
          onClick={startNew}
          disabled={editing !== null || sites.length === 0}
        >
          {t('people.headcounts.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('people.headcounts.hint')}</Typography.Paragraph>
      <Form form={form} component={false}>
        <Table<Headcount>
          size="small"
          data-testid="headcounts"
          rowKey={(h) => (h.siteId === '' ? NEW : keyOf(h))}
          loading={items === null}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('people.headcounts.empty')}
              />
            ),
          }}
        />
      </Form>
    </Card>
  );
}
