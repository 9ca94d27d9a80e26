import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CountryProfile } from '../../../../contract/profiles.ts';
import { useApi } from '../../api/context.tsx';
import { errorText } from '../../components/error-text.ts';
import { useReturnFocus } from '../../components/useReturnFocus.ts';
import { countryName } from '../../i18n/index.ts';
import { isProfileQuery } from './CountryProfileDialog.tsx';

/** Asks before a profile goes; requests never depend on it, so nothing else changes. */
export function DeleteProfileDialog({ profile, onClose }: { profile: CountryProfile; onClose(): void }) {
  const { t } = useTranslation();
  useReturnFocus();
  const api = useApi();
  const queryClient = useQueryClient();
  const country = countryName(profile.country);
  const mutation = useMutation({
    mutationFn: () => api.call('profiles.delete', { id: profile.id }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ predicate: isProfileQuery });
      notifications.show({ color: 'green', message: t('profiles.deleted', { country }) });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('profiles.deleteTitle', { country })}>
      <Stack>
        <Text>{t('profiles.deleteBody')}</Text>
        {mutation.isError && (
          <Alert color="red" role="alert">
            {errorText(t, mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('profiles.cancel')}
          </Button>
          <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            {t('profiles.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
