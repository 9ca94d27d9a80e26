import { useQuery } from '@tanstack/react-query';
import type { SuggestField, SuggestQuery } from '../../../contract/directories.ts';
import { useApi } from '../api/context.tsx';

const NONE: string[] = [];

/**
 * Names to offer in a request field's Autocomplete: the directory's entries and the names
 * earlier requests used. Counterpart authorities narrow to the given country; the other fields
 * ignore it (so it is left out of their query key, sparing a refetch when the country changes).
 */
export function useSuggestions(field: SuggestField, country?: string | null): string[] {
  const api = useApi();
  const query: SuggestQuery =
    field === 'counterpartAuthority' && country && /^[A-Za-z]{2}$/.test(country) ? { field, country } : { field };
  const result = useQuery({
    queryKey: ['directories.suggest', query],
    queryFn: () => api.call('directories.suggest', query),
  });
  // A stable empty list while loading or on failure: suggestions are a help, never a blocker.
  return result.data ?? NONE;
}
