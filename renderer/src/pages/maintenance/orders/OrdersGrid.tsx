// The work-order list as one windowed grid, like the asset register's: only rows in view are
// rendered, rows arrive in blocks from the store, headers sort, arrows move and Enter opens. With
// onSelect, a tick box leads each row (Space ticks the focused row, Shift extends from the last).
// It fills the window below its own top edge, so the KPI strip and filters above may wrap freely.
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, Empty, Skeleton } from 'antd';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderRow } from '../../../../../shared/contract/workOrders';
import type { OrderColumn, OrderSort } from './orderColumns';

interface Props {
  columns: OrderColumn[];
  total: number | null;
  rowAt: (index: number) => WorkOrderRow | undefined;
  ensure: (start: number, end: number) => void;
  sort: OrderSort;
  onSort: (sort: OrderSort) => void;
  onOpen: (row: WorkOrderRow) => void;
  emptyText: string;
  /** Ticked order ids, and what a tick does (range: Shift held, from the last tick). */
  selected?: ReadonlySet<string>;
  onSelect?: (row: WorkOrderRow, index: number, range: boolean) => void;
}

const TICK = 36;

const ROW = 36;

/** Room the layout keeps under the page's content (its padding and the body's margin). */
const BELOW = 32;

/**
 * The height that takes the grid to the window's bottom without the page itself scrolling.
 * Measured again whenever anything above it changes size (the KPI strip loading, the filter bar
 * wrapping) and when the window resizes.
 */
function useFillHeight(ref: RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(400);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(280, Math.floor(window.innerHeight - top - BELOW)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
      for (let above = node.previousElementSibling; above; above = above.previousElementSibling) {
        observer.observe(above);
      }
    }
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref]);
  return height;
}

export function OrdersGrid(props: Props) {
  const { t } = useTranslation();
  const { columns, total, rowAt, ensure, sort, onSort, onOpen, selected, onSelect } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(scrollRef);
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

  // Growing columns (title, place) take the room a wide window has; the rest keep their width.
  const template = [
    ...(onSelect ? [`${TICK}px`] : []),
    ...columns.map((c) => (c.grow ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)),
  ].join(' ');
  const width = columns.reduce((a, c) => a + c.width, onSelect ? TICK : 0);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const move = (to: number) => {
      const next = Math.max(0, Math.min(count - 1, to));
      setFocus(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      event.preventDefault();
    };
    const row = rowAt(focus);
    if (event.key === 'ArrowDown') move(focus + 1);
    else if (event.key === 'ArrowUp') move(focus - 1);
    else if (event.key === 'PageDown') move(focus + 15);
    else if (event.key === 'PageUp') move(focus - 15);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(count - 1);
    else if (event.key === 'Enter' && row) onOpen(row);
    else if (event.key === ' ' && row && onSelect) {
      onSelect(row, focus, event.shiftKey);
      event.preventDefault();
    }
  };

  return (
    <div
      ref={scrollRef}
      className="desk-grid"
      role="grid"
      aria-rowcount={count}
      aria-label={t('workOrders.tableLabel')}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ height }}
      data-testid="order-grid"
    >
      <div
        className="desk-grid-header"
        style={{ gridTemplateColumns: template, minWidth: width, width: '100%' }}
      >
        {onSelect && <div role="columnheader" aria-label={t('workOrderPrint.list.select')} />}
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
      {total === 0 ? (
        <div style={{ padding: 48 }}>
          <Empty description={props.emptyText} />
        </div>
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: width }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 1}
                className={`desk-grid-row${item.index === focus ? ' focused' : ''}`}
                data-overdue={row?.overdue || undefined}
                style={{
                  transform: `translateY(${item.start}px)`,
                  gridTemplateColumns: template,
                  width: '100%',
                  // Overdue work stands out even before one reads the due-date column.
                  background: row?.overdue ? '#fff2f0' : undefined,
                }}
                onClick={() => {
                  setFocus(item.index);
                  if (row) onOpen(row);
                }}
              >
                {row ? (
                  <>
                    {onSelect && (
                      <div role="gridcell" onClick={(e) => e.stopPropagation()}>
                        <Checkbox
                          aria-label={t('workOrderPrint.list.selectRow', { number: row.number })}
                          checked={selected?.has(row.id) ?? false}
                          onChange={(e) => onSelect(row, item.index, e.nativeEvent.shiftKey)}
                        />
                      </div>
                    )}
                    {columns.map((c) => (
                      <div key={c.key} role="gridcell" style={{ textAlign: c.align ?? 'left' }}>
                        {c.render(row)}
                      </div>
                    ))}
                  </>
                ) : (
                  <div style={{ gridColumn: `1 / span ${columns.length + (onSelect ? 1 : 0)}` }}>
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
