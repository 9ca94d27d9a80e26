import { Alert, Button, Group, Loader, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryProfile } from '../../../../contract/profiles.ts';
import { useApi } from '../../api/context.tsx';
import { errorText } from '../../components/error-text.ts';
import { collatorOf } from '../../i18n/format.ts';
import { countryName } from '../../i18n/index.ts';
import { useCan } from '../../session/SessionContext.tsx';
import { CountryProfileDialog } from './CountryProfileDialog.tsx';
import { DeleteProfileDialog } from './DeleteProfileDialog.tsx';
import { foldForSearch } from './profile-format.ts';
import { CentralAuthority, TreatyList, useProfileText } from './ProfileFacts.tsx';

type Editing = { mode: 'add' } | { mode: 'edit' | 'delete'; profile: CountryProfile } | null;

/**
 * The country profiles: one row per state, found by its name in the interface's language (the
 * list is a couple of hundred rows at most, so it is searched and sorted here, by that name).
 */
export function CountryProfilesTab() {
  const { t } = useTranslation();
  const api = useApi();
  const text = useProfileText();
  const mayKeep = useCan()('profiles.save');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const list = useQuery({ queryKey: ['profiles.list'], queryFn: () => api.call('profiles.list', {}) });

  const rows = useMemo(() => {
    const collator = collatorOf(text.language);
    const wanted = foldForSearch(search);
    return (list.data ?? [])
      .map((profile) => ({ profile, name: countryName(profile.country, text.language) }))
      .filter(
        ({ profile, name }) =>
          wanted === '' || foldForSearch(name).includes(wanted) || profile.country.toLowerCase() === wanted,
      )
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [list.data, search, text.language]);

  const close = () => setEditing(null);
  const total = list.data?.length ?? 0;

  return (
    <Stack gap="md" pt="md">
      <Text c="dimmed" size="sm" maw={900}>
        {t('profiles.intro')}
      </Text>
      <Group justify="space-between" align="end">
        <Group gap="sm" align="end">
          <TextInput
            label={t('profiles.search')}
            placeholder={t('profiles.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
            w={280}
          />
          {list.isFetching && <Loader size="xs" aria-label={t('app.loading')} />}
        </Group>
        <Group gap="sm">
          {list.data && (
            <Text c="dimmed" size="sm" aria-live="polite">
              {t('profiles.count', { count: rows.length })}
            </Text>
          )}
          {mayKeep && <Button onClick={() => setEditing({ mode: 'add' })}>{t('profiles.add')}</Button>}
        </Group>
      </Group>
      {list.error && (
        <Alert color="red" title={t('errors.storage')}>
          {errorText(t, list.error)}
        </Alert>
      )}
      {list.data && total === 0 && <Text c="dimmed">{t('profiles.empty')}</Text>}
      {list.data && total > 0 && rows.length === 0 && <Text c="dimmed">{t('profiles.noMatch')}</Text>}
      {rows.length > 0 && (
        <Table striped highlightOnHover aria-label={t('profiles.tab')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('profiles.fields.country')}</Table.Th>
              <Table.Th>{t('profiles.fields.centralAuthority')}</Table.Th>
              <Table.Th>{t('profiles.fields.languages')}</Table.Th>
              <Table.Th>{t('profiles.fields.channels')}</Table.Th>
              <Table.Th>{t('profiles.fields.dualCriminality')}</Table.Th>
              <Table.Th>{t('profiles.fields.treaties')}</Table.Th>
              <Table.Th w={150}>
                <VisuallyHidden>{t('profiles.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ profile, name }) => (
              <Table.Tr key={profile.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CentralAuthority profile={profile} />
                </Table.Td>
                <Table.Td>{text.languages(profile.languages)}</Table.Td>
                <Table.Td>{text.channels(profile.channels)}</Table.Td>
                <Table.Td>{t(`profiles.dualCriminality.${profile.dualCriminality}`)}</Table.Td>
                <Table.Td>
                  <TreatyList treaties={profile.treaties} />
                </Table.Td>
                <Table.Td>
                  {mayKeep && (
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button
                        variant="subtle"
                        size="xs"
                        aria-label={t('profiles.editLabel', { country: name })}
                        onClick={() => setEditing({ mode: 'edit', profile })}
                      >
                        {t('profiles.edit')}
                      </Button>
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={t('profiles.deleteLabel', { country: name })}
                        onClick={() => setEditing({ mode: 'delete', profile })}
                      >
                        {t('profiles.delete')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing?.mode === 'add' && <CountryProfileDialog onClose={close} />}
      {editing?.mode === 'edit' && (
        <CountryProfileDialog key={editing.profile.id} profile={editing.profile} onClose={close} />
      )}
      {editing?.mode === 'delete' && <DeleteProfileDialog profile={editing.profile} onClose={close} />}
    </Stack>
  );
}
