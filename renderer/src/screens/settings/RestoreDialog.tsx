import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../../contract/backups.ts';
import { useApi } from '../../api/context.tsx';
import { formatMoment } from '../request/documents/format.ts';
import { useReturnFocus } from '../../components/useReturnFocus.ts';
import { errorText, messageText } from '../../components/error-text.ts';

interface Props {
  backup: BackupSummary;
  /** Where the current register will be kept. */
  setAsideFolder: string;
  onClose(): void;
}

/**
 * Says what a restore does before it is done, then does it. Afterwards every screen's data is
 * read again: the register behind them is another one.
 */
export function RestoreDialog({ backup, setAsideFolder, onClose }: Props) {
  const { t, i18n } = useTranslation();
  useReturnFocus();
  const api = useApi();
  const queryClient = useQueryClient();
  const at = formatMoment(backup.createdAt, i18n.language);

  const restore = useMutation({
    mutationFn: () => api.call('backups.restore', { name: backup.name, confirm: backup.name }),
    onSuccess: async (result) => {
      notifications.show({
        color: 'green',
        autoClose: false,
        message: t('backups.restored', { at, setAside: result.setAside ?? '' }),
      });
      for (const warning of result.warnings) {
        notifications.show({ color: 'orange', autoClose: false, message: messageText(t, warning) });
      }
      onClose();
      await queryClient.invalidateQueries();
    },
  });

  return (
    <Modal
      opened
      onClose={restore.isPending ? () => {} : onClose}
      title={t('backups.restoreTitle')}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack>
        <Text>
          {t('backups.restoreWhat', {
            at,
            reason: t(`backups.reason.${backup.reason}`),
            requests: backup.requestCount,
            documents: backup.documentCount,
          })}
        </Text>
        <div>
          <Text>{t('backups.restoreSteps')}</Text>
          <List>
            <List.Item>{t('backups.stepVerify')}</List.Item>
            <List.Item>{t('backups.stepBackup')}</List.Item>
            <List.Item>{t('backups.stepSetAside', { folder: setAsideFolder })}</List.Item>
            <List.Item>{t('backups.stepReplace')}</List.Item>
          </List>
        </div>
        <Alert color="yellow">{t('backups.restoreLoss', { at })}</Alert>
        <Text size="sm" c="dimmed">
          {t('backups.restoreWait')}
        </Text>
        {restore.isError && (
          <Alert color="red" role="alert">
            {t('backups.restoreFailed', { message: errorText(t, restore.error) })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={restore.isPending} data-autofocus>
            {t('backups.cancel')}
          </Button>
          <Button color="red" onClick={() => restore.mutate()} loading={restore.isPending}>
            {t('backups.restoreConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
