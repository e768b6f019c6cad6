// The register as one windowed table: only the rows in view are rendered, rows arrive in blocks
// from the store, headers sort, the keyboard moves, ticks and opens.
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, Empty, Skeleton } from 'antd';
import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset, SortColumn } from '../../../../shared/contract/assets';
import type { AssetSort } from './useAssetPages';

export interface Column {
  key: string;
  title: string;
  width: number;
  sort?: SortColumn;
  align?: 'left' | 'right';
  render: (asset: Asset) => ReactNode;
}

interface Props {
  columns: Column[];
  total: number | null;
  rowAt: (index: number) => Asset | undefined;
  ensure: (start: number, end: number) => void;
  sort: AssetSort;
  onSort: (sort: AssetSort) => void;
  isSelected: (id: string) => boolean;
  onTick: (index: number, asset: Asset, on: boolean, shift: boolean) => void;
  onOpen: (asset: Asset) => void;
  emptyText: ReactNode;
  height: number;
}

const ROW = 36;

export function AssetTable(props: Props) {
  const { t } = useTranslation();
  const { columns, total, rowAt, ensure, sort, onSort, isSelected, onTick, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState(0);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) ensure(first, last);
  }, [first, last, count, ensure]);

  const template = `40px ${columns.map((c) => `${c.width}px`).join(' ')}`;
  const width = 40 + columns.reduce((a, c) => a + c.width, 0);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const move = (to: number) => {
      const next = Math.max(0, Math.min(count - 1, to));
      setFocus(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      event.preventDefault();
    };
    const asset = rowAt(focus);
    if (event.key === 'ArrowDown') move(focus + 1);
    else if (event.key === 'ArrowUp') move(focus - 1);
    else if (event.key === 'PageDown') move(focus + 15);
    else if (event.key === 'PageUp') move(focus - 15);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(count - 1);
    else if (event.key === ' ' && asset) {
      onTick(focus, asset, !isSelected(asset.id), event.shiftKey);
      event.preventDefault();
    } else if (event.key === 'Enter' && asset) onOpen(asset);
  };

  const header = (
    <div className="desk-grid-header" style={{ gridTemplateColumns: template, width }}>
      <div />
      {columns.map((c) => (
        <div
          key={c.key}
          role="columnheader"
          aria-sort={
            sort.column === c.sort
              ? sort.direction === 'asc'
                ? 'ascending'
                : 'descending'
              : undefined
          }
          className={c.sort ? 'desk-sortable' : undefined}
          style={{ textAlign: c.align ?? 'left' }}
          onClick={() => {
            if (!c.sort) return;
            const direction = sort.column === c.sort && sort.direction === 'asc' ? 'desc' : 'asc';
            onSort({ column: c.sort, direction });
          }}
        >
          {c.title}
          {sort.column === c.sort &&
            (sort.direction === 'asc' ? <ArrowUpOutlined /> : <ArrowDownOutlined />)}
        </div>
      ))}
    </div>
  );

  return (
    <div
      ref={scrollRef}
      className="desk-grid"
      role="grid"
      aria-rowcount={count}
      aria-label={t('assets.tableLabel')}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ height: props.height }}
      data-testid="asset-grid"
    >
      {header}
      {total === 0 ? (
        <div style={{ padding: 48 }}>
          <Empty description={props.emptyText} />
        </div>
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width }}>
          {items.map((item) => {
            const asset = rowAt(item.index);
            const selected = asset ? isSelected(asset.id) : false;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={selected}
                className={`desk-grid-row${selected ? ' selected' : ''}${item.index === focus ? ' focused' : ''}`}
                style={{
                  transform: `translateY(${item.start}px)`,
                  gridTemplateColumns: template,
                  width,
                }}
                onClick={(e: MouseEvent) => {
                  setFocus(item.index);
                  if (asset && (e.shiftKey || e.ctrlKey || e.metaKey)) {
                    onTick(item.index, asset, !selected, e.shiftKey);
                  } else if (asset) onOpen(asset);
                }}
              >
                <div onClick={(e) => e.stopPropagation()}>
                  {asset && (
                    <Checkbox
                      checked={selected}
                      aria-label={asset.code}
                      onClick={(e) => {
                        setFocus(item.index);
                        onTick(item.index, asset, !selected, e.shiftKey);
                      }}
                    />
                  )}
                </div>
                {asset ? (
                  columns.map((c) => (
                    <div key={c.key} role="gridcell" style={{ textAlign: c.align ?? 'left' }}>
                      {c.render(asset)}
                    </div>
                  ))
                ) : (
                  <div style={{ gridColumn: `2 / span ${columns.length}` }}>
                    <Skeleton.Input active size="small" style={{ width: 400 }} />
                  </div>
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
