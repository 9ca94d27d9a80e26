import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../contract/requests.ts';
import { ApiCallError } from '../../api/client.ts';
import { type FieldErrors, fieldErrorsOf } from '../../components/field-errors.ts';

interface Options {
  /** The message once saved (null: none), from the request as the register returned it. */
  saved(detail: RequestDetail): string | null;
  onDone?(): void;
  onFieldErrors?(errors: FieldErrors): void;
}

/**
 * One change to a request (a move, an event, a correction, a link): on success the screen
 * shows the request as the register returned it and the lists refresh; when the change was
 * refused because the request moved on meanwhile, the request is reloaded.
 */
export function useRequestChange<V = void>(
  requestId: number,
  change: (variables: V) => Promise<RequestDetail>,
  options: Options,
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (detail) => {
      queryClient.setQueryData(['requests.get', requestId], detail);
      void queryClient.invalidateQueries({ queryKey: ['requests.list'] });
      // A linked request shows this one too; names typed may now be suggestions.
      void queryClient.invalidateQueries({ queryKey: ['requests.get'], predicate: (q) => q.queryKey[1] !== requestId });
      void queryClient.invalidateQueries({ queryKey: ['directories.suggest'] });
      const message = options.saved(detail);
      if (message) notifications.show({ color: 'green', message });
      options.onDone?.();
    },
    onError: (error) => {
      options.onFieldErrors?.(fieldErrorsOf(t, error));
      if (error instanceof ApiCallError && ['stale', 'forbidden_move', 'not_found'].includes(error.error.code)) {
        void queryClient.invalidateQueries({ queryKey: ['requests.get', requestId] });
      }
    },
  });
}
