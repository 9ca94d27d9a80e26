import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedIn } from '../../../contract/accounts.ts';
import { useApi } from '../api/context.tsx';
import { fieldErrorsOf } from '../components/field-errors.ts';
import { refusalOf } from './outcome.ts';
import { CardHeading, SessionCard } from './SessionCard.tsx';
import { errorText } from '../components/error-text.ts';

/** The sign-in form: name and password; says plainly why a sign-in was refused. */
export function SignInScreen({ onSignedIn }: { onSignedIn(result: SignedIn): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => api.call('accounts.signIn', { username, password }),
    onSuccess: (result) => {
      if (result.outcome === 'signedIn') onSignedIn(result);
      else setPassword('');
    },
  });
  const refusal = signIn.data && signIn.data.outcome !== 'signedIn' ? refusalOf(signIn.data, i18n.language) : null;
  const fields = signIn.isError ? fieldErrorsOf(t, signIn.error) : {};

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };
  return (
    <SessionCard width={380}>
      <form onSubmit={onSubmit} noValidate aria-label={t('signIn.title')}>
        <Stack gap="md">
          <CardHeading title={t('signIn.title')} />
          {refusal && (
            <Alert color={refusal.key === 'signIn.wrongPassword' ? 'yellow' : 'red'} role="alert">
              {t(refusal.key, refusal.values)}
            </Alert>
          )}
          {signIn.isError && Object.keys(fields).length === 0 && (
            <Alert color="red" role="alert">
              {errorText(t, signIn.error)}
            </Alert>
          )}
          <TextInput
            label={t('signIn.username')}
            value={username}
            dir="ltr"
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={fields['username']}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-autofocus
          />
          <PasswordInput
            label={t('signIn.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields['password']}
            autoComplete="current-password"
            required
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </SessionCard>
  );
}
