import { Anchor, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Isolate, Ltr } from '../../i18n/Bidi.tsx';
import { countryName } from '../../i18n/index.ts';
import type { Column } from './DirectoryTab.tsx';

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

/** An authority in the directory: what its table shows of it. */
interface Authority {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
}

/** The columns the two authorities' tables share: name, contact, address, notes. */
export function authorityColumns<E extends Authority>(t: TFunction): Column<E>[] {
  return [
    { header: t('directories.fields.name'), render: (e) => <Name text={e.name} /> },
    { header: t('directories.fields.contact'), render: (e) => <Contacts email={e.email} phone={e.phone} /> },
    { header: t('directories.fields.address'), render: (e) => <LongText text={e.address} /> },
    { header: t('directories.fields.notes'), render: (e) => <LongText text={e.notes} /> },
  ];
}
