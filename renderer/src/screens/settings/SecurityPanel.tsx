import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.tsx';
import { PassphraseReveal } from '../../components/PassphraseReveal.tsx';
import { errorText } from '../../components/error-text.ts';
import { formatDay, languageOf } from '../../i18n/format.ts';

/**
 * Settings → Encryption and recovery (administrators): whether the register is encrypted,
 * where its key is kept, and the recovery passphrase, made here and shown exactly once.
 */
export function SecurityPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['security.status'],
    queryFn: () => api.call('security.status', {}),
    retry: false,
  });
  const [confirming, setConfirming] = useState(false);
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const make = useMutation({
    mutationFn: () => api.call('security.createRecoveryPassphrase', {}),
    onSuccess: ({ passphrase: made }) => {
      setConfirming(false);
      setPassphrase(made);
      void queryClient.invalidateQueries({ queryKey: ['security.status'] });
    },
  });

  // Not an administrator (the channel refuses): the panel is not theirs to see.
  if (status.isError || !status.data) return null;
  const s = status.data;
  const madeOn = s.recoveryCreatedAt ? formatDay(s.recoveryCreatedAt, languageOf(i18n.language)) : '';

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('security.title')}</Title>
        {!s.encrypted && (
          <Alert color="yellow" role="status">
            {t('security.notEncrypted')}
          </Alert>
        )}
        {s.encrypted && (
          <>
            <Text size="sm">{t('security.encrypted')}</Text>
            <Text size="sm">{t(`security.keyStore.${s.keyStore}`)}</Text>
            {s.keyId && (
              <Text size="xs" c="dimmed">
                {t('security.keyId', { id: s.keyId })}
              </Text>
            )}
            {s.recoveryReady ? (
              <Text size="sm">{t('security.recoveryReady', { date: madeOn })}</Text>
            ) : (
              <Alert color="orange" role="status">
                {t('security.recoveryMissing')}
              </Alert>
            )}
            <Group>
              <Button variant={s.recoveryReady ? 'default' : 'filled'} onClick={() => setConfirming(true)}>
                {s.recoveryReady ? t('security.makeNewPassphrase') : t('security.makePassphrase')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('security.confirmTitle')}>
        <Stack gap="sm">
          {s.recoveryReady && <Text size="sm">{t('security.confirmReplace')}</Text>}
          <Text size="sm">{t('security.confirmShowOnce')}</Text>
          {make.isError && (
            <Alert color="red" role="alert">
              {errorText(t, make.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('security.cancel')}
            </Button>
            <Button loading={make.isPending} onClick={() => make.mutate()}>
              {t('security.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={passphrase !== null}
        // Only its own button closes it, once the passphrase is written down: it is not shown again.
        onClose={() => undefined}
        withCloseButton={false}
        closeOnClickOutside={false}
        closeOnEscape={false}
        title={t('security.shownTitle')}
      >
        {passphrase !== null && (
          <PassphraseReveal passphrase={passphrase} doneLabel={t('security.done')} onDone={() => setPassphrase(null)} />
        )}
      </Modal>
    </Paper>
  );
}
