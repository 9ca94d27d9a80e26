import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../contract/accounts.ts';
import { useApi } from '../api/context.tsx';
import { fieldErrorsOf } from '../components/field-errors.ts';

/** A person changes their own password: the current one first, then the new one twice. */
export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
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
  const fields = change.isError ? fieldErrorsOf(change.error) : {};
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
              {change.error.message}
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
          <PasswordInput
            label={t('session.newPassword')}
            description={t('people.passwordHint', { min: PASSWORD_MIN })}
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={fields['newPassword']}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label={t('people.repeatPassword')}
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={mismatch ? t('people.passwordsDiffer') : undefined}
            autoComplete="new-password"
            required
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
