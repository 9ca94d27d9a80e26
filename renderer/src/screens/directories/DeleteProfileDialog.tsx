import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CountryProfile } from '../../../../contract/profiles.ts';
import { useApi } from '../../api/context.tsx';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog.tsx';
import { countryName } from '../../i18n/index.ts';
import { isProfileQuery } from './CountryProfileDialog.tsx';

/** Asks before a profile goes; requests never depend on it, so nothing else changes. */
export function DeleteProfileDialog({ profile, onClose }: { profile: CountryProfile; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const country = countryName(profile.country);
  return (
    <ConfirmDeleteDialog
      title={t('profiles.deleteTitle', { country })}
      body={t('profiles.deleteBody')}
      cancelLabel={t('profiles.cancel')}
      deleteLabel={t('profiles.delete')}
      remove={() => api.call('profiles.delete', { id: profile.id })}
      onDeleted={() => {
        void queryClient.invalidateQueries({ predicate: isProfileQuery });
        notifications.show({ color: 'green', message: t('profiles.deleted', { country }) });
      }}
      onClose={onClose}
    />
  );
}
