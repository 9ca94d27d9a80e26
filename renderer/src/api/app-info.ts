import { useQuery } from '@tanstack/react-query';
import { useApi } from './context.tsx';

/**
 * What the app says of itself and of the person signed in (`app.info`): the version, the
 * office's date today, the account and its roles. One query, shared by every screen that reads it.
 */
export function useAppInfo() {
  const api = useApi();
  return useQuery({ queryKey: ['app.info'], queryFn: () => api.call('app.info', {}) });
}
