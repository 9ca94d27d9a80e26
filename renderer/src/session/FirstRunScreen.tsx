import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SignedIn } from '../../../contract/accounts.ts';
import { useApi } from '../api/context.tsx';
import { fieldErrorsOf } from '../components/field-errors.ts';
import { RecoverySetupStep } from './RecoverySetupStep.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { CardHeading, SessionCard } from './SessionCard.tsx';
import { autoDir } from '../i18n/Bidi.tsx';
import { errorText } from '../components/error-text.ts';

/**
 * The very first start on a register without accounts: whoever sets the office up creates the
 * administrator, who then adds everyone else (Settings → People); then, for an encrypted
 * register, the recovery passphrase is made and shown once (RecoverySetupStep).
 */
export function FirstRunScreen({ onCreated }: { onCreated(result: SignedIn): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const create = useMutation({
    mutationFn: () => api.call('accounts.createFirstAdministrator', { username, displayName, password }),
  });
  const created = create.data;
  const finish = useCallback(() => {
    if (created) onCreated(created);
  }, [created, onCreated]);
  const fields = create.isError ? fieldErrorsOf(t, create.error) : {};

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    create.mutate();
  };
  // Signed in as the new administrator: the recovery passphrase is theirs to make.
  if (created) return <RecoverySetupStep onDone={finish} />;
  return (
    <SessionCard width={460}>
      <form onSubmit={onSubmit} noValidate aria-label={t('firstRun.title')}>
        <Stack gap="md">
          <CardHeading title={t('firstRun.title')} />
          <Text size="sm">{t('firstRun.intro')}</Text>
          {create.isError && Object.keys(fields).length === 0 && (
            <Alert color="red" role="alert">
              {errorText(t, create.error)}
            </Alert>
          )}
          <TextInput
            label={t('people.username')}
            description={t('people.usernameHint')}
            value={username}
            dir="ltr"
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={fields['username']}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextInput
            label={t('people.displayName')}
            description={t('people.displayNameHint')}
            value={displayName}
            dir={autoDir(displayName)}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={fields['displayName']}
            autoComplete="name"
            required
          />
          <NewPasswordFields
            label={t('people.password')}
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            error={fields['password']}
            mismatch={mismatch}
          />
          <Button type="submit" loading={create.isPending}>
            {t('firstRun.submit')}
          </Button>
        </Stack>
      </form>
    </SessionCard>
  );
}
