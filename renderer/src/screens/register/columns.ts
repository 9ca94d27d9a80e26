import { useState } from 'react';
import { REGISTER_COLUMNS, type RegisterColumn } from '../../../../contract/reports.ts';
import type { SORTABLE } from '../../../../contract/requests.ts';

export type SortKey = (typeof SORTABLE)[number];

/** The columns whose header sorts the list, and by what. */
export const SORT_BY: Partial<Record<RegisterColumn, SortKey>> = {
  reference: 'reference',
  status: 'status',
  counterpartCountry: 'counterpartCountry',
  openedOn: 'openedOn',
  updatedAt: 'updatedAt',
};

export const DEFAULT_COLUMNS: readonly RegisterColumn[] = [
  'reference',
  'direction',
  'kind',
  'status',
  'counterpartCountry',
  'counterpartReference',
  'openedOn',
  'assignedTo',
  'updatedAt',
];

/**
 * Each column's width in pixels. Rows have one fixed height (the list is virtualised), so a
 * cell never wraps: long text is cut with an ellipsis and shown whole on hover. Fixed widths
 * also keep the columns still while rows scroll in and out. A wider window shares the extra
 * space in proportion; a narrower one takes it from the free-text columns (SHRINKS), down
 * to SHRINK_FLOOR of their width, before the table scrolls sideways.
 */
export const COLUMN_WIDTHS: Record<RegisterColumn, number> = {
  // The longest reference and its "urgent" mark, in any of the six languages.
  reference: 235,
  direction: 90,
  kind: 180,
  status: 150,
  counterpartCountry: 150,
  counterpartAuthority: 220,
  counterpartReference: 130,
  domesticReference: 130,
  urgency: 90,
  // Dates in the language's medium form ("25 нояб. 2026 г." is the longest of the six).
  openedOn: 125,
  closedOn: 125,
  counterpartDeadline: 125,
  assignedTo: 150,
  updatedAt: 125,
};
export const SHRINKS: ReadonlySet<RegisterColumn> = new Set([
  'kind',
  'counterpartCountry',
  'counterpartAuthority',
  'counterpartReference',
  'domesticReference',
  'assignedTo',
]);
export const SHRINK_FLOOR = 0.6;

const STORAGE_KEY = 'mla-desk.register.columns';

/** The reference always shows: it is the link to the request. Order follows REGISTER_COLUMNS. */
function normalise(columns: readonly string[]): RegisterColumn[] {
  return REGISTER_COLUMNS.filter((c) => c === 'reference' || columns.includes(c));
}

function stored(): RegisterColumn[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(raw) && raw.every((c) => typeof c === 'string')) return normalise(raw);
  } catch {
    // A hand-edited or foreign value: fall back to the default columns.
  }
  return [...DEFAULT_COLUMNS];
}

/** The columns this person chose to see, kept on this workstation. */
export function useColumns(): [RegisterColumn[], (columns: readonly string[]) => void] {
  const [columns, setColumns] = useState(stored);
  const choose = (next: readonly string[]) => {
    const normalised = normalise(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(normalised));
    setColumns(normalised);
  };
  return [columns, choose];
}
