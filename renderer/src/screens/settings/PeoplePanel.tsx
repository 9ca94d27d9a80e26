import { Alert, Button, Group, Loader, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../contract/accounts.ts';
import { Isolate, Ltr } from '../../i18n/Bidi.tsx';
import { useApi } from '../../api/context.tsx';
import { timeOfDay } from '../../session/outcome.ts';
import { useCan, useSession } from '../../session/SessionContext.tsx';
import { PersonDialog } from './PersonDialog.tsx';
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx';
import { errorText } from '../../components/error-text.ts';
import { PERSON_NAMES_KEY } from '../../api/person-names.ts';

type Editing = { kind: 'add' } | { kind: 'edit'; person: Person } | { kind: 'reset'; person: Person } | null;

const isLocked = (p: Person) => p.lockedUntil !== null && Date.parse(p.lockedUntil) > Date.now();

/** Settings → People: the administrators' list of who may sign in, and what each may do. */
export function PeoplePanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const can = useCan();
  const session = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const people = useQuery({
    queryKey: ['accounts.list'],
    queryFn: () => api.call('accounts.list', {}),
    enabled: can('accounts.list'),
  });
  const saved = (person: Person, message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['accounts.list'] });
    void queryClient.invalidateQueries({ queryKey: PERSON_NAMES_KEY });
    notifications.show({ color: 'green', message: t(message, { name: person.displayName }) });
  };
  const setDisabled = useMutation({
    mutationFn: (p: { id: number; disabled: boolean }) => api.call('accounts.update', p),
    onSuccess: (person) => saved(person, person.disabled ? 'people.disabledDone' : 'people.enabledDone'),
  });
  const unlock = useMutation({
    mutationFn: (id: number) => api.call('accounts.unlock', { id }),
    onSuccess: (person) => saved(person, 'people.unlockedDone'),
  });
  if (!can('accounts.list')) return null;

  const failure = setDisabled.error ?? unlock.error;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} size="h4">
            {t('people.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('people.intro')}
          </Text>
        </div>
        <Button onClick={() => setEditing({ kind: 'add' })}>{t('people.add')}</Button>
      </Group>
      {people.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {people.isError && (
        <Alert color="red" role="alert">
          {errorText(t, people.error)}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" mb="sm">
          {errorText(t, failure)}
        </Alert>
      )}
      {people.data && (
        <Table aria-label={t('people.title')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.displayName')}</Table.Th>
              <Table.Th>{t('people.username')}</Table.Th>
              <Table.Th>{t('people.role')}</Table.Th>
              <Table.Th>{t('people.authority')}</Table.Th>
              <Table.Th>{t('people.state')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('people.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Isolate>{p.displayName}</Isolate>
                  {session?.user.id === p.id && (
                    <Text component="span" size="xs" c="dimmed">
                      {' '}
                      {t('people.you')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Ltr>{p.username}</Ltr>
                </Table.Td>
                <Table.Td>{t(`roles.${p.role}`)}</Table.Td>
                <Table.Td>{p.authority && <Isolate>{p.authority}</Isolate>}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {p.disabled ? (
                    <Text size="sm" c="dimmed">
                      {t('people.disabled')}
                    </Text>
                  ) : isLocked(p) && p.lockedUntil ? (
                    <Text size="sm" c="red" fw={500}>
                      {t('people.lockedUntil', { time: timeOfDay(p.lockedUntil, i18n.language) })}
                    </Text>
                  ) : (
                    <Text size="sm" c="green">
                      {t('people.active')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing({ kind: 'edit', person: p })}
                      aria-label={t('people.editOf', { name: p.displayName })}
                    >
                      {t('people.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing({ kind: 'reset', person: p })}
                      aria-label={t('people.resetOf', { name: p.displayName })}
                    >
                      {t('people.resetPassword')}
                    </Button>
                    {isLocked(p) && (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => unlock.mutate(p.id)}
                        aria-label={t('people.unlockOf', { name: p.displayName })}
                      >
                        {t('people.unlock')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="subtle"
                      color={p.disabled ? 'indigo' : 'red'}
                      onClick={() => setDisabled.mutate({ id: p.id, disabled: !p.disabled })}
                      aria-label={t(p.disabled ? 'people.enableOf' : 'people.disableOf', { name: p.displayName })}
                    >
                      {t(p.disabled ? 'people.enable' : 'people.disable')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing?.kind === 'add' && (
        <PersonDialog onClose={() => setEditing(null)} onSaved={(p) => saved(p, 'people.addedDone')} />
      )}
      {editing?.kind === 'edit' && (
        <PersonDialog
          person={editing.person}
          onClose={() => setEditing(null)}
          onSaved={(p) => saved(p, 'people.savedDone')}
        />
      )}
      {editing?.kind === 'reset' && (
        <ResetPasswordDialog
          person={editing.person}
          onClose={() => setEditing(null)}
          onSaved={(p) => saved(p, 'people.resetDone')}
        />
      )}
    </Paper>
  );
}
