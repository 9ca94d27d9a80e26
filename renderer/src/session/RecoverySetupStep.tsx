import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.tsx';
import { PassphraseReveal } from '../components/PassphraseReveal.tsx';
import { CardHeading, SessionCard } from './SessionCard.tsx';
import { errorText } from '../components/error-text.ts';

/**
 * Set-up's second step, right after the administrator is created: the register is encrypted,
 * and its recovery passphrase is made and shown here, once. A register that is not encrypted
 * (or already has one) goes straight on.
 */
export function RecoverySetupStep({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const status = useQuery({
    queryKey: ['security.status'],
    queryFn: () => api.call('security.status', {}),
    retry: false,
  });
  const make = useMutation({ mutationFn: () => api.call('security.createRecoveryPassphrase', {}) });
  const needed = status.data?.encrypted === true && !status.data.recoveryReady;
  const settled = status.isError || (status.data !== undefined && !needed);
  useEffect(() => {
    if (settled) onDone();
  }, [settled, onDone]);

  if (!needed) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return (
    <SessionCard width={520}>
      <Stack gap="md">
        <CardHeading title={t('security.setupTitle')} />
        {make.data ? (
          <PassphraseReveal passphrase={make.data.passphrase} doneLabel={t('security.setupContinue')} onDone={onDone} />
        ) : (
          <>
            <Text size="sm">{t('security.setupIntro')}</Text>
            <Text size="sm">{t('security.confirmShowOnce')}</Text>
            {make.isError && (
              <Alert color="red" role="alert">
                {errorText(t, make.error)}
              </Alert>
            )}
            <Button loading={make.isPending} onClick={() => make.mutate()}>
              {t('security.makePassphrase')}
            </Button>
          </>
        )}
      </Stack>
    </SessionCard>
  );
}
