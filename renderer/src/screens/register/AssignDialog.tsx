import { Alert, Autocomplete, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.tsx';
import { fieldErrorsOf } from '../../components/field-errors.ts';
import { useFacets } from './facets.ts';
import { autoDir } from '../../i18n/Bidi.tsx';
import { errorText } from '../../components/error-text.ts';

interface Props {
  ids: number[];
  opened: boolean;
  onClose(): void;
  onDone(): void;
}

/** Puts one officer in charge of the selected requests (or nobody), in one audited change. */
export function AssignDialog({ ids, opened, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const facets = useFacets();
  const [officer, setOfficer] = useState('');
  const assign = useMutation({
    mutationFn: () => api.call('requests.assign', { ids, assignedTo: officer }),
    onSuccess: async ({ changed }) => {
      const name = officer.trim();
      const message =
        changed === 0
          ? t('register.assign.unchanged')
          : name === ''
            ? t('register.assign.cleared', { count: changed })
            : t('register.assign.done', { count: changed, name });
      notifications.show({ message, color: 'green' });
      setOfficer('');
      onDone();
      await Promise.all(
        ['requests.list', 'requests.facets', 'requests.get', 'dashboard.today'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
  const problem = assign.isError ? (fieldErrorsOf(t, assign.error)['assignedTo'] ?? errorText(t, assign.error)) : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('register.assign.title', { count: ids.length })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          assign.mutate();
        }}
      >
        <Stack>
          <Autocomplete
            label={t('register.assign.officer')}
            description={t('register.assign.officerHint')}
            data={facets.data?.officers ?? []}
            value={officer}
            dir={autoDir(officer)}
            onChange={setOfficer}
            data-autofocus
          />
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('register.assign.cancel')}
            </Button>
            <Button type="submit" loading={assign.isPending}>
              {t('register.assign.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
