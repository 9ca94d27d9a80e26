import { Alert, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupList } from '../../../../contract/backups.ts';
import { type BackupRetention, backupRetentionSchema } from '../../../../contract/settings.ts';
import { fieldProblems } from '../../../../contract/validate.ts';
import { useApi } from '../../api/context.tsx';
import { type FieldErrors, fieldErrorsOf } from '../../components/field-errors.ts';
import { errorText, problemText } from '../../components/error-text.ts';

const FIELDS = ['keepDaily', 'keepOnDemand', 'keepEventDays'] as const;
type Values = Record<(typeof FIELDS)[number], number | string>;

/** How many backups are kept: its own small form, saved apart from the office's settings. */
export function RetentionForm({ initial }: { initial: BackupRetention }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (retention: BackupRetention) => api.call('backups.retention', retention),
    onSuccess: (saved) => {
      setValues(saved);
      queryClient.setQueryData<BackupList>(['backups.list'], (list) => (list ? { ...list, retention: saved } : list));
      notifications.show({ color: 'green', message: t('backups.retentionSaved') });
    },
    onError: (error) => setErrors(fieldErrorsOf(t, error)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = Object.fromEntries(
      FIELDS.map((key) => {
        const v = values[key];
        return [key, typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v)];
      }),
    );
    const parsed = backupRetentionSchema.safeParse(typed);
    if (!parsed.success) {
      const found: FieldErrors = {};
      for (const p of fieldProblems(parsed.error)) found[p.field] ??= problemText(t, p);
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };

  const field = (key: (typeof FIELDS)[number], unit?: string, hint?: string) => (
    <NumberInput
      label={t(`backups.${key}`)}
      description={hint}
      value={values[key]}
      onChange={(v) => {
        setValues((old) => ({ ...old, [key]: v }));
        setErrors(({ [key]: _dropped, ...rest }) => rest);
      }}
      error={errors[key]}
      min={1}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      required
      styles={{ wrapper: { width: 170 } }}
      rightSection={
        unit ? (
          <Text size="sm" c="dimmed">
            {unit}
          </Text>
        ) : undefined
      }
      rightSectionWidth={unit ? 48 : undefined}
      rightSectionPointerEvents="none"
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('backups.retention')}>
      <Stack gap="sm">
        <div>
          <Title order={4} size="h5">
            {t('backups.retention')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('backups.retentionIntro')}
          </Text>
        </div>
        {save.isError && Object.keys(errors).length === 0 && (
          <Alert color="red" role="alert">
            {errorText(t, save.error)}
          </Alert>
        )}
        {field('keepDaily')}
        {field('keepOnDemand')}
        {field(
          'keepEventDays',
          t('backups.daysUnit', { count: Number(values.keepEventDays) || 0 }),
          t('backups.keepEventDaysHint'),
        )}
        <Group>
          <Button type="submit" variant="light" loading={save.isPending}>
            {t('backups.saveRetention')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
