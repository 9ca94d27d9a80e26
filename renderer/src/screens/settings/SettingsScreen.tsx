import { Alert, Button, Group, Loader, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../../contract/dates.ts';
import { type Settings, settingsSchema } from '../../../../contract/settings.ts';
import { fieldProblems } from '../../../../contract/validate.ts';
import { useApi } from '../../api/context.tsx';
import { type FieldErrors, fieldErrorsOf } from '../../components/field-errors.ts';
import { PeoplePanel } from './PeoplePanel.tsx';
import { BackupsPanel } from './BackupsPanel.tsx';
import { ClockSettingsSection } from './ClocksForm.tsx';
import { LanguagePanel } from './LanguagePanel.tsx';
import { LettersPanel } from './LettersPanel.tsx';
import { ReferencePatternField } from './ReferencePatternField.tsx';
import { SecurityPanel } from './SecurityPanel.tsx';
import { autoDir } from '../../i18n/Bidi.tsx';
import { errorText, problemText } from '../../components/error-text.ts';
import { useAppInfo } from '../../api/app-info.ts';

const DAY_FIELDS = [
  'acknowledgementDays',
  'replyAbroadDays',
  'preservationWarningDays',
  'deadlineWarningDays',
] as const;
/** Sign-in and sessions (issue 6), each with the unit its box shows (a plural key: "1 minute"). */
const SESSION_FIELDS = [
  ['lockoutAttempts', 'sessionSettings.attemptsUnit'],
  ['lockoutMinutes', 'sessionSettings.minutesUnit'],
  ['idleMinutes', 'sessionSettings.minutesUnit'],
] as const;

/** The number in a box, for the plural form of its unit (an empty box reads as many). */
const countOf = (value: number | string): number => (typeof value === 'number' ? value : Number(value) || 0);
const NUMBER_FIELDS = [...DAY_FIELDS, ...SESSION_FIELDS.map(([key]) => key)] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** As the inputs hold them: a number input is '' while empty. */
type FormValues = Omit<Settings, NumberField> & Record<NumberField, number | string>;

function toSettings(values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const key of NUMBER_FIELDS) {
    const v = values[key];
    out[key] = typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v);
  }
  return out;
}

export function SettingsScreen({ today }: { today?: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const settings = useQuery({ queryKey: ['settings.get'], queryFn: () => api.call('settings.get', {}) });
  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('settings.title')}</Title>
      <LanguagePanel />
      {settings.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {settings.isError && (
        <Alert color="red" title={t('errors.storage')}>
          {errorText(t, settings.error)}
        </Alert>
      )}
      {settings.data && <SettingsForm initial={settings.data} year={Number((today ?? localIsoDate()).slice(0, 4))} />}
      <ClockSettingsSection />
      <LettersPanel />
      <BackupsPanel />
      <PeoplePanel />
      <SecurityPanel />
    </Stack>
  );
}

function SettingsForm({ initial, year }: { initial: Settings; year: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  // The channel is for administrators; the others see the settings without changing them.
  const info = useAppInfo();
  const readOnly = info.data !== undefined && !info.data.actor.roles.includes('administrator');

  const save = useMutation({
    mutationFn: (next: Settings) => api.call('settings.update', next),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings.get'], saved);
      setValues(saved);
      notifications.show({ color: 'green', message: t('settings.saved') });
    },
    onError: (error) => setErrors(fieldErrorsOf(t, error)),
  });

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = settingsSchema.safeParse(toSettings(values));
    if (!parsed.success) {
      const found: FieldErrors = {};
      for (const p of fieldProblems(parsed.error)) found[p.field] ??= problemText(t, p);
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate(parsed.data);
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('settings.title')}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          {readOnly && <Alert color="yellow">{t('settings.adminOnly')}</Alert>}
          {hasErrors && (
            <Alert color="red" role="alert">
              {t('settings.fixErrors')}
            </Alert>
          )}
          {save.isError && !hasErrors && (
            <Alert color="red" role="alert">
              {errorText(t, save.error)}
            </Alert>
          )}
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('settings.office')}
            </Title>
            <TextInput
              label={t('settings.officeName')}
              description={t('settings.officeNameHint')}
              value={values.officeName}
              dir={autoDir(values.officeName)}
              onChange={(e) => set('officeName', e.currentTarget.value)}
              error={errors.officeName}
              maw={480}
            />
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              {t('settings.references')}
            </Title>
            <ReferencePatternField
              value={values.referencePattern}
              onChange={(v) => set('referencePattern', v)}
              error={errors.referencePattern}
              year={year}
            />
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h4">
              {t('settings.reminders')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('settings.remindersIntro')}
            </Text>
            <Stack gap="md">
              {DAY_FIELDS.map((key) => (
                <NumberInput
                  key={key}
                  label={t(`settings.${key}`)}
                  description={t(`settings.${key}Hint`)}
                  value={values[key]}
                  onChange={(v) => set(key, v)}
                  error={errors[key]}
                  min={1}
                  max={3650}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  required
                  // A box for a few digits and its unit; the label and hint keep the full width.
                  styles={{ wrapper: { width: 170 } }}
                  rightSection={
                    <Text size="sm" c="dimmed">
                      {t('settings.daysUnit', { count: countOf(values[key]) })}
                    </Text>
                  }
                  rightSectionWidth={48}
                  rightSectionPointerEvents="none"
                />
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h4">
              {t('sessionSettings.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('sessionSettings.intro')}
            </Text>
            <Stack gap="md">
              {SESSION_FIELDS.map(([key, unit]) => (
                <NumberInput
                  key={key}
                  label={t(`sessionSettings.${key}`)}
                  description={t(`sessionSettings.${key}Hint`)}
                  value={values[key]}
                  onChange={(v) => set(key, v)}
                  error={errors[key]}
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  required
                  styles={{ wrapper: { width: 200 } }}
                  rightSection={
                    <Text size="sm" c="dimmed">
                      {t(unit, { count: countOf(values[key]) })}
                    </Text>
                  }
                  rightSectionWidth={72}
                  rightSectionPointerEvents="none"
                />
              ))}
            </Stack>
          </Paper>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
