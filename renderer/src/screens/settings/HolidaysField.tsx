import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../contract/dates.ts';
import { localised } from '../../../../contract/messages.ts';
import { problemText } from '../../components/error-text.ts';
import { formatDate, languageOf } from '../../i18n/format.ts';
import type { ClockFormPart } from './clock-form.ts';

/**
 * The office's holidays: the list, each with its remove button, and a date box to add one. The
 * day being typed is this field's own; the list is the form's.
 */
export function HolidaysField({ values, errors, change }: ClockFormPart) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const [holiday, setHoliday] = useState('');
  const [holidayError, setHolidayError] = useState<string | null>(null);
  const holidaysId = useId();

  const addHoliday = () => {
    const day = holiday.trim();
    if (!isIsoDate(day)) return setHolidayError(problemText(t, localised('field.isoDate')));
    if (values.holidays.includes(day)) return setHolidayError(problemText(t, localised('clock.field.repeated')));
    change((v) => ({ ...v, holidays: [...v.holidays, day].sort() }), 'holidays');
    setHoliday('');
    setHolidayError(null);
  };

  return (
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
                onClick={() => change((v) => ({ ...v, holidays: v.holidays.filter((h) => h !== day) }), 'holidays')}
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
  );
}
