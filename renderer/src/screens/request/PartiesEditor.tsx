import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PARTY_ROLES, type PartyRole } from '../../../../contract/codes.ts';
import type { FieldErrors } from '../../components/field-errors.ts';
import { useCodeOptions, useCountryOptions } from '../../components/options.ts';
import { EMPTY_PARTY, type PartyValues } from './form-values.ts';

interface Props {
  parties: PartyValues[];
  onChange(parties: PartyValues[]): void;
  errors: FieldErrors;
}

/** The persons and entities concerned: one card each, added and removed in place. */
export function PartiesEditor({ parties, onChange, errors }: Props) {
  const { t } = useTranslation();
  const roleOptions = useCodeOptions('partyRole', PARTY_ROLES);
  const countryOptions = useCountryOptions();
  const set = (index: number, patch: Partial<PartyValues>) =>
    onChange(parties.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  return (
    <Stack gap="sm">
      {parties.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('requestForm.noParties')}
        </Text>
      )}
      {parties.map((party, i) => {
        const error = (field: string) => errors[`parties.${i}.${field}`];
        return (
          <Paper key={i} withBorder p="sm" role="group" aria-label={t('requestForm.partyN', { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('requestForm.partyRole')}
                data={roleOptions}
                value={party.role}
                onChange={(v) => v && set(i, { role: v as PartyRole })}
                allowDeselect={false}
              />
              <TextInput
                label={t('requestForm.partyName')}
                required
                value={party.name}
                error={error('name')}
                onChange={(e) => set(i, { name: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t('requestForm.birthDate')}
                value={party.birthDate}
                error={error('birthDate')}
                onChange={(e) => set(i, { birthDate: e.currentTarget.value })}
              />
              <Select
                label={t('requestForm.nationality')}
                data={countryOptions}
                value={party.nationality}
                onChange={(v) => set(i, { nationality: v })}
                searchable
                clearable
                error={error('nationality')}
              />
              <TextInput
                label={t('requestForm.partyIdentifiers')}
                description={t('requestForm.partyIdentifiersHint')}
                value={party.identifiers}
                error={error('identifiers')}
                onChange={(e) => set(i, { identifiers: e.currentTarget.value })}
              />
              <TextInput
                label={t('requestForm.note')}
                value={party.note}
                error={error('note')}
                onChange={(e) => set(i, { note: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('requestForm.removeParty', { n: i + 1 })}
                onClick={() => onChange(parties.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => onChange([...parties, EMPTY_PARTY])}>
          {t('requestForm.addParty')}
        </Button>
      </Group>
    </Stack>
  );
}
