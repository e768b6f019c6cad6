// The asset table's window onto the register: the total from the store and rows fetched in blocks
// as they scroll into view. Only recently seen blocks are kept, so the renderer never holds the
// whole register however far one scrolls. The block cache itself (useBlockPages) knows nothing of
// assets, so other windowed lists (work orders) page the same way.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Asset, AssetFilter, SortColumn } from '../../../../shared/contract/assets';
import { api } from '../../api/client';

export const BLOCK = 100;
const KEEP_BLOCKS = 30;

export interface AssetSort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export interface PageOf<Row> {
  items: Row[];
  total: number;
}

/**
 * Rows of any offset/limit query, cached by block. `fetchPage` must keep its identity while the
 * query is the same (memoise it on the query): a new identity starts over from the first block.
 */
export function useBlockPages<Row>(
  fetchPage: (offset: number, limit: number) => Promise<PageOf<Row>>,
  onError: (e: unknown) => void,
) {
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const blocks = useRef(new Map<number, Row[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  // The rows last asked for: after a reload they are fetched again at once, since the view that
  // shows them need not move (and so need not ask) to be refreshed.
  const lastRange = useRef<[number, number]>([0, 0]);
  const [, setTick] = useState(0);

  const fetchBlock = useCallback(
    async (block: number, gen: number) => {
      if (pending.current.has(block)) return;
      pending.current.add(block);
      try {
        const page = await fetchPage(block * BLOCK, BLOCK);
        if (gen !== generation.current) return;
        blocks.current.delete(block);
        blocks.current.set(block, page.items);
        while (blocks.current.size > KEEP_BLOCKS) {
          const oldest = blocks.current.keys().next().value;
          if (oldest === undefined) break;
          blocks.current.delete(oldest);
        }
        setTotal(page.total);
        setTick((t) => t + 1);
      } catch (error) {
        onError(error);
      } finally {
        pending.current.delete(block);
      }
    },
    [fetchPage, onError],
  );

  useEffect(() => {
    generation.current += 1;
    blocks.current = new Map();
    pending.current = new Set();
    void fetchBlock(0, generation.current);
    const [start, end] = lastRange.current;
    for (let b = Math.max(1, Math.floor(start / BLOCK)); b <= Math.floor(end / BLOCK); b += 1) {
      void fetchBlock(b, generation.current);
    }
  }, [fetchBlock, version]);

  const rowAt = useCallback((index: number): Row | undefined => {
    return blocks.current.get(Math.floor(index / BLOCK))?.[index % BLOCK];
  }, []);

  /** Makes sure the rows from start to end (inclusive) are loaded or on their way. */
  const ensure = useCallback(
    (start: number, end: number) => {
      lastRange.current = [start, end];
      for (let b = Math.floor(start / BLOCK); b <= Math.floor(end / BLOCK); b += 1) {
        if (!blocks.current.has(b)) void fetchBlock(b, generation.current);
      }
    },
    [fetchBlock],
  );

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return { total, rowAt, ensure, reload };
}

export function useAssetPages(filter: AssetFilter, sort: AssetSort, onError: (e: unknown) => void) {
  const key = JSON.stringify({ filter, sort });

  const fetchPage = useCallback(
    (offset: number, limit: number) => api.call('assets.list', { filter, sort, offset, limit }),
    // The key captures filter and sort by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const { total, rowAt, ensure, reload } = useBlockPages<Asset>(fetchPage, onError);

  /** Loads the rows from start to end and returns them (for shift-click range selection). */
  const rowsBetween = useCallback(
    async (start: number, end: number): Promise<Asset[]> => {
      const page = await api.call('assets.list', {
        filter,
        sort,
        offset: start,
        limit: Math.min(500, end - start + 1),
      });
      const rows = [...page.items];
      for (let offset = start + rows.length; offset <= end && rows.length < end - start + 1;) {
        const more = await api.call('assets.list', { filter, sort, offset, limit: 500 });
        if (more.items.length === 0) break;
        rows.push(...more.items);
        offset += more.items.length;
      }
      return rows.slice(0, end - start + 1);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  return { total, rowAt, ensure, rowsBetween, reload };
}
