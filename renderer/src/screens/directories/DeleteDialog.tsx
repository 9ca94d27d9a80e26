import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog.tsx';
import { isDirectoryQuery } from './EntryDialog.tsx';

interface Props {
  name: string;
  remove(): Promise<unknown>;
  onClose(): void;
}

/** Asks before an entry leaves the directory; requests keep the name either way. */
export function DeleteDialog({ name, remove, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ConfirmDeleteDialog
      title={t('directories.deleteTitle', { name })}
      body={t('directories.deleteBody')}
      cancelLabel={t('directories.cancel')}
      deleteLabel={t('directories.delete')}
      remove={remove}
      onDeleted={() => {
        void queryClient.invalidateQueries({ predicate: isDirectoryQuery });
        notifications.show({ color: 'green', message: t('directories.deleted', { name }) });
      }}
      onClose={onClose}
    />
  );
}
