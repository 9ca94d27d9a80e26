import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORIES } from '../../../../contract/codes.ts';
import type { RequestDetail } from '../../../../contract/requests.ts';
import { Isolate, Ltr } from '../../i18n/Bidi.tsx';
import { formatDate, languageOf } from '../../i18n/format.ts';
import { Field } from './Field.tsx';

/** Identifiers with their exact period (stored with the UTC offset), the data sought, the provider. */
export function EEvidenceTab({ request: r }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const categories = r.assistance.filter((a) => (DATA_CATEGORIES as readonly string[]).includes(a));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('form.serviceProvider')} value={r.serviceProvider} />
        <Field label={t('requestTabs.dataCategories')} value={categories.map((c) => t(`assistance.${c}`)).join('; ')} />
        {r.kind === 'preservation' && (
          <Field label={t('requestForm.preservedUntil')} value={formatDate(r.preservedUntil, language)} />
        )}
        {r.kind === 'emergency_disclosure' && (
          <Field label={t('drafting.field.emergencyJustification')} value={r.emergencyJustification} />
        )}
      </SimpleGrid>
      {r.identifiers.length === 0 ? (
        <Text c="dimmed">{t('requestForm.noIdentifiers')}</Text>
      ) : (
        <Table aria-label={t('requestTabs.identifiers')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('requestForm.identifierType')}</Table.Th>
              <Table.Th>{t('requestForm.identifierValue')}</Table.Th>
              <Table.Th>{t('requestForm.from')}</Table.Th>
              <Table.Th>{t('requestForm.to')}</Table.Th>
              <Table.Th>{t('requestForm.timeZone')}</Table.Th>
              <Table.Th>{t('requestForm.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.identifiers.map((i, n) => (
              <Table.Tr key={n}>
                <Table.Td>{t(`identifierType.${i.type}`)}</Table.Td>
                {/* Identifiers and their exact times are evidence, written as given: left to right
                    in any language, the times in ISO form with their UTC offset. */}
                <Table.Td ff="monospace">
                  <Ltr>{i.value}</Ltr>
                </Table.Td>
                <Table.Td ff="monospace">{i.fromAt && <Ltr>{i.fromAt}</Ltr>}</Table.Td>
                <Table.Td ff="monospace">{i.toAt && <Ltr>{i.toAt}</Ltr>}</Table.Td>
                <Table.Td>{i.timeZone && <Ltr>{i.timeZone}</Ltr>}</Table.Td>
                <Table.Td>{i.note && <Isolate>{i.note}</Isolate>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
