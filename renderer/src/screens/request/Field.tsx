import { Text } from '@mantine/core';

/** A labelled value of a request, "—" when empty. */
export function Field({
  label,
  value,
  mono = false,
}: {
  label: string;
  value: string | null | undefined;
  mono?: boolean;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap', fontFamily: mono ? 'monospace' : undefined }}>
        {value && value !== '' ? value : '—'}
      </Text>
    </div>
  );
}
