import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.tsx';
import { autoDir } from '../../i18n/Bidi.tsx';
import { errorText } from '../../components/error-text.ts';

/** Asks for the snapshot's label (what the figures were frozen for), then freezes the year. */
export function FreezeDialog({ year, opened, onClose }: { year: number; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const freeze = useMutation({
    mutationFn: (l: string) => api.call('statistics.freeze', { year, label: l }),
    onSuccess: async (snapshot) => {
      notifications.show({
        color: 'green',
        message: t('statistics.snapshots.frozen', { year, label: snapshot.label }),
      });
      setLabel('');
      onClose();
      await queryClient.invalidateQueries({ queryKey: ['statistics.snapshots', year] });
    },
    onError: (e) => setError(errorText(t, e)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (label.trim() === '') {
      setError(t('statistics.snapshots.labelRequired'));
      return;
    }
    setError(null);
    freeze.mutate(label.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('statistics.snapshots.freezeTitle', { year })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('statistics.snapshots.freezeHint')}</Text>
          <TextInput
            label={t('statistics.snapshots.labelField')}
            placeholder={t('statistics.snapshots.labelPlaceholder')}
            value={label}
            dir={autoDir(label)}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={error}
            required
            maxLength={200}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('statistics.snapshots.cancel')}
            </Button>
            <Button type="submit" loading={freeze.isPending}>
              {t('statistics.snapshots.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
