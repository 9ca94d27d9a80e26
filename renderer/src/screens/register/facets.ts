import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';

/** The officers and domestic authorities named in the register, for pickers and filters. */
export function useFacets() {
  const api = useApi();
  return useQuery({ queryKey: ['requests.facets'], queryFn: () => api.call('requests.facets', {}) });
}
