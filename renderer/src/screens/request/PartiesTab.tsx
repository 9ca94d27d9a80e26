import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../../../contract/requests.ts';
import { Isolate, Ltr } from '../../i18n/Bidi.tsx';
import { formatDate, languageOf } from '../../i18n/format.ts';
import { countryName } from '../../i18n/index.ts';

export function PartiesTab({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  if (request.parties.length === 0) return <Text c="dimmed">{t('requestForm.noParties')}</Text>;
  return (
    <Table aria-label={t('requestForm.parties')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('requestForm.partyRole')}</Table.Th>
          <Table.Th>{t('requestForm.partyName')}</Table.Th>
          <Table.Th>{t('requestForm.birthDate')}</Table.Th>
          <Table.Th>{t('requestForm.nationality')}</Table.Th>
          <Table.Th>{t('drafting.field.location')}</Table.Th>
          <Table.Th>{t('requestForm.partyIdentifiers')}</Table.Th>
          <Table.Th>{t('requestForm.note')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {request.parties.map((p, i) => (
          <Table.Tr key={i}>
            <Table.Td>{t(`partyRole.${p.role}`)}</Table.Td>
            <Table.Td fw={500}>
              <Isolate>{p.name}</Isolate>
            </Table.Td>
            <Table.Td>{formatDate(p.birthDate, language)}</Table.Td>
            <Table.Td>{p.nationality ? countryName(p.nationality, language) : ''}</Table.Td>
            <Table.Td>{p.location && <Isolate>{p.location}</Isolate>}</Table.Td>
            <Table.Td>{p.identifiers && <Ltr>{p.identifiers}</Ltr>}</Table.Td>
            <Table.Td>{p.note && <Isolate>{p.note}</Isolate>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
