import { Anchor, Checkbox, Table, Text, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../../contract/dates.ts';
import type { RegisterColumn } from '../../../../contract/reports.ts';
import type { RequestSummary } from '../../../../contract/requests.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { countryName } from '../../i18n/index.ts';
import { hrefOf } from '../../routing/routes.ts';
import { SORT_BY, type SortKey } from './columns.ts';

export interface Sort {
  sort: SortKey;
  order: 'asc' | 'desc';
}

interface Props {
  rows: RequestSummary[];
  columns: RegisterColumn[];
  sort: Sort;
  onSort(sort: Sort): void;
  selected: ReadonlySet<number>;
  onSelect(ids: number[], selected: boolean): void;
}

function Cell({ row, column, t }: { row: RequestSummary; column: RegisterColumn; t: TFunction }) {
  switch (column) {
    case 'reference':
      return (
        <>
          <Anchor href={hrefOf({ screen: 'request', id: row.id })} fw={500}>
            {row.reference}
          </Anchor>
          {row.urgency === 'urgent' && (
            <Text span c="red.8" size="xs" ms={6} fw={600}>
              {t('urgency.urgent')}
            </Text>
          )}
        </>
      );
    case 'direction':
      return t(`direction.${row.direction}`);
    case 'kind':
      return t(`kind.${row.kind}`);
    case 'status':
      // The badge clips its label, so the cell would otherwise shrink below the status's name.
      return (
        <span style={{ display: 'inline-block', minWidth: 'max-content' }}>
          <StatusBadge status={row.status} />
        </span>
      );
    case 'urgency':
      return t(`urgency.${row.urgency}`);
    case 'counterpartCountry':
      return countryName(row.counterpartCountry);
    case 'openedOn':
      return row.openedOn ?? t('register.notOpened');
    case 'updatedAt':
      return <span title={new Date(row.updatedAt).toLocaleString()}>{localIsoDate(new Date(row.updatedAt))}</span>;
    default:
      return row[column] ?? '';
  }
}

/** A column header; the sortable ones are buttons, with the order announced by aria-sort. */
function Header({ column, sort, onSort }: { column: RegisterColumn; sort: Sort; onSort: Props['onSort'] }) {
  const { t } = useTranslation();
  const label = t(`register.columns.${column}`);
  const key = SORT_BY[column];
  if (!key) return <Table.Th>{label}</Table.Th>;
  const active = sort.sort === key;
  // A new column starts with its natural order: text A→Z, dates newest first.
  const first = key === 'openedOn' || key === 'updatedAt' ? 'desc' : 'asc';
  const next = active ? (sort.order === 'asc' ? 'desc' : 'asc') : first;
  return (
    <Table.Th
      aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton
        onClick={() => onSort({ sort: key, order: next })}
        fw={700}
        fz="sm"
        title={t('register.sortBy', { column: label })}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ' ⇅'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Long free text wraps; codes, references and dates stay on one line. */
const WRAPS: readonly RegisterColumn[] = ['kind', 'counterpartAuthority', 'counterpartReference', 'domesticReference'];

export function RegisterTable({ rows, columns, sort, onSort, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const ids = rows.map((r) => r.id);
  const chosen = ids.filter((id) => selected.has(id)).length;
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table striped highlightOnHover aria-label={t('register.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label={t('register.selectPage')}
                checked={chosen > 0 && chosen === ids.length}
                indeterminate={chosen > 0 && chosen < ids.length}
                onChange={(e) => onSelect(ids, e.currentTarget.checked)}
              />
            </Table.Th>
            {columns.map((column) => (
              <Header key={column} column={column} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} {...(selected.has(row.id) ? { bg: 'var(--mantine-color-indigo-light)' } : {})}>
              <Table.Td>
                <Checkbox
                  aria-label={t('register.selectRow', { reference: row.reference })}
                  checked={selected.has(row.id)}
                  onChange={(e) => onSelect([row.id], e.currentTarget.checked)}
                />
              </Table.Td>
              {columns.map((column) => (
                <Table.Td key={column} style={WRAPS.includes(column) ? undefined : { whiteSpace: 'nowrap' }}>
                  <Cell row={row} column={column} t={t} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
