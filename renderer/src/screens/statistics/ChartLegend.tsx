import { Group, Text } from '@mantine/core';

/** What recharts hands a legend's content for each series (the parts drawn here). */
interface Entry {
  value?: unknown;
  type?: string;
  color?: string;
  payload?: { stroke?: string; strokeDasharray?: string | number };
}

/**
 * The charts' legend, drawn by us rather than by recharts, whose items are laid out with
 * physical margins: here each swatch stands before its name in the reading direction, so in
 * Arabic the swatch is on the right and the series run from the right, as the table's columns do.
 */
export function ChartLegend({ payload, dir }: { payload?: readonly Entry[]; dir: 'ltr' | 'rtl' }) {
  return (
    <Group component="ul" gap="md" justify="center" dir={dir} m={0} p={0} style={{ listStyle: 'none' }}>
      {(payload ?? []).map((entry, i) => (
        <Group component="li" key={i} gap={6} wrap="nowrap">
          <Swatch entry={entry} />
          <Text size="sm">{String(entry.value ?? '')}</Text>
        </Group>
      ))}
    </Group>
  );
}

function Swatch({ entry }: { entry: Entry }) {
  const stroke = entry.payload?.stroke ?? entry.color ?? '#000000';
  return (
    <svg width="24" height="14" viewBox="0 0 24 14" aria-hidden="true" focusable="false">
      {entry.type === 'line' ? (
        <>
          <line
            x1="0"
            y1="7"
            x2="24"
            y2="7"
            stroke={stroke}
            strokeWidth="2"
            strokeDasharray={entry.payload?.strokeDasharray}
          />
          <circle cx="12" cy="7" r="3.5" fill="#ffffff" stroke={stroke} strokeWidth="2" />
        </>
      ) : (
        <rect x="1" y="1" width="22" height="12" fill={entry.color} stroke={stroke} />
      )}
    </svg>
  );
}
