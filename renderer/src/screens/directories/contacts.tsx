import { Anchor, Stack, Text } from '@mantine/core';
import { Isolate, Ltr } from '../../i18n/Bidi.tsx';
import { countryName } from '../../i18n/index.ts';

/** A name from the directory, in whatever script it was written. */
export function Name({ text }: { text: string }) {
  return (
    <Text size="sm" fw={500}>
      <Isolate>{text}</Isolate>
    </Text>
  );
}

/** Long free text (notes, addresses) keeps its line breaks but not the table's whole height. */
export function LongText({ text }: { text: string | null }) {
  if (text === null) return null;
  return (
    <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-line' }} title={text} dir="auto">
      {text}
    </Text>
  );
}

/** E-mail (a mailto link, which the desktop shell opens in the mail program) and phone. */
export function Contacts({ email, phone }: { email: string | null; phone: string | null }) {
  return (
    <Stack gap={0}>
      {email && (
        <Anchor href={`mailto:${email}`} size="sm">
          <Ltr>{email}</Ltr>
        </Anchor>
      )}
      {phone && (
        <Text size="sm">
          <Ltr>{phone}</Ltr>
        </Text>
      )}
    </Stack>
  );
}

export function Country({ code }: { code: string | null }) {
  return code === null ? null : <Text size="sm">{countryName(code)}</Text>;
}
