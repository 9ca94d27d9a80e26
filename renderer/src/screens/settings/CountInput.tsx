import { NumberInput, type NumberInputProps, Text } from '@mantine/core';

/**
 * A whole number of days or hours, typed freely (the form's schema judges it on save, so nothing
 * is clamped while typing), with its unit shown inside the box when one is given.
 */
export function CountInput({ unit, unitWidth, ...props }: NumberInputProps & { unit?: string; unitWidth?: number }) {
  const unitSection = unit !== undefined && {
    rightSection: (
      <Text size="sm" c="dimmed">
        {unit}
      </Text>
    ),
    rightSectionWidth: unitWidth,
    rightSectionPointerEvents: 'none' as const,
  };
  return <NumberInput allowDecimal={false} allowNegative={false} clampBehavior="none" {...props} {...unitSection} />;
}
