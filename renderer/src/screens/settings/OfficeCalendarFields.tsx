import { Checkbox, Group, Select, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { systemTimeZone } from '../../../../contract/clock-calendar.ts';
import { localeOf } from '../../../../i18n/languages.ts';
import { languageOf } from '../../i18n/format.ts';
import type { ClockFormPart } from './clock-form.ts';
import { HolidaysField } from './HolidaysField.tsx';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The choice of "this computer's zone" (stored as ''): a Select cannot offer '' as a value. */
const SYSTEM_ZONE = 'system';

/** The office calendar working days are counted on: its weekend days, its holidays and its time zone. */
export function OfficeCalendarFields(form: ClockFormPart) {
  const { values, errors, change } = form;
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const weekdayName = useMemo(() => {
    const format = new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', timeZone: 'UTC' });
    // 1 January 2024 was a Monday.
    return (day: number) => format.format(new Date(Date.UTC(2024, 0, day)));
  }, [language]);

  return (
    <>
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

      <HolidaysField {...form} />

      <Select
        label={t('clocks.settings.timeZone')}
        description={t('clocks.settings.timeZoneHint')}
        data={[{ value: SYSTEM_ZONE, label: t('clocks.settings.systemZone', { zone: systemTimeZone() }) }, ...zones]}
        value={values.timeZone === '' ? SYSTEM_ZONE : values.timeZone}
        onChange={(v) => change((old) => ({ ...old, timeZone: v === null || v === SYSTEM_ZONE ? '' : v }), 'timeZone')}
        error={errors['timeZone']}
        searchable
        allowDeselect={false}
        maw={420}
      />
    </>
  );
}
