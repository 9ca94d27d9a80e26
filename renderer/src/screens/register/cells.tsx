import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterColumn } from '../../../../contract/reports.ts';
import type { RequestSummary } from '../../../../contract/requests.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { Language } from '../../../../i18n/languages.ts';
import { autoBlock, Ltr, ltrBlock } from '../../i18n/Bidi.tsx';
import { formatDate, formatDateTime, formatDay } from '../../i18n/format.ts';
import { countryName } from '../../i18n/index.ts';
import { hrefOf } from '../../routing/routes.ts';
import { COLUMN_WIDTHS, SHRINK_FLOOR, SHRINKS, SORT_BY, type SortKey } from './columns.ts';
import classes from './RegisterTable.module.css';

export interface Sort {
  sort: SortKey;
  order: 'asc' | 'desc';
}

/** The width of the selection column, in pixels. */
const SELECT_WIDTH = 40;
const narrowest = (column: RegisterColumn) =>
  SHRINKS.has(column) ? Math.round(COLUMN_WIDTHS[column] * SHRINK_FLOOR) : COLUMN_WIDTHS[column];

/** A column's share of the row, the same in the header and in every row (columns.ts says how). */
export const widthOf = (column: RegisterColumn): CSSProperties => {
  const width = COLUMN_WIDTHS[column];
  return { flex: `${width} ${SHRINKS.has(column) ? 1 : 0} ${width}px`, minWidth: narrowest(column) };
};
export const SELECT_STYLE: CSSProperties = { flex: `0 0 ${SELECT_WIDTH}px` };
/** Below this width the table scrolls sideways rather than squeeze its columns further. */
export const minWidthOf = (columns: readonly RegisterColumn[]): number =>
  columns.reduce((sum, column) => sum + narrowest(column), SELECT_WIDTH);

/** Columns holding references: left to right even in Arabic (cut at their end, not their start). */
const LTR_COLUMNS: ReadonlySet<RegisterColumn> = new Set(['counterpartReference', 'domesticReference']);
/** Columns holding names people typed, in any script. */
const NAME_COLUMNS: ReadonlySet<RegisterColumn> = new Set(['counterpartAuthority', 'assignedTo']);

/** The text of a plain cell, or null for one drawn otherwise (a link, a badge). */
function textOf(row: RequestSummary, column: RegisterColumn, t: TFunction, language: Language): string | null {
  switch (column) {
    case 'reference':
    case 'status':
    case 'updatedAt':
      return null;
    case 'direction':
      return t(`direction.${row.direction}`);
    case 'kind':
      return t(`kind.${row.kind}`);
    case 'urgency':
      return t(`urgency.${row.urgency}`);
    case 'counterpartCountry':
      return countryName(row.counterpartCountry, language);
    case 'openedOn':
      return row.openedOn ? formatDate(row.openedOn, language) : t('register.notOpened');
    case 'closedOn':
    case 'counterpartDeadline':
      return formatDate(row[column], language);
    default:
      return row[column] ?? '';
  }
}

function content(row: RequestSummary, column: RegisterColumn, t: TFunction, language: Language): ReactNode {
  switch (column) {
    case 'reference':
      return (
        <>
          <Anchor href={hrefOf({ screen: 'request', id: row.id })} fw={500}>
            <Ltr>{row.reference}</Ltr>
          </Anchor>
          {row.urgency === 'urgent' && (
            <Text span c="red" size="xs" ms={6} fw={600}>
              {t('urgency.urgent')}
            </Text>
          )}
        </>
      );
    case 'status':
      return <StatusBadge status={row.status} />;
    case 'updatedAt':
      return <span title={formatDateTime(row.updatedAt, language)}>{formatDay(row.updatedAt, language)}</span>;
    default:
      return textOf(row, column, t, language);
  }
}

interface CellProps {
  row: RequestSummary;
  column: RegisterColumn;
  t: TFunction;
  language: Language;
}

/** One cell of a request's row; text cut by the column's width is whole in its tooltip. */
export function Cell({ row, column, t, language }: CellProps) {
  const text = textOf(row, column, t, language);
  const name = NAME_COLUMNS.has(column);
  const className = LTR_COLUMNS.has(column)
    ? `${classes.cell} ${ltrBlock}`
    : name
      ? `${classes.cell} ${autoBlock}`
      : classes.cell;
  return (
    <Table.Td
      role="cell"
      className={className}
      style={widthOf(column)}
      title={text || undefined}
      dir={name ? 'auto' : undefined}
    >
      {content(row, column, t, language)}
    </Table.Td>
  );
}

/** A column header; the sortable ones are buttons, with the order announced by aria-sort. */
export function Header({ column, sort, onSort }: { column: RegisterColumn; sort: Sort; onSort(sort: Sort): void }) {
  const { t } = useTranslation();
  const label = t(`register.columns.${column}`);
  const key = SORT_BY[column];
  const props = { role: 'columnheader', className: classes.cell, style: widthOf(column) } as const;
  if (!key) {
    return (
      <Table.Th {...props} title={label}>
        {label}
      </Table.Th>
    );
  }
  const active = sort.sort === key;
  // A new column starts with its natural order: text A→Z, dates newest first.
  const first = key === 'openedOn' || key === 'updatedAt' ? 'desc' : 'asc';
  const next = active ? (sort.order === 'asc' ? 'desc' : 'asc') : first;
  return (
    <Table.Th {...props} aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort({ sort: key, order: next })}
        fw={700}
        fz="sm"
        className={classes.sortButton}
        title={t('register.sortBy', { column: label })}
      >
        <span className={classes.label}>{label}</span>
        <span aria-hidden="true" className={classes.arrow}>
          {active ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ' ⇅'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
