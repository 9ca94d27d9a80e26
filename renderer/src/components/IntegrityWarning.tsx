import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/client.ts';
import { useApi } from '../api/context.tsx';
import { messageText } from './error-text.ts';

/**
 * A warning across the top of every screen while the audit log fails its hash-chain check
 * (made when the register was opened), naming the first broken entry. It cannot be dismissed:
 * the register stays suspect until someone who can compare it with a backup has looked.
 */
export function IntegrityWarning() {
  const { t } = useTranslation();
  const api = useApi();
  const integrity = useQuery({
    queryKey: ['app.integrity'],
    queryFn: () => api.call('app.integrity', {}),
    // The answer is the check made at opening: it does not change while the app runs.
    staleTime: Infinity,
  });

  const failure = integrity.error instanceof ApiCallError ? integrity.error.error : undefined;
  if (failure && (failure.code === 'storage' || failure.code === 'internal')) {
    return (
      <Alert color="red" role="alert" title={t('integrity.title')} mb="md">
        {t('integrity.failed', { message: messageText(t, failure) })}
      </Alert>
    );
  }
  const broken = integrity.data?.firstBroken;
  if (!broken) return null;
  const through = broken.through ?? broken.id;
  return (
    <Alert color="red" role="alert" title={t('integrity.title')} mb="md">
      <Text size="sm" fw={600}>
        {t(`integrity.reason.${broken.reason}`, { id: broken.id, through, count: through - broken.id + 1 })}
      </Text>
      <Text size="sm">{t('integrity.advice')}</Text>
    </Alert>
  );
}
