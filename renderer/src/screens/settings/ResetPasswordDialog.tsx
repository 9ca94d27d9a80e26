import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Person } from '../../../../contract/accounts.ts';
import { useApi } from '../../api/context.tsx';
import { fieldErrorsOf } from '../../components/field-errors.ts';
import { NewPasswordFields } from '../../session/NewPasswordFields.tsx';
import { useReturnFocus } from '../../components/useReturnFocus.ts';
import { errorText } from '../../components/error-text.ts';

/** A new password for someone who forgot theirs; it also lifts a lock-out and ends their sessions. */
export function ResetPasswordDialog({
  person,
  onClose,
  onSaved,
}: {
  person: Person;
  onClose(): void;
  onSaved(person: Person): void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const api = useApi();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: () => api.call('accounts.resetPassword', { id: person.id, password }),
    onSuccess: (saved) => {
      onSaved(saved);
      onClose();
    },
  });
  const fields = reset.isError ? fieldErrorsOf(t, reset.error) : {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) reset.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('people.resetTitle', { name: person.displayName })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('people.resetIntro')}</Text>
          {reset.isError && Object.keys(fields).length === 0 && (
            <Alert color="red" role="alert">
              {errorText(t, reset.error)}
            </Alert>
          )}
          <NewPasswordFields
            label={t('people.password')}
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            error={fields['password']}
            mismatch={mismatch}
            focusFirst
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('people.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('people.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
