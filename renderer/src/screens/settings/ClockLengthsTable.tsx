import { Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ADJUSTABLE_CLOCKS,
  type AdjustableClock,
  CLOCK_UNITS_ALLOWED,
  type ClockUnit,
  isPreservationClock,
} from '../../../../contract/clocks.ts';
import { useApi } from '../../api/context.tsx';
import { type ClockFormPart, daysOrHours, type Num } from './clock-form.ts';
import { CountInput } from './CountInput.tsx';

/** Each adjustable clock's length and unit, and a preservation's extension; then the reminder times they reuse. */
export function ClockLengthsTable(form: ClockFormPart) {
  const { t } = useTranslation();
  const api = useApi();
  // The reminder times are the acknowledgement and reply clocks' lengths: shown, edited above.
  const office = useQuery({ queryKey: ['settings.get'], queryFn: () => api.call('settings.get', {}) });
  return (
    <>
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
            {ADJUSTABLE_CLOCKS.map((id) => (
              <ClockRow key={id} id={id} {...form} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {office.data && (
        <Text size="sm" c="dimmed">
          {t('clocks.settings.reminders', {
            ack: t('clocks.settings.days', { count: office.data.acknowledgementDays }),
            reply: t('clocks.settings.days', { count: office.data.replyAbroadDays }),
          })}
        </Text>
      )}
    </>
  );
}

function ClockRow({ id, values, errors, change }: ClockFormPart & { id: AdjustableClock }) {
  const { t } = useTranslation();
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
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {name}
        <Text size="xs" c="dimmed" fw={400}>
          {t(`clocks.descriptions.${id}`)}
        </Text>
      </Table.Th>
      <Table.Td>
        <CountInput
          aria-label={`${name}: ${t('clocks.settings.length')}`}
          value={length}
          onChange={(v) => setLength({ length: v })}
          error={errors[`lengths.${id}.length`]}
          min={1}
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
          <CountInput
            aria-label={`${name}: ${t('clocks.settings.extension')}`}
            value={values.extensions[id]}
            onChange={(v) =>
              change((old) => ({ ...old, extensions: { ...old.extensions, [id]: v } }), `extensions.${id}`)
            }
            error={errors[`extensions.${id}`]}
            min={1}
            w={140}
            unit={daysOrHours(t, 'calendar_days', values.extensions[id])}
            unitWidth={48}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
