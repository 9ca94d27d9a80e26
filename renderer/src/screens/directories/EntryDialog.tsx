import { Alert, Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiCallError } from '../../api/client.ts';
import { type FieldErrors, fieldErrorsOf } from '../../components/field-errors.ts';
import { useCountryOptions } from '../../components/options.ts';
import { type EntryValues, type FieldSpec, checkEntry, inputOf } from './entry-form.ts';
import { useReturnFocus } from '../../components/useReturnFocus.ts';
import { autoDir } from '../../i18n/Bidi.tsx';
import { errorText, messageText } from '../../components/error-text.ts';

interface Props<S extends z.ZodType> {
  title: string;
  fields: readonly FieldSpec[];
  initial: EntryValues;
  /** The entry being corrected; undefined when adding one. */
  id: number | undefined;
  schema: S;
  save(input: z.output<S>): Promise<{ name: string }>;
  onClose(): void;
}

/** Every directory query starts with its channel's name; after a change all of them refresh. */
export const isDirectoryQuery = (q: { queryKey: readonly unknown[] }) =>
  String(q.queryKey[0]).startsWith('directories.');

/** Adds or corrects one entry; the fields come from the directory, the rules from the contract. */
export function EntryDialog<S extends z.ZodType>({ title, fields, initial, id, schema, save, onClose }: Props<S>) {
  const { t } = useTranslation();
  useReturnFocus();
  const queryClient = useQueryClient();
  const countryOptions = useCountryOptions();
  const [values, setValues] = useState<EntryValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const mutation = useMutation({
    mutationFn: (input: z.output<S>) => save(input),
    onSuccess: (entry) => {
      void queryClient.invalidateQueries({ predicate: isDirectoryQuery });
      notifications.show({ color: 'green', message: t('directories.saved', { name: entry.name }) });
      onClose();
    },
    onError: (error) => setErrors(fieldErrorsOf(t, error)),
  });

  const set = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkEntry(t, schema, values, id);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // checkEntry just accepted these values, so parsing cannot fail here.
    mutation.mutate(schema.parse(inputOf(values, id)));
  };

  const hasErrors = Object.keys(errors).length > 0;
  const apiError = mutation.error instanceof ApiCallError ? mutation.error.error : null;

  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {hasErrors && (
            <Alert color="red" role="alert">
              {apiError?.code === 'invalid_input' ? messageText(t, apiError) : t('directories.fixErrors')}
            </Alert>
          )}
          {mutation.isError && !hasErrors && (
            <Alert color="red" role="alert">
              {errorText(t, mutation.error)}
            </Alert>
          )}
          {fields.map((field, index) => {
            const common = {
              label: t(`directories.fields.${field.key}`),
              description: field.hint ? t(field.hint) : undefined,
              error: errors[field.key],
              required: field.required ?? false,
              'data-autofocus': index === 0 ? true : undefined,
            };
            if (field.kind === 'country') {
              return (
                <Select
                  key={field.key}
                  {...common}
                  data={countryOptions}
                  value={values[field.key] || null}
                  onChange={(v) => set(field.key, v ?? '')}
                  searchable
                  clearable={!field.required}
                />
              );
            }
            const input = {
              ...common,
              value: values[field.key] ?? '',
              onChange: (e: { currentTarget: { value: string } }) => set(field.key, e.currentTarget.value),
            };
            if (field.kind === 'textarea') {
              return (
                <Textarea key={field.key} {...input} autosize minRows={2} maxRows={8} dir={autoDir(input.value)} />
              );
            }
            // An address reads left to right in any language; names and numbers take their own.
            return (
              <TextInput
                key={field.key}
                {...input}
                type={field.kind === 'email' ? 'email' : 'text'}
                dir={field.kind === 'email' ? 'ltr' : 'auto'}
              />
            );
          })}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('directories.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('directories.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
