import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedIn, SignedInUser } from '../../../contract/accounts.ts';
import { useApi } from '../api/context.tsx';
import { isolated } from '../i18n/Bidi.tsx';
import { LanguagePicker } from '../i18n/LanguagePicker.tsx';
import { refusalOf } from './outcome.ts';
import { useReturnFocus } from '../components/useReturnFocus.ts';
import { errorText } from '../components/error-text.ts';

interface Props {
  user: SignedInUser;
  onUnlocked(result: SignedIn): void;
  onSignOut(): void;
}

/**
 * Covers the app after the idle time (or when the session ended): the same person's password
 * opens it again on what was on screen; anyone else signs the person out first.
 */
export function LockScreen({ user, onUnlocked, onSignOut }: Props) {
  const { t, i18n } = useTranslation();
  useReturnFocus();
  const api = useApi();
  const [password, setPassword] = useState('');
  const unlock = useMutation({
    mutationFn: () => api.call('accounts.signIn', { username: user.username, password }),
    onSuccess: (result) => {
      setPassword('');
      if (result.outcome === 'signedIn') onUnlocked(result);
    },
  });
  const refusal = unlock.data && unlock.data.outcome !== 'signedIn' ? refusalOf(unlock.data, i18n.language) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    unlock.mutate();
  };
  return (
    <Modal
      opened
      onClose={() => undefined}
      fullScreen
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('lock.title')}
      overlayProps={{ backgroundOpacity: 1, color: 'var(--mantine-color-body)' }}
    >
      <form onSubmit={onSubmit} noValidate aria-label={t('lock.title')}>
        <Stack gap="md" maw={380} mx="auto" mt="xl">
          <Group justify="flex-end">
            <LanguagePicker />
          </Group>
          <Text>{t('lock.intro', { name: isolated(user.displayName) })}</Text>
          {refusal && (
            <Alert color={refusal.key === 'signIn.wrongPassword' ? 'yellow' : 'red'} role="alert">
              {t(refusal.key, refusal.values)}
            </Alert>
          )}
          {unlock.isError && (
            <Alert color="red" role="alert">
              {errorText(t, unlock.error)}
            </Alert>
          )}
          <PasswordInput
            label={t('signIn.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
            data-autofocus
          />
          <Group justify="space-between">
            <Button type="submit" loading={unlock.isPending}>
              {t('lock.unlock')}
            </Button>
            <Button variant="subtle" onClick={onSignOut}>
              {t('lock.signOut', { name: user.displayName })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
