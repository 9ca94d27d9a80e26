import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.tsx';
import { fieldErrorsOf } from '../components/field-errors.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { useReturnFocus } from '../components/useReturnFocus.ts';
import { errorText } from '../components/error-text.ts';

/** A person changes their own password: the current one first, then the new one twice. */
export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const api = useApi();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => api.call('accounts.changePassword', { currentPassword, newPassword }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('session.passwordChanged') });
      onClose();
    },
  });
  const fields = change.isError ? fieldErrorsOf(t, change.error) : {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(newPassword !== repeat);
    if (newPassword === repeat) change.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('session.changePassword')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {change.isError && Object.keys(fields).length === 0 && (
            <Alert color="red" role="alert">
              {errorText(t, change.error)}
            </Alert>
          )}
          <PasswordInput
            label={t('session.currentPassword')}
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fields['currentPassword']}
            autoComplete="current-password"
            required
            data-autofocus
          />
          <NewPasswordFields
            label={t('session.newPassword')}
            password={newPassword}
            repeat={repeat}
            onPassword={setNew}
            onRepeat={setRepeat}
            error={fields['newPassword']}
            mismatch={mismatch}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('people.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('session.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
