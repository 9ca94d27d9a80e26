import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from './context.tsx';

export const PERSON_NAMES_KEY = ['accounts.names'];

/**
 * The name to show for a sign-in name kept in the register (who recorded a status, added a
 * document, generated a letter): the person's name as the People screen has it now. A name no
 * account has (an account's work from before accounts, a removed account), or any name while
 * the names are still coming, shows as it was recorded.
 */
export function usePersonName(): (username: string) => string {
  const api = useApi();
  const names = useQuery({
    queryKey: PERSON_NAMES_KEY,
    queryFn: () => api.call('accounts.names', {}),
    // Names change only on the People screen, which asks for them again (PeoplePanel.tsx).
    staleTime: 5 * 60_000,
  });
  return useMemo(() => {
    const shown = new Map((names.data ?? []).map((p) => [p.username, p.displayName]));
    return (username) => shown.get(username) ?? username;
  }, [names.data]);
}
