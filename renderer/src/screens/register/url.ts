import type { z } from 'zod';
import { type SavedQuery, savedQuerySchema } from '../../../../contract/views.ts';
import { navigate } from '../../routing/routes.ts';

export type ValidSavedQuery = z.output<typeof savedQuerySchema>;

/** Each filter's name in the address (short, readable, stable for bookmarks and links). */
const PARAMS = {
  direction: 'direction',
  kind: 'kind',
  status: 'status',
  state: 'state',
  counterpartCountry: 'country',
  legalBasis: 'legalBasis',
  offence: 'offence',
  urgency: 'urgency',
  assignedTo: 'officer',
  domesticAuthority: 'authority',
  openedFrom: 'from',
  openedTo: 'to',
  due: 'due',
  text: 'text',
  sort: 'sort',
  order: 'order',
} as const satisfies Record<keyof ValidSavedQuery, string>;

type Key = keyof typeof PARAMS;
const KEYS = Object.keys(PARAMS) as Key[];
const DEFAULTS = savedQuerySchema.parse({});

/**
 * The register's filters from the address. Each value is checked with the contract's own
 * schema for that filter; one that does not pass (an old link, a typo) is ignored.
 */
export function queryOf(params: URLSearchParams): ValidSavedQuery {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params.get(PARAMS[key]);
    if (value !== null && value !== '' && savedQuerySchema.shape[key].safeParse(value).success) raw[key] = value;
  }
  return savedQuerySchema.parse(raw);
}

/** The address of a register query; defaults are left out so that links stay short. */
export function paramsOf(query: SavedQuery): URLSearchParams {
  const full = savedQuerySchema.parse(query);
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = full[key];
    if (value !== undefined && value !== DEFAULTS[key]) params.set(PARAMS[key], String(value));
  }
  return params;
}

/** Shows the register with `query` (in place of the current address when `replace`). */
export function showRegister(query: SavedQuery, options: { replace?: boolean } = {}): void {
  navigate({ screen: 'register', query: paramsOf(query) }, { replace: options.replace ?? false });
}
