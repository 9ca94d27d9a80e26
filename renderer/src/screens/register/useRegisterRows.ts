import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ListResult, RequestSummary } from '../../../../contract/requests.ts';
import { useApi } from '../../api/context.tsx';
import { placeOf } from './scroll-memory.ts';
import type { ValidSavedQuery } from './url.ts';

/**
 * Rows per `requests.list` call. A block of 100 costs the register a few milliseconds at any
 * offset of 250,000 (with its count), is about 30 kB of JSON, and covers two to three
 * screens, so a screen needs one or two blocks and the next one is fetched ahead.
 */
export const BLOCK_SIZE = 100;
/**
 * Scrolling on to the next block asks for it at once, at most once per ASK_EVERY_MS. A jump
 * (the scroll bar dragged, End, a click in the bar's track) waits until the list has rested
 * for REST_MS: a dragged bar sweeps past thousands of rows, and a queue of calls for rows
 * long gone would only delay the ones where it stops.
 */
const ASK_EVERY_MS = 100;
const REST_MS = 60;
/**
 * A block is fresh for this long: scrolling back and forth does not ask again. Changes made
 * here invalidate the list at once (bulk assignment, a move, a new request), so this only
 * delays what another window changed.
 */
const FRESH_MS = 30_000;
/** The list's limit: "select all" fetches the ids of at most this many requests in one call. */
export const SELECT_ALL_MAX = 500;

/** The cache key of one block; its prefix ['requests.list'] is what changes invalidate. */
export const blockKey = (query: ValidSavedQuery, block: number) => ['requests.list', query, { block }] as const;

interface Blocks {
  address: string;
  first: number;
  last: number;
}

const blocksOf = (address: string, first: number, last: number): Blocks => ({
  address,
  first: Math.floor(first / BLOCK_SIZE),
  last: Math.floor(last / BLOCK_SIZE),
});

/** Where a list opens: where it was left, or its first block. */
function openingWindow(address: string): Blocks {
  const place = placeOf(address);
  return place ? blocksOf(address, place.first, place.last) : { address, first: 0, last: 0 };
}

export interface RegisterRows {
  /** Requests matching the query; the previous query's count while the first answer is awaited; null before any. */
  total: number | null;
  /** The row at this position, or undefined while its block is on its way. */
  rowAt(index: number): RequestSummary | undefined;
  fetching: boolean;
  error: Error | null;
  /** The table reports the rows it renders: their blocks are fetched and their neighbours prefetched. */
  show(first: number, last: number): void;
  /** Every request of the result, when it has at most SELECT_ALL_MAX. */
  allIds(): Promise<number[]>;
}

/**
 * The rows of one register query, asked for in blocks as the table scrolls. The total comes
 * with every block, so a refresh (an invalidation of ['requests.list']) refetches only the
 * blocks on screen and the count comes with them; blocks out of sight are refetched when seen.
 */
export function useRegisterRows(query: ValidSavedQuery, address: string): RegisterRows {
  const api = useApi();
  const queryClient = useQueryClient();
  const [asked, setAsked] = useState(() => openingWindow(address));
  // A new address starts at its first block (the table scrolls to the top).
  const inSight = asked.address === address ? asked : { address, first: 0, last: 0 };
  const fetchBlock = (block: number) => () =>
    api.call('requests.list', { ...query, limit: BLOCK_SIZE, offset: block * BLOCK_SIZE });
  const blocks: number[] = [];
  for (let b = inSight.first; b <= inSight.last; b += 1) blocks.push(b);
  const results = useQueries({
    queries: blocks.map((block) => ({
      queryKey: blockKey(query, block),
      queryFn: fetchBlock(block),
      staleTime: FRESH_MS,
    })),
  });

  // The newest total among the blocks on screen; the last one known while they load.
  let fresh: number | undefined;
  let freshAt = -1;
  for (const r of results) {
    if (r.data && r.dataUpdatedAt > freshAt) {
      fresh = r.data.total;
      freshAt = r.dataUpdatedAt;
    }
  }
  const [known, setKnown] = useState(fresh);
  if (fresh !== undefined && fresh !== known) setKnown(fresh);
  const total = fresh ?? known ?? null;

  // The blocks either side of those on screen, so scrolling on finds rows, not skeletons.
  const lastBlock = total === null ? 0 : Math.max(0, Math.ceil(total / BLOCK_SIZE) - 1);
  useEffect(() => {
    for (const block of [inSight.first - 1, inSight.last + 1]) {
      if (block < 0 || block > lastBlock) continue;
      void queryClient.prefetchQuery({
        queryKey: blockKey(query, block),
        queryFn: fetchBlock(block),
        staleTime: FRESH_MS,
      });
    }
    // fetchBlock is rebuilt each render from query, which the key already follows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryClient, address, inSight.first, inSight.last, lastBlock]);

  // The latest window wins: at once (throttled) when it moved by a block, after a rest when it jumped.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const applied = useRef({ window: asked, at: 0 });
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = (first: number, last: number) => {
    const next = blocksOf(address, first, last);
    const apply = () => {
      applied.current = { window: next, at: performance.now() };
      setAsked((current) =>
        current.address === next.address && current.first === next.first && current.last === next.last ? current : next,
      );
    };
    const before = applied.current.window;
    const step =
      before.address === address && Math.abs(next.first - before.first) <= 1 && Math.abs(next.last - before.last) <= 1;
    clearTimeout(timer.current);
    const wait = step ? applied.current.at + ASK_EVERY_MS - performance.now() : REST_MS;
    if (wait <= 0) apply();
    else timer.current = setTimeout(apply, wait);
  };

  return {
    total,
    rowAt: (index) => {
      const block = Math.floor(index / BLOCK_SIZE);
      return queryClient.getQueryData<ListResult>(blockKey(query, block))?.rows[index - block * BLOCK_SIZE];
    },
    fetching: results.some((r) => r.isFetching),
    error: results.find((r) => r.error)?.error ?? null,
    show,
    allIds: async () => {
      const all = await queryClient.fetchQuery({
        queryKey: ['requests.list', query, { all: true }],
        queryFn: () => api.call('requests.list', { ...query, limit: SELECT_ALL_MAX, offset: 0 }),
      });
      return all.rows.map((r) => r.id);
    },
  };
}
