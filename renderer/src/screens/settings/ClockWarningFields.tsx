import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ClockFormPart, daysOrHours } from './clock-form.ts';
import { CountInput } from './CountInput.tsx';

/** Each warning's field (its label and hint keys too) and the unit it is counted in. */
const WARNINGS = [
  { field: 'warningDays', unit: 'calendar_days', unitWidth: 48 },
  { field: 'warningHours', unit: 'hours', unitWidth: 56 },
] as const;

/** How long before a clock runs out it is shown as due soon: in days for day clocks, in hours for hour clocks. */
export function ClockWarningFields({ values, errors, change }: ClockFormPart) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" gap="lg">
      {WARNINGS.map(({ field, unit, unitWidth }) => (
        <CountInput
          key={field}
          label={t(`clocks.settings.${field}`)}
          description={t(`clocks.settings.${field}Hint`)}
          value={values[field]}
          onChange={(v) => change((old) => ({ ...old, [field]: v }), field)}
          error={errors[field]}
          min={0}
          maw={320}
          unit={daysOrHours(t, unit, values[field])}
          unitWidth={unitWidth}
        />
      ))}
    </Group>
  );
}
