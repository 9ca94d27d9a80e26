import { Alert, Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.tsx';
import { hrefOf } from '../routing/routes.ts';

/**
 * Reminds administrators, on every screen, that an encrypted register has no recovery
 * passphrase yet: without one, a lost key store means a lost register. Others are refused
 * `security.status` and see nothing.
 */
export function RecoveryReminder() {
  const { t } = useTranslation();
  const api = useApi();
  const status = useQuery({
    queryKey: ['security.status'],
    queryFn: () => api.call('security.status', {}),
    retry: false,
  });
  if (!status.data?.encrypted || status.data.recoveryReady) return null;
  return (
    <Alert color="orange" title={t('security.reminderTitle')} mb="md">
      <Text size="sm">{t('security.reminderText')}</Text>
      <Anchor href={hrefOf({ screen: 'settings' })} size="sm">
        {t('security.reminderAction')}
      </Anchor>
    </Alert>
  );
}
