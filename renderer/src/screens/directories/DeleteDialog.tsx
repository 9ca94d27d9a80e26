import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isDirectoryQuery } from './EntryDialog.tsx';
import { useReturnFocus } from '../../components/useReturnFocus.ts';
import { errorText } from '../../components/error-text.ts';

interface Props {
  name: string;
  remove(): Promise<unknown>;
  onClose(): void;
}

/** Asks before an entry leaves the directory; requests keep the name either way. */
export function DeleteDialog({ name, remove, onClose }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: () => {
      void queryClient.invalidateQueries({ predicate: isDirectoryQuery });
      notifications.show({ color: 'green', message: t('directories.deleted', { name }) });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('directories.deleteTitle', { name })}>
      <Stack>
        <Text>{t('directories.deleteBody')}</Text>
        {mutation.isError && (
          <Alert color="red" role="alert">
            {errorText(t, mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('directories.cancel')}
          </Button>
          <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            {t('directories.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
