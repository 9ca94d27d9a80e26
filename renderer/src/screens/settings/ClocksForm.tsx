import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { systemTimeZone } from '../../../../contract/clock-calendar.ts';
import {
  ADJUSTABLE_CLOCKS,
  type AdjustableClock,
  CLOCK_UNITS_ALLOWED,
  type ClockUnit,
  isPreservationClock,
  PRESERVATION_CLOCKS,
  type PreservationClock,
} from '../../../../contract/clocks.ts';
import { isIsoDate } from '../../../../contract/dates.ts';
import { localised } from '../../../../contract/messages.ts';
import { type ClockSettings, clockSettingsSchema } from '../../../../contract/settings.ts';
import { fieldProblems } from '../../../../contract/validate.ts';
import { localeOf } from '../../../../i18n/languages.ts';
import { useApi } from '../../api/context.tsx';
import { errorText, problemText } from '../../components/error-text.ts';
import { type FieldErrors, fieldErrorsFrom, fieldErrorsOf } from '../../components/field-errors.ts';
import { formatDate, languageOf } from '../../i18n/format.ts';
import { useCan } from '../../session/SessionContext.tsx';

/** A number box holds '' while empty. */
type Num = number | string;
interface Values {
  lengths: Record<AdjustableClock, { length: Num; unit: ClockUnit }>;
  extensions: Record<PreservationClock, Num>;
  weekendDays: number[];
  holidays: string[];
  timeZone: string;
  warningDays: Num;
  warningHours: Num;
}

const toNumber = (v: Num): number | undefined => (typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v));

function toSettings(v: Values): Record<string, unknown> {
  return {
    ...v,
    lengths: Object.fromEntries(
      ADJUSTABLE_CLOCKS.map((id) => [id, { length: toNumber(v.lengths[id].length), unit: v.lengths[id].unit }]),
    ),
    extensions: Object.fromEntries(PRESERVATION_CLOCKS.map((id) => [id, toNumber(v.extensions[id])])),
    warningDays: toNumber(v.warningDays),
    warningHours: toNumber(v.warningHours),
  };
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The choice of "this computer's zone" (stored as ''): a Select cannot offer '' as a value. */
const SYSTEM_ZONE = 'system';

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

/** The clocks' own form: saved apart from the office settings, like the backup retention. */
export function ClocksForm({ initial }: { initial: ClockSettings }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const api = useApi();
  const queryClient = useQueryClient();
  const readOnly = !useCan()('clocks.saveSettings');
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [holiday, setHoliday] = useState('');
  const [holidayError, setHolidayError] = useState<string | null>(null);
  const holidaysId = useId();
  // The reminder times are the acknowledgement and reply clocks' lengths: shown, edited above.
  const office = useQuery({ queryKey: ['settings.get'], queryFn: () => api.call('settings.get', {}) });
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const weekdayName = useMemo(() => {
    const format = new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', timeZone: 'UTC' });
    // 1 January 2024 was a Monday.
    return (day: number) => format.format(new Date(Date.UTC(2024, 0, day)));
  }, [language]);

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

  const change = (update: (v: Values) => Values, ...fields: string[]) => {
    setValues(update);
    setErrors((old) => Object.fromEntries(Object.entries(old).filter(([key]) => !fields.includes(key))));
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

  const addHoliday = () => {
    const day = holiday.trim();
    if (!isIsoDate(day)) return setHolidayError(problemText(t, localised('field.isoDate')));
    if (values.holidays.includes(day)) return setHolidayError(problemText(t, localised('clock.field.repeated')));
    change((v) => ({ ...v, holidays: [...v.holidays, day].sort() }), 'holidays');
    setHoliday('');
    setHolidayError(null);
  };

  const daysOrHours = (unit: ClockUnit, count: Num) =>
    t(unit === 'hours' ? 'clocks.settings.hoursUnit' : 'clocks.settings.daysUnit', { count: toNumber(count) ?? 0 });

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
          <Title order={4} size="h5">
            {t('clocks.settings.lengths')}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('clocks.columns.clock')}</Table.Th>
                  <Table.Th scope="col">{t('clocks.settings.length')}</Table.Th>
                  <Table.Th scope="col">{t('clocks.settings.unit')}</Table.Th>
                  <Table.Th scope="col">{t('clocks.settings.extension')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ADJUSTABLE_CLOCKS.map((id) => {
                  const name = t(`clocks.names.${id}`);
                  const { length, unit } = values.lengths[id];
                  const units = CLOCK_UNITS_ALLOWED[id];
                  const setLength = (next: Partial<{ length: Num; unit: ClockUnit }>) =>
                    change(
                      (v) => ({ ...v, lengths: { ...v.lengths, [id]: { ...v.lengths[id], ...next } } }),
                      `lengths.${id}.length`,
                      `lengths.${id}.unit`,
                    );
                  return (
                    <Table.Tr key={id}>
                      <Table.Th scope="row" fw={500}>
                        {name}
                        <Text size="xs" c="dimmed" fw={400}>
                          {t(`clocks.descriptions.${id}`)}
                        </Text>
                      </Table.Th>
                      <Table.Td>
                        <NumberInput
                          aria-label={`${name}: ${t('clocks.settings.length')}`}
                          value={length}
                          onChange={(v) => setLength({ length: v })}
                          error={errors[`lengths.${id}.length`]}
                          min={1}
                          allowDecimal={false}
                          allowNegative={false}
                          clampBehavior="none"
                          w={110}
                        />
                      </Table.Td>
                      <Table.Td>
                        {units.length > 1 ? (
                          <Select
                            aria-label={`${name}: ${t('clocks.settings.unit')}`}
                            data={units.map((u) => ({ value: u, label: t(`clocks.units.${u}`) }))}
                            value={unit}
                            onChange={(v) => v && setLength({ unit: v as ClockUnit })}
                            error={errors[`lengths.${id}.unit`]}
                            allowDeselect={false}
                            w={170}
                          />
                        ) : (
                          <Text size="sm">{t(`clocks.units.${unit}`)}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {isPreservationClock(id) && (
                          <NumberInput
                            aria-label={`${name}: ${t('clocks.settings.extension')}`}
                            value={values.extensions[id]}
                            onChange={(v) =>
                              change(
                                (old) => ({ ...old, extensions: { ...old.extensions, [id]: v } }),
                                `extensions.${id}`,
                              )
                            }
                            error={errors[`extensions.${id}`]}
                            min={1}
                            allowDecimal={false}
                            allowNegative={false}
                            clampBehavior="none"
                            w={140}
                            rightSection={
                              <Text size="sm" c="dimmed">
                                {daysOrHours('calendar_days', values.extensions[id])}
                              </Text>
                            }
                            rightSectionWidth={48}
                            rightSectionPointerEvents="none"
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {office.data && (
            <Text size="sm" c="dimmed">
              {t('clocks.settings.reminders', {
                ack: office.data.acknowledgementDays,
                reply: office.data.replyAbroadDays,
              })}
            </Text>
          )}

          <Title order={4} size="h5">
            {t('clocks.settings.calendar')}
          </Title>
          <Checkbox.Group
            label={t('clocks.settings.weekend')}
            description={t('clocks.settings.weekendHint')}
            value={values.weekendDays.map(String)}
            onChange={(days) =>
              change((v) => ({ ...v, weekendDays: days.map(Number).sort((a, b) => a - b) }), 'weekendDays')
            }
            error={errors['weekendDays']}
          >
            <Group gap="md" mt="xs">
              {WEEKDAYS.map((day) => (
                <Checkbox key={day} value={String(day)} label={weekdayName(day)} />
              ))}
            </Group>
          </Checkbox.Group>

          <Stack gap={6}>
            <Text size="sm" fw={500} id={holidaysId}>
              {t('clocks.settings.holidays')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('clocks.settings.holidaysHint')}
            </Text>
            {values.holidays.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('clocks.settings.noHolidays')}
              </Text>
            ) : (
              <Group gap="xs" role="list" aria-labelledby={holidaysId}>
                {values.holidays.map((day) => (
                  <Group key={day} gap={4} role="listitem" wrap="nowrap">
                    <Text size="sm">{formatDate(day, language)}</Text>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={t('clocks.settings.removeHoliday', { date: formatDate(day, language) })}
                      onClick={() =>
                        change((v) => ({ ...v, holidays: v.holidays.filter((h) => h !== day) }), 'holidays')
                      }
                    >
                      ×
                    </ActionIcon>
                  </Group>
                ))}
              </Group>
            )}
            {errors['holidays'] && (
              <Text size="sm" c="red" role="alert">
                {errors['holidays']}
              </Text>
            )}
            <Group align="flex-end" gap="xs">
              <TextInput
                type="date"
                label={t('clocks.settings.holidayDate')}
                value={holiday}
                onChange={(e) => {
                  setHoliday(e.currentTarget.value);
                  setHolidayError(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addHoliday();
                  }
                }}
                error={holidayError}
                w={200}
              />
              <Button variant="default" onClick={addHoliday}>
                {t('clocks.settings.addHoliday')}
              </Button>
            </Group>
          </Stack>

          <Select
            label={t('clocks.settings.timeZone')}
            description={t('clocks.settings.timeZoneHint')}
            data={[
              { value: SYSTEM_ZONE, label: t('clocks.settings.systemZone', { zone: systemTimeZone() }) },
              ...zones,
            ]}
            value={values.timeZone === '' ? SYSTEM_ZONE : values.timeZone}
            onChange={(v) =>
              change((old) => ({ ...old, timeZone: v === null || v === SYSTEM_ZONE ? '' : v }), 'timeZone')
            }
            error={errors['timeZone']}
            searchable
            allowDeselect={false}
            maw={420}
          />

          <Group align="flex-start" gap="lg">
            <NumberInput
              label={t('clocks.settings.warningDays')}
              description={t('clocks.settings.warningDaysHint')}
              value={values.warningDays}
              onChange={(v) => change((old) => ({ ...old, warningDays: v }), 'warningDays')}
              error={errors['warningDays']}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              maw={320}
              rightSection={
                <Text size="sm" c="dimmed">
                  {daysOrHours('calendar_days', values.warningDays)}
                </Text>
              }
              rightSectionWidth={48}
              rightSectionPointerEvents="none"
            />
            <NumberInput
              label={t('clocks.settings.warningHours')}
              description={t('clocks.settings.warningHoursHint')}
              value={values.warningHours}
              onChange={(v) => change((old) => ({ ...old, warningHours: v }), 'warningHours')}
              error={errors['warningHours']}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              maw={320}
              rightSection={
                <Text size="sm" c="dimmed">
                  {daysOrHours('hours', values.warningHours)}
                </Text>
              }
              rightSectionWidth={56}
              rightSectionPointerEvents="none"
            />
          </Group>
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
