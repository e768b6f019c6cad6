// The Places page: the site → building → floor → room tree on the left, the chosen place on the
// right with its children, and create / edit / delete through the API.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Row, Space, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Place, PlaceKind, PlaceRef } from '../../../../shared/contract/places';
import { api } from '../../api/client';
import { errorText } from '../../errorText';
import { MoveModal } from './MoveModal';
import { PlaceDetail } from './PlaceDetail';
import { PlaceForm, type PlaceFormValues } from './PlaceForm';
import { PlaceSearch } from './PlaceSearch';
import { ROOT, usePlaceTree } from './usePlaceTree';

interface FormState {
  kind: PlaceKind;
  parentId: string | null;
  editing: Place | null;
}

export function PlacesPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { placeId } = useParams();
  const onError = useCallback((e: unknown) => void message.error(errorText(t, e)), [message, t]);
  const tree = usePlaceTree(onError);
  const loadChildren = tree.load;
  const [selected, setSelected] = useState<{ place: Place; path: PlaceRef[] } | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [form, setForm] = useState<FormState | null>(null);
  const [saving, setSaving] = useState(false);
  const [moving, setMoving] = useState<Place | null>(null);

  const loadSelected = useCallback(
    async (id: string | undefined) => {
      if (!id) return setSelected(null);
      try {
        const detail = await api.call('places.get', { id });
        setSelected(detail);
        const ancestors = detail.path.slice(0, -1).map((p) => p.id);
        await Promise.all(ancestors.map((a) => loadChildren(a)));
        setExpanded((prev) => [...new Set([...prev, ...ancestors])]);
        if (detail.place.childCount > 0) await loadChildren(id);
      } catch (error) {
        setSelected(null);
        onError(error);
      }
    },
    [loadChildren, onError],
  );

  useEffect(() => {
    void loadSelected(placeId);
  }, [placeId, loadSelected]);

  const treeData = useMemo(() => {
    const build = (key: string): DataNode[] =>
      (tree.childrenOf[key] ?? []).map((p) => ({
        key: p.id,
        title: (
          <span>
            {p.name}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
              {t(`kinds.${p.kind}`)}
            </Typography.Text>
          </span>
        ),
        isLeaf: p.childCount === 0,
        children: tree.childrenOf[p.id] ? build(p.id) : undefined,
      }));
    return build(ROOT);
  }, [tree.childrenOf, t]);

  const submit = async (values: PlaceFormValues) => {
    if (!form) return;
    setSaving(true);
    try {
      const clean = { ...values, code: values.code?.trim() ? values.code.trim() : null };
      if (form.editing) {
        const updated = await api.call('places.update', { id: form.editing.id, patch: clean });
        await tree.refresh(updated.parentId);
        await loadSelected(updated.id);
      } else {
        const created = await api.call('places.create', {
          ...clean,
          kind: form.kind,
          parentId: form.parentId,
        });
        await tree.refresh(created.parentId);
        if (created.parentId)
          setExpanded((prev) => [...new Set([...prev, created.parentId ?? ''])]);
        void navigate(`/places/${created.id}`);
      }
      void message.success(t('places.saved'));
      setForm(null);
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };

  const move = async (place: Place, parentId: string) => {
    setSaving(true);
    try {
      const moved = await api.call('places.move', { id: place.id, parentId });
      await tree.refresh(place.parentId, moved.parentId);
      setMoving(null);
      void message.success(t('places.moved'));
      await loadSelected(moved.id);
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };

  const remove = (place: Place) => {
    modal.confirm({
      title: t('places.confirmDelete', { name: place.name }),
      content:
        place.childCount > 0
          ? t('places.confirmDeleteTree', { name: place.name, count: place.childCount })
          : undefined,
      okText: t('places.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('places.cancel'),
      onOk: async () => {
        try {
          const r = await api.call('places.delete', {
            id: place.id,
            cascade: place.childCount > 0,
          });
          void message.success(t('places.deleted', { count: r.deleted }));
          await tree.refresh(place.parentId);
          if (selected?.place.id === place.id) {
            void navigate(place.parentId ? `/places/${place.parentId}` : '/places');
          } else if (selected) {
            await loadSelected(selected.place.id);
          }
        } catch (error) {
          onError(error);
        }
      },
    });
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={9} lg={7}>
        <Card
          title={t('places.tree')}
          size="small"
          extra={
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setForm({ kind: 'site', parentId: null, editing: null })}
            >
              {t('places.newSite')}
            </Button>
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <PlaceSearch onPick={(hit) => void navigate(`/places/${hit.id}`)} />
            {tree.loaded && treeData.length === 0 ? (
              <Empty description={t('places.emptyTree')} />
            ) : (
              <Tree
                treeData={treeData}
                height={640}
                selectedKeys={placeId ? [placeId] : []}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                loadData={async (node) => {
                  if (!tree.childrenOf[String(node.key)]) await tree.load(String(node.key));
                }}
                onSelect={(keys) => {
                  const key = keys[0];
                  if (key !== undefined) void navigate(`/places/${String(key)}`);
                }}
              />
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} md={15} lg={17}>
        {selected ? (
          <PlaceDetail
            detail={selected}
            childrenList={tree.childrenOf[selected.place.id] ?? []}
            onCreateChild={(kind) => setForm({ kind, parentId: selected.place.id, editing: null })}
            onEdit={(place) =>
              setForm({ kind: place.kind, parentId: place.parentId, editing: place })
            }
            onDelete={remove}
            onMove={setMoving}
            onOpen={(id) => void navigate(`/places/${id}`)}
          />
        ) : (
          <Card>
            <Empty description={t('places.selectHint')} />
          </Card>
        )}
      </Col>
      <MoveModal
        place={moving}
        saving={saving}
        onMove={(place, parentId) => void move(place, parentId)}
        onCancel={() => setMoving(null)}
      />
      <PlaceForm
        open={form !== null}
        kind={form?.kind ?? 'site'}
        editing={form?.editing ?? null}
        saving={saving}
        onSubmit={(v) => void submit(v)}
        onCancel={() => setForm(null)}
      />
    </Row>
  );
}
