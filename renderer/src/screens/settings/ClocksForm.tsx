import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClockSettings, clockSettingsSchema } from '../../../../contract/settings.ts';
import { fieldProblems } from '../../../../contract/validate.ts';
import { useApi } from '../../api/context.tsx';
import { errorText } from '../../components/error-text.ts';
import { type FieldErrors, fieldErrorsFrom, fieldErrorsOf } from '../../components/field-errors.ts';
import { useCan } from '../../session/SessionContext.tsx';
import { type ClockFormPart, type ClockFormValues, toSettings } from './clock-form.ts';
import { ClockLengthsTable } from './ClockLengthsTable.tsx';
import { ClockWarningFields } from './ClockWarningFields.tsx';
import { OfficeCalendarFields } from './OfficeCalendarFields.tsx';

/** The legal clocks' settings (contract/settings.ts), read by everyone and saved by an administrator. */
export function ClockSettingsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const settings = useQuery({ queryKey: ['clocks.settings'], queryFn: () => api.call('clocks.settings', {}) });
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4">
        {t('clocks.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('clocks.settings.intro')}
      </Text>
      {settings.isError && (
        <Alert color="red" role="alert">
          {errorText(t, settings.error)}
        </Alert>
      )}
      {settings.data && <ClocksForm initial={settings.data} />}
    </Paper>
  );
}

/**
 * The clocks' own form: saved apart from the office settings, like the backup retention. It owns
 * the values and their errors; its parts (lengths, office calendar, warning times) are handed
 * both and change them only through `change`.
 */
export function ClocksForm({ initial }: { initial: ClockSettings }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const readOnly = !useCan()('clocks.saveSettings');
  const [values, setValues] = useState<ClockFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (next: ClockSettings) => api.call('clocks.saveSettings', next),
    onSuccess: (saved) => {
      queryClient.setQueryData(['clocks.settings'], saved);
      // Every clock shown may have moved.
      void queryClient.invalidateQueries({ queryKey: ['dashboard.clocks'] });
      void queryClient.invalidateQueries({ queryKey: ['requests.get'] });
      setValues(saved);
      notifications.show({ color: 'green', message: t('clocks.settings.saved') });
    },
    onError: (error) => setErrors(fieldErrorsOf(t, error)),
  });

  const form: ClockFormPart = {
    values,
    errors,
    change: (update, ...fields) => {
      setValues(update);
      setErrors((old) => Object.fromEntries(Object.entries(old).filter(([key]) => !fields.includes(key))));
    },
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = clockSettingsSchema.safeParse(toSettings(values));
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(t, fieldProblems(parsed.error)));
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('clocks.settings.title')}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          {Object.keys(errors).length > 0 && (
            <Alert color="red" role="alert">
              {t('settings.fixErrors')}
            </Alert>
          )}
          {save.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              {errorText(t, save.error)}
            </Alert>
          )}
          <ClockLengthsTable {...form} />
          <OfficeCalendarFields {...form} />
          <ClockWarningFields {...form} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('clocks.settings.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
