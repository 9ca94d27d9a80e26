import { Alert, Button, Group, Loader, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { DeleteDialog } from './DeleteDialog.tsx';
import { EntryDialog } from './EntryDialog.tsx';
import { type EntryValues, type FieldSpec, emptyValues, valuesOf } from './entry-form.ts';
import { useCan } from '../../session/SessionContext.tsx';
import { errorText } from '../../components/error-text.ts';

/** The channel that writes each part: whether it is offered follows its role list. */
const KEEPING = {
  counterpart: 'directories.counterpartAuthorities.save',
  domestic: 'directories.domesticAuthorities.save',
  provider: 'directories.serviceProviders.save',
} as const;

export interface Column<E> {
  header: string;
  render(entry: E): ReactNode;
}

interface Props<E extends { id: number; name: string }, S extends z.ZodType> {
  /** The part of the translation keys: directories.counterpart.*, directories.domestic.*, … */
  part: 'counterpart' | 'domestic' | 'provider';
  entries: E[] | undefined;
  loading: boolean;
  error: Error | null;
  columns: Column<E>[];
  fields: readonly FieldSpec[];
  schema: S;
  /** Values a new entry starts with (the country the list is filtered by). */
  defaults?: EntryValues;
  save(input: z.output<S>): Promise<E>;
  remove(id: number): Promise<unknown>;
  /** Filters shown beside the add button. */
  toolbar?: ReactNode;
  emptyText: string;
}

type Editing<E> = { mode: 'add' } | { mode: 'edit'; entry: E } | { mode: 'delete'; entry: E } | null;

/** One directory: its table, the add/correct dialog and the delete confirmation. */
export function DirectoryTab<E extends { id: number; name: string }, S extends z.ZodType>(props: Props<E, S>) {
  const { part, entries, columns, fields } = props;
  // Everyone reads the directories; clerks and administrators keep them.
  const mayKeep = useCan()(KEEPING[part]);
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing<E>>(null);
  const close = () => setEditing(null);

  return (
    <Stack gap="md" pt="md">
      <Group justify="space-between" align="end">
        <Group gap="sm" align="end">
          {props.toolbar}
          {props.loading && <Loader size="xs" aria-label={t('app.loading')} />}
        </Group>
        <Group gap="sm">
          {entries && (
            <Text c="dimmed" size="sm" aria-live="polite">
              {t('directories.count', { count: entries.length })}
            </Text>
          )}
          {mayKeep && <Button onClick={() => setEditing({ mode: 'add' })}>{t(`directories.${part}.add`)}</Button>}
        </Group>
      </Group>
      {props.error && (
        <Alert color="red" title={t('errors.storage')}>
          {errorText(t, props.error)}
        </Alert>
      )}
      {entries && entries.length === 0 && <Text c="dimmed">{props.emptyText}</Text>}
      {entries && entries.length > 0 && (
        <Table striped highlightOnHover aria-label={t(`directories.tabs.${part}`)}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.header}>{c.header}</Table.Th>
              ))}
              <Table.Th w={150}>
                <VisuallyHidden>{t('directories.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                {columns.map((c) => (
                  <Table.Td key={c.header}>{c.render(entry)}</Table.Td>
                ))}
                <Table.Td>
                  {mayKeep && (
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button
                        variant="subtle"
                        size="xs"
                        aria-label={t('directories.editLabel', { name: entry.name })}
                        onClick={() => setEditing({ mode: 'edit', entry })}
                      >
                        {t('directories.edit')}
                      </Button>
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={t('directories.deleteLabel', { name: entry.name })}
                        onClick={() => setEditing({ mode: 'delete', entry })}
                      >
                        {t('directories.delete')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(editing?.mode === 'add' || editing?.mode === 'edit') && (
        <EntryDialog
          key={editing.mode === 'edit' ? editing.entry.id : 'new'}
          title={t(`directories.${part}.${editing.mode === 'add' ? 'addTitle' : 'editTitle'}`)}
          fields={fields}
          id={editing.mode === 'edit' ? editing.entry.id : undefined}
          initial={
            editing.mode === 'edit' ? valuesOf(fields, editing.entry) : { ...emptyValues(fields), ...props.defaults }
          }
          schema={props.schema}
          save={props.save}
          onClose={close}
        />
      )}
      {editing?.mode === 'delete' && (
        <DeleteDialog name={editing.entry.name} remove={() => props.remove(editing.entry.id)} onClose={close} />
      )}
    </Stack>
  );
}
