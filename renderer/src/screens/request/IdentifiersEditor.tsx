import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../../../contract/codes.ts';
import type { FieldErrors } from '../../components/field-errors.ts';
import { useCodeOptions } from '../../components/options.ts';
import { EMPTY_IDENTIFIER, type IdentifierValues, withOffset } from './form-values.ts';

interface Props {
  identifiers: IdentifierValues[];
  onChange(identifiers: IdentifierValues[]): void;
  errors: FieldErrors;
}

function useTimeZones(): string[] {
  return useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')], []);
}

/**
 * E-evidence identifiers with the exact period they concern. Times are typed as the
 * counterpart gave them, in their zone; the form shows the UTC offset that will be stored.
 */
export function IdentifiersEditor({ identifiers, onChange, errors }: Props) {
  const { t } = useTranslation();
  const typeOptions = useCodeOptions('identifierType', IDENTIFIER_TYPES);
  const zones = useTimeZones();
  const set = (index: number, patch: Partial<IdentifierValues>) =>
    onChange(identifiers.map((x, i) => (i === index ? { ...x, ...patch } : x)));

  return (
    <Stack gap="sm">
      {identifiers.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('requestForm.noIdentifiers')}
        </Text>
      )}
      {identifiers.map((item, i) => {
        const error = (field: string) => errors[`identifiers.${i}.${field}`];
        const stored = (local: string) => (local === '' ? undefined : withOffset(local, item.timeZone));
        return (
          <Paper key={i} withBorder p="sm" role="group" aria-label={t('requestForm.identifierN', { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('requestForm.identifierType')}
                data={typeOptions}
                value={item.type}
                onChange={(v) => v && set(i, { type: v as IdentifierType })}
                allowDeselect={false}
              />
              <TextInput
                label={t('requestForm.identifierValue')}
                required
                value={item.value}
                error={error('value')}
                onChange={(e) => set(i, { value: e.currentTarget.value })}
                styles={{ input: { fontFamily: 'monospace' } }}
              />
              <Select
                label={t('requestForm.timeZone')}
                data={zones}
                value={item.timeZone}
                onChange={(v) => v && set(i, { timeZone: v })}
                searchable
                allowDeselect={false}
              />
              <TextInput
                type="datetime-local"
                step={1}
                label={t('requestForm.from')}
                description={stored(item.from)}
                value={item.from}
                error={error('fromAt')}
                onChange={(e) => set(i, { from: e.currentTarget.value })}
              />
              <TextInput
                type="datetime-local"
                step={1}
                label={t('requestForm.to')}
                description={stored(item.to)}
                value={item.to}
                error={error('toAt')}
                onChange={(e) => set(i, { to: e.currentTarget.value })}
              />
              <TextInput
                label={t('requestForm.note')}
                value={item.note}
                error={error('note')}
                onChange={(e) => set(i, { note: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('requestForm.removeIdentifier', { n: i + 1 })}
                onClick={() => onChange(identifiers.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => onChange([...identifiers, EMPTY_IDENTIFIER])}>
          {t('requestForm.addIdentifier')}
        </Button>
      </Group>
    </Stack>
  );
}
