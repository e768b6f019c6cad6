// The Assets page: the whole register in one windowed table with filters and search, a detail
// panel with history, and the bulk actions (status, place, fields, add fixtures).
import {
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  QrcodeOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Asset, AssetFilter, AssetInput } from '../../../../shared/contract/assets';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { mimeOf, saveBase64 } from '../../files';
import { useLabel } from '../../labels';
import { rememberSelection } from '../print/printSelection';
import { AddFixturesModal, type AddFixturesValues } from './AddFixturesModal';
import { AssetDetail, type AssetDetailData } from './AssetDetail';
import { AssetFilters } from './AssetFilters';
import { AssetForm, type AssetFormValues } from './AssetForm';
import { AssetTable, type Column } from './AssetTable';
import { BulkEditModal, type BulkPatch } from './BulkEditModal';
import { ImportModal } from './ImportModal';
import {
  emptySelection,
  isSelected,
  selectedCount,
  toApiSelection,
  toggle,
  toggleMany,
  type TableSelection,
} from './selection';
import { useAssetPages, type AssetSort } from './useAssetPages';

type Dialog = 'bulk' | 'add' | 'form' | 'import' | null;

export function AssetsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<AssetFilter>({});
  const [placeName, setPlaceName] = useState<string | null>(null);
  const [sort, setSort] = useState<AssetSort>({ column: 'code', direction: 'asc' });
  const [selection, setSelection] = useState<TableSelection>(emptySelection);
  const [anchor, setAnchor] = useState<number | null>(null);
  const [detail, setDetail] = useState<AssetDetailData | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState<Asset | null>(null);
  const [saving, setSaving] = useState(false);
  const [height, setHeight] = useState(() => Math.max(320, window.innerHeight - 260));
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);
  const pages = useAssetPages(filter, sort, onError);
  const total = pages.total ?? 0;
  const count = selectedCount(selection, total);

  useEffect(() => {
    const onResize = () => setHeight(Math.max(320, window.innerHeight - 260));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const changeFilter = useCallback((next: AssetFilter, name?: string | null) => {
    setFilter(next);
    if (name !== undefined) setPlaceName(name);
    setSelection(emptySelection);
    setAnchor(null);
  }, []);

  const selectAllMatching = useCallback(
    () => setSelection({ mode: 'filter', filter, except: new Set() }),
    [filter],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA'].includes(target.tagName)) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        selectAllMatching();
      } else if (event.key === 'Escape') setSelection(emptySelection);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectAllMatching]);

  const open = useCallback(
    async (asset: Asset) => {
      try {
        setDetail(await api.call('assets.get', { id: asset.id }));
      } catch (error) {
        onError(error);
      }
    },
    [onError],
  );

  const onTick = async (index: number, asset: Asset, on: boolean, shift: boolean) => {
    if (shift && anchor !== null && anchor !== index) {
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
      try {
        const rows = await pages.rowsBetween(from, to);
        setSelection((s) =>
          toggleMany(
            s,
            rows.map((r) => r.id),
            on,
          ),
        );
      } catch (error) {
        onError(error);
      }
    } else {
      setSelection((s) => toggle(s, asset.id, on));
    }
    setAnchor(index);
  };

  const run = async (work: () => Promise<string>) => {
    setSaving(true);
    try {
      void message.success(await work());
      setDialog(null);
      pages.reload();
      if (detail) await open(detail.asset);
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };

  const applyBulk = (patch: BulkPatch) =>
    run(async () => {
      const sel = toApiSelection(selection);
      if (!sel) return '';
      const r = await api.call('assets.bulkUpdate', { selection: sel, patch });
      setSelection(emptySelection);
      return t('assets.bulkDone', { count: r.updated });
    });

  const addFixtures = (values: AddFixturesValues) =>
    run(async () => {
      const r = await api.call('assets.addFixtures', values);
      return t('assets.addFixturesDone', {
        count: r.created,
        first: r.codes[0],
        last: r.codes[r.codes.length - 1],
      });
    });

  const saveAsset = (values: AssetFormValues, placeId: string | null) =>
    run(async () => {
      const body = { ...values, placeId } as AssetInput;
      if (editing) {
        const { kind: _kind, ...patch } = body;
        await api.call('assets.update', { id: editing.id, patch });
      } else {
        await api.call('assets.create', body);
      }
      return t('places.saved');
    });

  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await api.call('assets.export', {
        filter,
        format,
        language: i18n.language === 'en' ? 'en' : 'zh-CN',
      });
      saveBase64(file.fileName, file.contentBase64, mimeOf(file.fileName));
      void message.success(t('assets.exported', { count: file.rows }));
    } catch (error) {
      onError(error);
    }
  };

  const columns: Column[] = useMemo(
    () => [
      {
        key: 'code',
        title: t('assets.fields.code'),
        width: 170,
        sort: 'code',
        render: (a) => a.code,
      },
      {
        key: 'name',
        title: t('assets.fields.name'),
        width: 180,
        sort: 'name',
        render: (a) => a.name,
      },
      {
        key: 'kind',
        title: t('assets.fields.kind'),
        width: 100,
        sort: 'kind',
        render: (a) => label('kind', a.kind),
      },
      {
        key: 'status',
        title: t('assets.fields.status'),
        width: 90,
        sort: 'status',
        render: (a) => (
          <Tag
            color={a.status === 'in_service' ? 'green' : a.status === 'faulty' ? 'red' : 'default'}
          >
            {label('status', a.status)}
          </Tag>
        ),
      },
      {
        key: 'place',
        title: t('assets.fields.place'),
        width: 240,
        sort: 'place',
        render: (a) => a.placeName ?? '',
      },
      {
        key: 'type',
        title: t('assets.fields.type'),
        width: 120,
        sort: 'lampType',
        render: (a) =>
          label('lampType', a.lampType) ||
          label('utility', a.utility) ||
          label('equipmentType', a.equipmentType) ||
          label('irrigationMethod', a.irrigationMethod),
      },
      {
        key: 'power',
        title: t('assets.fields.ratedPowerW'),
        width: 90,
        sort: 'ratedPowerW',
        align: 'right',
        render: (a) => a.ratedPowerW ?? '',
      },
      {
        key: 'installDate',
        title: t('assets.fields.installDate'),
        width: 110,
        sort: 'installDate',
        render: (a) => a.installDate ?? '',
      },
      {
        key: 'lastReplaced',
        title: t('assets.fields.lastReplaced'),
        width: 110,
        sort: 'lastReplaced',
        render: (a) => a.lastReplaced ?? '',
      },
      {
        key: 'serial',
        title: t('assets.fields.serial'),
        width: 150,
        sort: 'serial',
        render: (a) => a.serial ?? '',
      },
    ],
    [t, label],
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <AssetFilters filter={filter} placeName={placeName} onChange={changeFilter} />
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Typography.Text data-testid="asset-total">
            {pages.total === null ? t('app.loading') : t('assets.total', { count: total })}
          </Typography.Text>
          {count > 0 && (
            <>
              <Typography.Text strong data-testid="asset-selected">
                {t('assets.selected', { count })}
              </Typography.Text>
              <Button size="small" type="link" onClick={() => setSelection(emptySelection)}>
                {t('assets.clearSelection')}
              </Button>
            </>
          )}
          {total > 0 && selection.mode === 'ids' && (
            <Button size="small" type="link" onClick={selectAllMatching}>
              {t('assets.selectAllMatching', { count: total })}
            </Button>
          )}
        </Space>
        <Space>
          <Button icon={<EditOutlined />} disabled={count === 0} onClick={() => setDialog('bulk')}>
            {t('assets.bulkEdit')}
          </Button>
          <Button
            icon={<QrcodeOutlined />}
            disabled={count === 0}
            onClick={() => {
              const sel = toApiSelection(selection);
              if (!sel) return;
              rememberSelection(sel);
              void navigate('/print/labels');
            }}
          >
            {t('assets.printLabels')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
            {t('assets.import')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: t('assets.exportXlsx') },
                { key: 'csv', label: t('assets.exportCsv') },
              ],
              onClick: ({ key }) => void exportAs(key as 'csv' | 'xlsx'),
            }}
          >
            <Button icon={<DownloadOutlined />}>{t('assets.export')}</Button>
          </Dropdown>
          <Button onClick={() => setDialog('add')}>{t('assets.addFixtures')}</Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setDialog('form');
            }}
          >
            {t('assets.create')}
          </Button>
        </Space>
      </Space>
      <AssetTable
        columns={columns}
        total={pages.total}
        rowAt={pages.rowAt}
        ensure={pages.ensure}
        sort={sort}
        onSort={setSort}
        isSelected={(id) => isSelected(selection, id)}
        onTick={(i, a, on, shift) => void onTick(i, a, on, shift)}
        onOpen={(a) => void open(a)}
        emptyText={filter.q || Object.keys(filter).length ? t('assets.noMatch') : t('assets.empty')}
        height={height}
      />
      <AssetDetail
        detail={detail}
        onClose={() => setDetail(null)}
        onEdit={(a) => {
          setEditing(a);
          setDialog('form');
        }}
      />
      <BulkEditModal
        open={dialog === 'bulk'}
        count={count}
        saving={saving}
        onSubmit={(p) => void applyBulk(p)}
        onCancel={() => setDialog(null)}
      />
      <AddFixturesModal
        open={dialog === 'add'}
        saving={saving}
        onSubmit={(v) => void addFixtures(v)}
        onCancel={() => setDialog(null)}
      />
      <ImportModal
        open={dialog === 'import'}
        onClose={(imported) => {
          setDialog(null);
          if (imported) pages.reload();
        }}
      />
      <AssetForm
        open={dialog === 'form'}
        editing={editing}
        saving={saving}
        onSubmit={(v, p) => void saveAsset(v, p)}
        onCancel={() => setDialog(null)}
      />
    </Space>
  );
}
