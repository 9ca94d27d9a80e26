import { Checkbox, Skeleton, Table, Text } from '@mantine/core';
import {
  defaultRangeExtractor,
  elementScroll,
  observeElementOffset,
  type Range,
  useVirtualizer,
} from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterColumn } from '../../../../contract/reports.ts';
import type { RequestSummary } from '../../../../contract/requests.ts';
import { languageOf } from '../../i18n/format.ts';
import { navigate } from '../../routing/routes.ts';
import { Cell, Header, minWidthOf, SELECT_STYLE, type Sort, widthOf } from './cells.tsx';
import classes from './RegisterTable.module.css';
import { MAX_BODY_PX, scrollMap } from './scaled-scroll.ts';
import { placeOf, rememberPlace } from './scroll-memory.ts';

/** Every row, and the header, is this tall (RegisterTable.module.css says the same). */
export const ROW_HEIGHT = 40;
/**
 * Rows rendered beyond each edge of the view: enough that a wheel or arrow key never shows
 * the edge, few enough that a scroll frame stays cheap (the rows are memoised).
 */
const OVERSCAN = 10;

interface Props {
  /** The query's address (filters and sort): the scroll position is kept per address. */
  address: string;
  total: number;
  rowAt(index: number): RequestSummary | undefined;
  /** The rows in view and around them, each time they change (the screen fetches their blocks). */
  onRange(first: number, last: number): void;
  columns: RegisterColumn[];
  sort: Sort;
  onSort(sort: Sort): void;
  selected: ReadonlySet<number>;
  onSelect(ids: number[], selected: boolean): void;
  /** The header's checkbox (select all). */
  selectAll: ReactNode;
  /** The tallest the rows' body is drawn (scaled-scroll.ts); tests set a small one. */
  maxBodyPx?: number;
}

interface RowProps {
  index: number;
  /** Where the row is drawn in the body: its place, less the shift of a scaled scroll bar. */
  top: number;
  row: RequestSummary | undefined;
  columns: RegisterColumn[];
  selected: boolean;
  onSelect(ids: number[], selected: boolean): void;
  onFocusRow(index: number): void;
}

/** One row at its place; a row whose block is still on its way is a skeleton of the same height. */
const Row = memo(function Row({ index, top, row, columns, selected, onSelect, onFocusRow }: RowProps) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const common = {
    role: 'row',
    className: classes.row,
    'aria-rowindex': index + 2, // the header is row 1
    'data-index': index,
    'data-odd': index % 2 === 1 || undefined,
    tabIndex: -1,
    style: { transform: `translateY(${top}px)` },
    onFocus: (e: { target: EventTarget; currentTarget: EventTarget }) => {
      if (e.target === e.currentTarget) onFocusRow(index);
    },
  } as const;
  if (!row) {
    return (
      <Table.Tr {...common} aria-busy="true" aria-label={t('register.loadingRow')}>
        <Table.Td role="cell" className={classes.cell} style={SELECT_STYLE} />
        {columns.map((column) => (
          <Table.Td role="cell" key={column} className={classes.cell} style={widthOf(column)}>
            <Skeleton height={10} radius="sm" className={classes.skeleton} />
          </Table.Td>
        ))}
      </Table.Tr>
    );
  }
  return (
    <Table.Tr {...common} data-selected={selected || undefined}>
      <Table.Td role="cell" className={classes.cell} style={SELECT_STYLE}>
        <Checkbox
          aria-label={t('register.selectRow', { reference: row.reference })}
          checked={selected}
          onChange={(e) => onSelect([row.id], e.currentTarget.checked)}
        />
      </Table.Td>
      {columns.map((column) => (
        <Cell key={column} row={row} column={column} t={t} language={language} />
      ))}
    </Table.Tr>
  );
});

/** Where a key moves the keyboard's row, from `from` (null: none in sight, start at `top`). */
function target(key: string, from: number | null, top: number, page: number, last: number): number | null {
  const here = from ?? top;
  switch (key) {
    case 'ArrowDown':
      return from === null ? top : here + 1;
    case 'ArrowUp':
      return from === null ? top : here - 1;
    case 'PageDown':
      return here + page;
    case 'PageUp':
      return here - page;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/**
 * The register as one scrolling table of `total` rows, of which only those in view (and
 * OVERSCAN around them) are in the page. The scroll area takes the keyboard: Up, Down, Page
 * Up, Page Down, Home and End move through the rows, Enter opens the request, Space selects it.
 */
export function RegisterTable(props: Props) {
  const { address, total, rowAt, onRange, columns, sort, onSort, selected, onSelect, selectAll } = props;
  const maxBodyPx = props.maxBodyPx ?? MAX_BODY_PX;
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // The row the keyboard is on, for the address it was chosen in.
  const [active, setActive] = useState<{ address: string; index: number } | null>(null);
  const activeIndex = active?.address === address && active.index < total ? active.index : null;
  // Past Chromium's tallest element the scroll bar is scaled (scaled-scroll.ts): the
  // virtualizer works in list offsets, the scroll area in its own.
  const mapOf = (element: Element | null) =>
    scrollMap({ bodyPx: total * ROW_HEIGHT, headPx: ROW_HEIGHT, viewPx: element?.clientHeight ?? 0, maxBodyPx });
  // The list offset last asked for and where it put the scroll bar, so reading the scroll bar
  // back gives the very offset asked for, not one off by the bar's rounding.
  const written = useRef<{ offset: number; top: number } | null>(null);

  // The tanstack virtualizer returns methods that change with its state: React's compiler
  // must not memoise around it, and nothing here relies on that.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The rows start under the sticky header, and scrolling to a row leaves the header clear.
    scrollMargin: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
    initialOffset: () => placeOf(address)?.offset ?? 0,
    observeElementOffset: (instance, report) =>
      observeElementOffset(instance, (top, isScrolling) => {
        const last = written.current;
        report(
          last && Math.abs(last.top - top) < 1 ? last.offset : mapOf(instance.scrollElement).toList(top),
          isScrolling,
        );
      }),
    scrollToFn: (offset, options, instance) => {
      const top = mapOf(instance.scrollElement).toScrollTop(offset);
      written.current = { offset, top };
      elementScroll(top, options, instance);
    },
    // The keyboard's row stays in the page even when scrolled out of view, so it keeps focus.
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex === null || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    onChange: (instance) => {
      const range = instance.range;
      if (!range) return;
      const first = Math.max(0, range.startIndex - OVERSCAN);
      const last = Math.min(total - 1, range.endIndex + OVERSCAN);
      onRange(first, last);
      rememberPlace(address, { offset: instance.scrollOffset ?? 0, first, last });
    },
  });

  // The virtualizer reads the scroll area's greatest scroll offset straight from the element
  // (tanstack virtual-core 3.14, pinned in package.json), in the area's pixels: give it in the
  // list's, or End and the end of the list would stop where an unscaled list would. The
  // scaled-list tests fail if a new version stops reading it there.
  (virtualizer as unknown as { _elementMaxScrollOffset: () => number | null })._elementMaxScrollOffset = () => {
    const element = scroller.current;
    if (!element) return null;
    return mapOf(element).toList(element.scrollHeight - element.clientHeight);
  };

  // Another filter or sort is a new result: back to its top. The same query refreshed stays put.
  const shown = useRef(address);
  useEffect(() => {
    if (shown.current === address) return;
    shown.current = address;
    virtualizer.scrollToOffset(0);
  }, [address, virtualizer]);

  // The keyboard's row takes the focus once it is in the page.
  useEffect(() => {
    if (activeIndex === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (row && document.activeElement !== row) row.focus({ preventScroll: true });
  }, [activeIndex]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const onRow = e.target instanceof HTMLElement && e.target.dataset['index'] !== undefined;
    // Keys in a checkbox, a link or a header button keep their own meaning.
    if (e.target !== e.currentTarget && !onRow) return;
    if ((e.key === 'Enter' || e.key === ' ') && activeIndex !== null) {
      const row = rowAt(activeIndex);
      e.preventDefault();
      if (!row) return;
      if (e.key === 'Enter') navigate({ screen: 'request', id: row.id });
      else onSelect([row.id], !selected.has(row.id));
      return;
    }
    // The rows wholly in sight under the header; keys start from there when the keyboard's
    // row is out of sight (scrolled away with the mouse).
    const offset = virtualizer.scrollOffset ?? 0;
    const view = scroller.current?.clientHeight ?? 0;
    const top = Math.ceil(offset / ROW_HEIGHT);
    const bottom = Math.floor((offset + view) / ROW_HEIGHT) - 2;
    const page = Math.max(1, bottom - top);
    const from = activeIndex !== null && activeIndex >= top && activeIndex <= bottom ? activeIndex : null;
    const next = target(e.key, from, top, page, total - 1);
    if (next === null) return;
    e.preventDefault();
    const index = Math.min(total - 1, Math.max(0, next));
    setActive({ address, index });
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const onFocusRow = useCallback((index: number) => setActive({ address, index }), [address]);
  // Rows are drawn where the scroll bar shows the list: shifted by how far it lags the list.
  const map = mapOf(scroller.current);
  const listOffset = virtualizer.scrollOffset ?? 0;
  const shift = map.scaled ? map.toScrollTop(listOffset) - listOffset : 0;
  const keysHint = useId();

  return (
    <>
      {/* A scrolling region must be reachable by keyboard (WCAG 2.1.1); this one also moves
          through the rows, as a list box would. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        ref={scroller}
        className={classes.scroller}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above: a keyboard-operable scroll area
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-describedby={keysHint}
      >
        <Table
          role="table"
          className={classes.table}
          highlightOnHover
          aria-label={t('register.title')}
          aria-rowcount={total + 1}
          miw={minWidthOf(columns)}
        >
          <Table.Thead role="rowgroup" className={classes.head}>
            <Table.Tr role="row" className={classes.row} aria-rowindex={1}>
              <Table.Th role="columnheader" className={classes.cell} style={SELECT_STYLE}>
                {selectAll}
              </Table.Th>
              {columns.map((column) => (
                <Header key={column} column={column} sort={sort} onSort={onSort} />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody role="rowgroup" className={classes.body} style={{ height: map.drawnBodyPx }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rowAt(item.index);
              return (
                <Row
                  key={item.index}
                  index={item.index}
                  top={item.index * ROW_HEIGHT + shift}
                  row={row}
                  columns={columns}
                  selected={row !== undefined && selected.has(row.id)}
                  onSelect={onSelect}
                  onFocusRow={onFocusRow}
                />
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      <Text id={keysHint} size="xs" c="dimmed">
        {t('register.keys')}
      </Text>
    </>
  );
}
