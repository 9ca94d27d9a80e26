import { ActionIcon, Alert, Button, Divider, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../../../contract/views.ts';
import { useApi } from '../../api/context.tsx';
import { fieldErrorsOf } from '../../components/field-errors.ts';
import { showRegister, type ValidSavedQuery } from './url.ts';
import { autoDir } from '../../i18n/Bidi.tsx';
import { errorText } from '../../components/error-text.ts';

/** The person's saved views: apply one, save the filters shown now, delete one. */
export function ViewsMenu({ query }: { query: ValidSavedQuery }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const views = useQuery({ queryKey: ['views.list'], queryFn: () => api.call('views.list', {}), enabled: opened });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['views.list'] });
  const save = useMutation({
    mutationFn: () => api.call('views.save', { name, query }),
    onSuccess: async (view) => {
      notifications.show({ message: t('register.views.saved', { name: view.name }), color: 'green' });
      setName('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (view: SavedView) => api.call('views.delete', { id: view.id }),
    onSuccess: async (_result, view) => {
      notifications.show({ message: t('register.views.deleted', { name: view.name }) });
      await refresh();
    },
  });
  const apply = (view: SavedView) => {
    setOpened(false);
    showRegister(view.query);
  };
  const nameError = save.isError ? (fieldErrorsOf(t, save.error)['name'] ?? errorText(t, save.error)) : null;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} trapFocus>
      <Popover.Target>
        <Button variant="default" onClick={() => setOpened((o) => !o)}>
          {t('register.views.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('register.views.title')}
          </Text>
          {views.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('register.views.none')}
            </Text>
          )}
          {views.data?.map((view) => (
            <Group key={view.id} justify="space-between" wrap="nowrap" gap="xs">
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => apply(view)}
                aria-label={t('register.views.apply', { name: view.name })}
              >
                {view.name}
              </Button>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => remove.mutate(view)}
                aria-label={t('register.views.delete', { name: view.name })}
              >
                <span aria-hidden="true">×</span>
              </ActionIcon>
            </Group>
          ))}
          {remove.isError && (
            <Alert color="red" role="alert">
              {errorText(t, remove.error)}
            </Alert>
          )}
          <Divider />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack gap="xs">
              <TextInput
                label={t('register.views.name')}
                placeholder={t('register.views.namePlaceholder')}
                value={name}
                dir={autoDir(name)}
                onChange={(e) => setName(e.currentTarget.value)}
                error={nameError}
              />
              <Button type="submit" loading={save.isPending}>
                {t('register.views.save')}
              </Button>
            </Stack>
          </form>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
