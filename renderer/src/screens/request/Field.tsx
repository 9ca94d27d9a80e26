import { Text } from '@mantine/core';
import { Isolate, Ltr } from '../../i18n/Bidi.tsx';

/**
 * A labelled value of a request, "—" when empty. The value is the person's data: isolated
 * from the interface's direction, left to right when it is a reference or an identifier.
 */
export function Field({
  label,
  value,
  mono = false,
  ltr = false,
}: {
  label: string;
  value: string | null | undefined;
  mono?: boolean;
  /** A reference or an identifier: left to right in any language. */
  ltr?: boolean;
}) {
  const shown = value && value !== '' ? value : null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap', fontFamily: mono ? 'monospace' : undefined }}>
        {shown === null ? '—' : ltr ? <Ltr>{shown}</Ltr> : <Isolate>{shown}</Isolate>}
      </Text>
    </div>
  );
}
