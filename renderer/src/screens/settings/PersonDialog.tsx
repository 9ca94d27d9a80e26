import { Alert, Autocomplete, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Person } from '../../../../contract/accounts.ts';
import { ROLES, type Role } from '../../../../contract/roles.ts';
import { useApi } from '../../api/context.tsx';
import { fieldErrorsOf } from '../../components/field-errors.ts';
import { NewPasswordFields } from '../../session/NewPasswordFields.tsx';
import { useReturnFocus } from '../../components/useReturnFocus.ts';
import { autoDir } from '../../i18n/Bidi.tsx';
import { errorText } from '../../components/error-text.ts';

interface Props {
  /** The person to correct; none to add someone. */
  person?: Person;
  onClose(): void;
  onSaved(person: Person): void;
}

/**
 * Adds a person (with the password the administrator hands them) or corrects one: name, role,
 * and for a prosecutor the domestic authority whose requests they read. The sign-in name is
 * set once: the audit log names people by it.
 */
export function PersonDialog({ person, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  useReturnFocus();
  const api = useApi();
  const [username, setUsername] = useState(person?.username ?? '');
  const [displayName, setDisplayName] = useState(person?.displayName ?? '');
  const [role, setRole] = useState<Role>(person?.role ?? 'clerk');
  const [authority, setAuthority] = useState(person?.authority ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const authorities = useQuery({
    queryKey: ['directories.domesticAuthorities.list'],
    queryFn: () => api.call('directories.domesticAuthorities.list', {}),
    enabled: role === 'prosecutor',
  });
  const authorityValue = role === 'prosecutor' && authority.trim() !== '' ? authority : null;
  const save = useMutation({
    mutationFn: () =>
      person
        ? api.call('accounts.update', { id: person.id, displayName, role, authority: authorityValue })
        : api.call('accounts.add', { username, displayName, role, authority: authorityValue, password }),
    onSuccess: (saved) => {
      onSaved(saved);
      onClose();
    },
  });
  const fields = save.isError ? fieldErrorsOf(t, save.error) : {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const differ = !person && password !== repeat;
    setMismatch(differ);
    if (!differ) save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={person ? t('people.editTitle', { name: person.displayName }) : t('people.add')}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {save.isError && (
            <Alert color="red" role="alert">
              {errorText(t, save.error)}
            </Alert>
          )}
          <TextInput
            label={t('people.username')}
            description={person ? t('people.usernameFixed') : t('people.usernameHint')}
            value={username}
            dir="ltr"
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={fields['username']}
            disabled={person !== undefined}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-autofocus
          />
          <TextInput
            label={t('people.displayName')}
            description={t('people.displayNameHint')}
            value={displayName}
            dir={autoDir(displayName)}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={fields['displayName']}
            required
          />
          <Select
            label={t('people.role')}
            description={t(`roles.${role}Hint`)}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
            error={fields['role']}
            allowDeselect={false}
            required
          />
          {role === 'prosecutor' && (
            <Autocomplete
              label={t('people.authority')}
              description={t('people.authorityHint')}
              data={(authorities.data ?? []).map((a) => a.name)}
              value={authority}
              dir={autoDir(authority)}
              onChange={setAuthority}
              error={fields['authority']}
            />
          )}
          {!person && (
            <NewPasswordFields
              label={t('people.password')}
              password={password}
              repeat={repeat}
              onPassword={setPassword}
              onRepeat={setRepeat}
              error={fields['password']}
              mismatch={mismatch}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('people.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {person ? t('people.save') : t('people.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
